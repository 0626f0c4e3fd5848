"""`make serve`: the real preview process serves like production and picks up every save."""

from __future__ import annotations

import os
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.build.preview_support import Running
from tests.support import FIXTURE_CONTENT, REGISTRATION_OPEN, build, copy_fixture_content, settings_file
from werkplaatsen.build.problems import BANNER_ID, STYLESHEET_URL
from werkplaatsen.hosting.headers import headers_for, parse_headers_file


def edit(preview, file: str, old: str, new: str) -> None:
    path = preview.root / "content" / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_the_preview_says_where_it_runs_and_serves_like_production(preview):
    rules = parse_headers_file()
    status, headers, body = preview.page("/sessies/gewoon/")
    assert status == 200 and "Sessie gewoon" in body
    for name, value in headers_for(rules, "/sessies/gewoon/"):
        assert headers[name] == value
    status, headers, body = preview.page("/bestaat-niet/")
    assert status == 404 and "Pagina niet gevonden" in body
    assert headers["Content-Security-Policy"] == dict(headers_for(rules, "/404.html"))["Content-Security-Policy"]


def test_a_save_shows_and_a_mistake_is_reported_in_dutch(preview):
    edit(preview, "sessies/gewoon.md", "samenvatting: Samenvatting van gewoon.", "samenvatting: Net aangepast.")
    assert preview.shows("/sessies/gewoon/", "Net aangepast.")
    edit(preview, "sessies/gewoon.md", "vorm: fysiek", "vorm: fysik")
    assert 'Bedoelt u "fysiek"?' in preview.wait_for("Bedoelt u")
    assert "Net aangepast." in preview.page("/sessies/gewoon/")[2]  # the last good preview stays up
    edit(preview, "sessies/gewoon.md", "vorm: fysik", "vorm: fysiek")
    preview.wait_for("Bijgewerkt")


def test_the_banner_is_served_by_the_preview_and_never_written_by_it_or_a_build(preview, tmp_path):
    """The banner and its stylesheet route belong to the preview server: the files the preview writes
    and what `make html` and `make publish` write never carry them."""
    edit(preview, "sessies/gewoon.md", "vorm: fysiek", "vorm: fysik")
    assert preview.shows("/sessies/gewoon/", f'<link rel="stylesheet" href="{STYLESHEET_URL}"><aside id="{BANNER_ID}"')
    status, headers, _ = preview.page(STYLESHEET_URL)
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    written = {"the preview's own files": preview.output}
    for name, settings in (("make html", "pelicanconf.py"), ("make publish", "publishconf.py")):
        result = build(FIXTURE_CONTENT, tmp_path / name.replace(" ", "-"), now=REGISTRATION_OPEN, settings=settings,
                       extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
        assert result.returncode == 0, result.stderr
        written[name] = result.output
    for name, folder in written.items():
        files = [path for path in Path(os.path.realpath(folder)).rglob("*") if path.is_file()]
        assert len(files) > 100, name
        carrying = [path.name for path in files if BANNER_ID.encode() in path.read_bytes()
                    or STYLESHEET_URL.encode() in path.read_bytes() or "_voorbeeld" in path.parts]
        assert carrying == [], name
    edit(preview, "sessies/gewoon.md", "vorm: fysik", "vorm: fysiek")
    preview.wait_for("Bijgewerkt")


def test_saves_made_while_it_updates_are_not_lost(preview):
    session = preview.root / "content" / "sessies" / "vol.md"
    original = session.read_text(encoding="utf-8")
    for number in range(1, 6):  # saves in quick succession, most of them while an update runs
        session.write_text(original.replace("Tekst van vol.", f"Tekst {number} van vol."), encoding="utf-8")
        time.sleep(0.05)
    assert preview.shows("/sessies/vol/", "Tekst 5 van vol.")


def test_stopping_it_stops_the_server(preview):
    preview.process.send_signal(signal.SIGINT)
    assert preview.process.wait(timeout=30) == 0
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(preview.url + "/", timeout=5)  # noqa: S310 - loopback only


def test_ctrl_c_stops_it_also_when_started_in_the_background(tmp_path):
    """A shell starts a background job (`make serve &`) with SIGINT ignored; the preview still stops on it."""
    copy_fixture_content(tmp_path)
    settings_file(tmp_path / "conf.py")
    running = Running(tmp_path, language=False, background=True)
    try:
        running.process.send_signal(signal.SIGINT)
        assert running.process.wait(timeout=30) == 0
    finally:
        running.stop()
