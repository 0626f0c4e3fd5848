"""Plain-language check: rare and long words, accepted words, officialese, syllables and frequencies."""

import unicodedata

import pyphen
import pytest
import wordfreq
from hypothesis import given, settings
from hypothesis import strategies as st

from werkplaatsen.plainlanguage import Checker, Kind
from werkplaatsen.plainlanguage.hardwords import MAX_WORD_SYLLABLES
from werkplaatsen.plainlanguage.lexicon import VOWEL_SOUND, WORD_PARTS, syllables, zipf
from werkplaatsen.plainlanguage.wordlists import accepted_terms, officialese


def found(text: str, accepted=()) -> list[tuple[Kind, str]]:
    return [(finding.kind, finding.text) for finding in Checker(accepted).check([text], "tekst").findings]


def test_a_rare_word_is_reported_with_advice():
    [finding] = Checker().check(["Wij werken aan subsidiariteit in de wijk."], "tekst").findings
    assert (finding.kind, finding.text) == (Kind.RARE_WORD, "subsidiariteit")
    assert finding.message.startswith("'subsidiariteit' is een woord dat niet veel mensen kennen.")


def test_a_long_word_is_reported_with_its_syllables():
    [finding] = Checker().check(["De ondersteuningsmogelijkheden zijn groot."], "tekst").findings
    assert (finding.kind, finding.text) == (Kind.LONG_WORD, "ondersteuningsmogelijkheden")
    assert "(9 lettergrepen)" in finding.message


def test_a_long_word_that_most_readers_know_is_not_reported():
    assert syllables("organisatie") > MAX_WORD_SYLLABLES
    assert found("De organisatie is groot.") == []


def test_a_compound_of_common_words_is_not_rare_but_can_be_long():
    """klimaat + bestendig: both common, so the compound is not rare; five syllables, so it is long."""
    assert found("Wij maken het plein klimaatbestendig.") == [(Kind.LONG_WORD, "klimaatbestendig")]
    assert found("Wij werken aan ondermijning.") == [(Kind.RARE_WORD, "ondermijning")]  # no "mijning"


@pytest.mark.parametrize("text", ["De trio's oefenden samen.", "Wie het formulier invult, krijgt bericht.",
                                  "Het plan wordt concreter.", "Wie de lijst afvinkt, is klaar."])
def test_inflected_forms_and_separable_verbs_of_common_words_are_not_rare(text):
    """oefenden: oefenen; invult: invullen; concreter: concreet; afvinkt: af + vinkt (the list has no
    "afvinken")."""
    assert found(text) == []


def test_a_first_part_must_be_a_word_as_written_so_suffixes_do_not_pass_as_words():
    """"schakelen" is common, but "schake" + "ling" is no compound: "ling" is a suffix here."""
    assert found("De schakeling werkt niet.") == [(Kind.RARE_WORD, "schakeling")]


def test_a_long_name_is_accepted_when_the_caller_passes_it():
    text = "Buurtbemiddelingscentrum Oost helpt bewoners."
    assert found(text) == [(Kind.LONG_WORD, "Buurtbemiddelingscentrum")]
    assert found(text, accepted=["Buurtbemiddelingscentrum Oost"]) == []


def test_an_accepted_word_is_accepted_with_a_plural_ending():
    text = "Wij maken twee stakeholderanalyses."
    assert found(text) == [(Kind.LONG_WORD, "stakeholderanalyses")]
    assert found(text, accepted=["Stakeholderanalyse"]) == []


def test_a_word_with_a_capital_inside_a_sentence_is_a_name():
    assert found("Wij werken samen met Buurtbemiddelingscentrum Oost.") == []


@pytest.mark.parametrize("text", ["De WMO geldt ook hier.", "BIBOB is een wet.", "Lees hfst. 2 van het werkboek.",
                                  "Wij werken met Platform31 samen.",
                                  "Wij werken aan o.a. veiligheid.", "Dat is sociaal-maatschappelijk werk."])
def test_abbreviations_words_with_digits_and_hyphenated_common_parts_are_not_hard(text):
    assert found(text) == []


def test_the_projects_own_terms_and_compounds_of_them_are_accepted():
    assert {"casus", "casussen", "trio", "wijkambtenaren"} <= set(accepted_terms())
    assert found("De wijkambtenaren en het wijkambtenarentrio bespreken hun casussen.") == []


def test_a_compound_of_accepted_words_is_accepted_even_when_long():
    """wijkambtenaren + trio: six syllables, but both parts are the programme's own words."""
    assert syllables("wijkambtenarentrio") > MAX_WORD_SYLLABLES
    assert found("Het wijkambtenarentrio praat.") == []
    assert found("Het wijkbewonersoverleg praat.") == [(Kind.LONG_WORD, "wijkbewonersoverleg")]


@pytest.mark.parametrize(("text", "written", "plainer"), [
    ("Wij betalen dit middels een subsidie.", "middels", "met, of door"),
    ("Middels een subsidie betalen wij dit.", "Middels", "met, of door"),
    ("Dit is ten\nbehoeve van de wijk.", "ten\nbehoeve van", "voor"),
    ("U dient het formulier in te vullen.", "dient het formulier in te", "moet, moeten"),
    ("De gemeente verstrekte geld aan bewoners.", "verstrekte", "geven"),
    ("Wij komen reeds om negen uur.", "reeds", "al"),
])
def test_officialese_is_reported_with_a_plainer_word(text, written, plainer):
    [finding] = Checker().check([text], "tekst").findings
    assert (finding.kind, finding.text, finding.suggestion) == (Kind.OFFICIALESE, written, plainer)
    assert finding.message.endswith(f"is ambtelijke taal. Schrijf liever: {plainer}.")


def test_officialese_quotes_a_phrase_as_listed_when_words_stand_between():
    [finding] = Checker().check(["U dient het formulier in te vullen."], "tekst").findings
    assert finding.message.startswith("'dient … te' is ambtelijke taal.")


def test_officialese_matches_whole_words_only():
    assert found("De indiener is rechter in deze zaak.") == []
    assert found("De rechter was echter streng.") == [(Kind.OFFICIALESE, "echter")]


def test_a_word_inside_officialese_is_not_also_a_hard_word():
    assert found("Wij gaan dit implementeren.") == [(Kind.OFFICIALESE, "implementeren")]


def test_the_officialese_list_has_at_least_40_entries():
    assert len(officialese()) >= 40


@pytest.mark.parametrize(("word", "count"), [
    ("over", 2), ("eten", 2), ("museum", 3), ("ideeën", 3), ("noord-holland", 3), ("trio's", 2),
    ("participatie", 5), ("bijeenkomst", 3), ("ondersteuningsmogelijkheden", 9), ("ja", 1), ("wmo", 1),
])
def test_syllables_are_counted_with_dutch_hyphenation_and_vowel_sounds(word, count):
    assert syllables(word) == count


DUTCH = pyphen.Pyphen(lang="nl_NL")


def pyphen_everywhere(word: str) -> int:
    """The count without the shortcut: every part through pyphen's Dutch hyphenation."""
    pieces = [piece for part in WORD_PARTS.split(word) if part
              for piece in DUTCH.inserted(part, hyphen="\n").split("\n")]
    return max(1, sum(len(VOWEL_SOUND.findall(piece)) for piece in pieces))


FREQUENCY_LIST = sorted(wordfreq.get_frequency_dict("nl", "small"))


def test_skipping_pyphen_for_words_without_a_sound_it_breaks_changes_no_count():
    """Over every word of the frequency list, and the tests' own words."""
    words = [word for word in FREQUENCY_LIST if word.isalpha()] + ["museum", "piëzo", "geüniformeerd"]
    assert [word for word in words if syllables(word) != pyphen_everywhere(word)] == []


lower_case_words = st.text(alphabet=st.characters(categories=["Ll"]), min_size=1, max_size=12).filter(
    lambda word: word == word.casefold() and unicodedata.is_normalized("NFC", word))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.one_of(st.sampled_from(FREQUENCY_LIST[::97]), lower_case_words))
def test_frequencies_are_wordfreqs_own(word):
    """The checker looks words up in lower case (casefolded), as wordfreq itself does."""
    assert zipf(word) == wordfreq.zipf_frequency(word, "nl", wordlist="small")
