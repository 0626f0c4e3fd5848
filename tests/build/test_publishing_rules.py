"""What production publishes: never drafts, future items, example content or unreferenced files,
and never a page whose menu or footer links lead nowhere."""

from __future__ import annotations

import pytest

from tests.support import EXAMPLES_ALLOWED, REGISTRATION_OPEN, body, build, replace, settings_file, write


def publish(content, tmp_path, now=REGISTRATION_OPEN, **kwargs):
    return build(content, tmp_path / "output", now=now, settings="publishconf.py", extra_env=EXAMPLES_ALLOWED, **kwargs)


def test_a_menu_link_to_a_draft_page_stops_the_production_build(content, tmp_path):
    replace("status: gepubliceerd", "status: concept", "paginas/over.md")(content)
    result = publish(content, tmp_path)
    assert result.returncode == 1
    assert "- pelicanconf.py (MENU, FOOTER_LINKS): de link /over/ (op " in result.stderr
    assert "content/paginas/over.md is nog een concept" in result.stderr
    assert not (tmp_path / "output").exists()


def test_a_body_link_to_a_draft_names_the_reason_in_production(content, tmp_path):
    body("Zie [het concept](/sessies/concept/).")(content)
    result = publish(content, tmp_path)
    assert result.returncode == 1
    assert ("content/sessies/gewoon.md, regel 35: de link \"/sessies/concept/\" wijst naar een pagina die niet op "
            "de site staat: content/sessies/concept.md is nog een concept") in result.stderr


FUTURE_REPORT = ("---\ntitel: Vooruit\nstatus: gepubliceerd\nsoort: verslag\ndatum: 2030-09-02\nauteurs:\n"
                 "  - anna-de-vries\norganisaties:\n  - platform31\nsamenvatting: Later.\n---\n")


def test_a_report_dated_in_the_future_appears_at_midnight_of_its_date(content, tmp_path):
    write("verslagen/vooruit.md", FUTURE_REPORT)(content)
    waiting = publish(content, tmp_path, now="2030-09-01 23:59")
    assert waiting.returncode == 0, waiting.stderr
    assert not (waiting.output / "verslagen" / "vooruit").exists()
    assert "/verslagen/vooruit/" not in (waiting.output / "verslagen" / "index.html").read_text()
    published = publish(content, tmp_path, now="2030-09-02 00:00")
    assert (published.output / "verslagen" / "vooruit" / "index.html").is_file()


def test_a_link_to_a_future_report_names_its_date(content, tmp_path):
    write("verslagen/vooruit.md", FUTURE_REPORT)(content)
    body("Lees [vooruit](/verslagen/vooruit/).")(content)
    result = publish(content, tmp_path)
    assert result.returncode == 1
    assert "content/verslagen/vooruit.md verschijnt pas op maandag 2 september 2030 om 00.00 uur" in result.stderr


def test_a_reference_to_a_draft_is_reported_in_production(content, tmp_path):
    replace("datum: 2030-10-20", "datum: 2030-08-20", "verslagen/verslag-sessie-1.md")(content)
    replace("sessies:\n  - gewoon", "sessies:\n  - gewoon\n  - concept", "verslagen/verslag-sessie-1.md")(content)
    result = publish(content, tmp_path)
    assert result.returncode == 1
    assert ('content/verslagen/verslag-sessie-1.md, regel 12, veld "sessies" (onderdeel 2): '
            "content/sessies/concept.md is nog een concept en staat dus niet op de site") in result.stderr


def test_production_publishes_only_the_files_a_published_page_links_to(content, tmp_path):
    write("bestanden/los.pdf", b"%PDF-1.4\n% nobody links here\n")(content)
    write("bestanden/concept.pdf", b"%PDF-1.4\n% only a draft links here\n")(content)
    replace("samenvatting: Nog niet klaar.", "samenvatting: Nog niet klaar.\nmaterialen:\n  - titel: C\n    bestand: concept.pdf",
            "sessies/concept.md")(content)
    result = publish(content, tmp_path)
    assert result.returncode == 0, result.stderr
    published = {p.name for p in (result.output / "bestanden").iterdir()}
    assert published == {"werkblad.pdf"}  # verslag.pdf belongs to a report dated after REGISTRATION_OPEN
    assert "content/bestanden/concept.pdf" in result.stdout and "content/bestanden/los.pdf" in result.stdout
    preview = build(content, tmp_path / "preview", now=REGISTRATION_OPEN)
    assert {p.name for p in (preview.output / "bestanden").iterdir()} >= {"los.pdf", "concept.pdf"}


def test_a_download_name_with_hash_and_question_mark_is_linked_encoded(content, tmp_path):
    (content / "bestanden" / "werkblad.pdf").rename(content / "bestanden" / "plan #1 ?.pdf")
    replace("bestand: werkblad.pdf", 'bestand: "plan #1 ?.pdf"')(content)
    result = publish(content, tmp_path)
    assert result.returncode == 0, result.stderr
    link = result.page("/sessies/gewoon/").select_one("a[href^='/bestanden/plan']")["href"]
    assert link == "/bestanden/plan%20%231%20%3F.pdf"
    assert (result.output / "bestanden" / "plan #1 ?.pdf").is_file()


@pytest.mark.parametrize(("setting", "fixture_problem"), [
    ("WERKPLAATSEN_VOORBEELDEN_TOESTAAN", "  - content/casussen/plein.md, regel 19\n"),
])
def test_settings_that_forget_a_rule_publish_less_not_more(content, tmp_path, setting, fixture_problem):
    settings = settings_file(tmp_path / "vergeten.py", f"del {setting}", "del WERKPLAATSEN_CONCEPTEN_TONEN",
                             "SITEURL = 'https://werkplaatsen.example'")
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN, settings=str(settings))
    assert result.returncode == 1
    assert fixture_problem in result.stderr
    replace("voorbeeld: ja\n", "", "casussen/plein.md")(content)
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN, settings=str(settings))
    assert result.returncode == 0, result.stderr
    assert not (result.output / "sessies" / "concept").exists()


def test_lessons_without_a_theme_are_listed_last(content, tmp_path):
    replace("themas:\n  - klimaatadaptatie\n", "", "verslagen/verslag-sessie-1.md")(content)
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    page = result.page("/lessen/")
    assert [h2.get_text() for h2 in page.select("main section > h2")] == ["Participatie", "Overige lessen"]
    assert "Begin klein" in page.select("main section")[-1].get_text()


def test_headings_in_a_text_never_take_the_ids_of_the_page(content, tmp_path):
    body("## Inhoud\n\nTekst.\n\n## Programma van de sessie\n\n## Agenda kop\n\n## Stap\n\n## Stap")(content)
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    page = result.page("/sessies/gewoon/")
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    assert page.select_one("#inhoud").name == "main"
    assert page.select_one("a.utrecht-skip-link")["href"] == "#inhoud"
