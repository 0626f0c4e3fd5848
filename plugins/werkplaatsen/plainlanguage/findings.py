"""What the check reports: findings, the figures of a text and of many texts, a Dutch summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Mapping

MAX_SENTENCE_WORDS = 20


class Kind(Enum):
    """The kinds of finding, in the order a summary names them; the tuple holds the Dutch label
    for one and for more."""

    LONG_SENTENCE = ("zin langer dan {n} woorden", "zinnen langer dan {n} woorden")
    PASSIVE = ("lijdende vorm", "lijdende vormen")
    OFFICIALESE = ("ambtelijk woord", "ambtelijke woorden")
    RARE_WORD = ("weinig gebruikt woord", "weinig gebruikte woorden")
    LONG_WORD = ("lang woord", "lange woorden")
    FAMILIAR = ("je-vorm", "je-vormen")  # the reader addressed as "je" or "jullie" instead of "u"

    @property
    def label(self) -> str:
        """'lijdende vorm', 'zin langer dan 20 woorden': one finding of this kind."""
        return self.value[0].format(n=MAX_SENTENCE_WORDS)

    def describe(self, count: int) -> str:
        """'1 lijdende vorm', '3 zinnen langer dan 20 woorden'."""
        return f"{count} {self.label if count == 1 else self.value[1].format(n=MAX_SENTENCE_WORDS)}"


@dataclass(frozen=True)
class Hit:
    """What a rule found in a block; the checker turns it into a Finding."""

    kind: Kind
    start: int
    end: int
    message: str
    suggestion: str | None = None


@dataclass(frozen=True)
class Finding:
    """One thing to improve, with the place to highlight: ``blocks[block][start:end] == text``."""

    kind: Kind
    field: str
    block: int
    start: int
    end: int
    text: str  # the word or words concerned, as written
    sentence: str
    sentence_start: int  # where the sentence starts in its block
    message: str  # plain Dutch (B1) for the editor, who is addressed as "u"
    suggestion: str | None = None  # a plainer word, when there is one

    def in_context(self) -> tuple[str, str, str]:
        """The sentence split around the finding: (before, text, after), for highlighting."""
        start, end = self.start - self.sentence_start, self.end - self.sentence_start
        return self.sentence[:start], self.sentence[start:end], self.sentence[end:]


@dataclass(frozen=True)
class Stats:
    """Counts of one text or of many; adding two adds every count."""

    texts: int = 0
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    findings: Mapping[Kind, int] = field(default_factory=lambda: MappingProxyType({}))

    def __add__(self, other: Stats) -> Stats:
        return Stats(self.texts + other.texts, self.sentences + other.sentences, self.words + other.words,
                     self.syllables + other.syllables,
                     MappingProxyType(dict(Counter(self.findings) + Counter(other.findings))))

    @property
    def average_sentence_length(self) -> float | None:
        """Words per sentence; None for a text without sentences."""
        return self.words / self.sentences if self.sentences else None

    @property
    def flesch_douma(self) -> float | None:
        """Flesch-Douma reading ease, the Dutch form of the Flesch score: 206.835 - 0.93 x words per
        sentence - 77 x syllables per word. Higher is easier; 60 to 70 suits most readers.
        For many texts it is computed over their summed counts, not averaged over their scores."""
        if not self.words:
            return None
        return 206.835 - 0.93 * (self.words / self.sentences) - 77 * (self.syllables / self.words)


@dataclass(frozen=True)
class TextReport:
    field: str
    findings: tuple[Finding, ...]
    stats: Stats


def aggregate(reports) -> Stats:
    """The counts of many texts (a whole site) summed."""
    return sum((report.stats for report in reports), Stats())


def summary(counts: Mapping[Kind, int]) -> str:
    """'3 zinnen langer dan 20 woorden, 1 lijdende vorm', or that there is nothing to improve."""
    parts = [kind.describe(counts[kind]) for kind in Kind if counts.get(kind)]
    return ", ".join(parts) if parts else "geen opmerkingen over de taal"
