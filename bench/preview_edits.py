"""The preview's edit latency, against `hugo server` on the same bodies: from saving a file until
the served page shows the change.

Our preview (python -m werkplaatsen.build.preview, what `make serve` runs) starts on generated content,
with its own copy of the theme and the vocabulary; then a session, a casus, a vocabulary label and
a template are edited, each a number of times. `hugo server` (from the reference environment,
writing to disk) gets the same session edit on the Hugo copy of the bodies.

The clock runs from saving the file until the page on disk holds the edit and the server, asked
once, serves it. Each edit starts from an idle server: after an edit is undone, the next waits
until the server has said twice that it is up to date (the edit's update and the undo's) and, for
our preview, until its search index is made (Pagefind, which it runs in the background, has
ended), as an editor's next save usually does.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from werkplaatsen.system.places import ROOT, VOCABULARY

from .memory import PAGEFIND, processes
from .references import hugo_server_command
from .synthetic import NOW

TIMEOUT = 60  # for one edit to show, or a server to settle
START_TIMEOUT = 600  # for a server's first build (a loaded machine takes minutes at 1,000 items)
QUIET = 0.5


@dataclass(frozen=True)
class Edit:
    file: str  # the file to edit, relative to the folder the server reads
    old: str  # text to find in it
    page: str  # the page that must show the edit
    comment: bool = False  # add the marker as an HTML comment (a template), not as words

    def applied(self, text: str, marker: str) -> str:
        if self.old not in text:  # the file changed since the bench was written: say so, do not wait
            raise SystemExit(f"{self.file} no longer holds {self.old!r}: update EDITS in bench/preview_edits.py")
        return text.replace(self.old, f"{self.old}<!-- {marker} -->" if self.comment else f"{self.old} {marker}", 1)


EDITS = {
    "sessie": Edit("content/sessies/sessie-3.md", "samenvatting: Een sessie.", "sessies/sessie-3/index.html"),
    "casus": Edit("content/casussen/casus-3.md", "opgave: Een opgave in de wijk.", "casussen/casus-3/index.html"),
    "vocabulary": Edit("vocabulary.yaml", "participatie: Participatie", "themas/participatie/index.html"),
    "template": Edit("theme/templates/sessie.html", "{% block main %}", "sessies/sessie-3/index.html", comment=True),
}
# The same session in the Hugo copy of the bodies: a word added to its text.
HUGO_SESSION = Edit("content/sessies/sessie-3.md", "## Deel 1 van sessie 3", "sessies/sessie-3/index.html")


class Server:
    """A running preview server, and its output lines, queued as they come."""

    def __init__(self, name: str, command: list[str], env: dict | None = None):
        self.name = name
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()

    def wait_for(self, words: str, times: int = 1, timeout: float = TIMEOUT) -> str:
        """Until the server has printed a line with `words` in it `times` times; return the last one."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise SystemExit(f"{self.name} did not say {words!r} within {timeout} s") from None
            times -= words in line
            if not times:
                return line

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def measure(content: Path, folder: Path, repeats: int) -> dict[str, float]:
    """Our preview: seconds per kind of edit, the median of `repeats`."""
    shutil.copytree(ROOT / "theme", folder / "theme", dirs_exist_ok=True)
    shutil.copy(ROOT / VOCABULARY, folder / "vocabulary.yaml")
    settings = folder / "previewconf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(content)!r}\nTHEME = {str(folder / 'theme')!r}\n"
                        f"WERKPLAATSEN_VOCABULARY = {str(folder / 'vocabulary.yaml')!r}\n")
    output = folder / "preview"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "WERKPLAATSEN_NU": NOW}
    server = Server("the preview", [sys.executable, "-m", "werkplaatsen.build.preview", "--port", "0", "--settings", str(settings),
                     "--content", str(content), "--output", str(output)], env)
    try:
        address = re.search(r"draait op (\S+?)/? ", server.wait_for("draait op", timeout=START_TIMEOUT)).group(1)
        time.sleep(QUIET)  # let the watcher start

        def settled():
            server.wait_for("Bijgewerkt", times=2)  # the edit's update and the undo's
            _wait_while_indexing(server.process.pid)

        return {kind: statistics.median(_edit(folder, output, address, edit, f"{kind}-{n}", settled)
                                        for n in range(repeats))
                for kind, edit in EDITS.items()}
    finally:
        server.stop()


def measure_hugo_server(site: Path, folder: Path, environment: Path, repeats: int) -> float:
    """`hugo server` on a copy of the Hugo site: seconds for the session edit, the median of `repeats`."""
    copy = folder / "hugo-server-site"
    shutil.copytree(site, copy, dirs_exist_ok=True)
    port = _free_port()
    output = folder / "hugo-server-out"
    server = Server("hugo server", hugo_server_command(environment, copy, output, port))
    try:
        server.wait_for("Web Server is available", timeout=START_TIMEOUT)
        time.sleep(QUIET)

        def settled():
            server.wait_for("Total in", times=2)  # the edit's rebuild and the undo's
            time.sleep(QUIET)

        return statistics.median(_edit(copy, output, f"http://127.0.0.1:{port}", HUGO_SESSION, f"hugo-{n}", settled)
                                 for n in range(repeats))
    finally:
        server.stop()


def _edit(folder: Path, output: Path, address: str, edit: Edit, name: str, settled) -> float:
    """Seconds from saving the edit until the page shows it; then undo it and wait until `settled`."""
    path = folder / edit.file
    original = path.read_text(encoding="utf-8")
    marker = f"bench-{name}-{time.monotonic_ns()}"
    url = f"{address}/{edit.page.removesuffix('index.html')}"
    start = time.perf_counter()
    path.write_text(edit.applied(original, marker), encoding="utf-8")
    try:
        while marker not in _read(output / edit.page) or marker not in _fetch(url):
            if time.perf_counter() - start > TIMEOUT:
                raise SystemExit(f"{url} did not show the edit of {edit.file} within {TIMEOUT} s")
            time.sleep(0.005)
        return time.perf_counter() - start
    finally:
        path.write_text(original, encoding="utf-8")
        settled()


def _wait_while_indexing(preview: int) -> None:
    """Until the preview (process id) has not run Pagefind for QUIET seconds: it starts Pagefind
    just after it says it is up to date."""
    deadline, quiet_since = time.monotonic() + TIMEOUT, time.monotonic()
    while time.monotonic() - quiet_since < QUIET and time.monotonic() < deadline:
        if (preview, PAGEFIND) in processes().values():
            quiet_since = time.monotonic()
        time.sleep(0.01)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""
