"""Which pages the site has: their URL, template, breadcrumb trail and what each template is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .contenttypes import TYPES
from .routes import FIXED, THEMES_URL, page_url, theme_url

if TYPE_CHECKING:
    from .indexes import Site

HOME = ("/", "Home")


@dataclass(frozen=True)
class Pagination:
    """Where one numbered page of an overview sits among the others."""

    number: int
    urls: list[str]  # the URL of every page, the first is the overview itself

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < len(self.urls) else None


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    context: dict = field(default_factory=dict)

    @property
    def path(self) -> str:
        """The output file: /x/ is written as x/index.html."""
        relative = self.url.lstrip("/")
        return relative + "index.html" if relative.endswith("/") or not relative else relative


def page(url: str, template: str, title: str, trail: list[tuple[str, str]], **context) -> Page:
    """A page whose breadcrumb trail ends at itself (the home page's trail is only itself)."""
    own = [] if url == HOME[0] else [(url, title)]
    return Page(url, template, {"title": title, "trail": [HOME, *trail, *own], **context})


def overview_pages(kind, items: list) -> list[Page]:
    """A type's overview; with a page size, numbered pages: /nieuws/, /nieuws/pagina/2/, ..."""
    size = kind.page_size or max(len(items), 1)
    chunks = [items[start:start + size] for start in range(0, len(items), size)] or [[]]
    urls = [kind.list_url] + [page_url(kind, number) for number in range(2, len(chunks) + 1)]
    pages = []
    for number, (url, chunk) in enumerate(zip(urls, chunks), 1):
        title = kind.list_title if number == 1 else f"{kind.list_title}, pagina {number}"
        trail = [] if number == 1 else [(kind.list_url, kind.list_title)]
        pagination = Pagination(number, urls) if len(urls) > 1 else None
        pages.append(page(url, kind.list_template, title, trail, intro=kind.list_intro, items=chunk, kind=kind,
                          pagination=pagination))
    return pages


def all_pages(site: Site) -> list[Page]:
    pages = [page(url, template, title, []) for url, (template, title) in FIXED.items()]
    pages[0].context["round"] = site.current_round
    for kind in TYPES:
        if kind.list_url:
            pages += overview_pages(kind, site.listed(kind.name))
        for _, values in site.facets[kind.name]:
            for value in values:
                title = f"{kind.list_title}: {value.facet.label.lower()} {value.label}"
                pages.append(page(value.url, "lijst", title, [(kind.list_url, kind.list_title)], items=value.items,
                                  kind=kind, current=value))
    for item in site.catalog:
        # Each content type has a template of its own name: sessie.html, casus.html, ...
        pages.append(page(item.url, item.kind, item.titel, item.type.overview, item=item))
    for theme, groups in site.themes.items():
        pages.append(page(theme_url(theme), "thema", site.theme_label(theme), [(THEMES_URL, FIXED[THEMES_URL][1])],
                          theme=theme, groups=groups))
    return pages
