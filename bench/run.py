"""`make bench` (python -m bench.run): build and check times and page sizes, printed as numbers.

Measures the real commands (`pelican`, the content check) on a generated tree of about 1,000
items and on the real content. Targets (see the issues): page HTML under 14 KB gzip.
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .synthetic import generate

ROOT = Path(__file__).resolve().parents[1]

ENV = {**os.environ, "WERKPLAATSEN_NU": "2024-09-10 12:00", "PYTHONPATH": str(ROOT / "plugins")}


def timed(command: list[str], runs: int = 3) -> float:
    """The best of `runs` wall-clock times, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def page_sizes(output: Path) -> list[int]:
    return [len(gzip.compress(page.read_bytes(), 9)) for page in output.rglob("*.html")]


def settings_for(content: Path, folder: Path) -> str:
    """Settings that point Pelican at a content folder (the check reads PATH from settings)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "benchconf.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\nPATH = {str(content)!r}\n")
    return str(path)


def measure(label: str, content: Path, folder: Path) -> None:
    output = folder / "output"
    settings = settings_for(content, folder)
    items = sum(1 for _ in content.rglob("*.md"))
    check = timed([sys.executable, "-m", "werkplaatsen.check", settings])
    build = timed([sys.executable, "-m", "pelican", str(content), "-s", settings, "-o", str(output)])
    sizes = page_sizes(output)
    print(f"{label}: {items} items, {len(sizes)} pages")
    print(f"  make check (content check only): {check:.2f} s")
    print(f"  cold build (pelican):            {build:.2f} s  ({build / items * 1000:.1f} ms per item)")
    print(f"  page size gzip: median {statistics.median(sizes) / 1000:.1f} KB, max {max(sizes) / 1000:.1f} KB"
          f" (target < 14 KB; {sum(s >= 14_000 for s in sizes)} pages over)")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        measure("real content", ROOT / "content", scratch / "real")
        large = scratch / "large"
        content = generate(large, items=int(os.environ.get("BENCH_ITEMS", "1000")))
        measure("generated content", content, large)


if __name__ == "__main__":
    main()
