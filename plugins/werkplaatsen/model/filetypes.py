"""Every type of file the site serves, in one table: its suffix, its media type, and for a file an
editor may put in content/bestanden/ its Dutch name and the test on its first bytes. Also that
folder itself (``FILES_FOLDER``), which the fields read too: they are below the routes.

nginx's types, the upload check, the image fields, the structured data's ``encodingFormat``, the
feeds' link types and the Dutch messages that name the image types all read this table, so a type
is added in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

# The folder below content/ for downloads and images; the site serves it at FILES_URL.
FILES_FOLDER = "bestanden"
FILES_URL = f"/{FILES_FOLDER}/"
FILES_PATH = f"content/{FILES_FOLDER}/"  # the folder as editors see it in the checkout (messages)

_ZIP = b"PK\x03\x04"


def _text(head: bytes) -> bool:
    """Plain text: no NUL byte, and UTF-8 as far as the first bytes go (a cut character is fine)."""
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3
    return True


def _png(head: bytes) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _jpeg(head: bytes) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


@dataclass(frozen=True)
class FileType:
    """One suffix (without the dot). `label` and `looks_right` only for a type editors may upload."""

    suffix: str
    media_type: str
    label: str = ""
    looks_right: Callable[[bytes], bool] | None = None
    image: bool = False


def _download(suffix: str, media_type: str, label: str, looks_right: Callable[[bytes], bool]) -> FileType:
    return FileType(suffix, media_type, label, looks_right)


def _image(suffix: str, media_type: str, label: str, looks_right: Callable[[bytes], bool]) -> FileType:
    return FileType(suffix, media_type, label, looks_right, image=True)


# Downloads first, in the order the editor guide lists them; then what only the site itself serves.
TABLE = (
    _download("pdf", "application/pdf", "pdf-document", lambda head: head.startswith(b"%PDF-")),
    _download("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-document",
              lambda head: head.startswith(_ZIP)),
    _download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-bestand",
              lambda head: head.startswith(_ZIP)),
    _download("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              "PowerPoint-bestand", lambda head: head.startswith(_ZIP)),
    _download("odt", "application/vnd.oasis.opendocument.text", "OpenDocument-tekst", lambda head: head.startswith(_ZIP)),
    _download("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-rekenblad",
              lambda head: head.startswith(_ZIP)),
    _download("odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument-presentatie",
              lambda head: head.startswith(_ZIP)),
    _download("csv", "text/csv", "csv-bestand", _text),
    _download("txt", "text/plain", "tekstbestand", _text),
    _image("png", "image/png", "png-afbeelding", _png),
    _image("jpg", "image/jpeg", "jpeg-afbeelding", _jpeg),
    _image("jpeg", "image/jpeg", "jpeg-afbeelding", _jpeg),
    _image("webp", "image/webp", "webp-afbeelding", _webp),
    FileType("html", "text/html"),
    FileType("css", "text/css"),
    FileType("js", "text/javascript"),
    FileType("json", "application/json"),
    FileType("xml", "application/xml"),
    FileType("atom", "application/atom+xml"),
    FileType("ics", "text/calendar"),
    FileType("svg", "image/svg+xml"),
    FileType("ico", "image/x-icon"),
)

MEDIA_TYPES = {kind.suffix: kind.media_type for kind in TABLE}
UPLOADS = {kind.suffix: kind for kind in TABLE if kind.looks_right}
IMAGES = tuple(kind.suffix for kind in TABLE if kind.image)  # in the table's order: "png, jpg of webp"
PDF = UPLOADS["pdf"]  # what reference managers look for in a report's downloads


def suffix(name: str) -> str:
    """The table's key for a file name: "pdf" for "verslagen/Ronde-2.PDF"; "" for a name without
    one ("pdf", "map.v2/verslag", ".pdf"), which no row has."""
    return PurePosixPath(name).suffix.lstrip(".").lower()


def image_names(after: str = "") -> str:
    """The image types as an editor knows them, one name per kind: "png, jpg of webp" (after="-":
    "png-, jpg- of webp-", for "png-, jpg- of webp-bestand")."""
    names = [f"{kind.suffix}{after}" for kind in TABLE
             if kind.image and kind == next(other for other in TABLE if other.label == kind.label)]
    return f"{', '.join(names[:-1])} of {names[-1]}"
