"""The screenshot comparison's tolerance (tests/browser/pixels.py), on made-up images."""

import io

from PIL import Image

from tests.browser.pixels import CHANNEL_TOLERANCE, MAX_CHANGED_SHARE, compare, remove_stale, update

SIZE = (200, 100)


def png(image: Image.Image) -> bytes:
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def page(colour=(11, 74, 111), changed: int = 0, step: int = 128) -> bytes:
    """A white page with a coloured bar; `changed` pixels of the first rows moved `step` in red."""
    image = Image.new("RGB", SIZE, "white")
    image.paste(colour, (0, 40, 200, 60))
    for index in range(changed):
        x, y = index % SIZE[0], index // SIZE[0]
        red, green, blue = image.getpixel((x, y))
        image.putpixel((x, y), ((red + step) % 256, green, blue))
    return png(image)


def test_the_same_image_matches():
    assert compare(page(), page()) is None


def test_differences_within_the_channel_tolerance_match():
    assert compare(page(), page(changed=SIZE[0] * SIZE[1], step=256 - CHANNEL_TOLERANCE)) is None


def test_a_few_changed_pixels_match_and_one_more_than_the_share_does_not():
    allowed = int(SIZE[0] * SIZE[1] * MAX_CHANGED_SHARE)
    assert compare(page(), page(changed=allowed)) is None
    mismatch = compare(page(), page(changed=allowed + 1))
    assert mismatch and f"{allowed + 1} pixels" in mismatch.reason
    assert mismatch.difference.getpixel((0, 0)) == (220, 0, 0)  # a changed pixel is red in the picture


def test_a_colour_moved_a_few_steps_does_not_match():
    assert compare(page(), page(colour=(11, 74, 111 + CHANNEL_TOLERANCE + 1)))


def test_another_size_does_not_match_and_says_both_sizes():
    taller = Image.new("RGB", (SIZE[0], SIZE[1] + 1), "white")
    mismatch = compare(page(), png(taller))
    assert mismatch.reason == "size 200 x 101, baseline 200 x 100" and mismatch.difference is None


def test_update_writes_only_new_screenshots_and_those_beyond_the_tolerance(tmp_path):
    baselines = tmp_path / "screenshots"
    assert update(baselines, {"home-375.png": page(), "sessie-375.png": page()}) == ["home-375.png", "sessie-375.png"]
    within = page(changed=SIZE[0] * SIZE[1], step=256 - CHANNEL_TOLERANCE)
    beyond = page(colour=(200, 0, 0))
    assert update(baselines, {"home-375.png": within, "sessie-375.png": beyond}) == ["sessie-375.png"]
    assert (baselines / "home-375.png").read_bytes() == page() and (baselines / "sessie-375.png").read_bytes() == beyond


def test_remove_stale_keeps_only_the_expected_baselines(tmp_path):
    update(tmp_path, {"home-375.png": page(), "oud-375.png": page()})
    (tmp_path / "chromium.txt").write_text("156\n", encoding="utf-8")
    remove_stale(tmp_path, {"home-375.png"})
    assert sorted(path.name for path in tmp_path.iterdir()) == ["chromium.txt", "home-375.png"]
