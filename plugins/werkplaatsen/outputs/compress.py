"""Gzip and brotli copies next to every text file, for servers that send them as they are.

nginx (``gzip_static``, ``brotli_static``) and most CDNs serve ``page.html.br`` or ``.gz`` to a
browser that accepts it, so nothing is compressed per request. Pages change with every build and
are compressed at brotli quality 5 (about 0.2 ms a page, within 10 % of the best); the
fingerprinted theme files, cached for a year, get the slowest and smallest quality, 11.
(pelican-precompress always uses quality 11, about 8 ms a page: too slow for large sites.)
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from ..model.routes import ASSETS_URL
from .files import replace_file

TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".json", ".txt", ".ics", ".atom"}
PAGE_QUALITY = 5
ASSET_QUALITY = 11


def compress_files(output: Path, paths: list[Path]) -> None:
    """Compressed copies of the text files among `paths` in `output`; theme files at the best quality."""
    theme = output / ASSETS_URL.strip("/")
    for path in paths:
        if path.suffix in TEXT_SUFFIXES:
            compress_file(path, ASSET_QUALITY if path.is_relative_to(theme) else PAGE_QUALITY)


def compress_file(path: Path, quality: int = PAGE_QUALITY) -> None:
    data = path.read_bytes()
    # mtime=0: the same page always compresses to the same bytes, so builds stay reproducible.
    replace_file(path.with_name(path.name + ".gz"), gzip.compress(data, compresslevel=9, mtime=0))
    replace_file(path.with_name(path.name + ".br"), brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality))
