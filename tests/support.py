"""What the tests share: the real build run into a temporary folder, the fixture site and its clocks,
copies of its content with edits, settings files, processes, tiny files, and readers of what the build
wrote (search index records, structured data, example pages). A test module is a list of tests and
never imports another, nor a conftest.py: a helper used by more than one lives here (area-only ones in
tests/browser/gates.py, tests/browser/editor.py, tests/build/preview_support.py and
tests/hosting/checks.py); the conftest.py files hold fixtures and hooks."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import textwrap
import zlib
from dataclasses import dataclass
from pathlib import Path

import extruct
from bs4 import BeautifulSoup

import pelicanconf
from werkplaatsen.model.contenttypes import BY_NAME, THEME_FACET, TYPES
from werkplaatsen.model.routes import (ADMIN_URL, HOME_URL, LESSONS_URL, THEMES_URL, facet_url, lessons_url,
                                       theme_url)
from werkplaatsen.model.schemas import Sessie
from werkplaatsen.reading import frontmatter
from werkplaatsen.reading.validation import validate
from werkplaatsen.system.places import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
# The small fixture site: every registration state, every content type.
FIXTURE_CONTENT = FIXTURES / "site" / "content"

# The frozen clock of the build tests on the real content: during round 2's registration period.
BUILD_NOW = "2019-09-10 12:00"

# Moments in the fixture site's round 9 (registration 2030-08-01 09:00 to 2030-09-20 17:00, sessions
# 8 to 30 October 2030, the report of session 1 dated 2030-10-20), as frozen clocks for its builds.
BEFORE_REGISTRATION = "2030-07-01 10:00"
REGISTRATION_OPEN = "2030-09-01 10:00"  # /sessies/gewoon/ open, the report still to appear
REGISTRATION_CLOSED = "2030-09-25 10:00"
REPORT_PUBLISHED = "2030-10-21 10:00"  # the day after the report's date; some sessions held
SESSIONS_OVER = "2030-11-01 10:00"
# The public address production builds in the tests get (WERKPLAATSEN_SITEURL).
SITE_URL = "https://werkplaatsen.example"
LOCAL = pelicanconf.SITEURL  # the address of make html's and the preview's links


# --- The real build ---

@dataclass
class Build:
    """The result of one real build: exit code, messages and the output folder."""

    returncode: int
    stdout: str
    stderr: str
    output: Path

    def page(self, url: str) -> BeautifulSoup:
        path = self.output / url.strip("/") / "index.html" if not url.endswith(".html") else self.output / url.lstrip("/")
        assert path.is_file(), f"{url} was not built ({path})"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        """Every page of the site; the browser editor (/beheer/) is no page of it."""
        admin = self.output / ADMIN_URL.strip("/")
        return sorted(path for path in self.output.rglob("*.html") if not path.is_relative_to(admin))

    def url_of(self, path: Path) -> str:
        """The URL of a built page, as the build names it: /sessies/naam/ for an index.html, else the file."""
        return "/" + path.relative_to(self.output).as_posix().removesuffix("index.html")


def build(content: Path, output: Path, now: str | None = BUILD_NOW, settings: str = "pelicanconf.py",
          extra_env: dict | None = None) -> Build:
    """Run the real build, as `make html` and `make publish` do, with a frozen clock."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "WERKPLAATSEN_SITEURL": SITE_URL, **(extra_env or {})}
    env.pop("WERKPLAATSEN_NU", None)
    if now:
        env["WERKPLAATSEN_NU"] = now
    result = subprocess.run(
        [sys.executable, "-m", "werkplaatsen.build", "--settings", settings, "--content", str(content),
         "--output", str(output)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    return Build(result.returncode, result.stdout, result.stderr, output)


def settings_file(path: Path, *lines: str) -> Path:
    """A Pelican settings file at `path`: the project's pelicanconf.py, then `lines` of Python that change it."""
    head = ["import sys", f"sys.path.insert(0, {str(ROOT)!r})", "from pelicanconf import *"]
    path.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
    return path


def make(folder: Path, *arguments: str, timeout: int = 900) -> subprocess.CompletedProcess:
    """The Makefile in `folder`, as a newcomer runs it (no terminal input)."""
    return subprocess.run(["make", "--no-print-directory", "-C", str(folder), *arguments], capture_output=True,
                          text=True, check=False, timeout=timeout, stdin=subprocess.DEVNULL)


def process_name(pid: int) -> str:
    """The name of a running process ("" once it has ended)."""
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def descendants(pid: int) -> list[int]:
    """Every living process below `pid`, from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def ical_text(written: str) -> str:
    """An iCalendar TEXT value as written, unescaped (RFC 5545, 3.3.11): icalendar leaves properties
    it does not know, such as X-WR-CALNAME, as they stand."""
    return re.sub(r"\\([\\;,nN])", lambda found: "\n" if found.group(1) in "nN" else found.group(1), written)


def validation_context() -> dict:
    """What schema validation needs besides the data: the vocabulary and the allowed websites."""
    import pelicanconf
    from werkplaatsen.model.vocabulary import vocabulary
    from werkplaatsen.reading.catalog import LoadOptions

    options = LoadOptions.from_settings(vars(pelicanconf))
    return {"vocabulary": vocabulary(), "hosts": options.hosts}


# --- Edits to a copy of the fixture content: each returns a change, applied as change(content) ---

def copy_fixture_content(folder: Path, *changes) -> Path:
    """A copy of the fixture site's content as `folder`/content, with `changes` made to it."""
    content = folder / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    for change in changes:
        change(content)
    return content


SESSION = "sessies/gewoon.md"


def replace(old: str, new: str, file: str = SESSION):
    def change(content):
        path = content / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(file: str, data: bytes | str):
    def change(content):
        path = content / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return change


def body(markdown: str):
    return replace("Tekst van gewoon.", f"Tekst van gewoon.\n\n{markdown}")


def snapshot(folder) -> dict[str, str]:
    """The SHA-256 of every file under `folder`, by its path: two snapshots differ when one byte does."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def tiny_png() -> bytes:
    """A valid 1×1 PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00\x80\xff")) + chunk(b"IEND", b""))


# A news item for the plain-language tests: one finding of every kind, and near misses that must stay quiet:
# a person's name (Anna de Vries), a sender's name (Kroetsjevaar, a Name field), a place (Voorbeeldstad, a casus's gemeente), an instrument's title
# (Wijkschouw), a theme's label (Klimaatadaptatie), "wordt" as a main verb and "jij" in quoted speech.
TAAL_ITEM = """\
---
titel: Klimaatadaptatie in Voorbeeldstad
datum: 2030-08-02
afzender: Kroetsjevaar
samenvatting: Wijkschouw en klimaatadaptatie middels een wandeling door de wijk.
status: gepubliceerd
---
Het plein wordt groen. Het plan wordt besproken met de bewoners.

Voorbeeldstad nodigt wijkambtenaren, bewoners, ondernemers, sectorcollega's en de huurdersvereniging uit om samen een \
middag lang over het plein en de straten daaromheen te praten.

Anna de Vries neemt een zwenkbrulaap mee. Kroetsjevaar schrijft dit bericht.

Neem je laarzen mee. Een bewoner vroeg: “Kom jij ook?”
"""


# --- Builds and what they wrote ---

# Production builds refuse example content unless this is set.
EXAMPLES_ALLOWED = {"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"}


def production_build(tmp_path_factory, now):
    result = build(FIXTURE_CONTENT, tmp_path_factory.mktemp("productie") / "output", now=now, settings="publishconf.py",
                   extra_env=EXAMPLES_ALLOWED)
    assert result.returncode == 0, result.stderr
    return result


CONTENT = ROOT / "content"


def content_items() -> dict:
    """The URL of every content file, with its content type."""
    return {kind.url_for(path.stem): kind for kind in TYPES for path in sorted((CONTENT / kind.folder).rglob("*.md"))}


def index_records(output) -> dict[str, dict]:
    """Every record of the Pagefind index under `output`, by the URL it links to (meta url)."""
    records = {}
    for fragment in sorted((output / "pagefind" / "fragment").glob("*.pf_fragment")):
        record = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        records[record["meta"]["url"]] = record
    return records


def json_ld(build, url: str) -> list[dict]:
    html = build.page(url)
    data = extruct.extract(str(html), base_url=SITE_URL, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return [node for document in data for node in document.get("@graph", [document])]


def of_type(nodes: list[dict], kind: str) -> dict:
    found = [node for node in nodes if node.get("@type") == kind]
    assert len(found) == 1, nodes
    return found[0]


# Every overview the site makes, in the order the search page offers them to browse: each type's list,
# then the lessons and the themes.
OVERVIEW_URLS = [kind.list_url for kind in TYPES if kind.list_url] + [LESSONS_URL, THEMES_URL]

# Page type -> the URL of a page of the type; a URL with "*" stands for the first such page built (an example).
PAGE_TYPES = {
    "home": HOME_URL,
    "programma": BY_NAME["ronde"].list_url,
    "ronde": BY_NAME["ronde"].url_for("*"),
    "sessies": BY_NAME["sessie"].list_url,
    "sessie": BY_NAME["sessie"].url_for("*"),
    "casussen": BY_NAME["casus"].list_url,
    "casus": BY_NAME["casus"].url_for("*"),
    "filter": facet_url(BY_NAME["casus"], THEME_FACET, "klimaatadaptatie"),
    "instrument": BY_NAME["instrument"].url_for("*"),
    "verslag": BY_NAME["verslag"].url_for("*"),
    "lessen": LESSONS_URL,
    "lessen-thema": lessons_url("*"),
    "thema": theme_url("*"),
    "nieuws": BY_NAME["bericht"].list_url,
    "bericht": BY_NAME["bericht"].url_for("*"),
    "pagina": BY_NAME["pagina"].url_for("over"),
    "404": "/deze-pagina-bestaat-niet/",
}


def example_paths(site) -> dict[str, str]:
    """A built example page of each page type, by type: the pages the screenshots and stylesheet tests open."""
    paths = {}
    for kind, where in PAGE_TYPES.items():
        if "*" not in where:
            paths[kind] = where
            continue
        # Prefer an example with a registration button (a session open at the build moment).
        found = sorted(site.output.glob(f"{where.strip('/')}/index.html"),
                       key=lambda f: ("werkplaatsen-registration__action" not in f.read_text(encoding="utf-8"), f))
        assert found, f"no {kind} page built as {where}"
        paths[kind] = "/" + found[0].parent.relative_to(site.output).as_posix() + "/"
    return paths


# --- Front matter read and validated as the build does ---

PATH = "content/sessies/sessie-2.md"
VALID = """\
---
titel: Wonen en zorg
ronde: ronde-2
start: 2019-10-08 13:30
eind: 2019-10-08 17:00
vorm: online
samenvatting: Tweede sessie.
agenda:
  - tijd: 13:30
    onderdeel: Welkom
status: gepubliceerd
---
Tekst.
"""


def read(text: str):
    return frontmatter.read(PATH, textwrap.dedent(text).encode("utf-8"))


def errors_of(text: str, schema=Sessie):
    source, errors = read(text)
    if source is None:
        return errors
    return errors + validate(source, schema, validation_context())[1]
