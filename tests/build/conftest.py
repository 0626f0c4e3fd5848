"""Build fixtures: the small fixture site, built with the real Pelican command, and the preview running on it."""

from __future__ import annotations

import logging

import pytest

from tests.support import FIXTURE_CONTENT, Build, build, copy_fixture_content, settings_file


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory):
    """Build the fixture site at a given frozen moment, once per moment and settings."""
    cache: dict[tuple[str, str], Build] = {}

    def build_at(now: str, settings: str = "pelicanconf.py") -> Build:
        key = (now, settings)
        if key not in cache:
            output = tmp_path_factory.mktemp("fixture") / "output"
            cache[key] = build(FIXTURE_CONTENT, output, now=now, settings=settings)
            assert cache[key].returncode == 0, cache[key].stderr
        return cache[key]

    return build_at


@pytest.fixture
def pelican_logging():
    """main() sets up Pelican's logging for the whole process; put it back for the other tests."""
    from pelican import log

    root = logging.getLogger()
    saved = (log.FatalLogger.fatal_lvl, log.console.quiet, root.level)
    yield
    log.FatalLogger.fatal_lvl, log.console.quiet = saved[:2]
    root.setLevel(saved[2])


@pytest.fixture
def preview(tmp_path):
    """`make serve` as a process of its own on a copy of the fixture site (test_preview, test_preview_hosts)."""
    from tests.build.preview_support import Running

    copy_fixture_content(tmp_path)
    settings_file(tmp_path / "conf.py")
    running = Running(tmp_path)
    yield running
    running.stop()
