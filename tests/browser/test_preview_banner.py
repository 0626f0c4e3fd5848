"""Problems where the editor looks: after a save in /beheer/ that breaks a rule, every preview page
carries the banner (file, line, field, what to do; it shows the last good version) and the editor's
panel shows the same problems; a good save takes both away. The page with the banner passes axe
and the Nu HTML checker.

`make beheer` on a scratch checkout, clicked through in Chromium.
"""

from __future__ import annotations

import time
import urllib.request

import pytest

from tests.browser.editor import commits, field_named, git, open_entry, save, sign_in, wait_for_commit
from tests.browser.gates import axe_violations, vnu_errors
from werkplaatsen.build.problems import BANNER_ID

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("beheer")]

SESSION = "content/sessies/ronde-1-sessie-2-leren-van-elkaars-casus.md"
TITLE = "Leren van elkaars casus"
PAGE = "/sessies/ronde-1-sessie-2-leren-van-elkaars-casus/"
GOOD_END, BAD_END = "2019-05-14T17:00", "2019-05-14T11:00"  # the start is 13:30
PANEL = ".werkplaatsen-problemen"


def served(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def banner_shown(url: str, shown: bool, timeout: float = 60) -> str:
    """The page as the preview serves it, once it does (or no longer does) carry the banner."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = served(url)
        if (f'id="{BANNER_ID}"' in text) == shown:
            return text
        time.sleep(0.2)
    raise AssertionError(f"{url} {'never showed' if shown else 'kept'} the banner")


def save_end(page, repo, end: str) -> None:
    before = commits(repo)
    field_named(page, "Eindigt").fill(end)
    save(page)
    page.get_by_text("Item opgeslagen").wait_for()
    wait_for_commit(repo, before)


def test_the_banner_and_the_editor_panel_show_the_same_problems_until_a_good_save(beheer, editor_tab, tmp_path):
    page, repo = editor_tab, beheer.repo
    original = (repo / SESSION).read_bytes()
    try:
        sign_in(page, beheer.url)
        open_entry(page, "Sessies", TITLE)
        save_end(page, repo, BAD_END)  # a rule over two fields: Decap lets it through, the build does not

        panel = page.locator(PANEL)
        panel.locator("li").first.wait_for(timeout=60_000)
        in_panel = [panel.locator("h2").inner_text(), *panel.locator("li").all_inner_texts()]
        assert in_panel[0] == "De inhoud heeft 1 probleem"
        problem = in_panel[1]
        assert problem.startswith(f"{SESSION}, regel 8, veld \"eind\": "), problem  # file, line and field
        assert problem.endswith("het einde ligt niet na het begin. Zet bij eind een moment dat later is dan de start."), \
            f"what is wrong and what to do: {problem}"

        preview = page.context.new_page()
        html = banner_shown(beheer.url + PAGE, shown=True)
        preview.goto(beheer.url + PAGE)
        banner = preview.locator(f"#{BANNER_ID}")
        assert [banner.locator("h2").inner_text(), *banner.locator("li").all_inner_texts()] == in_panel
        assert "laatste versie die wel klopte" in banner.inner_text()
        assert "13.30–17.00 uur" in preview.locator("main").inner_text(), "the page is the last good version"
        # Its own stylesheet route loaded under the page's policy (no inline styles allowed).
        assert banner.evaluate("el => getComputedStyle(el).borderBottomColor") == "rgb(164, 0, 15)"
        assert axe_violations(preview) == []
        (tmp_path / "page.html").write_text(html, encoding="utf-8")
        assert vnu_errors(tmp_path) == []

        page.reload()  # a fresh form for the repair
        field_named(page, "Titel").wait_for()
        save_end(page, repo, GOOD_END)
        banner_shown(beheer.url + PAGE, shown=False)
        panel.wait_for(state="hidden", timeout=60_000)
        preview.reload()
        assert preview.locator(f"#{BANNER_ID}").count() == 0
    finally:  # the other editor tests share this checkout: leave the session as it was
        if (repo / SESSION).read_bytes() != original:
            (repo / SESSION).write_bytes(original)
            git(repo, "commit", "--quiet", "--all", "--message", "Terug")
