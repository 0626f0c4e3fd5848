"""Files in content/bestanden/: only plain download types, each checked by its name and its bytes.

Anything in this folder is served from the site's own origin, so an HTML, JavaScript or SVG file
would run with the site's rights. Only the document and image types of ``filetypes.UPLOADS`` are
allowed, and a file must really be what its extension says (a PDF starts with ``%PDF-``, a PNG with
its signature).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from ..model.errors import ContentError
from ..model.filetypes import FILES_PATH, UPLOADS, suffix
from .imagesize import dimensions

MAX_MB = 50  # a download larger than this belongs on a file service, not in the site's git repository
KEEP_FILE = ".gitkeep"  # lets git keep an empty folder; never published


@dataclass(frozen=True)
class Upload:
    """An allowed file: its name below content/bestanden/ (with /), its size in bytes and, for an
    image whose header says it, its width and height in pixels."""

    name: str
    size: int
    width: int | None = None
    height: int | None = None

    @property
    def extension(self) -> str:
        return suffix(self.name)


def scan(files: Path) -> tuple[dict[str, Upload], list[ContentError]]:
    """Every allowed file below `files`, and a Dutch error for everything else."""
    found: dict[str, Upload] = {}
    errors: list[ContentError] = []
    if not files.is_dir() or files.is_symlink():
        return found, [_error(files.name, "is een snelkoppeling (symlink); dat mag niet.")] if files.is_symlink() else []
    for folder, directories, names in os.walk(files):
        for name in sorted(directories + names):
            path = Path(folder) / name
            relative = path.relative_to(files).as_posix()
            if path.is_symlink():
                errors.append(_error(relative, "is een snelkoppeling (symlink). Zet het echte bestand in de map."))
                directories[:] = [d for d in directories if d != name]
            elif path.is_file() and name != KEEP_FILE:
                upload, problem = _check(path, relative)
                if upload:
                    found[relative] = upload
                else:
                    errors.append(_error(relative, problem))
        directories.sort()
    return found, errors


def _check(path: Path, relative: str) -> tuple[Upload | None, str]:
    extension = suffix(relative)
    allowed = ", ".join(sorted(UPLOADS))
    if extension not in UPLOADS:
        return None, f"dit soort bestand mag niet op de site. Toegestaan: {allowed}."
    kind = UPLOADS[extension]
    size = path.stat().st_size
    if size > MAX_MB * 1_000_000:
        return None, (f"dit bestand is {math.ceil(size / 1_000_000)} MB; een download mag hoogstens {MAX_MB} MB zijn. "
                      "Maak het kleiner (bijvoorbeeld een pdf met kleinere afbeeldingen).")
    with path.open("rb") as handle:
        head = handle.read(64)
    if not kind.looks_right(head):
        return None, f"dit bestand heet .{extension}, maar is geen {kind.label}. Sla het opnieuw op als {kind.label}."
    width, height = (dimensions(path, extension) if kind.image else None) or (None, None)
    return Upload(relative, size, width, height), ""


def _error(relative: str, message: str) -> ContentError:
    return ContentError(f"{FILES_PATH}{relative}", 0, (), message)
