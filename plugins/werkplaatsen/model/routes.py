"""The site's own URLs: the pages that are not content items, and the URL shapes of generated pages.

The checks read this to know where a text may link and which URLs no content file may take; the
page list (``pages``) reads it to know what to write. Neither has to repeat a URL.
"""

from __future__ import annotations

from .contenttypes import TYPES
# The downloads' folder and URL are written in filetypes, below the fields that read them too;
# importers ask the routes, as for every other URL.
from .filetypes import FILES_FOLDER, FILES_URL

HOME_URL = "/"
ASSETS_URL = "/theme/"
# The browser editor (Decap CMS, see beheer.py): not a content page.
ADMIN_URL = "/beheer/"
THEMES_URL = "/themas/"
LESSONS_URL = "/lessen/"
SEARCH_URL = "/zoeken/"
SEARCH_INDEX_URL = "/pagefind/"
FEEDS_URL = "/feeds/"
# The page every host (nginx, the preview, the test server) sends for a missing one: no content page.
NOT_FOUND_URL = "/404.html"
SITEMAP_URL = "/sitemap.xml"
ROBOTS_URL = "/robots.txt"

# Pages that are not content items: URL -> (template, title).
FIXED = {
    HOME_URL: ("home", "Home"),
    LESSONS_URL: ("lessen", "Lessen uit de werkplaatsen"),
    THEMES_URL: ("themas", "Thema's"),
    SEARCH_URL: ("zoeken", "Zoeken"),
    NOT_FOUND_URL: ("404", "Pagina niet gevonden"),
}


def within(page_url: str, section_url: str) -> bool:
    """Whether a page belongs to a menu section: the section's own page or one below it (the home
    page's section is only the home page itself, or every page would be in it)."""
    return page_url == section_url or (section_url != HOME_URL and page_url.startswith(section_url))


def theme_url(key: str) -> str:
    return f"{THEMES_URL}{key}/"


def lessons_url(theme: str) -> str:
    """/lessen/participatie/: the lessons of one theme (or of none: /lessen/overig/)."""
    return f"{LESSONS_URL}{theme}/"


def facet_url(kind, facet, key: str) -> str:
    """/casussen/thema/klimaatadaptatie/: one value of a filter on a type's overview."""
    return f"{kind.list_url}{facet.name}/{key}/"


PAGES_SEGMENT = "pagina"


def page_url(list_url: str, number: int) -> str:
    """/nieuws/pagina/2/: the n-th page of a list (an overview or a filter's page) split into pages."""
    return f"{list_url}{PAGES_SEGMENT}/{number}/"


def lesson_anchor(number: int) -> str:
    """The id of a report's n-th lesson card (1-based), which links and the checks both use."""
    return f"les-{number}"


def site_urls() -> dict[str, str]:
    """Every URL of a page the site makes itself, with its title."""
    urls = {url: title for url, (_, title) in FIXED.items()}
    urls.update({kind.list_url: kind.list_title for kind in TYPES if kind.list_url})
    return urls


def reserved_urls() -> dict[str, str]:
    """URLs no content item may take, with what uses them (for the editor's message)."""
    taken = {url: f"de pagina {title}" for url, title in site_urls().items()}
    taken[FILES_URL] = "de downloads"
    taken[ASSETS_URL] = "de vormgeving"
    taken[SEARCH_INDEX_URL] = "de zoekfunctie"
    taken[ADMIN_URL] = "het beheer"
    for kind in TYPES:
        taken.setdefault(f"/{kind.folder}/", f"de map van {kind.plural.lower()}")
        for facet in kind.facets:
            taken[f"{kind.list_url}{facet.name}/"] = f"het filter {facet.label.lower()} van {kind.list_title.lower()}"
        if kind.list_url and kind.page_size:
            taken[f"{kind.list_url}{PAGES_SEGMENT}/"] = f"de genummerde pagina's van {kind.list_title.lower()}"
    return taken
