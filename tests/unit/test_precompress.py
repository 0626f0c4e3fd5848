"""The compressed copies a deploy makes: only for changed files, at the right quality, vendored ones once."""

from __future__ import annotations

import gzip

import brotli

from werkplaatsen.hosting.precompress import MANIFEST, plan, read_manifest, write_copies, write_manifest

PAGE = b"<p>Een pagina van de werkplaats.</p>" * 50
STYLE = b".utrecht-button { color: red; } " * 200


def site(folder, files: dict[str, bytes]):
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_only_files_that_changed_since_the_live_release_are_compressed(tmp_path):
    first = site(tmp_path / "een", {"index.html": PAGE, "sessies/index.html": PAGE, "theme/site.css": STYLE,
                                   "bestanden/verslag.pdf": b"%PDF-1.7"})
    live = plan(first, {})
    assert live.reuse == [] and live.compress == ["index.html", "sessies/index.html", "theme/site.css"]
    write_manifest(first, live.hashes)
    second = site(tmp_path / "twee", {"index.html": PAGE + b"nieuw", "sessies/index.html": PAGE,
                                      "theme/site.css": STYLE, "nieuws/index.html": PAGE})
    work = plan(second, read_manifest((first / MANIFEST).read_text()))
    assert work.compress == ["index.html", "nieuws/index.html"]
    assert work.reuse == ["sessies/index.html", "theme/site.css"]
    assert work.reused_copies == ["sessies/index.html.gz", "sessies/index.html.br", "theme/site.css.gz",
                                  "theme/site.css.br"]


def test_an_unreadable_manifest_means_every_file_is_compressed_again():
    assert read_manifest("{kapot") == {} and read_manifest("[1, 2]") == {}
    assert read_manifest('{"index.html": "ab", "x": 3}') == {"index.html": "ab"}


def test_theme_files_and_the_editor_bundle_get_the_best_quality_and_pages_the_fast_one(tmp_path):
    """Decided inside the release, even when that lies below a folder named theme."""
    output = site(tmp_path / "theme" / "output", {"theme/site.css": STYLE, "theme-dag/index.html": STYLE,
                                                  "beheer/decap-cms.js": STYLE, "beheer/index.html": STYLE})
    into = tmp_path / "kopieen"
    write_copies(output, list(plan(output, {}).hashes), into, cache=tmp_path / "cache")
    best = brotli.compress(STYLE, mode=brotli.MODE_TEXT, quality=11)
    fast = brotli.compress(STYLE, mode=brotli.MODE_TEXT, quality=5)
    assert (into / "theme/site.css.br").read_bytes() == best
    assert (into / "beheer/decap-cms.js.br").read_bytes() == best
    assert (into / "theme-dag/index.html.br").read_bytes() == fast
    assert (into / "beheer/index.html.br").read_bytes() == fast
    for name in ("theme/site.css", "theme-dag/index.html"):
        assert gzip.decompress((into / f"{name}.gz").read_bytes()) == STYLE
    assert not (output / "theme/site.css.gz").exists(), "the release's own folder is left as it is"


def test_a_vendored_file_is_compressed_once_per_version(tmp_path, monkeypatch):
    """The editor's bundle is kept in the cache by content hash: a second deploy reads it from there."""
    output = site(tmp_path / "output", {"beheer/decap-cms.js": STYLE})
    cache, calls = tmp_path / "cache", []
    best = brotli.compress(STYLE, mode=brotli.MODE_TEXT, quality=11)
    real = brotli.compress
    monkeypatch.setattr(brotli, "compress",  # once for each file compressed, at its quality
                        lambda data, **options: calls.append(options["quality"]) or real(data, **options))
    for attempt in range(2):
        write_copies(output, ["beheer/decap-cms.js"], tmp_path / f"release-{attempt}", cache=cache)
    assert calls == [11]
    assert (tmp_path / "release-1/beheer/decap-cms.js.br").read_bytes() == best
    site(output, {"beheer/decap-cms.js": STYLE + b"/* 3.4 */"})  # a new version is compressed again
    write_copies(output, ["beheer/decap-cms.js"], tmp_path / "release-2", cache=cache)
    assert calls == [11, 11] and len(list(cache.iterdir())) == 4
