"""`make bench` (python -m bench.run): the site's speed and weight, printed as numbers.

For generated content of 100, 1,000 and 5,000 items (``BENCH_SIZES`` overrides):

- the cold build as `make html` runs it (checks, pages, calendars, feeds, search index,
  compression), and plain Pelican 4.12 on the same Markdown bodies (its default theme, feeds and
  pagination off), measured in the same run, A and B in turn, the median of ``BENCH_PAIRS`` pairs
  (at least 3), with their ratio and milliseconds per item; then one more run of each for its
  peak memory (the whole process tree), so that sampling memory does not slow the timed runs;
- at 1,000 items: the preview's edit latency for each kind of edit (a session, a casus, a
  vocabulary term, a template): from saving the file until the page shows the change, median of 5;
- the first-view weight of the heaviest page: its HTML plus every stylesheet and script it loads
  at once, gzip.

Targets (issue 10): cold build at most 0.33 x plain Pelican, peak memory at 5,000 items at most
200 MiB, an edit visible within 0.5 s, a first view under 30 KB. The figures are also written to
bench/results.json, to compare between commits. Absolute times drift on shared machines; ratios
measured in one run do not.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from werkplaatsen.routes import ADMIN_URL

from .synthetic import generate, plain_pelican

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
NOW = "2024-09-10 12:00"
ENV = {**os.environ, "WERKPLAATSEN_NU": NOW, "PYTHONPATH": str(ROOT / "plugins")}
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "100,1000,5000").split(",")]
PAIRS = max(3, int(os.environ.get("BENCH_PAIRS", "3")))
EDITS = 5


class PeakMemory:
    """Samples the memory of a process and all its descendants (from /proc): the proportional set
    size, so memory that forked processes share is counted once, not once per process."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._done = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        while not self._done.wait(0.02):
            self.peak = max(self.peak, tree_memory(self.pid))

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.peak


def tree_memory(root: int) -> int:
    """Bytes of memory (proportional set size) of `root` and its descendants."""
    table = processes()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo += [child for child, (parent, _) in table.items() if parent == pid]
    return total


def processes() -> dict[int, tuple[int, str]]:
    """Every running process: its id -> (its parent's id, its name), from /proc."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, rest = (entry / "stat").read_text().rsplit(")", 1)
                table[int(entry.name)] = (int(rest.split()[1]), head.split("(", 1)[1])
            except (OSError, IndexError, ValueError):
                continue
    return table


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(command: list[str], cwd: Path = ROOT, sample_memory: bool = False) -> tuple[float, int]:
    """Wall-clock seconds and, when sampled, peak memory (bytes) of a command that must succeed.

    Sampling reads every process's memory map 50 times a second, which costs the machine's cores
    time in proportion to the memory in use: timed runs are not sampled (see cold_builds)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process.pid) if sample_memory else None
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    peak = memory.stop() if memory else 0
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode()}")
    return seconds, peak


def settings_for(content: Path, folder: Path) -> Path:
    """Settings that point the build at generated content (the same as the real pelicanconf otherwise)."""
    path = folder / "benchconf.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\nPATH = {str(content)!r}\n")
    return path


def cold_builds(content: Path, folder: Path) -> dict:
    """Our build and plain Pelican, A and B in turn, each from an empty output folder; then one
    more run of each, with its memory sampled."""
    settings = settings_for(content, folder)
    plain = plain_pelican(content, folder / "plain")
    commands = (
        (folder / "out", [sys.executable, "-m", "werkplaatsen.build", "--settings", str(settings),
                          "--content", str(content), "--output", str(folder / "out")]),
        (folder / "plain-out", [sys.executable, "-m", "pelican", str(plain / "content"), "-s", str(plain / "conf.py"),
                                "-o", str(folder / "plain-out"), "-q"]),
    )

    def cold(target: Path, command: list[str], sample_memory: bool = False) -> tuple[float, int]:
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(target.with_name(target.name + ".builds"), ignore_errors=True)
        return run(command, sample_memory=sample_memory)

    times = [[cold(*command)[0] for command in commands] for _ in range(PAIRS)]
    ours, plain_time = (statistics.median(pair[side] for pair in times) for side in (0, 1))
    ours_peak, plain_peak = (cold(*command, sample_memory=True)[1] for command in commands)
    return {"ours_s": ours, "plain_s": plain_time, "ratio": ours / plain_time,
            "ours_peak_mib": ours_peak / 2**20, "plain_peak_mib": plain_peak / 2**20}


def first_view(output: Path) -> dict:
    """The heaviest public page's first view: its HTML plus the stylesheets and scripts it loads at
    once, gzip. The editors' /beheer/ (Decap CMS, not indexed, not for visitors) does not count."""
    def gz(path: Path) -> int:
        return len(gzip.compress(path.read_bytes(), 9))

    heaviest = (0, "", 0)
    for page in output.rglob("*.html"):
        if page.is_relative_to(output / ADMIN_URL.strip("/")):
            continue
        html = page.read_text(encoding="utf-8")
        assets = set(re.findall(r'<link rel="stylesheet" href="(/[^"]+)"', html)) | set(re.findall(r'<script src="(/[^"]+)"', html))
        total = gz(page) + sum(gz(output / asset.lstrip("/")) for asset in assets)
        heaviest = max(heaviest, (total, "/" + page.relative_to(output).as_posix(), gz(page)))
    return {"page": heaviest[1], "first_view_kb": heaviest[0] / 1000, "html_kb": heaviest[2] / 1000}


def preview_latency(content: Path, folder: Path) -> dict:
    """Seconds from saving a file until the preview's page shows the change, per kind of edit."""
    from .preview_edits import measure
    return measure(content, folder, EDITS)


def main() -> None:
    results = {"sizes": {}, "pairs": PAIRS}
    with tempfile.TemporaryDirectory() as scratch:
        for size in SIZES:
            folder = Path(scratch) / str(size)
            content = generate(folder, items=size)
            figures = cold_builds(content, folder)
            figures["ms_per_item"] = figures["ours_s"] / size * 1000
            figures.update(first_view(Path(os.path.realpath(folder / "out"))))
            results["sizes"][size] = figures
            print(f"{size:>5} items: ours {figures['ours_s']:.2f} s, plain Pelican {figures['plain_s']:.2f} s, "
                  f"ratio {figures['ratio']:.2f} (target 0.33); {figures['ms_per_item']:.1f} ms per item; "
                  f"peak memory {figures['ours_peak_mib']:.0f} MiB (plain {figures['plain_peak_mib']:.0f} MiB); "
                  f"heaviest first view {figures['first_view_kb']:.1f} KB gzip ({figures['page']}, "
                  f"HTML {figures['html_kb']:.1f} KB)", flush=True)
            if size == 1000:
                results["preview_s"] = preview_latency(content, folder)
                for kind, seconds in results["preview_s"].items():
                    print(f"      preview, edit of {kind}: {seconds:.2f} s (median of {EDITS}; target 0.5 s)", flush=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"Written to {RESULTS.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
