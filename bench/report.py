"""The bench's figures as a table, and the targets of issue 21 with ✔ or ✘ each.

Reads the results as run.py writes them to bench/results.json (sizes as strings, times in
seconds, memory in MiB), so a saved run can be printed again.
"""

from __future__ import annotations

from dataclasses import dataclass

TARGET_SIZES = ("1000", "5000")  # the cold build's targets are set at these sizes
MEMORY_SIZE = "5000"
MEMORY_LIMIT_MIB = 250
PREVIEW_LIMIT_S = 0.5
FIRST_VIEW_LIMIT_KB = 30


@dataclass(frozen=True)
class Target:
    name: str
    measured: str  # what was measured, or why nothing was
    met: bool | None  # None: not measured in this run

    @property
    def mark(self) -> str:
        return {True: "✔", False: "✘", None: "–"}[self.met]

    def line(self) -> str:
        return f"{self.mark} {self.name}: {self.measured}"


def targets(results: dict) -> list[Target]:
    sizes, preview = results["sizes"], results.get("preview")
    found = []
    for size in TARGET_SIZES:
        figures = sizes.get(size)
        for key, reference, goal in (("ours_per_pelican", "plain Pelican", ""),
                                     ("ours_per_hugo_pagefind", "Hugo + Pagefind", " (the goal beyond it)")):
            name = f"cold build at {int(size):,} items at most 1.0× {reference}{goal}"
            found.append(Target(name, f"{figures[key]:.2f}×", figures[key] <= 1.0) if figures
                         else Target(name, _not_measured(size), None))
    figures = sizes.get(MEMORY_SIZE)
    name = f"peak memory of the Python build at {int(MEMORY_SIZE):,} items at most {MEMORY_LIMIT_MIB} MiB"
    found.append(Target(name, f"{figures['ours']['peak_mib']:.0f} MiB (Pagefind beside it: "
                              f"{figures['ours']['pagefind_peak_mib']:.0f} MiB)",
                        figures["ours"]["peak_mib"] <= MEMORY_LIMIT_MIB) if figures
                 else Target(name, _not_measured(MEMORY_SIZE), None))
    for kind in ("sessie", "casus", "vocabulary", "template"):
        name = f"preview, a {_KINDS[kind]} saved, shown within {PREVIEW_LIMIT_S} s and no slower than hugo server"
        if preview:
            seconds, hugo = preview["ours_s"][kind], preview["hugo_server_s"]
            found.append(Target(name, f"{seconds:.2f} s (hugo server {hugo:.2f} s)",
                                seconds <= PREVIEW_LIMIT_S and seconds <= hugo))
        else:
            found.append(Target(name, _not_measured("1000"), None))
    views = [figures["first_view"] for figures in sizes.values()]
    heaviest = max(views, key=lambda view: view["first_view_kb"], default=None)
    name = f"first view of the heaviest page under {FIRST_VIEW_LIMIT_KB} KB (gzip)"
    found.append(Target(name, f"{heaviest['first_view_kb']:.1f} KB ({heaviest['page']})",
                        heaviest["first_view_kb"] < FIRST_VIEW_LIMIT_KB) if heaviest else Target(name, "nothing built", None))
    return found


_KINDS = {"sessie": "session", "casus": "casus", "vocabulary": "vocabulary label", "template": "template"}


def _not_measured(size: str) -> str:
    return f"not measured (BENCH_SIZES has no {size})"


def table(results: dict) -> str:
    """The cold builds, one row per size, as a Markdown table; then the preview, per kind of save."""
    rows = ["| items | ours (`make publish`) | plain Pelican | Hugo + Pagefind | ours / Pelican "
            "| ours / (Hugo + Pagefind) | peak memory: ours, Pagefind, Pelican, Hugo + Pagefind |",
            "|---|---|---|---|---|---|---|"]
    for size, figures in results["sizes"].items():
        ours, pelican, hugo = figures["ours"], figures["pelican"], figures["hugo_pagefind"]
        rows.append(
            f"| {int(size):,} | {ours['seconds']:.2f} s ({ours['pages']:,} pages, {ours['files']:,} files) "
            f"| {pelican['seconds']:.2f} s ({pelican['pages']:,} pages) "
            f"| {hugo['seconds']:.2f} s ({hugo['pages']:,} pages) "
            f"| {figures['ours_per_pelican']:.2f}× | {figures['ours_per_hugo_pagefind']:.2f}× "
            f"| {ours['peak_mib']:.0f}, {ours['pagefind_peak_mib']:.0f}, {pelican['peak_mib']:.0f}, "
            f"{hugo['peak_mib']:.0f} MiB |")
    preview = results.get("preview")
    if preview:
        rows += ["", f"Preview at {preview['items']:,} items, from saving until the page shows it "
                     f"(median of {preview['repeats']}):", "",
                 "| save | ours | hugo server (the same session) |", "|---|---|---|"]
        rows += [f"| {_KINDS[kind]} | {seconds:.2f} s | {preview['hugo_server_s']:.2f} s |"
                 for kind, seconds in preview["ours_s"].items()]
    return "\n".join(rows)
