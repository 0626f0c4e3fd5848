"""The width and height of an uploaded image, read from its header.

A shared link's picture states its size (og:image:width and og:image:height) so a network can lay
out the preview before it has the image. The upload check (uploads.py) has already matched the
file's signature to its extension; a header that says no size gives None and the size is left out.
"""

from __future__ import annotations

import struct
from pathlib import Path

_JPEG_FRAMES = {*range(0xC0, 0xD0)} - {0xC4, 0xC8, 0xCC}  # start-of-frame markers; the others share the range


def dimensions(path: Path, extension: str) -> tuple[int, int] | None:
    """(width, height) of a png, jpg/jpeg or webp file; None for any other file or an unreadable header."""
    with path.open("rb") as handle:
        if extension == "png":
            return _png(handle.read(24))
        if extension in ("jpg", "jpeg"):
            return _jpeg(handle)
        if extension == "webp":
            return _webp(handle.read(30))
    return None


def _png(head: bytes) -> tuple[int, int] | None:
    """The IHDR chunk comes first: width and height right after its type."""
    return struct.unpack(">II", head[16:24]) if len(head) == 24 and head[12:16] == b"IHDR" else None


def _jpeg(handle) -> tuple[int, int] | None:
    """Walk the segments (EXIF and other metadata come first) to the frame header, which holds the size."""
    handle.seek(2)
    while (marker := handle.read(2)) and len(marker) == 2 and marker[0] == 0xFF:
        length = handle.read(2)
        if len(length) < 2:
            return None
        if marker[1] in _JPEG_FRAMES:
            frame = handle.read(5)
            return (struct.unpack(">H", frame[3:5])[0], struct.unpack(">H", frame[1:3])[0]) if len(frame) == 5 else None
        handle.seek(struct.unpack(">H", length)[0] - 2, 1)
    return None


def _webp(head: bytes) -> tuple[int, int] | None:
    """The first chunk says the size: lossy (VP8), lossless (VP8L) or extended (VP8X)."""
    if len(head) < 30:
        return None
    chunk = head[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    return None
