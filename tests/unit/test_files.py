"""An output file is replaced in one step, so a reader never gets half of it."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor

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


def test_a_file_that_already_holds_the_bytes_is_left_alone(tmp_path):
    """The preview writes again only what changed: an unchanged file keeps its inode and time."""
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




def _write_often(path, data: bytes, times: int) -> None:
    for _ in range(times):
        replace_file(path, data)


def test_writers_of_one_path_in_several_processes_and_threads_never_fail(tmp_path):
    """Test workers share the compression cache: two may write the same file at the same moment."""
    path = tmp_path / "gedeeld.br"
    contents = [bytes([n]) * 4096 for n in range(5)]
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_write_often, args=(path, data, 300)) for data in contents[:3]]
    for process in processes:
        process.start()
    with ThreadPoolExecutor(2) as threads:
        for writing in [threads.submit(_write_often, path, data, 300) for data in contents[3:]]:
            writing.result()  # raises what the thread raised
    for process in processes:
        process.join()
    assert [process.exitcode for process in processes] == [0, 0, 0]
    assert path.read_bytes() in contents
    assert [leftover.name for leftover in tmp_path.iterdir() if leftover != path] == []
