"""`make bench` (python -m bench.run): the site's speed and weight against two references.

For generated content of 100, 1,000 and 5,000 items (``BENCH_SIZES`` overrides, e.g. ``100,1000``):

- the cold production build as CI runs it: `make publish`'s task (``invoke publish``) with example
  content allowed and a site address set, everything it does from start to the switch of
  ``output``; against plain Pelican 4.12 with its default theme and against Hugo (minimal layouts)
  followed by Pagefind on its output, on the same Markdown bodies, each reference in its own
  environment (environments.py). The three run in turn, round after round, each from an empty
  output folder; the median of ``BENCH_ROUNDS`` rounds (at least 3) counts;
- the pages each build wrote: a build that wrote fewer pages than there are items, or missed an
  item's page, stops the run (pages.py), as its time would compare nothing;
- peak memory from one more run of each, so that sampling does not slow the timed runs: our build's
  whole process tree without Pagefind, Pagefind's own processes beside it, plain Pelican's, and
  the larger of Hugo's and Pagefind's (they run one after the other);
- at 1,000 items: the preview's latency for each kind of save, and `hugo server`'s for the same
  session edit on the same bodies (preview_edits.py);
- the first-view weight of the heaviest page: its HTML plus every stylesheet and script it loads
  at once, gzip.

It prints a table and the targets of issue 21 (report.py), and writes the figures to
bench/results.json. A missed target is reported, not an error. Absolute times drift on a shared
machine; ratios measured in one run hold better.
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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from werkplaatsen.model.routes import ADMIN_URL
from werkplaatsen.system.places import ROOT

from . import references
from .environments import HUGO_PAGEFIND, PELICAN
from .memory import PeakMemory
from .pages import check, count
from .preview_edits import measure, measure_hugo_server
from .report import table, targets
from .synthetic import NOW, ContentFile, generate, items, site_page

RESULTS = ROOT / "bench" / "results.json"


def sizes(environ=os.environ) -> list[int]:
    return [int(size) for size in environ.get("BENCH_SIZES", "100,1000,5000").split(",")]


def rounds(environ=os.environ) -> int:
    """BENCH_ROUNDS, but never fewer than 3: a median of fewer says little."""
    return max(3, int(environ.get("BENCH_ROUNDS", "3")))


PREVIEW_SIZE = 1000
EDITS = 5
MIB = 2**20


@dataclass
class Contestant:
    """One build the bench times: its commands (run one after the other) and where it writes."""
    name: str  # its key in results.json
    label: str  # in messages
    output: Path
    commands: list[list[str]]
    env: dict[str, str]
    item_page: Callable[[ContentFile], str]
    seconds: list[float] = field(default_factory=list)  # one per round: all its commands
    steps: list[list[float]] = field(default_factory=list)  # one per round: each command

    def clean(self) -> None:
        """An empty start: no output, and for our build none of its earlier builds either."""
        for path in (self.output, self.output.with_name(self.output.name + ".builds")):
            if path.is_symlink():
                path.unlink()
            shutil.rmtree(path, ignore_errors=True)

    def timed(self) -> None:
        self.clean()
        steps = [_run(command, self.env)[0] for command in self.commands]
        self.steps.append(steps)
        self.seconds.append(sum(steps))

    def sampled(self) -> list[PeakMemory]:
        self.clean()
        return [_run(command, self.env, sample_memory=True)[1] for command in self.commands]


def _run(command: list[str], env: dict[str, str], sample_memory: bool = False) -> tuple[float, PeakMemory | None]:
    """Wall-clock seconds and, when sampled, the peak memory of a command that must succeed.

    Sampling reads every process's memory map 50 times a second, which costs the machine's cores
    time in proportion to the memory in use: timed runs are not sampled."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process.pid) if sample_memory else None
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    if memory:
        memory.stop()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')}")
    return seconds, memory


def contestants(content: Path, folder: Path, environments: dict[str, Path]) -> list[Contestant]:
    """Our build as `make publish` runs it, plain Pelican, and Hugo followed by Pagefind."""
    ours_env = {**os.environ, "WERKPLAATSEN_NU": NOW, "WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja",
                "WERKPLAATSEN_SITEURL": references.SITE_URL}
    plain_env = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "VIRTUAL_ENV")}
    pelican = references.pelican_site(content, folder / "pelican-site")
    hugo = references.hugo_site(content, folder / "hugo-site")
    invoke = Path(sys.executable).with_name("invoke")  # what the Makefile runs: .venv/bin/invoke publish
    return [
        Contestant("ours", "our build (make publish)", folder / "ours-out",
                   [[str(invoke), "publish", "--content", str(content), "--output", str(folder / "ours-out")]],
                   ours_env, site_page),
        Contestant("pelican", "plain Pelican", folder / "pelican-out",
                   [references.pelican_command(environments["pelican"], pelican, folder / "pelican-out")],
                   plain_env, references.pelican_page),
        Contestant("hugo_pagefind", "Hugo + Pagefind", folder / "hugo-out",
                   [references.hugo_command(environments["hugo_pagefind"], hugo, folder / "hugo-out"),
                    references.pagefind_command(environments["hugo_pagefind"], folder / "hugo-out")],
                   plain_env, references.hugo_page),
    ]


def race(racing: list[Contestant], corpus: list[ContentFile], rounds: int) -> None:
    """The builds in turn, `rounds` times, each round starting with the next one so that none is
    always first; stop as soon as a build wrote fewer pages than there are items."""
    for number in range(rounds):
        start = number % len(racing)
        for contestant in racing[start:] + racing[:start]:
            contestant.timed()
            if number == 0:  # a build writes the same pages every round
                check({contestant.label: count(contestant.output, map(contestant.item_page, corpus))}, len(corpus))


def cold_builds(content: Path, folder: Path, environments: dict[str, Path]) -> dict:
    """Our build and the references, BENCH_ROUNDS rounds, checked; then one more run of each with its
    memory sampled."""
    racing = contestants(content, folder, environments)
    corpus = items(content)
    race(racing, corpus, rounds())
    figures: dict = {"items": len(corpus)}
    for contestant in racing:
        written = count(contestant.output, map(contestant.item_page, corpus))
        figures[contestant.name] = {"seconds": statistics.median(contestant.seconds), "rounds_s": contestant.seconds,
                                    "pages": written.pages, "item_pages": written.item_pages, "files": written.files}
    figures["first_view"] = first_view(racing[0].output.resolve())
    ours, pelican, hugo = (figures[contestant.name] for contestant in racing)
    hugo["hugo_seconds"], hugo["pagefind_seconds"] = (statistics.median(steps[n] for steps in racing[2].steps)
                                                      for n in (0, 1))
    (build,), (plain,), (hugo_memory, pagefind_memory) = (contestant.sampled() for contestant in racing)
    ours.update(peak_mib=build.without_pagefind / MIB, pagefind_peak_mib=build.pagefind / MIB,
                tree_peak_mib=build.whole / MIB)
    pelican["peak_mib"] = plain.whole / MIB
    hugo.update(peak_mib=max(hugo_memory.whole, pagefind_memory.whole) / MIB, hugo_peak_mib=hugo_memory.whole / MIB,
                pagefind_peak_mib=pagefind_memory.whole / MIB)
    figures["ours_per_pelican"] = ours["seconds"] / pelican["seconds"]
    figures["ours_per_hugo_pagefind"] = ours["seconds"] / hugo["seconds"]
    return figures


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


def preview(content: Path, folder: Path, environment: Path) -> dict:
    """Our preview's latency per kind of save, and hugo server's for the session edit."""
    return {"items": PREVIEW_SIZE, "repeats": EDITS, "ours_s": measure(content, folder, EDITS),
            "hugo_server_s": measure_hugo_server(folder / "hugo-site", folder, environment, EDITS)}


def main() -> None:
    environments = {"pelican": PELICAN.ready(), "hugo_pagefind": HUGO_PAGEFIND.ready()}
    results: dict = {"rounds": rounds(), "now": NOW, "cores": os.cpu_count(), "load_at_start": os.getloadavg(),
                     "references": {"pelican": PELICAN.requirements, "hugo_pagefind": HUGO_PAGEFIND.requirements},
                     "sizes": {}}
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes():
            folder = Path(scratch) / str(size)
            content = generate(folder, items=size)
            results["sizes"][str(size)] = figures = cold_builds(content, folder, environments)
            print(f"{size:,} items: ours {figures['ours']['seconds']:.2f} s, plain Pelican "
                  f"{figures['pelican']['seconds']:.2f} s, Hugo + Pagefind {figures['hugo_pagefind']['seconds']:.2f} s",
                  flush=True)
            if size == PREVIEW_SIZE:
                results["preview"] = preview(content, folder, environments["hugo_pagefind"])
    results["load_at_end"] = os.getloadavg()
    results["targets"] = [{"target": target.name, "measured": target.measured, "met": target.met}
                          for target in targets(results)]
    print()
    print(table(results))
    print()
    print("\n".join(target.line() for target in targets(results)))
    print(f"\nLoad average at the start {results['load_at_start'][0]:.1f}, at the end {results['load_at_end'][0]:.1f} "
          f"({results['cores']} cores): on a loaded machine read the ratios, not the seconds.")
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Written to {RESULTS.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
