"""Plain-language check: sentences, words, long sentences, and the blocks of rendered Markdown."""

import pytest

from werkplaatsen.plainlanguage import MAX_SENTENCE_WORDS, Checker, Kind, blocks_from_html
from werkplaatsen.plainlanguage.sentences import sentences, tokens

CHECKER = Checker()


def texts(block: str) -> list[str]:
    return [sentence.text for sentence in sentences(block)]


@pytest.mark.parametrize("block", [
    "Neem bijv. een pen en papier mee naar de werkplaats.",
    "Er komen o.a. wijkambtenaren, d.w.z. de mensen die de wijk het best kennen.",
    "Dhr. J. de Vries opent de bijeenkomst.",
    "Het verslag is van J. Jansen en P. Bakker.",
    "De ronde loopt van 9 t/m 12 oktober.",
    "Er kwamen 1.000 mensen om 13.30 uur naar de bijeenkomst van 10.09.2019.",
    "Kijk op www.platform31.nl voor het verslag.",
    "Mail naar info@lpb.nl als u vragen heeft.",
    "Lees het verslag (blz. 4) voor u komt.",
    "Zie hfdst. twee van het werkboek.",
])
def test_abbreviations_numbers_and_addresses_do_not_end_a_sentence(block):
    assert texts(block) == [block]


@pytest.mark.parametrize(("block", "expected"), [
    ("Dit is één. Dit is twee! Is dit drie?", ["Dit is één.", "Dit is twee!", "Is dit drie?"]),
    ("Ik sprak met Jan. Hij zei ja.", ["Ik sprak met Jan.", "Hij zei ja."]),
    ("Neem pen, papier enz. Daarna beginnen we.", ["Neem pen, papier enz.", "Daarna beginnen we."]),
    ("Meld u aan via https://www.lpbagenda.nl/ronde-2. Daarna krijgt u een mail.",
     ["Meld u aan via https://www.lpbagenda.nl/ronde-2.", "Daarna krijgt u een mail."]),
    ('Hij zei: "Kom maar." (Dat deden we.) Het werd laat...', ['Hij zei: "Kom maar."', "(Dat deden we.)",
                                                               "Het werd laat..."]),
    ("Eerst dit\n\ndan dat", ["Eerst dit", "dan dat"]),
    ("Er waren er 12. 13 kwamen later.", ["Er waren er 12.", "13 kwamen later."]),
])
def test_a_sentence_ends_at_a_full_stop_before_a_capital_or_at_an_empty_line(block, expected):
    assert texts(block) == expected


def test_a_block_without_words_has_no_sentences():
    assert texts(" — … ") == []
    assert CHECKER.check(["***", ""], "tekst").stats.sentences == 0


def test_headings_and_list_items_are_sentences_of_their_own_without_a_full_stop():
    blocks = blocks_from_html("<h2>Wat het trio deed</h2><p>Het trio ging de wijk in.</p>"
                              "<ul><li>een schouw</li><li>een gesprek</li></ul>")
    assert blocks == ["Wat het trio deed", "Het trio ging de wijk in.", "een schouw", "een gesprek"]
    assert CHECKER.check(blocks, "tekst").stats.sentences == 4


def test_a_number_an_abbreviation_and_an_address_count_as_one_word_each():
    stats = CHECKER.check(["Er kwamen o.a. 1.000 mensen via https://www.lpb.nl/agenda."], "tekst").stats
    assert stats.words == 7  # Er, kwamen, o.a., 1.000, mensen, via, the address


def test_tokens_know_their_place_in_the_block():
    block = "Eerst dit. Dan komt het trio's werk."
    second = sentences(block)[1]
    assert [(token.text, block[token.start:token.end]) for token in tokens(second)] == [
        ("Dan", "Dan"), ("komt", "komt"), ("het", "het"), ("trio's", "trio's"), ("werk", "werk")]


def sentence_of(words: int) -> str:
    return " ".join(["Bewoners"] + ["praten"] * (words - 2) + ["mee."])


def test_a_sentence_of_more_than_20_words_is_reported_with_its_length():
    report = CHECKER.check([sentence_of(MAX_SENTENCE_WORDS + 1)], "samenvatting")
    assert [finding.kind for finding in report.findings] == [Kind.LONG_SENTENCE]
    finding = report.findings[0]
    assert finding.text == finding.sentence == sentence_of(MAX_SENTENCE_WORDS + 1)
    assert finding.field == "samenvatting"
    assert "Deze zin heeft 21 woorden" in finding.message


def test_a_sentence_of_20_words_is_not_long():
    assert CHECKER.check([sentence_of(MAX_SENTENCE_WORDS)], "tekst").findings == ()
    with_passive = sentence_of(MAX_SENTENCE_WORDS - 2)[:-1] + " wordt besproken."
    assert [finding.kind for finding in CHECKER.check([with_passive], "tekst").findings] == [Kind.PASSIVE]


def test_abbreviations_keep_a_long_sentence_whole():
    block = ("Bij de werkplaats komen o.a. wijkambtenaren en bijv. collega's van zorg en wonen, "
             "d.w.z. iedereen die in de wijk werkt en mee wil denken.")
    [finding] = CHECKER.check([block], "tekst").findings
    assert finding.kind == Kind.LONG_SENTENCE and finding.text == block


@pytest.mark.parametrize(("html", "blocks"), [
    ("<p>Een &amp; twee &lt;drie&gt;</p>", ["Een & twee <drie>"]),
    ("<p>Eerste regel<br>tweede regel</p>", ["Eerste regel\ntweede regel"]),
    ("<p>Tekst</p><pre><code>make taal</code></pre><p>Meer</p>", ["Tekst", "Meer"]),
    ('<p>Zie <a href="/x/" title="a > b">het verslag</a> en <strong>lees</strong> het.</p>',
     ["Zie het verslag en lees het."]),
    ("<blockquote><p>Citaat</p></blockquote><table><tr><th>Kop</th><td>Cel</td></tr></table>",
     ["Citaat", "Kop", "Cel"]),
    ("<ol><li><p>Stap een</p></li><li>Stap twee</li></ol>", ["Stap een", "Stap twee"]),
])
def test_rendered_markdown_falls_apart_into_blocks_of_plain_text(html, blocks):
    assert blocks_from_html(html) == blocks
