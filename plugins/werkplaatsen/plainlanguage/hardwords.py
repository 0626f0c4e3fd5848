"""Hard words: rare words (by Dutch word frequency) and long words (by syllables).

Never reported:
- accepted words: the caller's (vocabulary labels, names of people, organisations, places and
  items) and the project's own list (accepted_terms.yaml), also with a plural or genitive ending
  ("wijkschouwen", "trio's");
- compounds made only of accepted words ("wijkambtenarentrio");
- names and abbreviations: a word with a capital inside a sentence ("De Rietlanden"), a word in
  capitals ("WMO"), a word with a digit ("Platform31"), and words shorter than MIN_WORD_LETTERS;
- parts of officialese, which has its own finding.

A word counts as common as its most common base form ("oefende": oefenen, "concreter": concreet;
morphology.py). A word the frequency list lacks is not rare when it is a compound of known words,
each accepted or common, joined directly or with "s", "e" or "en" ("wijkambtenaren": wijk +
ambtenaren, "klimaatbestendig": klimaat + bestendig, "opvraagt": op + vraagt). Such a compound can still be long: "klimaatbestendig"
has five syllables and is reported as a long word, because a long compound is hard to read even
when its parts are easy. Words of the programme that are long but known to its readers
("wijkambtenaren") belong in accepted_terms.yaml. Parts of a word with a hyphen ("sociaal-
maatschappelijk") are judged one by one: the hyphen already splits the word for the reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Hit, Kind
from .lexicon import WORD_PARTS, syllables, zipf
from .morphology import base_forms
from .sentences import Sentence, tokens

MAX_WORD_SYLLABLES = 4  # a word with more syllables is long
RARE_WORD_ZIPF = 3.0  # rarer than once per million words (Zipf 3): most readers do not know it
COMMON_WORD_ZIPF = 4.0  # a long word this common is known to most readers ("organisatie")
MIN_WORD_LETTERS = 4  # shorter words are never reported
# The shortest parts of a compound: a last part of three letters is mostly a suffix ("-ing", "-ers"),
# a first part of two letters only one of these (separable verbs: "opvraagt", "invult").
MIN_FIRST_PART_LETTERS = 3
MIN_LAST_PART_LETTERS = 4
SHORT_FIRST_PARTS = frozenset({"af", "in", "na", "om", "op"})
LINKS = ("", "s", "e", "en")  # what may join two parts of a compound ("beleid-s-medewerker")
ENDINGS = ("", "s", "en", "n", "e")  # an accepted word with these endings is accepted too

RARE, LONG, FINE = "rare", "long", "fine"


def accepted_words(terms: Iterable[str]) -> frozenset[str]:
    """The words of labels and names, in lower case: "Wonen en zorg" gives wonen, en, zorg."""
    return frozenset(part.casefold() for term in terms for token in tokens(term) if token.kind == "word"
                     for part in WORD_PARTS.split(token.text) if part)


class HardWords:
    """Judges words against one set of accepted words; remembers each verdict."""

    def __init__(self, accepted: frozenset[str]):
        self.accepted = accepted
        self._verdicts: dict[str, str] = {}
        self._compounds: dict[str, tuple[str, ...] | None] = {}

    def hits(self, sentence: Sentence, skipped: list[tuple[int, int]]) -> list[Hit]:
        found = []
        for position, token in enumerate(sentence.tokens):
            if token.kind != "word" or _is_name(token.text, position) or _inside(token, skipped):
                continue
            verdicts = {part: self.verdict(part.casefold()) for part in WORD_PARTS.split(token.text) if part}
            for wanted in (RARE, LONG):
                worst = next((part for part, verdict in verdicts.items() if verdict == wanted), None)
                if worst is not None:
                    found.append(_hit(wanted, token, worst))
                    break
        return found

    def verdict(self, word: str) -> str:
        """RARE, LONG or FINE for one word in lower case without hyphens."""
        if word not in self._verdicts:
            self._verdicts[word] = self._judge(word)
        return self._verdicts[word]

    def _judge(self, word: str) -> str:
        if len(word) < MIN_WORD_LETTERS or self._accepted(word):
            return FINE
        parts = self._compound(word)
        if parts and all(self._accepted(part) for part in parts):
            return FINE
        frequency = self._frequency(word)
        if frequency < RARE_WORD_ZIPF and not parts:
            return RARE
        if syllables(word) > MAX_WORD_SYLLABLES and frequency < COMMON_WORD_ZIPF:
            return LONG
        return FINE

    def _accepted(self, word: str) -> bool:
        return any(word.endswith(ending) and word[:len(word) - len(ending)] in self.accepted
                   for ending in ENDINGS)

    def _known(self, part: str, last: bool) -> bool:
        """Only the last part of a compound carries its inflection ("buurt-budgetten"); a first part
        must be known as it is written, or suffixes would pass as words ("ondermijn-ing")."""
        frequency = self._frequency(part) if last else zipf(part)
        return self._accepted(part) or frequency >= RARE_WORD_ZIPF

    @staticmethod
    def _frequency(word: str) -> float:
        return max(zipf(form) for form in (word, *base_forms(word)))

    def _compound(self, word: str) -> tuple[str, ...] | None:
        """The known parts of a compound, the longest first part first; None if it is none."""
        if word not in self._compounds:
            self._compounds[word] = self._split(word)
        return self._compounds[word]

    def _split(self, word: str) -> tuple[str, ...] | None:
        for cut in range(len(word) - MIN_LAST_PART_LETTERS, 1, -1):
            head = word[:cut]
            if (cut < MIN_FIRST_PART_LETTERS and head not in SHORT_FIRST_PARTS) or not self._known(head, last=False):
                continue
            for link in LINKS:
                tail = word[cut + len(link):]
                if not word.startswith(link, cut) or len(tail) < MIN_LAST_PART_LETTERS:
                    continue
                if self._known(tail, last=True):
                    return head, tail
                rest = self._compound(tail)
                if rest:
                    return (head, *rest)
        return None


def _is_name(text: str, position: int) -> bool:
    return ((position > 0 and text[0].isupper()) or (len(text) > 1 and text.isupper())
            or any(character.isdigit() for character in text))


def _inside(token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start < end for start, end in spans)


def _hit(verdict: str, token, part: str) -> Hit:
    if verdict == RARE:
        return Hit(Kind.RARE_WORD, token.start, token.end, (
            f"'{part}' is een woord dat niet veel mensen kennen. Kies een bekender woord, of leg uit wat het "
            "betekent. Hoort het woord bij het programma? Dan kan het op de lijst met vaste woorden."))
    return Hit(Kind.LONG_WORD, token.start, token.end, (
        f"'{part}' is een lang woord ({syllables(part.casefold())} lettergrepen). Kies een korter woord, of "
        "schrijf het in een paar losse woorden."))
