"""The search index: Pagefind reads the written site and writes its index to /pagefind/.

Starts in the generator's output step once every page is written, and runs while the build writes
its other files (see ``Indexing``). The index is made in a folder
beside /pagefind/ and put in its place with two renames, so that a search made meanwhile (in the
preview, which indexes while it serves) still works.
Pagefind indexes only the pages that mark their main content with ``data-pagefind-body``
(content items, see item.html), in the Dutch index (``lang="nl"``: the Dutch stemmer). Lessons live
on their report's page; each is also given to Pagefind as a small document of its own, so that it
is a result with its own type and themes. Its ``url`` meta (see ``search.SearchResult``) points at the
lesson on its report. The documents are written next to the pages for Pagefind to read, in a
folder no content file can take, and removed again: they are never published.

Pagefind's binary (from the pagefind_bin package), not its Python API: the API answers before its
files are completely on disk (Pagefind 1.5.2 does not flush its writes in service mode), the binary
exits when they
are. ``stableindex`` then makes the index the same, byte for byte, for the same pages. Pagefind's
ready-made search interfaces are removed: the site has its own (js/zoeken.js).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

from pagefind_bin import get_executable

from ..model.routes import SEARCH_INDEX_URL
from .stableindex import stabilize

BUNDLE_URL = f"{SEARCH_INDEX_URL}pagefind.js"
LESSONS = "_zoekindex-lessen"  # an underscore: no content file can have this name
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def lesson_documents(lessons: list, template, facts) -> dict[str, str]:
    """One small document per lesson, by its path in the site (rendered with `template`; `facts`:
    search.SearchFacts)."""
    return {f"{lesson.report.url.strip('/')}/{lesson.anchor}.html": template.render(lesson=lesson, record=facts.lesson(lesson))
            for lesson in lessons}


def write_index(output: Path, documents: dict[str, str], background: InBackground | None = None) -> list[Path]:
    """Index the pages in `output` and the lesson `documents`; return the index's files.

    An earlier index there (the preview's) is replaced, not added to. `background`: the preview's
    indexer, which runs Pagefind at a lower priority, apart from Ctrl+C, and can stop it.
    """
    return Indexing(output, documents, background).finish()


class Indexing:
    """One run of Pagefind over the written site, started on creation: a build writes its other
    files meanwhile (Pagefind reads only the pages, which are all written by then) and calls
    ``finish`` last."""

    def __init__(self, output: Path, documents: dict[str, str], background: InBackground | None = None):
        self.bundle = output / SEARCH_INDEX_URL.strip("/")
        self.fresh, old = self.bundle.with_name(f".{self.bundle.name}.nieuw"), self.bundle.with_name(f".{self.bundle.name}.oud")
        for leftover in (self.fresh, old):
            shutil.rmtree(leftover, ignore_errors=True)
        self.folder = output / LESSONS
        command = [str(get_executable()), "--site", str(output), "--output-path", str(self.fresh), "--silent"]
        self.process = None
        try:
            for path, html in documents.items():
                document = self.folder / path
                document.parent.mkdir(parents=True, exist_ok=True)
                document.write_text(html, encoding="utf-8")
            if background is None:
                self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                self._wait = lambda: _completed(self.process, command)
            else:
                self._wait = lambda: background.run(command)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def finish(self) -> list[Path]:
        """Wait for Pagefind, put the index in place; return the index's files."""
        try:
            result = self._wait()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
        if result.returncode:
            shutil.rmtree(self.fresh, ignore_errors=True)  # what a stopped or failed run wrote
            raise RuntimeError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
        stabilize(self.fresh)
        for pattern in UNUSED:
            for path in self.fresh.glob(pattern):
                path.unlink()
        old = self.bundle.with_name(f".{self.bundle.name}.oud")
        if self.bundle.exists():
            self.bundle.rename(old)
        self.fresh.rename(self.bundle)
        shutil.rmtree(old, ignore_errors=True)
        return sorted(path for path in self.bundle.rglob("*") if path.is_file())

    def stop(self) -> None:
        """The build failed meanwhile: end Pagefind and remove what it and the documents wrote."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
        shutil.rmtree(self.folder, ignore_errors=True)
        shutil.rmtree(self.fresh, ignore_errors=True)


def _completed(process: subprocess.Popen, command: list[str]) -> subprocess.CompletedProcess:
    stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


class InBackground:
    """Makes the index in a thread, one run at a time, for the preview: an update ends when its
    pages are written, and Pagefind runs at a lower priority than the next update's rendering.
    Documents handed in during a run are indexed by one more run right after it; the newest
    documents win, as the pages on disk are the newest."""

    NICE = 10

    def __init__(self):
        self._lock = threading.Lock()
        self._pending: tuple[Path, dict[str, str]] | None = None
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen | None = None
        self._closed = False

    def request(self, output: Path, documents: dict[str, str]) -> None:
        with self._lock:
            if self._closed:
                return
            self._pending = (output, documents)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def wait(self) -> None:
        """Return when every index asked for is made."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return
            thread.join()

    def close(self) -> None:
        """No more runs; stop the one under way, so no Pagefind is left running after the preview."""
        with self._lock:
            self._closed, self._pending = True, None
            if self._process is not None:
                self._process.terminate()
        self.wait()

    def run(self, command: list[str]) -> subprocess.CompletedProcess:
        """Run Pagefind niced and in a session of its own (Ctrl+C in the terminal is for the preview,
        which then stops Pagefind itself, see close)."""
        with self._lock:
            if self._closed:
                return subprocess.CompletedProcess(command, -signal.SIGTERM, "", "")
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                             start_new_session=True)
            # Its threads, started once it has read its options, inherit the priority: NICE below
            # ours (also when we run niced ourselves), within the lowest the system allows.
            os.setpriority(os.PRIO_PROCESS, self._process.pid, lowered(self.NICE))
        try:
            return _completed(self._process, command)
        finally:
            with self._lock:
                self._process = None

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._thread = None
                    return
            try:
                write_index(*job, background=self)
            except Exception as error:  # whatever failed, the previous index stays and the preview goes on
                if not self._closed:  # stopped by close(): no failure
                    print(f"De zoekfunctie van de voorbeeldweergave is niet bijgewerkt: {error}", file=sys.stderr, flush=True)


LOWEST_PRIORITY = 19  # the highest nice value


def lowered(steps: int) -> int:
    """The nice value `steps` below this process's own, at most the lowest priority there is."""
    return min(os.getpriority(os.PRIO_PROCESS, 0) + steps, LOWEST_PRIORITY)
