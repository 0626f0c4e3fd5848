"""Plain-language check: the reader addressed with the familiar forms ("je", "jullie") where the site says "u"."""

import pytest

from werkplaatsen.plainlanguage import Checker, Kind, summary
from werkplaatsen.plainlanguage.address import quoted

CHECKER = Checker()


def familiar(*blocks: str) -> list[tuple[str, str | None]]:
    return [(finding.text, finding.suggestion) for finding in CHECKER.check(list(blocks), "tekst").findings
            if finding.kind is Kind.FAMILIAR]


@pytest.mark.parametrize(("text", "expected"), [
    ("Meld je nu aan voor de werkplaatsen.", [("je", "u of uw")]),
    ("Neem je laptop mee.", [("je", "u of uw")]),
    ("Je kijkt niet alleen naar de stoep.", [("Je", "u of uw")]),
    ("Wat neem jij mee naar huis?", [("jij", "u")]),
    ("Deze vraag is voor jou.", [("jou", "u")]),
    ("Bespreek het met jouw leidinggevende.", [("jouw", "uw")]),
    ("Die pen is de jouwe.", [("jouwe", "de uwe")]),
    ("Vraag het eerst aan jezelf.", [("jezelf", "uzelf")]),
    ("Welke opgave willen jullie samen aanpakken?", [("jullie", "u of uw")]),
    ("JIJ en JOUW trio beginnen.", [("JIJ", "u"), ("JOUW", "uw")]),
    # only the familiar form of a sentence, not the words around it that start with or hold it
    ("Je ziet de jeugd bijeen met Jeroen, ook in de je-vorm.", [("Je", "u of uw")]),
])
def test_each_familiar_form_is_reported_with_the_polite_form_to_write(text, expected):
    assert familiar(text) == expected


@pytest.mark.parametrize("text", [
    "De jeugd in de wijk kwam bijeen met Jeroen.",  # words that start with "je" or hold it
    "Neem uw trio mee en meld u aan.",  # the polite form itself
    "In de gids heet dit de je-vorm.",  # a compound with a hyphen is another word
    "Een bewoner zei: \"Wat zie je hier?\" Daarna liepen we verder.",  # quoted speech
    "Zij vroeg: „Doen jullie mee?” En wij deden mee.",
    "De wethouder zei: “Jij bent de wijk.” Het bleef stil.",
    "Zijn vraag was 'wat merk je daarvan?' en niemand wist het.",
    "Het motto ‘Samen met jou’ staat op de muur.",
])
def test_near_misses_are_not_reported(text):
    assert familiar(text) == []


def test_quoted_speech_may_hold_several_sentences_and_what_follows_the_quote_is_checked_again():
    block = "Een bewoner zei: “Zie je dat plein? Daar loop je nat.” Neem je laarzen mee."
    assert familiar(block) == [("je", "u of uw")]
    [finding] = [f for f in CHECKER.check([block], "tekst").findings if f.kind is Kind.FAMILIAR]
    assert finding.sentence == "Neem je laarzen mee."
    assert finding.in_context() == ("Neem ", "je", " laarzen mee.")


def test_an_apostrophe_is_not_a_quote_and_an_unclosed_quote_hides_nothing():
    assert quoted("'s Avonds zie je de trio's.") == []
    assert familiar("'s Avonds zie je de trio's.") == [("je", "u of uw")]
    assert familiar("Hij zei: “Kom je ook. Neem je trio mee.") == [("je", "u of uw"), ("je", "u of uw")]


def test_a_quote_is_per_block():
    assert familiar("Hij zei: “Kom je", "ook?” Neem je trio mee.") == [("je", "u of uw"), ("je", "u of uw")]


def test_the_finding_says_what_to_write_in_plain_dutch_and_is_counted_in_the_summary():
    report = CHECKER.check(["Meld je aan. Neem jouw trio mee."], "tekst")
    assert [finding.message for finding in report.findings] == [
        "'je' is de je-vorm. Deze site spreekt de lezer aan met u. Schrijf liever: u of uw.",
        "'jouw' is de je-vorm. Deze site spreekt de lezer aan met u. Schrijf liever: uw."]
    assert summary(report.stats.findings) == "2 je-vormen"
    assert summary({Kind.FAMILIAR: 1, Kind.PASSIVE: 1}) == "1 lijdende vorm, 1 je-vorm"


def test_it_comes_with_the_other_findings_of_a_sentence_in_the_order_of_the_text():
    report = CHECKER.check(["Je formulier wordt middels de post verstuurd."], "tekst")
    assert [(finding.kind, finding.text) for finding in report.findings] == [
        (Kind.FAMILIAR, "Je"), (Kind.PASSIVE, "wordt middels de post verstuurd"), (Kind.OFFICIALESE, "middels")]
