"""The size of an uploaded image, from its header: png, jpeg (after its metadata) and the three webp kinds."""

from __future__ import annotations

import struct

import pytest

from werkplaatsen.reading.imagesize import dimensions
from werkplaatsen.system.places import ROOT


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


JPEG = (b"\xff\xd8" + segment(0xE0, b"JFIF\x00" + bytes(9)) + segment(0xE1, b"Exif\x00\x00" + bytes(3000))
        + segment(0xC4, bytes(20)) + segment(0xC2, b"\x08" + struct.pack(">HH", 630, 1200) + b"\x03" + bytes(9)))
WEBP_LOSSY = b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(10) + struct.pack("<HH", 800, 450)
# VP8L: after the signature byte 0x2f, 14 bits width-1 and 14 bits height-1.
WEBP_LOSSLESS = b"RIFF\x00\x00\x00\x00WEBPVP8L" + bytes(4) + b"\x2f" + ((640 - 1) | (480 - 1) << 14).to_bytes(4, "little") + bytes(5)
WEBP_EXTENDED = b"RIFF\x00\x00\x00\x00WEBPVP8X" + bytes(8) + (1999).to_bytes(3, "little") + (999).to_bytes(3, "little")


@pytest.mark.parametrize(("extension", "data", "size"), [
    ("png", (ROOT / "theme/static/img/logo.png").read_bytes(), (512, 512)),
    ("jpg", JPEG, (1200, 630)), ("jpeg", JPEG, (1200, 630)),
    ("webp", WEBP_LOSSY, (800, 450)), ("webp", WEBP_LOSSLESS, (640, 480)), ("webp", WEBP_EXTENDED, (2000, 1000)),
])
def test_the_header_gives_width_and_height(tmp_path, extension, data, size):
    path = tmp_path / f"image.{extension}"
    path.write_bytes(data)
    assert dimensions(path, extension) == size


@pytest.mark.parametrize(("extension", "data"), [
    ("png", b"\x89PNG\r\n\x1a\n"), ("jpg", b"\xff\xd8\xff\xe0\x00"), ("jpg", b"\xff\xd8" + segment(0xE0, bytes(4))),
    ("webp", b"RIFF\x00\x00\x00\x00WEBPVP8 "), ("webp", b"RIFF\x00\x00\x00\x00WEBPXXXX" + bytes(20)),
    ("pdf", b"%PDF-1.7"),
])
def test_a_header_without_a_size_gives_none(tmp_path, extension, data):
    path = tmp_path / f"file.{extension}"
    path.write_bytes(data)
    assert dimensions(path, extension) is None
