"""A build switches `output` to the new site in one step, or leaves the last good site as it was."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys

import pytest

from tests.build.conftest import FIXTURE_CONTENT
from tests.build.test_bad_input import snapshot
from tests.conftest import ROOT, build
from werkplaatsen import build as build_module

NOW = "2030-09-01 10:00"


def entries(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def built(tmp_path):
    """A folder holding one good build of the fixture site in `output`."""
    result = build(FIXTURE_CONTENT, tmp_path / "output", now=NOW)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_output_is_a_link_to_the_one_build_and_nothing_is_left_behind(built):
    output = built / "output"
    assert output.is_symlink() and (output / "index.html").is_file()
    assert entries(built) == ["output", "output.builds", "output.lock"]
    again = build(FIXTURE_CONTENT, output, now=NOW)
    assert again.returncode == 0
    builds = entries(built / "output.builds")
    assert builds == [os.readlink(output).split("/")[-1]]


def test_a_failure_while_writing_pages_leaves_the_old_site_untouched(built, tmp_path):
    theme = tmp_path / "kapot-thema"
    shutil.copytree(ROOT / "theme", theme)
    # The session template breaks half-way through the pages, after others have been rendered.
    (theme / "templates" / "sessie.html").write_text("{% extends 'item.html' %}{% block main %}{{ item.bestaat.niet() }}{% endblock %}")
    settings = tmp_path / "kapot.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\nTHEME = {str(theme)!r}\n")
    before = snapshot(built / "output")
    target = os.readlink(built / "output")
    result = build(FIXTURE_CONTENT, built / "output", now=NOW, settings=str(settings))
    assert result.returncode == 1
    assert "fout in de code of de vormgeving" in result.stderr and "De vorige versie van de site blijft staan." in result.stderr
    assert snapshot(built / "output") == before
    assert os.readlink(built / "output") == target
    assert entries(built / "output.builds") == [target.split("/")[-1]]


def test_a_second_build_while_one_runs_stops_with_a_dutch_message(built):
    before = snapshot(built / "output")
    with (built / "output.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = build(FIXTURE_CONTENT, built / "output", now=NOW)
    assert result.returncode == 1
    assert "Er loopt al een build naar output/." in result.stderr
    assert snapshot(built / "output") == before


def test_two_builds_started_together_leave_one_complete_site(built):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "WERKPLAATSEN_NU": NOW}
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
    result = build(FIXTURE_CONTENT, built / "output", now=NOW)
    assert result.returncode == 0
    assert entries(builds) == [os.readlink(built / "output").split("/")[-1]]


def test_an_output_folder_of_the_old_layout_is_replaced(tmp_path):
    (tmp_path / "output" / "oud").mkdir(parents=True)
    result = build(FIXTURE_CONTENT, tmp_path / "output", now=NOW)
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
