"""What a save in the browser editor writes: only what the editor changed, and files where the checks want them.

`make beheer` on a scratch checkout, clicked through in Chromium; every check reads the commit
the save made.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.editor import (check, commits, field_named, fill_session, git, new_item, open_entry, page_text, read,
                                  save, sign_in, wait_for_commit)
from werkplaatsen.model.contenttypes import TYPES
from werkplaatsen.reading import frontmatter

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("beheer")]

NOTES = ("# Notitie van de redactie: niet weghalen.", "# Nagevraagd, klopt.")


def with_notes(text: str) -> str:
    """A content file as an editor who also uses git leaves it: a note on top and one above the second field."""
    lines = text.split("\n")
    second = next(index for index, line in enumerate(lines[2:], 2) if line[:1].isalpha())
    return "\n".join([lines[0], NOTES[0], *lines[1:second], NOTES[1], *lines[second:]])


@pytest.mark.parametrize("kind", TYPES, ids=[kind.name for kind in TYPES])
def test_changing_the_title_changes_that_line_only_and_keeps_comments_and_folded_texts(beheer, editor_tab, kind):
    page, repo = editor_tab, beheer.repo
    path = sorted((repo / "content" / kind.folder).glob("*.md"))[0]
    path.write_text(with_notes(path.read_text(encoding="utf-8")), encoding="utf-8")
    git(repo, "commit", "--quiet", "--all", "--message", "Notities")
    original = path.read_text(encoding="utf-8")
    title = frontmatter.read(str(path), original.encode())[0].data["titel"]
    before = commits(repo)

    sign_in(page, beheer.url)
    open_entry(page, kind.plural, title)
    field_named(page, "Titel").fill(f"{title} (bijgewerkt)")
    save(page)
    page.get_by_text("Item opgeslagen").wait_for()

    wait_for_commit(repo, before)
    assert page.get_by_role("link", name="Bekijk op de site").get_attribute("href") == \
        beheer.url + kind.url_for(path.stem), "a saved item links to its page in the preview"
    changed = [line for line in git(repo, "show", "--format=", "--unified=0", "HEAD").splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 2 and changed[0].startswith("-titel:") and changed[1].startswith("+titel:"), changed
    saved = path.read_text(encoding="utf-8")
    assert saved == original.replace(changed[0][1:] + "\n", changed[1][1:] + "\n", 1)
    assert frontmatter.read(str(path), saved.encode())[0].data["titel"] == f"{title} (bijgewerkt)"


def upload(page, path) -> None:
    """Upload a file in the file field's library (it opens on the field's own folder) and use it."""
    page.get_by_role("button", name=re.compile(r"^Uploaden naar content\/bestanden\/")).click()
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Kies dit bestand").click()


def test_a_session_with_a_new_pdf_is_one_commit_with_the_file_in_its_fields_folder(beheer, editor_tab, tmp_path):
    page, repo = editor_tab, beheer.repo
    pdf = tmp_path / "Presentatie Sessie 8.pdf"
    pdf.write_bytes((repo / "content" / "bestanden" / "werkbladen" / "werkblad-wijkschouw.pdf").read_bytes())
    before = commits(repo)
    new_item(page, beheer.url, "Sessies", "Sessie")
    fill_session(page, "Sessie 8: met een presentatie", "2019-12-10", "Online",
                 "Een sessie met een presentatie om te downloaden.")
    page.get_by_role("button", name="Voeg materiaal toe").click()
    page.get_by_label(re.compile("^Titel")).nth(1).fill("Presentatie")
    upload(page, pdf)
    assert page.get_by_role("combobox", name="Bestand").input_value() == "presentaties/presentatie-sessie-8.pdf"
    save(page)
    page.get_by_text("Item opgeslagen").wait_for()

    after = wait_for_commit(repo, before)
    assert after[1:] == before, "the file and the session in one commit"
    assert sorted(git(repo, "show", "--name-status", "--format=", "HEAD").split()) == sorted([
        "A", "content/bestanden/presentaties/presentatie-sessie-8.pdf",
        "A", "content/sessies/sessie-8-met-een-presentatie.md"])
    saved = read(repo, "content/sessies/sessie-8-met-een-presentatie.md")
    assert saved.data["materialen"] == [{"titel": "Presentatie", "bestand": "presentaties/presentatie-sessie-8.pdf"}]
    result = check(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'href="/bestanden/presentaties/presentatie-sessie-8.pdf"' in page_text(
        f"{beheer.url}/sessies/sessie-8-met-een-presentatie/", "presentatie-sessie-8.pdf")


def test_a_file_in_another_folder_is_picked_from_the_list_of_every_file(beheer, editor_tab):
    page, repo = editor_tab, beheer.repo
    path = "content/verslagen/handreiking-wijkgericht-werken-in-trios.md"
    before = commits(repo)
    sign_in(page, beheer.url)
    open_entry(page, "Verslagen", "Wijkgericht werken in trio's")
    page.get_by_role("button", name="Voeg bestand toe").click()
    new = page.get_by_role("combobox", name="Bestand").last
    offered = new.locator("option").evaluate_all("options => options.map(o => o.value)")
    files = repo / "content" / "bestanden"
    assert sorted(filter(None, offered)) == sorted(
        file.relative_to(files).as_posix() for file in files.rglob("*") if file.is_file())
    page.get_by_label(re.compile("^Titel")).last.fill("Werkblad wijkschouw")
    new.select_option("werkbladen/werkblad-wijkschouw.pdf")
    save(page)
    page.get_by_text("Item opgeslagen").wait_for()

    wait_for_commit(repo, before)
    assert read(repo, path).data["bestanden"][-1] == {
        "titel": "Werkblad wijkschouw", "bestand": "werkbladen/werkblad-wijkschouw.pdf", "taal": "nl"}
    assert check(repo).returncode == 0


def test_the_media_library_shows_every_file_in_content_bestanden_and_its_folders(beheer, editor_tab):
    page, repo = editor_tab, beheer.repo
    sign_in(page, beheer.url)
    page.get_by_role("button", name="Media").click()
    cards = page.locator("[class*='-CardText']")
    files = sorted(file.name for file in (repo / "content" / "bestanden").rglob("*") if file.is_file())
    cards.nth(len(files) - 1).wait_for()
    assert sorted(cards.all_inner_texts()) == files
