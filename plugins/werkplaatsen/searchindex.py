"""The search index: Pagefind reads the written site and writes its index to /pagefind/.

Runs in the generator's output step, after every page is written and before the compressed copies
are made. Pagefind indexes only the pages that mark their main content with ``data-pagefind-body``
(content items, see item.html), in the Dutch index (``lang="nl"``: the Dutch stemmer). Lessons live
on their report's page; each is also given to Pagefind as a small document of its own, so that it
is a result with its own type and themes. Its ``url`` meta (see ``search.Record``) points at the
lesson on its report. The documents are written next to the pages for Pagefind to read, in a
folder no content file can take, and removed again: they are never published.

Pagefind's binary (from the pagefind_bin package), not its Python API: the API answers before its
files are completely on disk (Pagefind 1.5.2 does not flush its writes in service mode), the binary
exits when they
are. ``stableindex`` then makes the index the same, byte for byte, for the same pages. Pagefind's
ready-made search interfaces are removed: the site has its own (js/zoeken.js).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from .routes import SEARCH_INDEX_URL
from .stableindex import stabilize

BUNDLE_URL = f"{SEARCH_INDEX_URL}pagefind.js"
LESSONS = "_zoekindex-lessen"  # an underscore: no content file can have this name
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def write_index(output: Path, lessons: list, template, facts) -> list[Path]:
    """Index the pages in `output` and one document per lesson (rendered with `template`; `facts`:
    search.SearchFacts). An earlier index there (the preview's) is replaced, not added to."""
    shutil.rmtree(output / SEARCH_INDEX_URL.strip("/"), ignore_errors=True)
    folder = output / LESSONS
    for lesson in lessons:
        document = folder / lesson.report.url.strip("/") / f"{lesson.anchor}.html"
        document.parent.mkdir(parents=True, exist_ok=True)
        document.write_text(template.render(lesson=lesson, record=facts.lesson(lesson)), encoding="utf-8")
    try:
        result = subprocess.run(
            [str(get_executable()), "--site", str(output), "--output-subdir", SEARCH_INDEX_URL.strip("/"),
             "--silent"], capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if result.returncode:
        raise RuntimeError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    bundle = output / SEARCH_INDEX_URL.strip("/")
    stabilize(bundle)
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    return sorted(path for path in bundle.rglob("*") if path.is_file())
