"""A build switches `output` to the new site in one step, or leaves the last good site as it was."""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.support import FIXTURE_CONTENT, REGISTRATION_OPEN, build, settings_file, snapshot
from werkplaatsen.build import atomic as build_module
from werkplaatsen.model.errors import ContentError, ContentErrors
from werkplaatsen.system.places import ROOT


def entries(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def built(tmp_path):
    """A folder holding one good build of the fixture site in `output`."""
    result = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_output_is_a_link_to_the_one_build_and_nothing_is_left_behind(built):
    output = built / "output"
    assert output.is_symlink() and (output / "index.html").is_file()
    assert entries(built) == ["output", "output.builds", "output.lock"]
    again = build(FIXTURE_CONTENT, output, now=REGISTRATION_OPEN)
    assert again.returncode == 0
    builds = entries(built / "output.builds")
    assert builds == [os.readlink(output).split("/")[-1]]


def test_a_failure_while_writing_pages_leaves_the_old_site_untouched(built, tmp_path):
    theme = tmp_path / "kapot-thema"
    shutil.copytree(ROOT / "theme", theme)
    # The session template breaks half-way through the pages, after others have been rendered.
    (theme / "templates" / "sessie.html").write_text("{% extends 'item.html' %}{% block main %}{{ item.bestaat.niet() }}{% endblock %}")
    settings = settings_file(tmp_path / "kapot.py", f"THEME = {str(theme)!r}")
    before = snapshot(built / "output")
    target = os.readlink(built / "output")
    result = build(FIXTURE_CONTENT, built / "output", now=REGISTRATION_OPEN, settings=str(settings))
    assert result.returncode == 1
    assert "fout in de code of de vormgeving" in result.stderr and "De vorige versie van de site blijft staan." in result.stderr
    assert snapshot(built / "output") == before
    assert os.readlink(built / "output") == target
    assert entries(built / "output.builds") == [target.split("/")[-1]]


def test_a_second_build_while_one_runs_stops_with_a_dutch_message(built):
    before = snapshot(built / "output")
    with (built / "output.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = build(FIXTURE_CONTENT, built / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 1
    assert "Er loopt al een build naar output/." in result.stderr
    assert snapshot(built / "output") == before


def test_two_builds_started_together_leave_one_complete_site(built):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "WERKPLAATSEN_NU": REGISTRATION_OPEN}
    command = [sys.executable, "-m", "werkplaatsen.build", "--content", str(FIXTURE_CONTENT), "--output", str(built / "output")]
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    results = []
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        results.append((run.returncode, stderr))
    assert any(code == 0 for code, _ in results)
    assert all(code == 0 or "Er loopt al een build" in message for code, message in results), results
    assert (built / "output" / "index.html").is_file() and (built / "output" / "sessies" / "gewoon" / "index.html").is_file()
    assert len(entries(built / "output.builds")) == 1


def test_leftovers_of_a_killed_build_are_cleared_by_the_next_one(built):
    builds = built / "output.builds"
    (builds / "20300101-000000-1" / "sessies").mkdir(parents=True)  # a half-written build
    (builds / ".link-20300101-000000-1").symlink_to("20300101-000000-1")  # a link never switched
    result = build(FIXTURE_CONTENT, built / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0
    assert entries(builds) == [os.readlink(built / "output").split("/")[-1]]


def test_an_output_folder_of_the_old_layout_is_replaced(tmp_path):
    (tmp_path / "output" / "oud").mkdir(parents=True)
    result = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0
    assert (tmp_path / "output").is_symlink() and not (tmp_path / "output" / "oud").exists()
    assert len(entries(tmp_path / "output.builds")) == 1


def test_an_old_build_that_cannot_be_removed_is_reported_loudly(built, monkeypatch):
    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(build_module.shutil, "rmtree", refuse)
    monkeypatch.setattr(build_module, "run_pelican", lambda settings, content, target: None)
    with pytest.raises(build_module.BuildFailed, match=r"Kon een oude build .* niet opruimen: Permission denied.*"
                                                       r"De nieuwe site staat wel klaar in output/"):
        build_module.build("pelicanconf.py", FIXTURE_CONTENT, built / "output")


# The same promises, kept by build() and main() inside this process. The builds above run
# `python -m werkplaatsen.build` in a subprocess; mutation testing sees build/atomic.py from here. Pelican is replaced by a stand-in that writes one page, except in the
# test of a good build, which runs the real Pelican.

def stand_in_pelican(page="nieuwe site", error=None):
    def run(settings_file, content, target):
        (target / "index.html").write_text(page, encoding="utf-8")
        (target / "gelezen.txt").write_text(f"{settings_file} {content}", encoding="utf-8")
        if error:
            raise error
    return run


def previous_build(folder, name="20300101-000000-1"):
    """A finished build that `output` points at, as an earlier build leaves it."""
    (folder / "output.builds" / name).mkdir(parents=True)
    (folder / "output.builds" / name / "index.html").write_text("vorige site", encoding="utf-8")
    (folder / "output").symlink_to(f"output.builds/{name}")
    return name


def test_a_build_switches_from_the_previous_site_and_removes_it(tmp_path, monkeypatch):
    """Run from another folder; the link stays valid when the whole folder moves (it is relative)."""
    site = tmp_path / "site"
    site.mkdir()
    previous_build(site)
    (site / "output.builds" / ".link-20300101-000000-1").symlink_to("20300101-000000-1")  # never switched
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build_module, "run_pelican", stand_in_pelican())
    fresh = build_module.build("pelicanconf.py", FIXTURE_CONTENT, site / "output")
    assert entries(site / "output.builds") == [fresh.name]
    assert (site / "output" / "index.html").read_text(encoding="utf-8") == "nieuwe site"
    site.rename(tmp_path / "verhuisd")
    assert (tmp_path / "verhuisd" / "output" / "index.html").read_text(encoding="utf-8") == "nieuwe site"


def test_a_first_build_creates_the_folders_it_needs(tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "run_pelican", stand_in_pelican())
    fresh = build_module.build("pelicanconf.py", FIXTURE_CONTENT, tmp_path / "nieuw" / "output")
    assert (tmp_path / "nieuw" / "output").is_symlink()
    assert (tmp_path / "nieuw" / "output" / "index.html").read_text(encoding="utf-8") == "nieuwe site"
    assert entries(tmp_path / "nieuw") == ["output", "output.builds", "output.lock"]
    assert entries(tmp_path / "nieuw" / "output.builds") == [fresh.name]
    assert re.fullmatch(r"\d{8}-\d{6}-\d+", fresh.name)  # when it started and which process: unique, readable


def test_an_output_folder_of_the_old_layout_is_moved_aside_and_removed(tmp_path, monkeypatch):
    (tmp_path / "output" / "oud").mkdir(parents=True)
    monkeypatch.setattr(build_module, "run_pelican", stand_in_pelican())
    fresh = build_module.build("pelicanconf.py", FIXTURE_CONTENT, tmp_path / "output")
    assert (tmp_path / "output").is_symlink() and not (tmp_path / "output" / "oud").exists()
    assert entries(tmp_path / "output.builds") == [fresh.name]


def test_a_failed_build_is_removed_and_its_error_passes_on(tmp_path, monkeypatch):
    """The caller (main, the preview) reports the error; the half-written folder is gone."""
    name = previous_build(tmp_path)
    problem = ContentErrors([ContentError("content/sessies/gewoon.md", 5, ("start",), "bestaat niet als datum")])
    monkeypatch.setattr(build_module, "run_pelican", stand_in_pelican(error=problem))
    with pytest.raises(ContentErrors) as raised:
        build_module.build("pelicanconf.py", FIXTURE_CONTENT, tmp_path / "output")
    assert raised.value is problem
    assert entries(tmp_path / "output.builds") == [name]
    assert (tmp_path / "output" / "index.html").read_text(encoding="utf-8") == "vorige site"


def test_a_failed_build_that_cannot_be_removed_is_reported_loudly(tmp_path, monkeypatch):
    previous_build(tmp_path)

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(build_module.shutil, "rmtree", refuse)
    monkeypatch.setattr(build_module, "run_pelican", stand_in_pelican(error=RuntimeError("kapot")))
    with pytest.raises(build_module.BuildFailed, match=r"^Kon de half gebouwde site \(.*output\.builds/.*\) niet "
                                                       r"opruimen: Permission denied\..* De vorige versie van de "
                                                       r"site blijft staan\.$"):
        build_module.build("pelicanconf.py", FIXTURE_CONTENT, tmp_path / "output")
    assert (tmp_path / "output" / "index.html").read_text(encoding="utf-8") == "vorige site"


def test_a_good_build_says_only_where_the_site_is(tmp_path, monkeypatch, capsys, pelican_logging):
    """The real Pelican, in this process: its own summary (counting articles) stays quiet."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("WERKPLAATSEN_NU", REGISTRATION_OPEN)
    output = tmp_path / "output"
    code = build_module.main(["--settings", "pelicanconf.py", "--content", str(FIXTURE_CONTENT), "--output", str(output)])
    printed = capsys.readouterr()
    assert (code, printed.out, printed.err) == (0, f"De site staat klaar in {output}/.\n", "")
    assert "Sessie gewoon" in (output / "sessies" / "gewoon" / "index.html").read_text(encoding="utf-8")


def warn(settings_file, content, target):
    # Pelican logs a message only once per process: name the build, so every run logs it.
    logging.getLogger("pelican.generators").warning("Een waarschuwing van Pelican over %s", target)


@pytest.mark.parametrize(("run", "words"), [
    (stand_in_pelican(error=ContentErrors([ContentError("content/sessies/gewoon.md", 5, ("start",), "bestaat niet")])),
     'De inhoud heeft 1 probleem. De site is niet bijgewerkt; de vorige versie blijft staan.\n\n'
     '- content/sessies/gewoon.md, regel 5, veld "start": bestaat niet\n'),
    (stand_in_pelican(error=KeyError("titel")),
     "De build is mislukt door een fout in de code of de vormgeving (zie hierboven), niet door de inhoud. "
     "De vorige versie van de site blijft staan.\n"),
    (warn, "De build is mislukt door een fout in de code of de vormgeving"),
], ids=["content-error", "bug", "pelican-warning"])
def test_every_failure_exits_with_1_and_a_dutch_message(tmp_path, capsys, pelican_logging, monkeypatch, run, words):
    """A warning from Pelican (a template that misses a variable, say) fails the build too."""
    previous_build(tmp_path)
    monkeypatch.setattr(build_module, "run_pelican", run)
    code = build_module.main(["--settings", "pelicanconf.py", "--content", str(FIXTURE_CONTENT),
                              "--output", str(tmp_path / "output")])
    printed = capsys.readouterr()
    assert (code, printed.out) == (1, "")
    assert words in printed.err
    assert (tmp_path / "output" / "index.html").read_text(encoding="utf-8") == "vorige site"


def test_a_locked_build_exits_with_1_and_says_why(tmp_path, capsys, pelican_logging, monkeypatch):
    previous_build(tmp_path)
    monkeypatch.setattr(build_module, "run_pelican", stand_in_pelican())
    with (tmp_path / "output.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        code = build_module.main(["--content", str(FIXTURE_CONTENT), "--output", str(tmp_path / "output")])
    printed = capsys.readouterr()
    assert (code, printed.out) == (1, "")
    assert printed.err == ("Er loopt al een build naar output/. Wacht tot die klaar is en probeer het dan opnieuw. "
                           "De vorige versie van de site blijft staan.\n")


def test_without_options_it_builds_content_with_pelicanconf_into_output(tmp_path, monkeypatch, capsys, pelican_logging):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build_module, "run_pelican", stand_in_pelican())
    assert build_module.main([]) == 0
    assert (tmp_path / "output" / "gelezen.txt").read_text(encoding="utf-8") == "pelicanconf.py content"
    assert capsys.readouterr().out == "De site staat klaar in output/.\n"


def test_help_says_what_the_command_does(capsys):
    with pytest.raises(SystemExit):
        build_module.main(["--help"])
    assert "build the site and switch it live in one atomic step" in " ".join(capsys.readouterr().out.split())
