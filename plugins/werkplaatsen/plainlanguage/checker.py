"""The checker: runs every rule over the sentences of a text and counts what it finds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from types import MappingProxyType

from .findings import MAX_SENTENCE_WORDS, Finding, Hit, Kind, Stats, TextReport
from .hardwords import HardWords, accepted_words
from .lexicon import syllables
from .officialese import officialese_hits
from .passive import passives
from .sentences import Sentence, sentences
from .wordlists import accepted_terms, officialese


class Checker:
    """Checks texts against one set of accepted words; keep one for a whole build."""

    def __init__(self, accepted: Iterable[str] = ()):
        """``accepted``: words never reported as hard, such as vocabulary labels and names of people,
        organisations, places and items (each may be several words: "Wonen en zorg")."""
        self._hard_words = HardWords(accepted_words(accepted) | accepted_words(accepted_terms()))
        self._officialese = officialese()

    def check(self, blocks: Sequence[str], field: str) -> TextReport:
        """The findings and counts of one text (one field of one item)."""
        findings: list[Finding] = []
        counts = Counter()
        sentence_count = word_count = syllable_count = 0
        for number, block in enumerate(blocks):
            wordy = officialese_hits(block, self._officialese)
            spans = [(hit.start, hit.end) for hit in wordy]
            for sentence in sentences(block):
                sentence_count += 1
                word_count += len(sentence.tokens)
                syllable_count += sum(syllables(token.text.casefold()) if token.kind == "word" else 1
                                      for token in sentence.tokens)
                hits = [hit for hit in wordy if sentence.start <= hit.start and hit.end <= sentence.end]
                hits += _long_sentence(sentence) + passives(sentence) + self._hard_words.hits(sentence, spans)
                for hit in sorted(hits, key=lambda hit: (hit.start, list(Kind).index(hit.kind))):
                    counts[hit.kind] += 1
                    findings.append(Finding(hit.kind, field, number, hit.start, hit.end, block[hit.start:hit.end],
                                            sentence.text, sentence.start, hit.message, hit.suggestion))
        stats = Stats(1, sentence_count, word_count, syllable_count, MappingProxyType(dict(counts)))
        return TextReport(field, tuple(findings), stats)


def _long_sentence(sentence: Sentence) -> list[Hit]:
    words = len(sentence.tokens)
    if words <= MAX_SENTENCE_WORDS:
        return []
    return [Hit(Kind.LONG_SENTENCE, sentence.start, sentence.end, (
        f"Deze zin heeft {words} woorden. Een zin van hooguit {MAX_SENTENCE_WORDS} woorden leest makkelijker. "
        "Maak er twee zinnen van, of laat weg wat de lezer niet nodig heeft."))]
