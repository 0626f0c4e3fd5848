"""An output file is replaced in one step, so a reader never gets half of it."""

from __future__ import annotations

import brotli

from werkplaatsen.outputs.compress import compress_file, compress_files
from werkplaatsen.outputs.files import replace_file


def test_a_reader_of_the_old_file_reads_it_to_its_end(tmp_path):
    page = tmp_path / "sessies" / "index.html"
    replace_file(page, b"oud " * 1000)
    with page.open("rb") as reader:  # like the preview server in the middle of sending the page
        replace_file(page, "nieuw")
        assert reader.read() == b"oud " * 1000
    assert page.read_text(encoding="utf-8") == "nieuw"
    assert [path.name for path in page.parent.iterdir()] == ["index.html"]  # nothing left beside it


def test_a_file_can_be_copied_in_one_step(tmp_path):
    source = tmp_path / "verslag.pdf"
    source.write_bytes(b"%PDF-1.7 nieuw")
    target = tmp_path / "site" / "bestanden" / "verslag.pdf"
    replace_file(target, b"%PDF-1.7 oud")
    with target.open("rb") as reader:
        replace_file(target, source)
        assert reader.read() == b"%PDF-1.7 oud"
    assert target.read_bytes() == b"%PDF-1.7 nieuw"


def test_compressed_copies_are_replaced_in_one_step_too(tmp_path):
    page = tmp_path / "index.html"
    replace_file(page, b"<p>oud</p>" * 100)
    compress_file(page)
    with page.with_name("index.html.gz").open("rb") as gz, page.with_name("index.html.br").open("rb") as br:
        before = gz.read(), br.read()
        gz.seek(0), br.seek(0)
        replace_file(page, b"<p>nieuw</p>")
        compress_file(page)
        assert (gz.read(), br.read()) == before


def test_a_file_that_already_holds_the_bytes_is_left_alone(tmp_path):
    """The preview compresses again only what changed: an unchanged file keeps its inode and time."""
    page = tmp_path / "index.html"
    assert replace_file(page, "<p>zelfde</p>") is True
    before = page.stat()
    assert replace_file(page, b"<p>zelfde</p>") is False
    assert (page.stat().st_ino, page.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert replace_file(page, "<p>ander</p>") is True
    assert page.read_text(encoding="utf-8") == "<p>ander</p>"


def test_a_copy_is_made_again_only_when_its_source_changed(tmp_path):
    """Downloads are recognised by size and time, so the preview does not read them on every save."""
    source, target = tmp_path / "verslag.pdf", tmp_path / "site" / "verslag.pdf"
    source.write_bytes(b"%PDF-1.7 een")
    assert replace_file(target, source) is True
    assert replace_file(target, source) is False
    source.write_bytes(b"%PDF-1.7 twee")
    assert replace_file(target, source) is True
    assert target.read_bytes() == b"%PDF-1.7 twee"


def test_theme_files_get_the_best_compression_and_pages_the_fast_one(tmp_path):
    """Decided inside the output folder, even when that lies below a folder named theme."""
    output = tmp_path / "theme" / "output"
    text = b".utrecht-button { color: red; } " * 200
    style, page = output / "theme" / "site.css", output / "theme-dag" / "index.html"
    for path in (style, page):
        replace_file(path, text)
    compress_files(output, [style, page])
    assert style.with_name("site.css.br").read_bytes() == brotli.compress(text, mode=brotli.MODE_TEXT, quality=11)
    assert page.with_name("index.html.br").read_bytes() == brotli.compress(text, mode=brotli.MODE_TEXT, quality=5)
