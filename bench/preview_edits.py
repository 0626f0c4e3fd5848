"""The preview's edit latency: from saving a file until the page shows the change.

Starts the real preview (python -m werkplaatsen.preview) on generated content, with its own copy
of the theme and the vocabulary, then edits a session, a casus, a vocabulary term and a template,
each a number of times, and times until the built page holds the edit. Each edit starts from an
idle preview: after an edit is undone, the next waits until the preview has said it is up to date
twice (the edit's update and the undo's) and its search index is made (Pagefind, which the preview
runs in the background, has ended), as an editor's next save usually does.
"""

from __future__ import annotations

import os
import queue
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from .run import processes

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60
QUIET = 0.5

# kind -> (file to edit, relative to the folder; text to find; page that must show the edit)
EDITS = {
    "sessie": ("content/sessies/sessie-3.md", "samenvatting: Een sessie.", "sessies/sessie-3/index.html"),
    "casus": ("content/casussen/casus-3.md", "opgave: Een opgave in de wijk.", "casussen/casus-3/index.html"),
    "vocabulary": ("vocabulary.yaml", "participatie: Participatie", "themas/participatie/index.html"),
    "template": ("theme/templates/sessie.html", "{% block main %}", "sessies/sessie-3/index.html"),
}


def _edited(kind: str, text: str, old: str, marker: str) -> str:
    if kind == "template":
        return text.replace(old, f"{old}<!-- {marker} -->", 1)
    return text.replace(old, f"{old} {marker}", 1)


def measure(content: Path, folder: Path, repeats: int) -> dict[str, float]:
    shutil.copytree(ROOT / "theme", folder / "theme", dirs_exist_ok=True)
    shutil.copy(ROOT / "plugins" / "werkplaatsen" / "vocabulary.yaml", folder / "vocabulary.yaml")
    settings = folder / "previewconf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(content)!r}\nTHEME = {str(folder / 'theme')!r}\n"
                        f"WERKPLAATSEN_VOCABULARY = {str(folder / 'vocabulary.yaml')!r}\n")
    output = folder / "preview"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "WERKPLAATSEN_NU": "2024-09-10 12:00"}
    process = subprocess.Popen([sys.executable, "-m", "werkplaatsen.preview", "--port", "0", "--settings", str(settings),
                                "--content", str(content), "--output", str(output)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        _wait_for(lines, "draait op")
        time.sleep(0.5)  # let the watcher start
        return {kind: statistics.median(_edit(folder, output, lines, kind, n, process.pid) for n in range(repeats))
                for kind in EDITS}
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(lines: queue.Queue, words: str, times: int = 1) -> None:
    deadline = time.monotonic() + TIMEOUT
    while times:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise SystemExit(f"the preview did not say {words!r} within {TIMEOUT} s") from None
        times -= words in line


def _edit(folder: Path, output: Path, lines: queue.Queue, kind: str, number: int, preview: int) -> float:
    file, old, page = EDITS[kind]
    path = folder / file
    original = path.read_text(encoding="utf-8")
    marker = f"bench-{kind}-{number}-{time.monotonic_ns()}"
    start = time.perf_counter()
    path.write_text(_edited(kind, original, old, marker), encoding="utf-8")
    try:
        while marker not in _read(output / page):
            if time.perf_counter() - start > TIMEOUT:
                raise SystemExit(f"the preview did not show the {kind} edit within {TIMEOUT} s")
            time.sleep(0.005)
        return time.perf_counter() - start
    finally:
        path.write_text(original, encoding="utf-8")
        _wait_for(lines, "Bijgewerkt", times=2)  # the edit's update and the undo's
        _wait_while_indexing(preview)


def _wait_while_indexing(preview: int) -> None:
    """Until the preview (process id) has not run Pagefind for QUIET seconds: it starts Pagefind
    just after it says it is up to date."""
    deadline, quiet_since = time.monotonic() + TIMEOUT, time.monotonic()
    while time.monotonic() - quiet_since < QUIET and time.monotonic() < deadline:
        if _indexing(preview):
            quiet_since = time.monotonic()
        time.sleep(0.01)


def _indexing(preview: int) -> bool:
    """Whether the preview (process id) runs Pagefind now."""
    return (preview, "pagefind") in processes().values()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
