"""Is a Dutch word a past participle ("besproken", "verdeeld", "opgesteld")?

There is no Dutch word-class list among the packages the site uses, so this works from the
spelling, in four steps:

1. Strip a separable prefix ("op-gesteld", "uit-gevoerd", "vooraf-gegaan").
2. What is left must start with "ge-" or an unstressed prefix ("be-", "ver-", "ont-", "her-",
   "er-"); without a separable prefix also "over-", "onder-", "door-", "voor-", "om-", "mis-",
   "achter-", "vol-" and "weer-" ("ondersteund", "overwogen", "voorzien").
3. After that prefix comes the rest of a strong participle from the list below ("-sproken",
   "-vangen", "-zien", "-bracht": "besproken", "ontvangen", "herzien", "gebracht"), or a weak one:
   a stem with "-d" or "-t" whose infinitive is a common Dutch word ("verdeeld": "delen",
   "geïnformeerd": "informeren"). For "over-", "onder-" and the like the whole verb must be
   common ("ondersteunen"). Verbs that start with "ge-" themselves ("gebruiken") are listed.
4. Words that look like participles but are read as nouns or adjectives are exceptions
   ("beleid", "gebied", "voorbeeld", "bekend", "geboren"), and so are present participles
   ("verschillend": "verschillen" + "d"). Plural nouns look like infinitives ("voorbeelden"),
   so the frequency test alone cannot tell them apart.

Whether a participle is used as an adjective ("een gesloten deur") depends on the words around it;
passive.py decides that.
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import zipf
from .morphology import VOWELS, infinitives

# An infinitive at least this common (Zipf) makes a "-d"/"-t" form a weak participle. The frequency
# list the lexicon loads stops at 3.0, so a lower value would change nothing.
VERB_ZIPF = 3.0

UNSTRESSED_PREFIXES = ("ge", "be", "ver", "ont", "her", "er")
# Prefixes that are unstressed in some verbs ("ondersteunen") but start many nouns ("voorbeeld").
COMPOUND_PREFIXES = ("achter", "door", "mis", "om", "onder", "over", "vol", "voor", "weer")
SEPARABLE_PREFIXES = (
    "aan", "achter", "af", "bekend", "bij", "binnen", "buiten", "dicht", "door", "goed", "in", "klaar", "los",
    "mee", "na", "neer", "om", "onder", "op", "open", "over", "rond", "samen", "stil", "tegen", "terug",
    "teweeg", "toe", "uit", "vast", "vooraf", "voor", "vrij", "weg",
)

# Strong and irregular participles without their prefix: "ge" + "sproken", "be" + "sproken".
STRONG_ENDINGS = frozenset("""
    bakken beden bedrogen beten bleken bleven blazen boden bogen bonden borgen bracht broken daan dacht
    dongen doken dragen dreven dronken drongen dwongen gaan geten geven gleden gonnen goten graven grepen
    hangen heten heven holpen houden keken klommen klonken kocht komen kozen kregen kropen laden laten
    leden legen lezen logen lopen meten mocht nomen raden reden roepen schenen schoten schoven schreven
    slagen slapen slonken sloten smeten sneden spannen spleten sponnen sproken sprongen staan stegen stoken
    stolen storven stoten streden streken togen treden troffen trokken vallen vangen varen vlochten vlogen
    vochten volen vonden vroren wassen weken wezen wogen wonnen worpen worven wreven zeten zien zocht zogen
    zonden zongen zonken zwegen zwollen zwommen zworen
""".split())

# Participles of verbs that start with "ge-" themselves: no second "ge-" ("gebruiken": "gebruikt").
PARTICIPLES_OF_GE_VERBS = frozenset({"gebeurd", "gebruikt", "gedoogd", "gehoorzaamd", "geloofd", "genoten", "getuigd"})

# Look like participles, but are read as nouns or adjectives, also next to "worden"
# ("Dat wordt een gebied met veel groen", "Zij wordt bekend").
NOT_PARTICIPLES = frozenset("""
    achtergrond beeld behoud beleid benieuwd beraad bereid bericht beroemd besluit bestand bewust bezit
    bezorgd gebed gebied geboren gedicht geduld geleden gelegen geluid gemiddeld genot gerecht gerust
    geschikt geschrift gevallen gevecht gewend gewest gewicht gezicht gezond ingewikkeld omzet ontbijt
    overeenkomst overzicht verband verbod verkeerd verleden verlegen verliefd verplicht verraad
    verslagen verstand verwant verzet voorbeeld
""".split())

_DIAERESIS = str.maketrans("äëïöü", "aeiou")


def is_participle(word: str) -> bool:
    """Whether a word (in lower case) has the form of a past participle."""
    if word in PARTICIPLES_OF_GE_VERBS:
        return True
    return word not in NOT_PARTICIPLES and _participle(word, after_separable=False)


@lru_cache(maxsize=1 << 16)
def _participle(word: str, after_separable: bool) -> bool:
    prefixes = UNSTRESSED_PREFIXES if after_separable else UNSTRESSED_PREFIXES + COMPOUND_PREFIXES
    for prefix in prefixes:
        if word.startswith(prefix) and _participle_after(prefix, word[len(prefix):].translate(_DIAERESIS)):
            return True
    return not after_separable and any(word.startswith(prefix) and _participle(word[len(prefix):], True)
                                       for prefix in SEPARABLE_PREFIXES)


def _participle_after(prefix: str, rest: str) -> bool:
    if rest in STRONG_ENDINGS:
        return True
    if len(rest) < 3 or rest[-1] not in "dt" or not any(c in VOWELS for c in rest[:-1]):
        return False
    if rest.endswith("end") and zipf(prefix + rest[:-1]) >= VERB_ZIPF:
        return False  # a present participle: "verschillen" + "d"
    verbs = {form for stem in (rest[:-1], rest) for form in infinitives(stem)}
    if prefix == "ge":
        return any(zipf(form) >= VERB_ZIPF for form in verbs)
    if prefix in COMPOUND_PREFIXES:
        return any(zipf(prefix + form) >= VERB_ZIPF for form in verbs)
    return any(zipf(form) >= VERB_ZIPF or zipf(prefix + form) >= VERB_ZIPF for form in verbs)
