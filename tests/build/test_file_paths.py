"""A download may be written the three ways an editor meets it: as its path from content/bestanden/
(werkblad.pdf), as its web address (/bestanden/werkblad.pdf, as texts link to it) or as its path in the
repository (content/bestanden/werkblad.pdf, what the browser editor's library copies). All mean one file."""

from __future__ import annotations

import pytest

from tests.support import REGISTRATION_OPEN, build
from werkplaatsen.model.routes import FILES_URL


@pytest.mark.parametrize("written", ["/bestanden/werkblad.pdf", "content/bestanden/werkblad.pdf"])
def test_the_web_address_or_the_repository_path_of_a_download_builds_the_same_link(content, tmp_path, written):
    session = content / "sessies" / "gewoon.md"
    session.write_text(session.read_text(encoding="utf-8").replace("bestand: werkblad.pdf", f"bestand: {written}"),
                       encoding="utf-8")
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    links = [a["href"] for a in result.page("/sessies/gewoon/").select(f"a[href^='{FILES_URL}']")]
    assert links == ["/bestanden/werkblad.pdf"]
    assert (result.output / "bestanden" / "werkblad.pdf").is_file()
