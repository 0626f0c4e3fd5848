"""News items (bericht): order, numbered pages, the embargo, backlinks, the home page block and
everything that reads the content model (feed, structured data, sitemap, editor tools)."""

from __future__ import annotations

import json
import shutil

import extruct
import feedparser
import pytest

from tests.support import (FIXTURE_CONTENT, REGISTRATION_OPEN, SITE_URL, build, copy_fixture_content, tiny_png,
                           validation_context, write)
from werkplaatsen.editor.scaffold import new_file
from werkplaatsen.model.contenttypes import BY_NAME
from werkplaatsen.reading import frontmatter
from werkplaatsen.reading.validation import validate


def news(number: int, day: str = "2030-07-{:02d}", **fields) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return (f"---\ntitel: Bericht {number}\nstatus: gepubliceerd\ndatum: {day.format(number)}\n"
            f"samenvatting: Samenvatting {number}.\n{extra}---\nTekst {number}.\n")


def site_with_news(tmp_path, count: int):
    content = copy_fixture_content(tmp_path)
    shutil.rmtree(content / "berichten")
    for number in range(1, count + 1):
        write(f"berichten/bericht-{number:02d}.md", news(number))(content)
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    return result


def titles(soup) -> list[str]:
    return [a.get_text() for a in soup.select("main .werkplaatsen-card__title a")]


def test_twenty_items_fit_on_one_page_newest_first(tmp_path):
    site = site_with_news(tmp_path, 20)
    page = site.page("/nieuws/")
    assert titles(page) == [f"Bericht {n}" for n in range(20, 0, -1)]
    assert page.select_one(".utrecht-pagination") is None
    assert not (site.output / "nieuws" / "pagina").exists()


def test_the_twenty_first_item_starts_page_two(tmp_path):
    site = site_with_news(tmp_path, 21)
    first, second = site.page("/nieuws/"), site.page("/nieuws/pagina/2/")
    assert titles(first) == [f"Bericht {n}" for n in range(21, 1, -1)]
    assert titles(second) == ["Bericht 1"]
    assert [a["href"] for a in first.select(".utrecht-pagination__page-link")] == ["/nieuws/", "/nieuws/pagina/2/"]
    assert first.select_one('.utrecht-pagination a[rel="next"]')["href"] == "/nieuws/pagina/2/"
    assert first.select_one('.utrecht-pagination a[rel="prev"]') is None
    assert second.select_one('.utrecht-pagination a[rel="prev"]')["href"] == "/nieuws/"
    assert second.select_one('.utrecht-pagination__page-link--current')["aria-current"] == "page"
    assert second.title.get_text().startswith("Nieuws, pagina 2 |")
    assert not (site.output / "nieuws" / "pagina" / "3").exists()


def test_a_file_named_like_the_page_numbers_is_refused(tmp_path):
    content = copy_fixture_content(tmp_path, write("berichten/pagina.md", news(1)))
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 1
    assert "content/berichten/pagina.md, regel 1: dit bestand krijgt hetzelfde adres /nieuws/pagina/" in result.stderr


@pytest.mark.parametrize(("now", "published"), [("2030-09-04 23:59", False), ("2030-09-05 00:00", True)])
def test_news_dated_tomorrow_waits_until_midnight_in_production(tmp_path, now, published):
    content = copy_fixture_content(tmp_path, write("berichten/morgen.md", news(5, day="2030-09-{:02d}")))
    result = build(content, tmp_path / "output", now=now, settings="publishconf.py",
                   extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    assert result.returncode == 0, result.stderr
    assert (result.output / "nieuws" / "morgen" / "index.html").is_file() == published
    assert ("Bericht 5" in (result.output / "index.html").read_text()) == published
    next_change = json.loads((result.output / "_build.json").read_text())["next_change"]
    assert (next_change == "2030-09-05T00:00+02:00") != published


@pytest.fixture(scope="module")
def site(fixture_build):
    return fixture_build(REGISTRATION_OPEN)


def test_a_news_page_shows_date_sender_and_what_it_is_about(site):
    page = site.page("/nieuws/ronde-9-open/")
    assert page.select_one(".utrecht-pre-heading").get_text() == "Nieuws · 1 augustus 2030 · Webredactie"
    assert {a["href"] for a in page.select("main a")} >= {"/programma/ronde-9/", "/sessies/gewoon/"}


@pytest.mark.parametrize(("url", "heading"), [("/programma/ronde-9/", "Nieuws over deze ronde"),
                                              ("/sessies/gewoon/", "Nieuws over deze sessie")])
def test_rounds_and_sessions_list_the_news_about_them(site, url, heading):
    section = site.page(url).select_one("section[aria-labelledby=berichten-over-kop]")
    assert section.h2.get_text() == heading
    assert [a["href"] for a in section.select("a")] == ["/nieuws/ronde-9-open/"]


def test_the_home_page_shows_the_three_newest_items(tmp_path):
    site = site_with_news(tmp_path, 5)
    block = site.page("/").select_one("section[aria-labelledby=bericht-kop]")
    assert block.h2.get_text() == "Nieuws"
    assert titles(block) == ["Bericht 5", "Bericht 4", "Bericht 3"]
    assert block.select("a")[-1]["href"] == "/nieuws/"


def test_news_is_a_news_article_in_a_feed_and_the_sitemap(tmp_path):
    result = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py",
                   extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    page = result.page("/nieuws/ronde-9-open/")
    [document] = extruct.extract(str(page), syntaxes=["json-ld"])["json-ld"]
    article = next(node for node in document["@graph"] if node["@type"] == "NewsArticle")
    assert article["datePublished"] == "2030-08-01" and article["author"] == [{"@type": "Organization", "name": "Webredactie"}]
    assert page.select_one('meta[property="og:type"]')["content"] == "article"
    feed = feedparser.parse((result.output / "feeds" / "nieuws.atom").read_bytes())
    assert not feed.bozo and [entry.link for entry in feed.entries] == [SITE_URL + "/nieuws/ronde-9-open/"]
    assert f"<loc>{SITE_URL}/nieuws/ronde-9-open/</loc><lastmod>2030-08-01</lastmod>" in (result.output / "sitemap.xml").read_text()


def test_the_editor_tools_know_the_new_type(tmp_path):
    path = new_file("bericht", "Nieuw bericht", content=tmp_path)
    assert path.parent.name == "berichten"
    source, _ = frontmatter.read(str(path), path.read_bytes())
    _, problems = validate(source, BY_NAME["bericht"].schema, validation_context())
    assert {problem.field[0] for problem in problems} == {"datum", "samenvatting"}


@pytest.mark.parametrize(("fields", "words"), [
    ({"auteur": "anna-de-vries", "afzender": "Webredactie"}, "vul een auteur of een afzender in, niet allebei"),
    ({"afbeelding": "\n  bestand: werkblad.pdf\n  alt: Een werkblad"}, "is geen afbeelding"),
    ({"afbeelding": "\n  bestand: foto.png"}, 'het verplichte veld "alt" (Beschrijving) ontbreekt'),
])
def test_news_fields_are_checked(tmp_path, fields, words):
    content = copy_fixture_content(tmp_path, write("berichten/fout.md", news(3, **fields)))
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 1 and words in result.stderr, result.stderr


def test_an_image_is_shown_with_its_description(tmp_path):
    content = copy_fixture_content(
        tmp_path, write("bestanden/nieuws/foto.png", tiny_png()),
        write("berichten/met-foto.md", news(3, afbeelding="\n  bestand: nieuws/foto.png\n  alt: Drie mensen op een plein")))
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    image = result.page("/nieuws/met-foto/").select_one("main figure img")
    assert (image["src"], image["alt"]) == ("/bestanden/nieuws/foto.png", "Drie mensen op een plein")
