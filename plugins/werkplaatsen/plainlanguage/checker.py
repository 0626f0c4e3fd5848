"""The checker: runs every rule over the sentences of a text and counts what it finds.

Most sentences have nothing to report, so the checker first looks at each sentence as a list of
space-separated chunks and reads what it needs per chunk from tables it fills once per distinct
chunk (words, syllables, and whether a rule could apply). Only a sentence whose chunks may hold a
hard word, officialese, a form of "worden" or a familiar form ("je") is looked at word by word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import reduce
from operator import or_
from types import MappingProxyType

from .address import FORMS as FAMILIAR_FORMS, familiar_forms, quoted
from .findings import MAX_SENTENCE_WORDS, Finding, Hit, Kind, Stats, TextReport
from .hardwords import HardWords, accepted_words
from .lexicon import Memo, syllables
from .officialese import OfficialeseFinder
from .passive import WORDEN, passives
from .sentences import Sentence, chunk_tokens, is_word, sentences
from .wordlists import accepted_terms, officialese

KIND_ORDER = {kind: number for number, kind in enumerate(Kind)}
# What a chunk may hold, as bits.
HARD, OFFICIALESE, PASSIVE, FAMILIAR = 1, 2, 4, 8


def _count(chunk: str) -> int:
    return len(chunk_tokens(chunk))


def _syllables(chunk: str) -> int:
    """A word counts its syllables; a number, abbreviation or address counts as one."""
    return sum(syllables(token.casefold()) if is_word(token) else 1 for token in chunk_tokens(chunk))


class Checker:
    """Checks texts against one set of accepted words; keep one for a whole build."""

    def __init__(self, accepted: Iterable[str] = ()):
        """``accepted``: words never reported as hard, such as vocabulary labels and names of people,
        organisations, places and items (each may be several words: "Wonen en zorg")."""
        self._hard_words = HardWords(accepted_words(accepted) | accepted_words(accepted_terms()))
        self._officialese = OfficialeseFinder(officialese())
        self._counts = Memo(_count)
        self._syllables = Memo(_syllables)
        self._flags = Memo(self._chunk_flags)
        self._officialese_keys = Memo(self._chunk_officialese_keys)

    def check(self, blocks: Sequence[str], field: str) -> TextReport:
        """The findings and counts of one text (one field of one item)."""
        findings: list[Finding] = []
        sentence_count = word_count = syllable_count = 0
        for number, block in enumerate(blocks):
            quotes = None  # the block's quoted speech, found when a sentence needs it
            syllable_count += sum(map(self._syllables.__getitem__, block.split()))
            for sentence in sentences(block):
                chunks = sentence.text.split()
                words = sum(map(self._counts.__getitem__, chunks))
                sentence_count += 1
                word_count += words
                flags = reduce(or_, map(self._flags.__getitem__, chunks), 0)
                if flags & FAMILIAR and quotes is None:
                    quotes = quoted(block)
                if flags or words > MAX_SENTENCE_WORDS:
                    findings += (Finding(hit.kind, field, number, hit.start, hit.end, block[hit.start:hit.end],
                                         sentence.text, sentence.start, hit.message, hit.suggestion)
                                 for hit in self._hits(sentence, chunks, words, flags, quotes))
        counts = MappingProxyType(dict(Counter(finding.kind for finding in findings)))
        return TextReport(field, tuple(findings), Stats(1, sentence_count, word_count, syllable_count, counts))

    def _hits(self, sentence: Sentence, chunks: list[str], words: int, flags: int, quotes) -> list[Hit]:
        """What the rules find in a sentence, in the order of the text (``quotes``: the block's quoted speech)."""
        wordy = []
        if flags & OFFICIALESE:
            keys = frozenset().union(*map(self._officialese_keys.__getitem__, chunks))
            wordy = self._officialese.hits(sentence, keys)
        hits = wordy + _long_sentence(sentence, words)
        if flags & PASSIVE:
            hits += passives(sentence)
        if flags & HARD:
            hits += self._hard_words.hits(sentence, [(hit.start, hit.end) for hit in wordy])
        if flags & FAMILIAR:
            hits += familiar_forms(sentence, quotes)
        return sorted(hits, key=lambda hit: (hit.start, KIND_ORDER[hit.kind]))

    def _chunk_flags(self, chunk: str) -> int:
        flags = OFFICIALESE if self._officialese_keys[chunk] else 0
        for token in chunk_tokens(chunk):
            word = token.lower()
            flags |= ((HARD if self._hard_words.is_hard(token) else 0) | (PASSIVE if word in WORDEN else 0)
                      | (FAMILIAR if word in FAMILIAR_FORMS else 0))
        return flags

    def _chunk_officialese_keys(self, chunk: str) -> frozenset[str]:
        return frozenset().union(*(self._officialese.keys(token.lower()) for token in chunk_tokens(chunk)))


def _long_sentence(sentence: Sentence, words: int) -> list[Hit]:
    if words <= MAX_SENTENCE_WORDS:
        return []
    return [Hit(Kind.LONG_SENTENCE, sentence.start, sentence.end, (
        f"Deze zin heeft {words} woorden. Een zin van hooguit {MAX_SENTENCE_WORDS} woorden leest makkelijker. "
        "Maak er twee zinnen van, of laat weg wat de lezer niet nodig heeft."))]
