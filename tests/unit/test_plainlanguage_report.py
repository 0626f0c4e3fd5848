"""Plain-language check: figures per text and for many texts, the Dutch summary, the word lists'
own mistakes, and properties over any text."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkplaatsen.model.errors import ContentErrors
from werkplaatsen.plainlanguage import Checker, Kind, Stats, aggregate, lexicon, summary
from werkplaatsen.plainlanguage.sentences import chunk_tokens
from werkplaatsen.plainlanguage.wordlists import accepted_terms, officialese

CHECKER = Checker()


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    return 206.835 - 0.93 * words / sentences - 77 * syllables / words


def test_a_text_has_its_counts_average_sentence_length_and_flesch_douma_score():
    stats = CHECKER.check(["De kat zit op de mat.", "Wij gaan samen naar de markt."], "tekst").stats
    assert (stats.texts, stats.sentences, stats.words, stats.syllables) == (1, 2, 12, 13)
    assert stats.average_sentence_length == 6
    assert stats.flesch_douma == pytest.approx(flesch_douma(12, 2, 13))


def test_a_text_without_sentences_has_no_average_and_no_score():
    stats = CHECKER.check([], "tekst").stats
    assert (stats.sentences, stats.average_sentence_length, stats.flesch_douma) == (0, None, None)


def test_the_score_of_many_texts_is_computed_over_their_summed_counts_not_averaged():
    short = CHECKER.check(["Kom. Ga. Zit."], "titel")
    long = CHECKER.check(["De bewonersorganisaties organiseerden ondersteuningsbijeenkomsten in de wijk."], "tekst")
    site = aggregate([short, long])
    assert (site.texts, site.sentences, site.words, site.syllables) == (
        2, short.stats.sentences + long.stats.sentences, short.stats.words + long.stats.words,
        short.stats.syllables + long.stats.syllables)
    assert site.flesch_douma == pytest.approx(flesch_douma(site.words, site.sentences, site.syllables))
    assert site.flesch_douma != pytest.approx((short.stats.flesch_douma + long.stats.flesch_douma) / 2)


def test_findings_are_counted_per_kind_for_a_text_and_for_many():
    first = CHECKER.check(["Het plan wordt besproken. Wij betalen dit middels subsidie."], "tekst")
    second = CHECKER.check(["Het geld wordt verdeeld."], "tekst")
    assert dict(first.stats.findings) == {Kind.PASSIVE: 1, Kind.OFFICIALESE: 1}
    assert dict(aggregate([first, second]).findings) == {Kind.PASSIVE: 2, Kind.OFFICIALESE: 1}


@pytest.mark.parametrize(("counts", "text"), [
    ({Kind.LONG_SENTENCE: 3, Kind.PASSIVE: 1}, "3 zinnen langer dan 20 woorden, 1 lijdende vorm"),
    ({Kind.RARE_WORD: 1, Kind.LONG_WORD: 2, Kind.OFFICIALESE: 1, Kind.LONG_SENTENCE: 1},
     "1 zin langer dan 20 woorden, 1 ambtelijk woord, 1 weinig gebruikt woord, 2 lange woorden"),
    ({Kind.PASSIVE: 2, Kind.OFFICIALESE: 2, Kind.RARE_WORD: 2},
     "2 lijdende vormen, 2 ambtelijke woorden, 2 weinig gebruikte woorden"),
    ({}, "geen opmerkingen over de taal"),
])
def test_the_summary_names_each_kind_in_plain_dutch_with_its_count(counts, text):
    assert summary(counts) == text


def test_a_finding_shows_its_word_in_the_context_of_its_sentence():
    [finding] = CHECKER.check(["Kop", "Eerst dit. Wij betalen dit middels subsidie."], "tekst").findings
    assert (finding.block, finding.sentence) == (1, "Wij betalen dit middels subsidie.")
    assert finding.in_context() == ("Wij betalen dit ", "middels", " subsidie.")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(read, path) -> list[str]:
    with pytest.raises(ContentErrors) as refused:
        read(path)
    return [str(error) for error in refused.value.errors]


def test_the_shipped_word_lists_read_without_problems():
    assert accepted_terms() and officialese()


def test_mistakes_in_the_accepted_terms_are_reported_in_dutch_with_their_lines(tmp_path):
    path = write(tmp_path, "accepted_terms.yaml", "- casus\n- {a: b}\n- ''\n")
    assert refusal(accepted_terms, path) == [
        "accepted_terms.yaml, regel 2: zet op deze regel één woord, zoals - casus.",
        "accepted_terms.yaml, regel 3: zet op deze regel één woord, zoals - casus.",
    ]
    assert refusal(accepted_terms, write(tmp_path, "a.yaml", "casus: trio\n")) == [
        "a.yaml, regel 1: het bestand is een lijst van woorden: op elke regel een streepje en een woord, "
        "zoals - casus."]


def test_a_word_list_that_is_no_yaml_or_no_utf8_is_refused_in_dutch(tmp_path):
    assert refusal(accepted_terms, write(tmp_path, "b.yaml", "- casus\n- [trio\n")) == [
        "b.yaml, regel 3: de taalcheck kan deze regel niet lezen. Kijk of streepjes, dubbele punten en "
        "aanhalingstekens goed staan, zoals in de voorbeelden bovenaan het bestand."]
    latin = tmp_path / "c.yaml"
    latin.write_bytes("- caf\xe9\n".encode("latin-1"))
    assert refusal(accepted_terms, latin) == [
        "c.yaml: de taalcheck kan dit bestand niet lezen. Sla het op als UTF-8 (de gewone tekstcodering)."]


def test_every_mistake_in_the_officialese_list_is_reported_at_once(tmp_path):
    path = write(tmp_path, "officialese.yaml", "\n".join([
        "- vormen: [middels]",
        "  beter: met",
        "- vormen: [Middels, … te]",
        "  beter: met",
        "- vormen: middels",
        "  beter: ''",
        "- vorm: [reeds]",
        "  beter: al",
        "- alleen tekst",
        "- vormen: [—]",
        "  beter: niets",
    ]) + "\n")
    assert refusal(officialese, path) == [
        'officialese.yaml, regel 3, veld "vormen": \'Middels\' staat al in de lijst, op regel 1. Laat het op '
        "één plek staan.",
        'officialese.yaml, regel 3, veld "vormen": de drie puntjes (…) mogen alleen tussen twee woorden staan, '
        "zoals: dient … te.",
        'officialese.yaml, regel 5, veld "vormen": geef hier een lijst met de woorden die de taalcheck moet '
        "vinden, zoals [middels] of [dient … te, dienen … te].",
        'officialese.yaml, regel 6, veld "beter": geef hier een gewoner woord, zoals: met.',
        'officialese.yaml, regel 7, veld "vorm": dit veld kent de taalcheck niet. Gebruik alleen \'vormen\' '
        "en 'beter'.",
        'officialese.yaml, regel 7, veld "vormen": geef hier een lijst met de woorden die de taalcheck moet '
        "vinden, zoals [middels] of [dient … te, dienen … te].",
        "officialese.yaml, regel 9: schrijf elk woord als '- vormen: [middels]' met op de regel daaronder "
        "'beter: met'.",
        'officialese.yaml, regel 10, veld "vormen": deze vorm heeft geen woord. Schrijf een woord, zoals '
        "middels.",
    ]


# Any text: the fragments the rules care about, mixed with arbitrary characters.
FRAGMENTS = ["wordt", "besproken", "worden", "geworden", "is", "een", "gesloten", "bijv.", "o.a.", "enz.",
             "1.000", "13.30", "https://www.lpb.nl/a.", "info@lpb.nl", "middels", "dient", "te", "ten behoeve van",
             "Trio's", "wijkambtenaren", "klimaatbestendig", "subsidiariteit", "J.", "De", "het", ".", "!", "?",
             "…", ",", "(", ")", '"', "-", "/", "'", " ", " ", "\n", "\n\n", "\t", "İ", "ß", "ﬁ", "e\u0301",
             "\u00ad", "\u200b", "\u2028", "Ω", "日本"]
text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=40).map("".join)
blocks = st.lists(text, max_size=4)


@settings(max_examples=250, deadline=None, derandomize=True)
@given(blocks, st.lists(text, max_size=3))
def test_any_text_gives_findings_that_point_at_their_words_in_their_sentences(texts, accepted):
    report = Checker(accepted).check(texts, "tekst")
    for finding in report.findings:
        block = texts[finding.block]
        assert block[finding.start:finding.end] == finding.text != ""
        assert block[finding.sentence_start:finding.sentence_start + len(finding.sentence)] == finding.sentence
        assert "".join(finding.in_context()) == finding.sentence
        assert finding.message and finding.field == "tekst"
    assert sum(report.stats.findings.values()) == len(report.findings)
    assert report.stats.words == sum(len(chunk_tokens(chunk)) for block in texts for chunk in block.split())


@settings(max_examples=150, deadline=None, derandomize=True)
@given(blocks, blocks)
def test_the_counts_of_two_texts_add_up_to_those_of_the_two_together(first, second):
    apart = aggregate([CHECKER.check(first, "a"), CHECKER.check(second, "b")])
    together = CHECKER.check(first + second, "a").stats
    assert apart == Stats(2, together.sentences, together.words, together.syllables, together.findings)


def test_a_word_list_is_read_again_only_when_it_changed(tmp_path):
    path = write(tmp_path, "accepted_terms.yaml", "- casus\n")
    first = accepted_terms(path)
    assert accepted_terms(path) is first
    path.write_text("- casus\n- trio\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert accepted_terms(path) == ("casus", "trio")


def test_remembered_answers_stay_bounded(monkeypatch):
    monkeypatch.setattr(lexicon, "MEMO_LIMIT", 3)
    lengths = lexicon.Memo(len)
    assert [lengths[word] for word in ["a", "bb", "ccc", "dddd", "eeeee"]] == [1, 2, 3, 4, 5]
    assert len(lengths) <= 3
