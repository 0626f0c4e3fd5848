"""Gzip and brotli copies of a release's text files, made where a host sends them: at deploy time.

GitHub Pages and most CDNs compress on the fly and ignore ``.gz``/``.br`` files, so the build
writes none. nginx sends a copy as it is when one lies next to the file (``gzip_static``,
``brotli_static``) and compresses per request otherwise (hosting/nginx.conf). `make deploy` and
`make hosting` make the copies for the release they put live, and only for what changed: every
release holds ``MANIFEST`` (each text file's path and SHA-256), and a file with the same path and
hash in the live release keeps that release's copies (the deploy links them) instead of being
compressed again. An hourly deploy therefore compresses the few pages that changed.

Pages are compressed at brotli quality 5 (about 0.2 ms a page, within 10 % of the best). The
fingerprinted theme files (cached for a year) and the browser editor's vendored bundle get the
slowest and smallest quality, 11, which takes seconds for the bundle: those copies are also kept
in ``CACHE`` by content hash, so each version is compressed once on a computer, not in every
deploy.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import brotli

from ..model.routes import ADMIN_URL, ASSETS_URL
from ..outputs.beheer import BUNDLE_FILES
from ..outputs.files import replace_file
from ..system.places import ROOT

TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".json", ".txt", ".ics", ".atom"}
CODINGS = (".gz", ".br")
MANIFEST = ".compressed.json"
CACHE = ROOT / ".cache" / "compressed"  # `make distclean` removes it
PAGE_QUALITY = 5
BEST_QUALITY = 11


def text_files(folder: Path) -> dict[str, str]:
    """Every text file below `folder` (a relative POSIX path) and the SHA-256 of its bytes."""
    found = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = Path(directory, name)
            relative = path.relative_to(folder).as_posix()
            if path.suffix in TEXT_SUFFIXES and relative != MANIFEST:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@dataclass(frozen=True)
class Plan:
    """What a release needs: its files' hashes, the copies it takes from the live release, the files to compress."""

    hashes: dict[str, str]
    reuse: list[str]
    compress: list[str]

    @property
    def reused_copies(self) -> list[str]:
        return [name + coding for name in self.reuse for coding in CODINGS]


def plan(folder: Path, live: dict[str, str]) -> Plan:
    """Compare `folder` with the live release's manifest: unchanged files reuse its copies."""
    hashes = text_files(folder)
    reuse = sorted(name for name, digest in hashes.items() if live.get(name) == digest)
    return Plan(hashes, reuse, sorted(set(hashes) - set(reuse)))


def read_manifest(text: str) -> dict[str, str]:
    """A release's manifest; anything unreadable counts as none (every file is compressed again)."""
    try:
        manifest = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(manifest, dict):
        return {}
    return {name: digest for name, digest in manifest.items() if isinstance(name, str) and isinstance(digest, str)}


def write_copies(folder: Path, names: list[str], into: Path, cache: Path = CACHE) -> None:
    """Write the .gz and .br copies of `names` (files in `folder`) at the same paths below `into`."""
    for name in names:
        data = (folder / name).read_bytes()
        if _best(name):
            copies = _cached(data, cache)
        else:
            copies = _compress(data, PAGE_QUALITY)
        for coding, copy in zip(CODINGS, copies):
            replace_file(into / (name + coding), copy)


def write_manifest(into: Path, hashes: dict[str, str]) -> None:
    replace_file(into / MANIFEST, json.dumps(hashes, sort_keys=True, indent=0) + "\n")


def _best(name: str) -> bool:
    """Theme files and the editor's vendored bundle: rarely changed, so worth the best quality."""
    folder, _, file = name.rpartition("/")
    return (name.startswith(ASSETS_URL.lstrip("/"))
            or (folder == ADMIN_URL.strip("/") and any(fnmatch(file, pattern) for pattern in BUNDLE_FILES)))


def _compress(data: bytes, quality: int) -> tuple[bytes, bytes]:
    # mtime=0: the same file always compresses to the same bytes.
    return (gzip.compress(data, compresslevel=9, mtime=0),
            brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality))


def _cached(data: bytes, cache: Path) -> tuple[bytes, bytes]:
    """The best copies of `data`, from the cache when this content was compressed before."""
    stem = cache / hashlib.sha256(data).hexdigest()
    stored = [stem.with_name(stem.name + coding) for coding in CODINGS]
    if all(path.is_file() for path in stored):
        return tuple(path.read_bytes() for path in stored)
    copies = _compress(data, BEST_QUALITY)
    for path, copy in zip(stored, copies):
        replace_file(path, copy)
    return copies
