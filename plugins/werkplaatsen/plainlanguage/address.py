"""Addressing the reader with the familiar forms ("je", "jij", "jouw", "jullie", ...) where the site says "u".

The site addresses its readers as "u" and "uw". Each familiar form is a word of its own, so a
form is found only as a whole word: "jeugd", "bijeen", "Jeroen" and "je-vorm" are other words.
"jullie" is reported as well: in this site's texts it speaks to the reader's trio or team
("Welke opgave willen jullie aanpakken?"); where it refers to others it is nearly always in quoted
speech. Quoted speech is left alone: words between quotes ("...", “...”, „...”, ‘...’, '...',
«...») are what someone said, not how the site speaks. A quote counts only when it is closed in
the same block; an apostrophe inside or before a word ("trio's", "'s avonds") is not a quote.
"""

from __future__ import annotations

import re

from .findings import Hit, Kind
from .sentences import Sentence, tokens

# Each familiar form with what to write instead. "je" and "jullie" may be a pronoun or a possessive
# ("je trio", "jullie opgave"); which one needs the sentence's grammar, so both words are offered.
FORMS = {
    "je": "u of uw",
    "jij": "u",
    "jou": "u",
    "jouw": "uw",
    "jouwe": "de uwe",
    "jezelf": "uzelf",
    "jullie": "u of uw",
}

# Opening quote -> its closing quotes. A straight or single quote opens only before a letter or
# digit after a space or the start, and closes only after one, before a space, punctuation or the end.
PAIRS = {'"': '"', "“": "”", "„": "”“", "‘": "’", "'": "'’", "«": "»", "‹": "›"}
OPENING = re.compile(r"""(?:^|(?<=[\s(\[]))([“„‘«‹'"])(?=\w)""")


def quoted(block: str) -> list[tuple[int, int]]:
    """The stretches of a block between a pair of quotes, as (start, end) offsets."""
    spans, position = [], 0
    while (opening := OPENING.search(block, position)) is not None:
        start = opening.end()
        closing = re.compile(rf"(?<=[\w.,!?…])[{re.escape(PAIRS[opening.group(1)])}](?![\w])")
        end = closing.search(block, start)
        if end is None:
            position = start
            continue
        spans.append((start, end.start()))
        position = end.end()
    return spans


def familiar_forms(sentence: Sentence, quotes: list[tuple[int, int]]) -> list[Hit]:
    """Each familiar form in a sentence outside quoted speech (``quotes``: from ``quoted`` of its block)."""
    return [_hit(token.text, token.start, token.end) for token in tokens(sentence)
            if token.text.lower() in FORMS and not any(start <= token.start < end for start, end in quotes)]


def _hit(word: str, start: int, end: int) -> Hit:
    plainer = FORMS[word.lower()]
    return Hit(Kind.FAMILIAR, start, end, (
        f"'{word}' is de je-vorm. Deze site spreekt de lezer aan met u. Schrijf liever: {plainer}."), plainer)
