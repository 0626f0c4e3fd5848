"""The preview renders again only what an edit changed, and the result is byte for byte a full build.

Each case edits a copy of the fixture site (content, theme and vocabulary), updates the same
preview, builds the same content from scratch, and compares every file.
"""

from __future__ import annotations

import shutil

import pytest

from tests.build.preview_support import differences, edit, files, full_build, make_workspace
from tests.support import REGISTRATION_OPEN, tiny_png
from werkplaatsen.build.incremental import Preview
from werkplaatsen.model.errors import ContentErrors
from werkplaatsen.model.routes import SEARCH_INDEX_URL


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A copy of the fixture content, the theme and the vocabulary, with settings that use them."""
    return make_workspace(tmp_path_factory.mktemp("preview"))


@pytest.fixture(scope="module")
def preview(workspace):
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("WERKPLAATSEN_NU", REGISTRATION_OPEN)
        # One process: forking inside a pytest-xdist worker, which runs threads, can hang. The
        # preview's own processes are tested where it runs as a program (test_preview.py).
        environment.setenv("WERKPLAATSEN_PROCESSEN", "1")
        updater = Preview(workspace / "conf.py", workspace / "content", workspace / "preview")
        assert updater.update() > 50  # the first update builds everything
        yield updater


def same_as_a_full_build(workspace, preview, tmp_path):
    """The preview's files are a full build's."""
    complete = full_build(workspace, tmp_path / "full")
    preview.wait()
    assert differences(files(preview.output), complete) == []


def changed_since(preview, before: dict[str, bytes]) -> list[str]:
    """The output files an update added, removed or wrote with other bytes, but for the search index
    (made whole again on every update)."""
    preview.wait()
    index = SEARCH_INDEX_URL.strip("/") + "/"
    return [name for name in differences(files(preview.output), before) if not name.startswith(index)]


def test_nothing_changed_renders_nothing(preview):
    assert preview.update() == 0


# (case, file to change, text, replacement, most outputs it may render again)
EDITS = [
    ("ronde", "rondes/ronde-9.md", "seizoen: najaar 2030", "seizoen: herfst 2030", 40),
    ("sessie", "sessies/vol.md", "samenvatting: Samenvatting van vol.", "samenvatting: Anders.", 20),
    ("casus", "casussen/plein.md", "fase: verkenning", "fase: uitvoering", 40),
    ("instrument", "instrumenten/wijkschouw.md", "duur: 2 uur", "duur: 90 minuten", 40),
    ("verslag", "verslagen/verslag-sessie-1.md", "    tekst: Samen kijken helpt.", "    tekst: Samen kijken helpt veel.", 40),
    ("partner", "partners/platform31.md", "samenvatting: Kennis- en netwerkorganisatie.", "samenvatting: Kennisorganisatie.", 20),
    ("persoon", "personen/anna-de-vries.md", "titel: Anna de Vries", "titel: Anna de Vries-Jansen", 25),
    ("bericht", "berichten/ronde-9-open.md", "datum: 2030-08-01", "datum: 2030-08-02", 20),
    ("pagina", "paginas/over.md", "titel: Pagina over", "titel: Over het programma", 20),
    ("a theme of a casus", "casussen/plein.md", "themas:\n  - klimaatadaptatie", "themas:\n  - participatie", 60),
    ("a session that becomes a draft", "sessies/bijna-vol.md", "status: gepubliceerd", "status: concept", 60),
]


@pytest.mark.parametrize(("file", "old", "new", "most"), [case[1:] for case in EDITS], ids=[case[0] for case in EDITS])
def test_an_edit_renders_only_what_it_changed_and_gives_the_full_build(preview, workspace, tmp_path, file, old, new, most):
    preview.wait()
    before = files(preview.output)
    edit(workspace / "content" / file, old, new)
    rendered = preview.update()
    assert 0 < rendered <= most, (rendered, changed_since(preview, before))
    same_as_a_full_build(workspace, preview, tmp_path)


def test_a_new_and_a_deleted_item(preview, workspace, tmp_path):
    shutil.copy(workspace / "content" / "casussen" / "plein.md", workspace / "content" / "casussen" / "plein-twee.md")
    assert preview.update() > 0
    same_as_a_full_build(workspace, preview, tmp_path)
    (workspace / "content" / "casussen" / "plein-twee.md").unlink()
    assert preview.update() > 0
    assert not (preview.output / "casussen" / "plein-twee").exists()
    same_as_a_full_build(workspace, preview, tmp_path / "again")


def test_a_template_edit_renders_the_pages_that_use_it(preview, workspace, tmp_path):
    edit(workspace / "theme" / "templates" / "instrument.html", "{% block main %}", "{% block main %}<!-- nieuw -->")
    rendered = preview.update()
    assert rendered == 1  # the fixture site has one instrument
    assert "<!-- nieuw -->" in (preview.output / "instrumenten" / "wijkschouw" / "index.html").read_text()
    same_as_a_full_build(workspace, preview, tmp_path)


def test_a_vocabulary_term_renders_the_pages_that_show_it(preview, workspace, tmp_path):
    reading = preview.generator.reads["content/casussen/plein.md"]
    edit(workspace / "vocabulary.yaml", "  participatie: Participatie", "  participatie: Meedoen")
    rendered = preview.update()
    assert preview.generator.reads["content/casussen/plein.md"] is reading  # a new label: no file is read again
    assert 0 < rendered < 60
    assert "Meedoen" in (preview.output / "themas" / "participatie" / "index.html").read_text()
    same_as_a_full_build(workspace, preview, tmp_path)


def test_a_vocabulary_key_that_goes_is_checked_in_every_file_again(preview, workspace, tmp_path):
    edit(workspace / "vocabulary.yaml", "  klimaatadaptatie: ", "  klimaat: ")
    with pytest.raises(ContentErrors, match='"klimaatadaptatie" staat niet in de woordenlijst themas'):
        preview.update()
    edit(workspace / "vocabulary.yaml", "  klimaat: ", "  klimaatadaptatie: ")
    preview.update()
    same_as_a_full_build(workspace, preview, tmp_path)


def test_a_new_download(preview, workspace, tmp_path):
    (workspace / "content" / "bestanden" / "foto.png").write_bytes(tiny_png())
    edit(workspace / "content" / "paginas" / "contact.md", "---\n", "---\n", )
    body = (workspace / "content" / "paginas" / "contact.md")
    body.write_text(body.read_text() + "\n![Een foto](/bestanden/foto.png)\n", encoding="utf-8")
    assert preview.update() > 0
    same_as_a_full_build(workspace, preview, tmp_path)


def test_a_mistake_keeps_the_last_good_preview_and_its_fix_is_picked_up(preview, workspace, tmp_path):
    preview.wait()
    before = files(preview.output)
    edit(workspace / "content" / "sessies" / "gewoon.md", "vorm: fysiek", "vorm: fysik")
    with pytest.raises(ContentErrors, match='Bedoelt u "fysiek"'):
        preview.update()
    assert files(preview.output) == before
    edit(workspace / "content" / "sessies" / "gewoon.md", "vorm: fysik", "vorm: online")
    assert preview.update() > 0
    same_as_a_full_build(workspace, preview, tmp_path)
