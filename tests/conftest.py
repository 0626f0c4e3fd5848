"""Session fixtures and hooks for every test area: the real content built once per session.

Helpers to import (build, BUILD_NOW, FIXTURE_CONTENT, …) live in tests/support.py, not here."""

from __future__ import annotations

import pytest

from tests.support import Build, build
from werkplaatsen.system.places import ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real content, built once per session under the frozen clock."""
    result = build(ROOT / "content", tmp_path_factory.mktemp("site") / "output")
    assert result.returncode == 0, result.stderr
    return result


def pytest_terminal_summary(terminalreporter):
    """Print the numbers tests record with `record_property` (the load test's), also from xdist workers."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in report.user_properties:
            terminalreporter.write_line(f"{name}: {value}")
