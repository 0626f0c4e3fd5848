"""Officialese with a plainer alternative, from the project's own list (officialese.yaml).

Forms match whole words and phrases, in any mix of capitals, with any spaces or line breaks
between the words. A form with "…" ("dient … te") allows up to MAX_GAP_WORDS words in between,
for verbs that wrap around the rest of the sentence ("U dient het formulier in te vullen").
"""

from __future__ import annotations

import re
from functools import cache

from .findings import Hit, Kind
from .wordlists import GAP, Officialese

MAX_GAP_WORDS = 5


@cache
def _pattern(entries: tuple[Officialese, ...]) -> tuple[re.Pattern, dict[str, tuple[str, Officialese]]]:
    """One expression for all forms, longest first so "ten behoeve van" wins over a shorter form."""
    forms = sorted(((form, entry) for entry in entries for form in entry.forms), key=lambda pair: -len(pair[0]))
    groups = {f"f{number}": pair for number, pair in enumerate(forms)}
    gap = rf"\s+(?:[^\s.!?]+\s+){{0,{MAX_GAP_WORDS}}}?"
    alternatives = [
        f"(?P<{group}>" + gap.join(r"\s+".join(map(re.escape, part.split())) for part in form.split(GAP)) + ")"
        for group, (form, _) in groups.items()
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE), groups


def officialese_hits(block: str, entries: tuple[Officialese, ...]) -> list[Hit]:
    if not entries:
        return []
    pattern, groups = _pattern(entries)
    hits = []
    for match in pattern.finditer(block):
        form, entry = groups[match.lastgroup]
        quoted = form if GAP in form else " ".join(match.group().split())
        hits.append(Hit(Kind.OFFICIALESE, match.start(), match.end(),
                        f"'{quoted}' is ambtelijke taal. Schrijf liever: {entry.plainer}.", entry.plainer))
    return hits
