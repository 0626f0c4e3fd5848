"""What a save in the browser editor writes: only what the editor changed, and files where the checks want them.

`make beheer` on a scratch checkout, clicked through in Chromium; every check reads the commit
the save made.
"""

from __future__ import annotations

import pytest

from tests.browser.editor import commits, field_named, git, open_entry, save, sign_in, wait_for_commit
from werkplaatsen import frontmatter
from werkplaatsen.contenttypes import TYPES

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
    changed = [line for line in git(repo, "show", "--format=", "--unified=0", "HEAD").splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 2 and changed[0].startswith("-titel:") and changed[1].startswith("+titel:"), changed
    saved = path.read_text(encoding="utf-8")
    assert saved == original.replace(changed[0][1:] + "\n", changed[1][1:] + "\n", 1)
    assert frontmatter.read(str(path), saved.encode())[0].data["titel"] == f"{title} (bijgewerkt)"
