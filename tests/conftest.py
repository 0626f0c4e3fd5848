"""Shared helpers: build a real site with the real build command into a temporary folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from werkplaatsen.model.routes import ADMIN_URL
from werkplaatsen.system.places import ROOT

FIXTURES = Path(__file__).parent / "fixtures"

# The frozen clock of the build tests: during round 2's registration period.
BUILD_NOW = "2019-09-10 12:00"
# The public address production builds in the tests get (WERKPLAATSEN_SITEURL).
SITE_URL = "https://werkplaatsen.example"


@dataclass
class Build:
    """The result of one real build: exit code, messages and the output folder."""

    returncode: int
    stdout: str
    stderr: str
    output: Path

    def page(self, url: str) -> BeautifulSoup:
        path = self.output / url.strip("/") / "index.html" if not url.endswith(".html") else self.output / url.lstrip("/")
        assert path.is_file(), f"{url} was not built ({path})"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        """Every page of the site; the browser editor (/beheer/) is no page of it."""
        admin = self.output / ADMIN_URL.strip("/")
        return sorted(path for path in self.output.rglob("*.html") if not path.is_relative_to(admin))

    def url_of(self, path: Path) -> str:
        """The URL of a built page, as the build names it: /sessies/naam/ for an index.html, else the file."""
        return "/" + path.relative_to(self.output).as_posix().removesuffix("index.html")


def build(content: Path, output: Path, now: str | None = BUILD_NOW, settings: str = "pelicanconf.py",
          extra_env: dict | None = None) -> Build:
    """Run the real build, as `make html` and `make publish` do, with a frozen clock."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "WERKPLAATSEN_SITEURL": SITE_URL, **(extra_env or {})}
    env.pop("WERKPLAATSEN_NU", None)
    if now:
        env["WERKPLAATSEN_NU"] = now
    result = subprocess.run(
        [sys.executable, "-m", "werkplaatsen.build", "--settings", settings, "--content", str(content),
         "--output", str(output)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    return Build(result.returncode, result.stdout, result.stderr, output)


def ical_text(written: str) -> str:
    """An iCalendar TEXT value as written, unescaped (RFC 5545, 3.3.11): icalendar leaves properties
    it does not know, such as X-WR-CALNAME, as they stand."""
    return re.sub(r"\\([\\;,nN])", lambda found: "\n" if found.group(1) in "nN" else found.group(1), written)


def validation_context() -> dict:
    """What schema validation needs besides the data: the vocabulary and the allowed websites."""
    import pelicanconf
    from werkplaatsen.model.vocabulary import vocabulary
    from werkplaatsen.reading.catalog import LoadOptions

    options = LoadOptions.from_settings(vars(pelicanconf))
    return {"vocabulary": vocabulary(), "hosts": options.hosts}


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


def pytest_addoption(parser):
    parser.addoption("--update-screenshots", action="store_true",
                     help="write the screenshots that differ as new baselines (make screenshots)")
