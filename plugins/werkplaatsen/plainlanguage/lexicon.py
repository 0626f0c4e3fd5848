"""Facts about single Dutch words: syllables and how common a word is.

Both come from maintained packages that work offline: pyphen's Dutch hyphenation patterns
(``nl_NL``) and wordfreq's Dutch frequencies. Both are loaded on first use, so importing the
package costs nothing until a text is checked, and answers are remembered per word: a site
repeats most of its words, and the check must add little to a build.
"""

from __future__ import annotations

import math
import re
from functools import cache

# wordfreq's "small" Dutch list holds every word used at least once per million words (Zipf 3.0
# and up) and loads in a hundredth of a second; the "large" list adds rarer words but takes over a
# tenth of a second to load. Every threshold in this package is 3.0 or more, so the small list
# gives the same answers.
WORDLIST = "small"

# A vowel sound written in Dutch spelling: the longest clusters first, so "aai" and "ieu" count once.
# A vowel with a diaeresis (ë, ï, ö, ü) always starts a sound of its own, as in "ideeën".
VOWEL_SOUND = re.compile(
    r"aai|ooi|oei|eeu|ieu|aa|ee|oo|uu|ie|oe|eu|ui|ij|ei|ou|au|ai|oi|[aeiouyáéíóúàèìòùâêîôûëïöü]",
    re.IGNORECASE,
)
# The vowel sounds that pyphen's Dutch patterns ever break ("mu-se-um", "pi-ë-zo"): over every word
# of the frequency list, they break no other sound of two or more letters ("ee", "ij", "aa", "ui", ...).
BREAKABLE_SOUNDS = frozenset({"ie", "ieu", "ei", "eu", "oi", "ai"})
# Parts of a written word that are read separately: "Noord-Holland", "trio's", "en/of".
WORD_PARTS = re.compile(r"[-'’/]")

MEMO_LIMIT = 1 << 17  # distinct keys a Memo keeps; a long-running preview must not grow without bound


class Memo(dict):
    """A dict that computes a missing value once. ``map(memo.__getitem__, words)`` looks up a
    whole sentence without a Python call per known word."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, key):
        if len(self) >= MEMO_LIMIT:
            self.clear()
        value = self[key] = self._compute(key)
        return value


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


@cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("nl", WORDLIST)


def _syllables(word: str) -> int:
    """pyphen marks where a word may be broken at the end of a line. Those points are syllable
    boundaries, but pyphen never breaks off a single vowel ("over", "eten"), so each piece between
    two points counts its vowel sounds. A point can only change the count inside a sound it breaks
    ("mu-se-um"), so words without such a sound skip pyphen, which is the slow part."""
    total = 0
    for part in WORD_PARTS.split(word):
        sounds = VOWEL_SOUND.findall(part.lower())
        if not BREAKABLE_SOUNDS.isdisjoint(sounds):
            total += sum(len(VOWEL_SOUND.findall(piece))
                         for piece in _hyphenator().inserted(part, hyphen="\n").split("\n"))
        else:
            total += len(sounds)
    return max(1, total)


_SYLLABLES = Memo(_syllables)


def syllables(word: str) -> int:
    """The number of syllables of a written word in lower case, at least 1."""
    return _SYLLABLES[word]


def zipf(word: str) -> float:
    """How common a word (in lower case) is in Dutch, on the Zipf scale: 6 for "de", 3 for once per
    million words, 0 for a word the list does not have. The same value as wordfreq's
    ``zipf_frequency(word, "nl", wordlist="small")`` for a word of letters, read straight from the
    list: that function tokenizes its input first, which costs more than the rest of the check."""
    frequency = _frequencies().get(word)
    return 0.0 if frequency is None else round(math.log10(frequency) + 9, 2)


def warm_up() -> None:
    """Load the hyphenation patterns and the frequency list now (before forking workers, say)."""
    _hyphenator()
    _frequencies()
