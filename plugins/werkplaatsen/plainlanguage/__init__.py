"""Plain language (B1): what in a Dutch text makes it harder to read than it needs to be.

    checker = Checker(accepted=labels_and_names)
    report = checker.check(blocks_from_html(item.html), "tekst")  # or [item.record.samenvatting]
    for finding in report.findings: ...                # kind, place, sentence, Dutch message
    site = aggregate(reports)                          # counts and Flesch-Douma over all texts
    summary(report.stats.findings)                     # '3 zinnen langer dan 20 woorden, 1 lijdende vorm'

A text is given as a list of blocks (paragraphs, headings, list items); offsets of findings are
offsets in their block. The rules: sentences longer than MAX_SENTENCE_WORDS words, passive
constructions (passive.py), officialese from officialese.yaml (officialese.py), rare and long
words (hardwords.py), the reader addressed as "je" or "jullie" instead of "u" (address.py). Findings are advice for the editor, never errors.
"""

from __future__ import annotations

from .blocks import blocks_from_html
from .checker import Checker
from .findings import MAX_SENTENCE_WORDS, Finding, Kind, Stats, TextReport, aggregate, summary
from .lexicon import warm_up

__all__ = ["MAX_SENTENCE_WORDS", "Checker", "Finding", "Kind", "Stats", "TextReport", "aggregate",
           "blocks_from_html", "summary", "warm_up"]
