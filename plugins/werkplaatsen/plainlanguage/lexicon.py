"""Facts about single Dutch words: syllables and how common a word is.

Both come from maintained packages that work offline: pyphen's Dutch hyphenation patterns
(``nl_NL``) and wordfreq's Dutch frequencies. Both are imported on first use, so importing the
package costs nothing until a text is checked, and every answer is cached per word: a site
repeats most of its words, and the check must add little to a build.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# wordfreq's "small" Dutch list holds every word used at least once per million words
# (Zipf 3.0 and up) and loads in a hundredth of a second; the "large" list adds rarer words but
# takes over a tenth of a second to load. Any threshold in this package is 3.0 or more, so the
# small list gives the same answers.
WORDLIST = "small"

# A vowel sound written in Dutch spelling: the longest clusters first, so "aai" and "ieu" count once.
# A vowel with a diaeresis (ë, ï, ö, ü) always starts a sound of its own, as in "ideeën".
VOWEL_SOUND = re.compile(
    r"aai|ooi|oei|eeu|ieu|aa|ee|oo|uu|ie|oe|eu|ui|ij|ei|ou|au|ai|oi|[aeiouyáéíóúàèìòùâêîôûëïöü]",
    re.IGNORECASE,
)
# Parts of a written word that are read separately: "Noord-Holland", "trio's", "en/of".
WORD_PARTS = re.compile(r"[-'’/]")

_CACHE_SIZE = 1 << 16  # distinct words kept; a long-running preview must not grow without bound


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


@cache
def _zipf_function():
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=_CACHE_SIZE)
def syllables(word: str) -> int:
    """The number of syllables of a written word, at least 1.

    pyphen marks where a word may be broken at the end of a line. Those points are always
    syllable boundaries, but pyphen never breaks off a single vowel ("over", "eten"), so each
    piece between two points counts its vowel sounds as well.
    """
    total = 0
    for part in WORD_PARTS.split(word):
        if part:
            for piece in _hyphenator().inserted(part, hyphen="\n").split("\n"):
                total += len(VOWEL_SOUND.findall(piece))
    return max(1, total)


@lru_cache(maxsize=_CACHE_SIZE)
def zipf(word: str) -> float:
    """How common a word is in Dutch, on the Zipf scale: 6 for "de", 3 for once per million words,
    0 for a word the list does not have."""
    return _zipf_function()(word, "nl", wordlist=WORDLIST)


def warm_up() -> None:
    """Load the hyphenation patterns and the frequency list now (before forking workers, say)."""
    syllables("werkplaats")
    zipf("werkplaats")
