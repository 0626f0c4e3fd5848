"""The preview's cache of readings: an unchanged file is not read again; one reading per file."""

from __future__ import annotations

from datetime import datetime, timezone

from werkplaatsen.model.vocabulary import vocabulary
from werkplaatsen.reading import frontmatter
from werkplaatsen.reading.catalog import LoadOptions, collect

OPTIONS = LoadOptions(include_drafts=True, allow_examples=True, now=datetime(2030, 9, 1, tzinfo=timezone.utc))


def test_only_changed_files_are_read_again_and_each_file_keeps_one_reading(content, monkeypatch):
    terms = vocabulary()
    read = []
    real = frontmatter.read

    def counted(relative, raw):
        read.append(relative)
        return real(relative, raw)

    monkeypatch.setattr(frontmatter, "read", counted)  # every reading of a content file starts here
    cache: dict = {}
    collect(content, terms, OPTIONS, cache)
    files = len(read)
    session = content / "sessies" / "gewoon.md"
    for number in range(3):
        session.write_text(session.read_text(encoding="utf-8").replace("Tekst", f"Tekst {number}", 1), encoding="utf-8")
        read.clear()
        collect(content, terms, OPTIONS, cache)
        assert read == ["content/sessies/gewoon.md"]
    assert len(cache) == files
