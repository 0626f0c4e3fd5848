"""Plain-language check: passive constructions, and past participles by their form."""

import pytest

from werkplaatsen.plainlanguage import Checker, Kind
from werkplaatsen.plainlanguage.participles import is_participle

CHECKER = Checker()


def passives(text: str) -> list[str]:
    return [finding.text for finding in CHECKER.check([text], "tekst").findings if finding.kind == Kind.PASSIVE]


@pytest.mark.parametrize(("text", "span"), [
    ("Het plan wordt besproken.", "wordt besproken"),
    ("Het plan wordt volgende week in de raad besproken.", "wordt volgende week in de raad besproken"),
    ("Ik weet dat het plan werd besproken.", "werd besproken"),
    ("Het plan zal worden besproken.", "worden besproken"),
    ("Het plan is besproken geworden.", "besproken geworden"),
    ("De aanpak die besproken wordt, werkt goed.", "besproken wordt"),
    ("Het geld wordt eerlijk verdeeld.", "wordt eerlijk verdeeld"),
    ("De aanvraag werd vorige maand ontvangen.", "werd vorige maand ontvangen"),
    ("Het beleid wordt herzien.", "wordt herzien"),
    ("Het verslag werd opgesteld door het trio.", "werd opgesteld"),
    ("De afspraken worden vastgelegd.", "worden vastgelegd"),
    ("Het werk wordt uitgevoerd door bewoners.", "wordt uitgevoerd"),
    ("Bewoners worden betrokken bij hun wijk.", "worden betrokken"),
    ("De werkplaats wordt door haar geleid.", "wordt door haar geleid"),
    ("Er wordt veel gevraagd van de wijkambtenaar.", "wordt veel gevraagd"),
    ("Bewoners werden geïnformeerd over de plannen.", "werden geïnformeerd"),
    ("Wordt de casus ondersteund door de gemeente?", "Wordt de casus ondersteund"),
])
def test_a_form_of_worden_with_a_participle_in_its_clause_is_passive(text, span):
    assert passives(text) == [span]


@pytest.mark.parametrize("text", [
    "Zij wordt wijkambtenaar.",
    "Het wordt koud.",
    "Dat wordt een mooie dag.",
    "Hij is boos geworden.",
    "Zij is wijkambtenaar geworden.",
    "Hij wil later wijkambtenaar worden.",
    "Het wordt een gesloten deur.",
    "Het wordt koud, en de gemeente heeft het plein gesloten.",
    "Het wordt koud en er is niets gedaan.",
    "Het plan is besproken.",
    "Het wordt lastig om alle vragen te ontvangen.",
    "Dat wordt een voorbeeld voor andere wijken.",
    "Zij wordt bekend in de hele stad.",
    "Dat worden de nieuwe gemeenten.",
    "Het wordt tijd om te beginnen.",
    "Het wordt bijvoorbeeld koud.",  # bij + voor + beeld: one separable prefix only
    "Het wordt spannend als de raad beslist.",
    "Zo werden klachten gesprekken over wat bewoners zelf konden doen.",
    "De bewoners verdelen het geld.",
])
def test_worden_as_a_main_verb_or_copula_and_other_near_misses_are_not_passive(text):
    assert passives(text) == []


def test_the_finding_names_both_words_and_says_how_to_write_it_actively():
    [finding] = CHECKER.check(["Het plan wordt volgende week besproken."], "tekst").findings
    assert finding.message.startswith("'wordt … besproken' is een lijdende vorm")
    assert "de gemeente bespreekt het plan" in finding.message
    [adjacent] = CHECKER.check(["Het plan wordt besproken."], "tekst").findings
    assert adjacent.message.startswith("'wordt besproken' is een lijdende vorm")


def test_each_form_of_worden_is_paired_once():
    assert passives("Het plan wordt besproken en wordt daarna goedgekeurd.") == [
        "wordt besproken", "wordt daarna goedgekeurd"]


@pytest.mark.parametrize("word", [
    "besproken", "gesloten", "gebracht", "gedaan",  # strong and irregular
    "gemaakt", "gezet", "gemeld", "gevraagd", "geïnformeerd", "gebruikt",  # weak, with ge-
    "verdeeld", "betaald", "ontwikkeld", "herhaald", "erkend", "ontvangen", "herzien",  # unstressed prefix
    "opgesteld", "uitgevoerd", "vastgelegd", "voorbereid", "goedgekeurd", "voorafgegaan",  # separable
    "ondersteund", "overwogen", "voorzien",  # over-, onder-, voor- as unstressed prefix
])
def test_past_participles_are_recognised_by_their_form(word):
    assert is_participle(word)


@pytest.mark.parametrize("word", [
    "worden", "bespreken", "verdelen", "beginnen", "gemeente", "gemeenten", "gesprekken", "gebouwen",
    "verhaal", "bewoners", "gezellig", "koud", "overheid", "gelegenheid",  # no participle form at all
    "voorbeeld", "overzicht", "beleid", "gebied", "bekend", "geboren",  # listed exceptions
    "gerucht", "gewricht",  # ge- nouns: "ruchten" is no verb, though "geruchten" is a common word
    "verschillend",  # a present participle: verschillen + d
    "voorkant", "achterstand",  # a noun after over-/voor-/achter-: no common verb "voorkanten"
])
def test_words_that_only_look_like_participles_are_not(word):
    assert not is_participle(word)
