"""Sentences and words of one block of text (a paragraph, a heading, a list item).

A block always ends a sentence, so a heading or a list item without a full stop is a sentence of
its own and is never glued to the next one. Inside a block a sentence ends at an empty line, or
at ".", "!", "?" or "…" (with any closing quotes or brackets) followed by a space and a word that
does not start with a small letter. A dot does not end a sentence
- inside a word, number or address: "1.000", "13.30 uur", "10.09.2019", "www.lpb.nl", "o.a.";
- after an abbreviation ("bijv.", "dhr.", "d.w.z.", "J. de Vries"), except "enz.", "etc." and the
  like before a capital, which often close a sentence.

Speed matters (the check runs over every text of a build): sentences are found with one pass over
the block; positions of single words (``tokens``) are computed only for sentences a rule looks at
closely.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Abbreviations of one word that are written with a dot (compared in lower case).
# Not here: words that are also names or ordinary words at the end of a sentence ("Jan.", "Max.").
ABBREVIATIONS = frozenset("""
    afb afd art aug bijv blz bv ca dec dhr dr drs enz etc evt excl febr gem hfst incl ing ir jl jr mln
    mr mrd mevr mw nov nr nrs okt ong pag prof resp sept sr st tel vgl vs zgn
""".split())
# Abbreviations that often close a sentence ("pennen, papier enz. Daarna ...").
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"enz", "etc", "e.d", "e.a", "e.o", "o.i.d"})
DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # o.a, d.w.z, m.b.t (not www.lpb.nl)

# A word or number, with the joining characters it may hold: "trio's", "e-mail", "t/m", "1.000",
# "13.30", "d.w.z", "www.lpb.nl". A word in the strict sense has only letters and ' - / inside.
WORD = re.compile(r"[^\W_]+(?:[-'’/.,:][^\W_]+)*")
LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:[-'’/][^\W\d_]+)*")
# The same with web and e-mail addresses as one token, for text that holds "@" or "://".
WORD_OR_ADDRESS = re.compile(
    r"https?://[^\s<>\"]*[^\s<>\".,;:!?)\]'’]|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|" + WORD.pattern)

CLOSERS = "'\"”’»)\\]"
OPENERS = "'\"“‘«(["
ENDS = re.compile(rf"[.!?…]+[{CLOSERS}]*(?=\s)|\n[ \t\r\f\v]*\n")
NEXT_VISIBLE = re.compile(r"\S")


class Sentence(NamedTuple):
    text: str
    start: int  # offset in the block
    end: int


class Token(NamedTuple):
    text: str
    start: int  # offset in the block
    end: int


def sentences(block: str) -> list[Sentence]:
    """The sentences of a block; a stretch without any word or number is none."""
    found, start = [], 0
    for end in ENDS.finditer(block):
        if _ends_sentence(block, end):
            _add(found, block, start, end.end())
            start = end.end()
    _add(found, block, start, len(block))
    return found


def tokens(sentence: Sentence) -> list[Token]:
    """Every word, number, abbreviation and address of a sentence, with its place in the block."""
    return [Token(*word) for word in words(sentence)]


def words(sentence: Sentence):
    """The tokens of a sentence as (text, start, end), without making a Token of each."""
    offset = sentence.start
    return ((match.group(), offset + match.start(), offset + match.end())
            for match in _word_pattern(sentence.text).finditer(sentence.text))


def chunk_tokens(chunk: str) -> list[str]:
    """The tokens of a stretch without spaces: tokens never hold a space, so the tokens of a sentence
    are those of its chunks, in order."""
    return _word_pattern(chunk).findall(chunk)


def is_word(token: str) -> bool:
    """A word in the strict sense: letters, joined by ' - / ("trio's", "e-mail"), no digits or dots."""
    return LETTERS_ONLY.fullmatch(token) is not None


def _word_pattern(text: str) -> re.Pattern:
    return WORD_OR_ADDRESS if "@" in text or "://" in text else WORD


def _ends_sentence(block: str, end: re.Match) -> bool:
    mark = end.group()
    if mark.startswith("\n"):
        return True  # an empty line
    following = NEXT_VISIBLE.search(block, end.end())
    if following is None or following.group().islower():
        return following is None
    if not mark.startswith(".") or mark.startswith(".."):
        return True  # "!", "?", "…" or "..."
    chunk_start = end.start()
    while chunk_start and not block[chunk_start - 1].isspace():
        chunk_start -= 1
    chunk = block[chunk_start:end.start()].lstrip(OPENERS).lower()
    if chunk in SENTENCE_FINAL_ABBREVIATIONS:
        return True
    return not (chunk in ABBREVIATIONS or DOTTED_ABBREVIATION.fullmatch(chunk) or (len(chunk) == 1 and chunk.isalpha()))


def _add(found: list[Sentence], block: str, start: int, end: int) -> None:
    if WORD.search(block, start, end) is None:
        return
    raw = block[start:end]
    text = raw.strip()
    offset = start + len(raw) - len(raw.lstrip())
    found.append(Sentence(text, offset, offset + len(text)))
