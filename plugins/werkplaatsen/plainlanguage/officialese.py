"""Officialese with a plainer alternative, from the project's own list (officialese.yaml).

Forms match whole words and phrases, in any mix of capitals, with any spaces or line breaks
between the words. A form with "…" ("dient … te") allows up to MAX_GAP_WORDS words in between,
for verbs that wrap around the rest of the sentence ("U dient het formulier in te vullen").

Each form has a key: its least common word ("kader" in "in het kader van"). A sentence is searched
only for the forms whose key it contains, so the many sentences with "in" or "met" cost nothing.
"""

from __future__ import annotations

import re

from .findings import Hit, Kind
from .lexicon import zipf
from .sentences import WORD, Sentence
from .wordlists import GAP, Officialese

MAX_GAP_WORDS = 5


class OfficialeseFinder:
    def __init__(self, entries: tuple[Officialese, ...]):
        groups: dict[str, list[tuple[str, Officialese]]] = {}
        for entry in entries:
            for form in entry.forms:
                groups.setdefault(min(WORD.findall(form.lower()), key=zipf), []).append((form, entry))
        self._patterns = {key: _pattern(forms) for key, forms in groups.items()}

    def keys(self, word: str) -> frozenset[str]:
        """The keys a word (in lower case) is: none, or itself."""
        return frozenset({word}) if word in self._patterns else frozenset()

    def hits(self, sentence: Sentence, keys: frozenset[str]) -> list[Hit]:
        """The officialese in a sentence that holds these keys."""
        found = []
        for key in sorted(keys):
            pattern, forms = self._patterns[key]
            for match in pattern.finditer(sentence.text):
                form, entry = forms[match.lastgroup]
                quoted = form if GAP in form else " ".join(match.group().split())
                found.append(Hit(Kind.OFFICIALESE, sentence.start + match.start(), sentence.start + match.end(),
                                 f"'{quoted}' is ambtelijke taal. Schrijf liever: {entry.plainer}.", entry.plainer))
        return found


def _pattern(forms: list[tuple[str, Officialese]]) -> tuple[re.Pattern, dict[str, tuple[str, Officialese]]]:
    """One expression for the forms of one key, the longest first ("dienen … te" before "dienen")."""
    ordered = sorted(forms, key=lambda pair: -len(pair[0]))
    groups = {f"f{number}": pair for number, pair in enumerate(ordered)}
    gap = rf"\s+(?:[^\s.!?]+\s+){{0,{MAX_GAP_WORDS}}}?"
    alternatives = [
        f"(?P<{group}>" + gap.join(r"\s+".join(map(re.escape, part.split())) for part in form.split(GAP)) + ")"
        for group, (form, _) in groups.items()
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE), groups
