"""Browser test fixtures: the built real site served under the production headers, and Chromium.

The `site` fixture (tests/conftest.py) builds the real content once per session under the frozen
clock BUILD_NOW. The browser's clock is frozen at the same moment, so static/js/status.js sees the
same time as the build did.
"""

from __future__ import annotations

import pytest

from tests.browser.editor import Beheer, scratch_repo
from tests.browser.gates import CHROMIUM_ARGS, TIMEZONE, Recorder, new_context
from tests.support import FIXTURE_CONTENT, REGISTRATION_OPEN, build
from werkplaatsen.hosting.serve import SiteServer
from werkplaatsen.system.programs import locate


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches the system's Chromium (CHROMIUM=…, PATH or Debian's; no `playwright install`)."""
    return {**browser_type_launch_args, "executable_path": locate("chromium"), "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def served_site(site):
    """The real site, built under BUILD_NOW, on a loopback server with the production headers."""
    with SiteServer(site.output) as server:
        yield server


@pytest.fixture(scope="session")
def site_pages(site, served_site) -> list[tuple[str, str]]:
    """Every built page as (path for messages, URL)."""
    pages = []
    for html_file in site.html_files():
        url = served_site.page_url(html_file)
        pages.append((url[len(served_site.url):], url))
    assert len(pages) > 10, f"the real site has only {len(pages)} pages"
    return pages


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The small fixture site (every registration state), built while /sessies/gewoon/ is open."""
    result = build(FIXTURE_CONTENT, tmp_path_factory.mktemp("fixture-open") / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def served_fixture_site(fixture_site):
    with SiteServer(fixture_site.output) as server:
        yield server


@pytest.fixture
def tab(browser):
    """A tab (1280 x 800) in a fresh context with the clock at BUILD_NOW, recording console
    messages, uncaught errors and requests as it visits URLs (see gates.Recorder)."""
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    yield Recorder(context.new_page())
    context.close()


@pytest.fixture(scope="session")
def beheer(tmp_path_factory):
    """`make beheer` on a scratch copy of the content in a new git repository, on free ports.

    One pair of servers (preview and decap-server) for the whole session; the tests that use it
    are one xdist group, so they run in one worker.
    """
    repo = scratch_repo(tmp_path_factory.mktemp("beheer") / "site")
    server = Beheer.start(repo)
    yield server
    server.stop()


@pytest.fixture
def editor_tab(browser):
    """A tab for the browser editor: wide enough for the form and the preview side by side."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL", timezone_id=TIMEZONE)
    yield context.new_page()
    context.close()
