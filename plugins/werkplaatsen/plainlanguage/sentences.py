"""Words and sentences of one block of text (a paragraph, a heading, a list item).

A block always ends a sentence, so a heading or a list item without a full stop is a sentence of
its own and is never glued to the next one. Inside a block a sentence ends at ".", "!", "?" or
"…" followed by a space and a word that does not start with a small letter, or at an empty line.
Dots inside a token never end a sentence: abbreviations ("bijv.", "o.a.", "d.w.z.", "J. de Vries"),
numbers and times ("1.000", "13.30 uur", "10.09.2019") and web and e-mail addresses are tokens of
their own. "enz." and "etc." end a sentence when a capital follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations of one word that are written with a dot (compared in lower case).
ABBREVIATIONS = (
    "afb", "afd", "art", "aug", "bijv", "blz", "bv", "ca", "dec", "dhr", "dr", "drs", "enz", "etc", "evt",
    "excl", "febr", "gem", "hfst", "incl", "ing", "ir", "jl", "jr", "mln", "mr", "mrd", "mevr", "mw",
    "nov", "nr", "nrs", "okt", "ong", "pag", "prof", "resp", "sept", "sr", "st", "tel", "vgl", "vs", "zgn",
)
# Not here: words that are also names or ordinary words at the end of a sentence ("Jan.", "Max.", "min.").
# Abbreviations that often close a sentence ("pennen, papier enz. Daarna ...").
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"enz.", "etc.", "e.d.", "e.a.", "e.o.", "o.i.d."})

_UPPER = "A-ZÀ-ÖØ-Þ"
TOKEN = re.compile(
    r"(?P<address>(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’]"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)"
    rf"|(?P<abbreviation>(?<!\w)(?:(?:[^\W\d_]{{1,3}}\.){{2,}}|(?i:{'|'.join(ABBREVIATIONS)})\.|[{_UPPER}]\.))"
    r"|(?P<number>\d[^\W_]*(?:[.,:/\-]\d[^\W_]*)*)"
    r"|(?P<word>[^\W\d_][^\W_]*(?:['’\-/][^\W_]+)*)"
)
# Punctuation that ends a sentence, with closing quotes or brackets on either side.
CLOSERS = "'\"”’»)\\]"
TERMINAL = re.compile(rf"[{CLOSERS}]*[.!?…]+[{CLOSERS}]*")
TERMINAL_THEN_SPACE = re.compile(rf"[.!?…][{CLOSERS}]*\s")
EMPTY_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Token:
    """A word, number, abbreviation or address, with its place in the block."""

    kind: str  # "word", "number", "abbreviation" or "address"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]


def tokens(block: str) -> list[Token]:
    return [Token(match.lastgroup, match.group(), match.start(), match.end()) for match in TOKEN.finditer(block)]


def sentences(block: str) -> list[Sentence]:
    """The sentences of a block; text without any word or number has none."""
    found, current = [], []
    words = tokens(block)
    for index, token in enumerate(words):
        current.append(token)
        following = words[index + 1] if index + 1 < len(words) else None
        gap = block[token.end:following.start if following else len(block)]
        if following is None or _ends_sentence(token, gap, following):
            closing = TERMINAL.match(gap)
            end = token.end + (closing.end() if closing else 0)
            found.append(Sentence(block[current[0].start:end], current[0].start, end, tuple(current)))
            current = []
    return found


def _ends_sentence(token: Token, gap: str, following: Token) -> bool:
    if EMPTY_LINE.search(gap):
        return True
    if following.text[0].islower():
        return False
    if TERMINAL_THEN_SPACE.search(gap):
        return True
    return token.text.lower() in SENTENCE_FINAL_ABBREVIATIONS and gap[:1].isspace()
