"""What a build wrote, counted, and the bench's check of itself.

A comparison with a build that wrote almost nothing is no comparison: plain Pelican without a
Markdown reader skips every .md file silently, exits 0 and is "fast". So every build the bench
times, the site's and each reference's, must have written a page for every content item, and at
least as many HTML pages as there are items; otherwise the run stops and says which build fell short.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Count:
    pages: int  # HTML files written
    item_pages: int  # content items whose own page was written
    files: int  # files written, of any kind


def count(output: Path, item_pages: Iterable[str]) -> Count:
    """Count what a build wrote into `output` (a folder, or a link to one); `item_pages`: the path,
    relative to it, where the build should have written each content item's page."""
    pages = files = 0
    for folder, _, names in os.walk(output):
        files += len(names)
        pages += sum(name.endswith(".html") for name in names)
    return Count(pages, sum((output / page).is_file() for page in item_pages), files)


class TooFewPages(SystemExit):
    """A build wrote fewer pages than there are items: its time measures nothing comparable."""


def shortfalls(counts: dict[str, Count], items: int) -> list[str]:
    """What each build that fell short of `items` wrote, in a sentence; empty when all are complete."""
    return [f"{name} wrote {count.pages:,} HTML pages and {count.item_pages:,} of the {items:,} item pages "
            f"for {items:,} content items"
            for name, count in counts.items() if count.item_pages < items or count.pages < items]


def check(counts: dict[str, Count], items: int) -> None:
    """Stop the run when any build wrote fewer pages than there are items."""
    problems = shortfalls(counts, items)
    if problems:
        raise TooFewPages("The benchmark is not valid: " + "; ".join(problems) + ". A build that skips "
                          "content is not a comparison: check that build's environment (plain Pelican "
                          "needs its Markdown reader, pelican[markdown]) and its output, then run again.")
