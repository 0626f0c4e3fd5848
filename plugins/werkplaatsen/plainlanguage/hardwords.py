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
ambtenaren, "klimaatbestendig": klimaat + bestendig, "afvinkt": af + vinkt). Such a compound can
still be long: "klimaatbestendig" has five syllables and is reported as a long word, because a long
compound is hard to read even when its parts are easy. Words of the programme that are long but
known to its readers ("wijkambtenaren") belong in accepted_terms.yaml. Parts of a word with a hyphen
("sociaal-maatschappelijk") are judged one by one: the hyphen already splits the word for the
reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Hit, Kind
from .lexicon import WORD_PARTS, Memo, syllables, zipf
from .morphology import base_forms
from .sentences import ABBREVIATIONS, WORD, Sentence, Token, is_word, words

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
ACCEPTED_ENDINGS = ("", "s", "en", "n", "e")  # an accepted word with these endings is accepted too

RARE, LONG, FINE = "rare", "long", "fine"


def accepted_words(terms: Iterable[str]) -> frozenset[str]:
    """The words of labels and names, in lower case: "Wonen en zorg" gives wonen, en, zorg."""
    return frozenset(part.casefold() for term in terms for token in WORD.findall(term) if is_word(token)
                     for part in WORD_PARTS.split(token) if part)


class HardWords:
    """Judges words against one set of accepted words; remembers each verdict."""

    def __init__(self, accepted: frozenset[str]):
        self._accepted = frozenset(word + ending for word in accepted for ending in ACCEPTED_ENDINGS)
        self._tokens = Memo(self._token_verdict)
        self._verdicts = Memo(self._judge)
        self._compounds = Memo(self._split)
        self._frequency = Memo(_most_common_form)

    def is_hard(self, token: str) -> bool:
        """Whether a token as written is a rare or long word (wherever it stands)."""
        return self._tokens[token] is not None

    def hits(self, sentence: Sentence, skipped: list[tuple[int, int]]) -> list[Hit]:
        """Rare and long words of a sentence, but for names and words inside the skipped spans."""
        found = []
        for position, (text, start, end) in enumerate(words(sentence)):
            verdict = self._tokens[text]
            if (verdict is not None and not (position and text[0].isupper())
                    and not any(skip_start <= start < skip_end for skip_start, skip_end in skipped)):
                found.append(_hit(*verdict, Token(text, start, end)))
        return found

    def _token_verdict(self, token: str) -> tuple[str, str] | None:
        """(RARE or LONG, the part concerned) for a token as written, or None. A word in capitals
        ("WMO"), with a digit or a dot, or an abbreviation is never hard."""
        if not is_word(token) or token.lower() in ABBREVIATIONS or (len(token) > 1 and token.isupper()):
            return None
        parts = [part.casefold() for part in WORD_PARTS.split(token) if part]
        for wanted in (RARE, LONG):
            for part in parts:
                if self._verdicts[part] == wanted:
                    return wanted, part
        return None

    def _judge(self, word: str) -> str:
        """RARE, LONG or FINE for one word in lower case without hyphens."""
        if len(word) < MIN_WORD_LETTERS or word in self._accepted:
            return FINE
        known = self._frequency[word] >= RARE_WORD_ZIPF
        long = syllables(word) > MAX_WORD_SYLLABLES
        if known and not long:
            return FINE
        parts = self._compounds[word]
        if parts and all(part in self._accepted for part in parts):
            return FINE
        if not known and not parts:
            return RARE
        return LONG if long and self._frequency[word] < COMMON_WORD_ZIPF else FINE

    def _known(self, part: str, last: bool) -> bool:
        """Only the last part of a compound carries its inflection ("buurt-budgetten"); a first part
        must be known as it is written, or suffixes would pass as words ("ondermijn-ing")."""
        frequency = self._frequency[part] if last else zipf(part)
        return part in self._accepted or frequency >= RARE_WORD_ZIPF

    def _split(self, word: str) -> tuple[str, ...] | None:
        """The known parts of a compound, the longest first part first; None if it is none."""
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
                rest = self._compounds[tail]
                if rest:
                    return (head, *rest)
        return None


def _most_common_form(word: str) -> float:
    """The Zipf value of a word or of its most common base form."""
    return max(zipf(form) for form in (word, *base_forms(word)))


def _hit(verdict: str, part: str, token: Token) -> Hit:
    if verdict == RARE:
        return Hit(Kind.RARE_WORD, token.start, token.end, (
            f"'{part}' is een woord dat niet veel mensen kennen. Kies een bekender woord, of leg uit wat het "
            "betekent. Hoort het woord bij het programma? Dan kan het op de lijst met vaste woorden."))
    return Hit(Kind.LONG_WORD, token.start, token.end, (
        f"'{part}' is een lang woord ({syllables(part.casefold())} lettergrepen). Kies een korter woord, of "
        "schrijf het in een paar losse woorden."))
