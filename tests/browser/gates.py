"""The quality gates as small functions, used by the real tests and by the tests that break them.

Every function returns a list of readable problems (empty means the gate passes) or, for the
external checkers, a result object; the tests assert on those.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from tests.support import BUILD_NOW
from werkplaatsen.build.sitecheck import broken_links, facts
from werkplaatsen.model.fields import TIMEZONE as SITE_TIMEZONE
from werkplaatsen.model.fields import parse_datetime
from werkplaatsen.system.places import ROOT
from werkplaatsen.system.programs import locate

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
]
TIMEZONE = SITE_TIMEZONE.key
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def new_context(browser, now: str | None = BUILD_NOW, **options):
    """A browser context in the site's time zone, its clock frozen at `now` (None: real time).

    static/js/status.js re-checks registration dates against the browser clock, so the browser must
    see the moment the site was built at, or it corrects the pages to the real date.
    """
    context = browser.new_context(timezone_id=TIMEZONE, locale="nl-NL", **options)
    if now:
        context.clock.set_fixed_time(parse_datetime(now))
    return context


# --- Console, page errors and requests -------------------------------------------------------


@dataclass
class PageRecord:
    """What one page did in the browser: console messages, uncaught errors and requested hosts."""

    url: str
    allowed_host: str
    console: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every requested URL
    failed: list[str] = field(default_factory=list)  # "404 http://..." for responses >= 400

    def problems(self) -> list[str]:
        found = []
        for kind, text in self.console:
            if "Content Security Policy" in text:
                found.append(f"CSP violation: {text}")
            elif kind == "error":
                found.append(f"console error: {text}")
        found += [f"uncaught error: {text}" for text in self.page_errors]
        found += [f"HTTP {failure}" for failure in self.failed]
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.netloc != self.allowed_host:
                found.append(f"request to another host: {url}")
        return found


class Recorder:
    """Records what a page does while it visits URLs; one tab is reused (a new tab costs ~0.3 s)."""

    def __init__(self, page, allowed_host: str | None = None):
        self.page = page
        self.allowed_host = allowed_host
        self.current: PageRecord | None = None
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.current and self.current.page_errors.append(str(error)))
        page.on("request", lambda request: self.current and self.current.requests.append(request.url))
        page.on("response", self._response)
        page.on("requestfailed", self._failed)

    def _console(self, message):
        if self.current:
            source = message.location.get("url") if message.type == "error" else ""
            text = f"{message.text} [{source}]" if source else message.text
            self.current.console.append((message.type, text))

    def _failed(self, request):
        # net::ERR_ABORTED is a request cancelled by the next navigation (such as the icon,
        # fetched after `load`), not a failure of the page; blocked requests show as CSP errors.
        if self.current and request.failure != "net::ERR_ABORTED":
            self.current.failed.append(f"request failed ({request.failure}): {request.url}")

    def _response(self, response):
        if self.current and response.status >= 400:
            self.current.failed.append(f"{response.status}: {response.url}")

    def visit(self, url: str) -> PageRecord:
        """Navigate to `url` and wait for `load` (deferred scripts have run); return its record."""
        self.current = PageRecord(url=url, allowed_host=self.allowed_host or urlsplit(url).netloc)
        self.page.goto(url, wait_until="load")
        # A round trip to the page, so console messages sent during loading have arrived.
        self.page.evaluate("0")
        return self.current


def open_page(context, url: str, allowed_host: str | None = None):
    """Open `url` in a new tab of `context`, recording what happens; return (page, record)."""
    recorder = Recorder(context.new_page(), allowed_host)
    return recorder.page, recorder.visit(url)


def browser_problems(recorder: Recorder, url: str) -> list[str]:
    """Visit `url` and list its CSP violations, console errors, uncaught errors and other hosts."""
    return recorder.visit(url).problems()


# --- Accessibility ----------------------------------------------------------------------------

_AXE = Axe()


def axe_violations(page) -> list[str]:
    """axe-core (WCAG 2.0/2.1 A and AA) on the open page: one line per violation and element."""
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                      "resultTypes": ["violations"]})
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            snippet = " ".join(node.get("html", "").split())[:160]
            lines.append(f"{violation['id']} ({violation['impact']}) at {target} {snippet}: "
                         f"{violation['help']}. {summary}")
    return lines


def horizontal_overflow(page) -> str | None:
    """A message when the page scrolls sideways (wider than the viewport), else None."""
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll <= client:
        return None
    culprits = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        return Array.from(document.querySelectorAll('body *'))
          .filter(el => el.getBoundingClientRect().right > width + 0.5)
          .filter(el => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 0.5)
          .slice(0, 5)
          .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
               (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
               ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)');
    }""")
    return f"scrollWidth {scroll}px > clientWidth {client}px; widest elements: {', '.join(culprits) or '?'}"


_FOCUS_STYLE = """el => {
    const s = getComputedStyle(el);
    return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
            outlineColor: s.outlineColor, boxShadow: s.boxShadow,
            visible: !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)};
}"""


def focus_style(locator) -> dict:
    return locator.evaluate(_FOCUS_STYLE)


def focus_indicator_problem(unfocused: dict, focused: dict) -> str | None:
    """None when the focused style shows a clear indicator: an outline of at least 2 px or a new
    box-shadow ring, different from the unfocused style; else a message."""
    outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    outline_changed = (outline and (unfocused["outlineStyle"] == "none" or unfocused["outlineWidth"] < 2
                                    or unfocused["outlineColor"] != focused["outlineColor"]
                                    or unfocused["outlineWidth"] != focused["outlineWidth"]))
    shadow_changed = focused["boxShadow"] not in ("none", "") and focused["boxShadow"] != unfocused["boxShadow"]
    if outline_changed or shadow_changed:
        return None
    return f"no visible focus indicator: unfocused {unfocused}, focused {focused}"


# --- Nu HTML checker --------------------------------------------------------------------------


def vnu_errors(directory: Path) -> list[str]:
    """The Nu HTML checker over every HTML file under `directory`: one line per error."""
    result = subprocess.run(
        [locate("java"), "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "gnu", str(directory)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if result.returncode not in (0, 1):
        raise RuntimeError(f"vnu did not run (exit {result.returncode}): {result.stderr}")
    if result.returncode == 1 and not lines:
        raise RuntimeError("vnu exited 1 without messages")
    prefix = str(directory).rstrip("/") + "/"
    return [line.replace('"file:' + prefix, '"').replace(prefix, "") for line in lines]


# --- LinkChecker ------------------------------------------------------------------------------

# Links only: LinkChecker's anchor check is not deterministic in threaded runs (upstream issues
# 179, 542, 555, 568). Anchors are checked by anchor_problems() below.
LINKCHECKER_CONFIG = """\
[checking]
threads=8
maxrequestspersecond=1000
[filtering]
checkextern=0
[output]
status=0
"""

_SUMMARY = re.compile(r"(\d+) warnings? found.*?(\d+) errors? found", re.S)


@dataclass
class LinkReport:
    returncode: int
    output: str
    warnings: int
    errors: int

    @property
    def checked(self) -> int:
        """How many links LinkChecker checked ("159 links in 159 URLs checked")."""
        match = re.search(r"(\d+) links? in \d+ URLs? checked", self.output)
        return int(match.group(1)) if match else 0

    @property
    def clean(self) -> bool:
        return self.returncode == 0 and self.warnings == 0 and self.errors == 0


def anchor_problems(directory: Path) -> list[str]:
    """Every internal link and #anchor in the HTML files under `directory` that leads nowhere.

    The same deterministic check the build runs (werkplaatsen.build.sitecheck), here over any folder.
    """
    pages, files = {}, set()
    for path in sorted(directory.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(directory).as_posix()
        url = "/" + relative.removesuffix("index.html")
        if path.suffix == ".html":
            pages[url] = facts(path.read_text(encoding="utf-8"))
            if relative.endswith("index.html"):
                pages["/" + relative] = pages[url]
        files.add("/" + relative)
    return [str(error) for error in broken_links(pages, files, {}, {})]


def linkcheck(start_url: str, workdir: Path) -> LinkReport:
    """LinkChecker over http from `start_url`, recursively, internal links only.

    The server must send a `LinkChecker` header, or LinkChecker throttles to a few requests a second.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)  # LinkChecker drops to user nobody when run as root
    config = workdir / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    config.chmod(0o644)
    host = re.escape(urlsplit(start_url).netloc)
    result = subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", str(config), "--recursion-level=-1",
         "--ignore-url", rf"^(?!https?://{host}(/|$))", "--no-robots", "--output=text", start_url],
        capture_output=True, text=True, check=False, timeout=300, cwd=workdir,
    )
    output = result.stdout + result.stderr
    match = _SUMMARY.search(output)
    if not match:
        raise RuntimeError(f"LinkChecker gave no summary (exit {result.returncode}):\n{output}")
    return LinkReport(result.returncode, output, int(match.group(1)), int(match.group(2)))
