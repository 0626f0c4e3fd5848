"""Screenshots compared with their committed baselines, with a stated tolerance.

A screenshot matches its baseline when both have the same size and at most `MAX_CHANGED_SHARE`
of the pixels differ by more than `CHANNEL_TOLERANCE` (of 255) in any colour channel. The share
absorbs a few glyph edges drawn otherwise; the low channel tolerance still catches a colour token
moved by a few steps, which changes every pixel of that colour. A moved or added element changes
whole rows of pixels and a different page height changes the size, so neither passes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

CHANNEL_TOLERANCE = 8
MAX_CHANGED_SHARE = 0.001  # 0.1 %: about 1,000 pixels of a 1280 x 800 screen


@dataclass(frozen=True)
class Mismatch:
    """Why a screenshot does not match its baseline, and a picture of where."""

    reason: str
    difference: Image.Image | None  # changed pixels in red over a faded baseline; None when sizes differ


def compare(baseline: bytes, screenshot: bytes) -> Mismatch | None:
    """None when `screenshot` matches `baseline` (PNG bytes both) within the tolerance."""
    expected = Image.open(io.BytesIO(baseline)).convert("RGB")
    actual = Image.open(io.BytesIO(screenshot)).convert("RGB")
    if expected.size != actual.size:
        return Mismatch(f"size {actual.size[0]} x {actual.size[1]}, baseline {expected.size[0]} x {expected.size[1]}",
                        None)
    changed = changed_pixels(expected, actual)
    count = changed.histogram()[255]
    share = count / (expected.size[0] * expected.size[1])
    if share <= MAX_CHANGED_SHARE:
        return None
    return Mismatch(f"{count} pixels ({share:.2%}) differ by more than {CHANNEL_TOLERANCE}; "
                    f"at most {MAX_CHANGED_SHARE:.1%} may", highlight(expected, changed))


def update(baselines: Path, taken: dict[str, bytes]) -> list[str]:
    """Write the screenshots (PNG bytes by file name) that have no baseline or differ from it beyond
    the tolerance; return their names. The others keep their file, so `git diff` names only real changes."""
    baselines.mkdir(exist_ok=True)
    written = [name for name, png in taken.items()
               if not (baselines / name).exists() or compare((baselines / name).read_bytes(), png)]
    for name in written:
        (baselines / name).write_bytes(taken[name])
    return written


def remove_stale(baselines: Path, expected: set[str]) -> None:
    """Remove the baselines of page types (or widths) that are no longer photographed."""
    for path in baselines.glob("*.png"):
        if path.name not in expected:
            path.unlink()


def changed_pixels(expected: Image.Image, actual: Image.Image) -> Image.Image:
    """A mask: 255 where some channel differs by more than the tolerance, else 0."""
    red, green, blue = ImageChops.difference(expected, actual).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return largest.point(lambda value: 255 if value > CHANNEL_TOLERANCE else 0)


def highlight(expected: Image.Image, changed: Image.Image) -> Image.Image:
    faded = Image.blend(expected, Image.new("RGB", expected.size, "white"), 0.7)
    return Image.composite(Image.new("RGB", expected.size, (220, 0, 0)), faded, changed)


