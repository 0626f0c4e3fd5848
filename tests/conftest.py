"""Session fixtures and hooks for every test area: the real content built once per session.

Helpers to import (build, BUILD_NOW, FIXTURE_CONTENT, …) live in tests/support.py, not here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import Build, build, copy_fixture_content
from werkplaatsen.system.places import ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real content, built once per session under the frozen clock."""
    result = build(ROOT / "content", tmp_path_factory.mktemp("site") / "output")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the fixture site's content (tests/fixtures/site), for a test to change."""
    return copy_fixture_content(tmp_path)


def pytest_terminal_summary(terminalreporter):
    """Print the numbers tests record with `record_property` (the load test's), also from xdist workers."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in report.user_properties:
            terminalreporter.write_line(f"{name}: {value}")


def pytest_addoption(parser):
    parser.addoption("--update-screenshots", action="store_true",
                     help="write the screenshots that differ as new baselines (make screenshots)")
