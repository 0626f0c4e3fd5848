"""Keyboard use of a session page: skip link first, then the logo, the header's search field and
button, then the menu, the registration button with a visible focus indicator, and the skip link
moving focus to the main content."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.browser.gates import focus_indicator_problem, focus_style, new_context
from tests.support import BUILD_NOW, REGISTRATION_OPEN

pytestmark = pytest.mark.browser

BUTTON = ".werkplaatsen-registration a"
ACTIVE = """() => {
    const el = document.activeElement;
    return {tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute('href'),
            classes: el.className, text: (el.textContent || '').trim().slice(0, 60),
            button: el.matches('.werkplaatsen-registration a')};
}"""


def open_session_page(site, request):
    """A session page with an open registration button: from the real site under its frozen clock,
    else the fixture site's /sessies/gewoon/ (open at REGISTRATION_OPEN). Returns (server, path, now)."""
    for html_file in sorted((site.output / "sessies").glob("*/index.html")):
        main = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("main")
        if main and main.select_one(BUTTON):
            server = request.getfixturevalue("served_site")
            return server, "/" + html_file.parent.relative_to(site.output).as_posix() + "/", BUILD_NOW
    return request.getfixturevalue("served_fixture_site"), "/sessies/gewoon/", REGISTRATION_OPEN


@pytest.fixture
def session_page(browser, site, request):
    server, path, now = open_session_page(site, request)
    context = new_context(browser, now=now, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server.url + path, wait_until="load")
    assert page.locator(BUTTON).count() == 1, f"{path}: no registration button at {now}"
    yield page
    context.close()


def tab_until_button(page, limit=150):
    """Press Tab from the top of the page until the registration button has focus."""
    focused = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        focused.append(active)
        if active["button"]:
            return focused
    raise AssertionError(f"the registration button was not reached in {limit} Tabs: {focused}")


def test_skip_link_is_first_and_visible_when_focused(session_page):
    page = session_page
    page.keyboard.press("Tab")
    active = page.evaluate(ACTIVE)
    assert "utrecht-skip-link" in active["classes"] and active["href"] == "#inhoud", active
    box = page.locator(".utrecht-skip-link").bounding_box()
    assert box and box["width"] >= 20 and box["height"] >= 10, f"focused skip link is not visible: {box}"
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 1280, box
    assert page.locator(".utrecht-skip-link").is_visible()


def test_menu_follows_the_skip_link_logo_and_search(session_page):
    """The search form sits beside the logo, before the menu (as on most government sites): Tab
    reaches it before the menu, in the order it is shown."""
    page = session_page
    menu = page.locator("header nav a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(menu) >= 5, menu
    focused = tab_until_button(page)
    order = [active["href"] or f"{active['tag']}#{active['id']}".rstrip("#") for active in focused]
    assert order[:4] == ["#inhoud", "/", "input#zoekveld-kop", "button"], order
    assert order[4: 4 + len(menu)] == menu, f"Tab order {order} does not follow the menu {menu}"


def test_registration_button_has_a_visible_focus_indicator(session_page):
    page = session_page
    tab_until_button(page)
    button = page.locator(BUTTON)
    focused = focus_style(button)
    page.evaluate("document.activeElement.blur()")
    unfocused = focus_style(button)
    assert focused["visible"]
    problem = focus_indicator_problem(unfocused, focused)
    assert problem is None, f"registration button: {problem}"


FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]"


def test_every_link_before_the_button_shows_focus(session_page):
    """WCAG 2.4.7: every element Tab reaches on the way to the button shows a focus indicator."""
    page = session_page
    elements = page.locator(FOCUSABLE)
    unfocused = [focus_style(elements.nth(i)) for i in range(elements.count())]
    index_of_active = f"Array.from(document.querySelectorAll({FOCUSABLE!r})).indexOf(document.activeElement)"
    problems = []
    for step in range(150):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if step == 0:
            continue  # the skip link: its indicator is its appearing on screen (tested above)
        index = page.evaluate(index_of_active)
        problem = focus_indicator_problem(unfocused[index], focus_style(page.locator(":focus")))
        if problem:
            problems.append(f"{active['tag']} href={active['href']!r} ({active['text']!r}): {problem}")
        if active["button"]:
            break
    else:
        raise AssertionError("the registration button was not reached in 150 Tabs")
    assert not problems, f"{page.url}: elements without a visible focus indicator:\n" + "\n".join(problems)


def test_skip_link_moves_focus_to_the_main_content(session_page):
    page = session_page
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('main#inhoud')"), page.evaluate(ACTIVE)
    assert page.url.endswith("#inhoud")
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main#inhoud')"), page.evaluate(ACTIVE)
