"""Share images: every page names a picture with its size and alt text for shared links, the theme's
images are 1200×630 and small, a news item's own image wins, and events, news and reports carry the
same image in their JSON-LD, news and reports with the programme as publisher, with its logo."""

from __future__ import annotations

import re
import shutil
import struct
from pathlib import Path

import pytest

from tests.support import LOCAL, REPORT_PUBLISHED, SITE_URL, build, json_ld, of_type, production_build
from werkplaatsen.system.places import ROOT
from werkplaatsen.view.shareimages import FOLDER, LOGO, SECTIONS

THEME_IMAGES = ROOT / "theme" / "static"
# A page of every type, and the section whose image it shares.
PAGES = [
    ("/", "algemeen"), ("/404.html", "algemeen"), ("/zoeken/", "algemeen"), ("/themas/", "algemeen"),
    ("/themas/participatie/", "algemeen"), ("/over/", "algemeen"), ("/partners/", "algemeen"),
    ("/partners/platform31/", "algemeen"), ("/personen/anna-de-vries/", "algemeen"),
    ("/programma/", "programma"), ("/programma/ronde-9/", "programma"), ("/sessies/", "programma"),
    ("/sessies/gewoon/", "programma"), ("/sessies/thema/participatie/", "programma"),
    ("/casussen/", "casussen"), ("/casussen/plein/", "casussen"),
    ("/instrumenten/", "instrumenten"), ("/instrumenten/wijkschouw/", "instrumenten"),
    ("/verslagen/", "verslagen"), ("/verslagen/verslag-sessie-1/", "verslagen"), ("/lessen/", "verslagen"),
    ("/nieuws/", "nieuws"), ("/nieuws/ronde-9-open/", "nieuws"),
]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def meta(soup, key: str) -> str:
    found = soup.find_all("meta", attrs={"property": key}) or soup.find_all("meta", attrs={"name": key})
    assert len(found) == 1, (key, found)
    return found[0]["content"]


def output_file(site, url: str, base: str) -> Path:
    assert url.startswith(base + "/"), url
    return site.output / url.removeprefix(base + "/")


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_each_section_image_is_1200_by_630_and_small(section):
    data = (THEME_IMAGES / FOLDER / f"{section}.png").read_bytes()
    assert png_size(data) == (1200, 630)
    assert len(data) < 60_000
    assert SECTIONS[section].strip()


def test_the_theme_holds_no_share_image_without_alt_text_and_a_square_logo():
    assert {path.stem for path in (THEME_IMAGES / FOLDER).iterdir()} == set(SECTIONS)
    assert png_size((THEME_IMAGES / LOGO).read_bytes()) == (512, 512)


@pytest.mark.parametrize(("url", "section"), PAGES)
def test_every_page_type_shares_its_sections_image_with_size_and_alt(fixture_build, url, section):
    site = fixture_build(REPORT_PUBLISHED)
    page = site.page(url)
    image = meta(page, "og:image")
    assert re.fullmatch(rf"{LOCAL}/theme/{FOLDER}/{section}\.[0-9a-f]{{10}}\.png", image), image
    assert png_size(output_file(site, image, LOCAL).read_bytes()) == (1200, 630)
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "og:image:alt") == meta(page, "twitter:image:alt") == SECTIONS[section]
    assert meta(page, "twitter:card") == "summary_large_image"


def test_no_page_is_without_a_share_image(fixture_build):
    site = fixture_build(REPORT_PUBLISHED)
    for html_file in site.html_files():
        url = site.url_of(html_file)
        page = site.page(url)
        assert output_file(site, meta(page, "og:image"), LOCAL).is_file(), url
        assert meta(page, "og:image:alt") and meta(page, "twitter:card") == "summary_large_image", url


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    return production_build(tmp_path_factory, REPORT_PUBLISHED)


def test_in_production_the_image_is_absolute_and_fingerprinted(production):
    image = meta(production.page("/casussen/plein/"), "og:image")
    assert re.fullmatch(rf"{SITE_URL}/theme/{FOLDER}/casussen\.[0-9a-f]{{10}}\.png", image), image
    assert output_file(production, image, SITE_URL).is_file()


@pytest.mark.parametrize(("url", "kind"), [("/sessies/gewoon/", "Event"), ("/verslagen/verslag-sessie-1/", "Report"),
                                           ("/nieuws/ronde-9-open/", "NewsArticle")])
def test_events_news_and_reports_have_the_share_image_in_json_ld(production, url, kind):
    page = production.page(url)
    data = of_type(json_ld(production, url), kind)
    assert data["image"] == {"@type": "ImageObject", "url": meta(page, "og:image"), "width": 1200, "height": 630}


@pytest.mark.parametrize(("url", "kind"), [("/verslagen/verslag-sessie-1/", "Report"),
                                           ("/nieuws/ronde-9-open/", "NewsArticle")])
def test_news_and_reports_have_the_programme_as_publisher_with_its_logo(production, url, kind):
    publisher = of_type(json_ld(production, url), kind)["publisher"]
    programme = publisher[0] if isinstance(publisher, list) else publisher
    logo = programme.pop("logo")
    assert programme == {"@type": "Organization", "@id": f"{SITE_URL}/#organisatie",
                         "name": "Werkplaatsen wijkgericht werken", "url": f"{SITE_URL}/"}
    assert logo["@type"] == "ImageObject" and (logo["width"], logo["height"]) == (512, 512)
    assert png_size(output_file(production, logo["url"], SITE_URL).read_bytes()) == (512, 512)


def test_the_report_keeps_its_own_organisation_as_publisher_too(production):
    publisher = of_type(json_ld(production, "/verslagen/verslag-sessie-1/"), "Report")["publisher"]
    assert [organisation["name"] for organisation in publisher] == ["Werkplaatsen wijkgericht werken", "Platform31"]


def test_a_news_item_with_an_image_of_its_own_shares_that(content, tmp_path):
    (content / "bestanden" / "nieuws").mkdir()
    shutil.copy(THEME_IMAGES / LOGO, content / "bestanden" / "nieuws" / "trio.png")  # 512×512: not the share size
    news = content / "berichten" / "ronde-9-open.md"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "rondes:", "afbeelding:\n  bestand: nieuws/trio.png\n  alt: Drie cirkels in blauw en groen.\nrondes:", 1),
        encoding="utf-8")
    site = build(content, tmp_path / "output", now=REPORT_PUBLISHED)
    assert site.returncode == 0, site.stderr
    page = site.page("/nieuws/ronde-9-open/")
    assert meta(page, "og:image") == f"{LOCAL}/bestanden/nieuws/trio.png"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("512", "512")
    assert meta(page, "og:image:alt") == "Drie cirkels in blauw en groen."
    assert of_type(json_ld(site, "/nieuws/ronde-9-open/"), "NewsArticle")["image"] == {
        "@type": "ImageObject", "url": f"{LOCAL}/bestanden/nieuws/trio.png", "width": 512, "height": 512}
    assert meta(site.page("/nieuws/"), "og:image:alt") == SECTIONS["nieuws"]  # the overview keeps the section's
