"""Markdown rendering: the sanitiser, what the checks are told, heading ids and lines."""

import re
import sys
import time

import pytest

from werkplaatsen.reading.markup import TEMPLATE_IDS, Renderer, sanitise
from werkplaatsen.system.places import ROOT


@pytest.mark.parametrize(("html", "gone"), [
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ('<a href="JAVASCRIPT:alert(1)">x</a>', "alert"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ("<script>alert(1)</script>", "<script"),
    ('<p style="position:fixed">x</p>', "style"),
    ('<iframe src="https://evil.example/"></iframe>', "iframe"),
    ('<a href="https://www.lpb.nl/" onclick="steal()">x</a>', "onclick"),
    ('<svg><use href="#x"/></svg>', "svg"),
    ('<form action="https://evil.example/"><input name="q"></form>', "form"),
])
def test_the_sanitiser_removes_what_could_run_or_restyle(html, gone):
    assert gone.lower() not in sanitise(html).lower()


def test_the_sanitiser_keeps_ordinary_markup():
    html = '<h2 id="a">Kop</h2><p><a href="https://www.lpb.nl/">LPB</a> <a href="mailto:a@b.nl">mail</a></p>'
    assert sanitise(html) == html


def test_an_unsafe_link_is_reported_to_the_checks_and_removed_from_the_page():
    rendered = Renderer().render("Klik [hier](javascript:alert(1)) of <b onclick=x>hier</b>.")
    assert [url for url, _ in rendered.links] == ["javascript:alert(1)"]
    assert [raw for raw, _ in rendered.raw_html] == ["<b onclick=x>"]
    assert "javascript" not in rendered.html and "onclick" not in rendered.html


def test_heading_ids_never_take_a_template_id_and_never_repeat():
    text = "## Inhoud\n\n## Les 1\n\n## Lessen kop\n\n## Stap\n\n## Stap\n\n## Wonen & zorg in trio's\n\n#### Diep"
    rendered = Renderer().render(text, heading_ids=True)
    ids = re.findall(r'id="([^"]+)"', rendered.html)
    assert ids == ["inhoud-2", "les-1-2", "lessen-kop-2", "stap", "stap-2", "wonen-zorg-in-trios", "diep"]
    assert rendered.ids == set(ids)


def test_markdown_fields_get_no_heading_ids():
    assert "id=" not in Renderer().render("## Aanpak").html


def test_every_id_an_item_template_writes_is_a_template_id():
    """Headings in a text avoid TEMPLATE_IDS; that only works if the templates keep to it."""
    templates = ROOT / "theme" / "templates"
    literal = re.compile(r'\bid="([a-z0-9-]+)"')
    without_texts = {"lessen", "programma", "thema", "sessies", "zoeken"}  # pages that show no Markdown text
    found = {match for path in templates.rglob("*.html") if path.stem not in without_texts
             for match in literal.findall(path.read_text())}
    assert found, "no ids found: did the templates move?"
    assert {name for name in found if not TEMPLATE_IDS.fullmatch(name)} == set()


def test_links_know_the_lines_of_their_block():
    text = "Eerste alinea.\n\nTweede alinea met\neen [link][ref] op regel 4.\n\n[ref]: /nergens/\n\nEn &#x5b;x](/y/)"
    rendered = Renderer().render(text)
    assert rendered.links == [("/nergens/", (2, 4))]



def test_a_link_in_an_inline_footnote_is_checked_too():
    """An inline footnote has no lines of its own: its link is reported at the text's first line."""
    rendered = Renderer().render("Eerst.\n\nTekst.^[Zie [x](https://evil.example/).]")
    assert rendered.links == [("https://evil.example/", (0, 1))]


def _work(text: str) -> int:
    """How many lines of Python rendering `text` runs: a measure of work that load does not change."""
    lines = 0

    def tracer(frame, event, arg):
        nonlocal lines
        lines += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        Renderer().render(text, heading_ids=True)
    finally:
        sys.settrace(None)
    return lines


TABLE_HEAD = "|a" * 20 + "\n" + "|-" * 20 + "\n"


@pytest.mark.parametrize(("head", "unit"), [("", "["), ("", "!["), ("", "[a]("), ("", "*a"), ("", "_a "), ("", "<"),
                                            ("", "&#"), ("", "> "), ("", "[x]: /y\n["), ("", "```a"),
                                            (TABLE_HEAD, "|a" * 20 + "\n")])
def test_hostile_markdown_renders_in_linear_time(head, unit):
    """Four times the text is at most about four times the work: a quadratic parser does sixteen
    times (16,000 [ took a quadratic parser 41 s). Counted in lines run, not seconds, so a busy
    machine cannot fail the test."""
    small = _work(head + unit * 50)
    assert _work(head + unit * 200) < 6 * small


def test_block_html_main_headings_and_images_are_reported_with_their_lines():
    """The checks refuse each of these; they must know where the editor wrote it."""
    text = "Tekst.\n\n<div>\nblok\n</div>\n\n# Tweede titel\n\n![Een *groot* plein](/bestanden/plein.jpg) en ![leeg]()"
    rendered = Renderer().render(text)
    assert rendered.raw_html == [("<div>\nblok\n</div>\n", (2, 5))]
    assert rendered.top_headings == [("Tweede titel", (6, 7))]
    assert rendered.images == [("/bestanden/plein.jpg", "Een groot plein", (8, 9)), ("", "leeg", (8, 9))]


def test_an_empty_link_is_reported_as_empty():
    assert Renderer().render("[leeg]()").links == [("", (0, 1))]


def test_a_heading_without_letters_or_digits_still_gets_an_id():
    html = Renderer().render("## ...\n\n## ?", heading_ids=True).html
    assert re.findall(r'id="([^"]+)"', html) == ["kop", "kop-2"]


def test_footnotes_are_link_targets_on_the_page():
    """A link to #fn2 is not reported as broken: the checks know the ids the footnotes get."""
    rendered = Renderer().render("Tekst[^1] en meer[^2].\n\n[^1]: Een.\n[^2]: Twee.")
    assert rendered.ids == {"fn1", "fn2"}
    assert rendered.ids <= set(re.findall(r'id="([^"]+)"', rendered.html))


def test_a_wide_table_scrolls_in_a_labelled_region_of_its_own():
    html = Renderer().render("| a | b |\n|---|---|\n| 1 | 2 |\n").html
    assert html.startswith('<div class="utrecht-table__container" role="region" tabindex="0" aria-label="Tabel"><table>')
    assert html.rstrip().endswith("</table></div>")


def test_the_sanitiser_keeps_only_the_listed_tags_and_link_schemes():
    """No second main heading, no inline styling tags, and links only over https, mailto and tel."""
    html = '<h1>Titel</h1><span>a</span><u>b</u><a href="ftp://x.nl/">c</a><a href="http://www.lpb.nl/">d</a>'
    assert sanitise(html) == "Titelab<a>c</a><a>d</a>"


def test_links_are_encoded_as_commonmark_does_unless_a_browser_would_rewrite_them():
    """An unusual link (here a backslash) reaches the checks exactly as written, so they can name it."""
    render = Renderer()
    assert '<a href="/themas/caf%C3%A9/">' in render("[café](/themas/café/)")
    assert render.render("[x](https://evil.example\\a.www.platform31.nl/)").links == [
        ("https://evil.example\\a.www.platform31.nl/", (0, 1))]


def test_an_empty_text_renders_as_nothing():
    render = Renderer()
    assert (render(None), render(""), render("  \n")) == ("", "", "")


def test_each_text_keeps_its_own_rendering():
    """Texts are rendered once per build; a second text never gets the first one's HTML."""
    render = Renderer()
    assert (render("Een"), render("Twee")) == ("<p>Een</p>\n", "<p>Twee</p>\n")
    assert "id=" not in render.render("## Kop").html and 'id="kop"' in render.render("## Kop", heading_ids=True).html
