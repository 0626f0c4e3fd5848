"""Which pages the site has: their URL, template, breadcrumb trail and what each template is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.contenttypes import TYPES
from ..model.routes import FIXED, HOME_URL, LESSONS_URL, THEMES_URL, lessons_url, page_url, theme_url

if TYPE_CHECKING:
    from .indexes import Site

HOME = (HOME_URL, FIXED[HOME_URL][1])
LESSONS_PAGE_SIZE = 20  # lesson cards are longer than item cards


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


def page(url: str, template: str, title: str, trail: list[tuple[str, str]], **context) -> Page:
    """A page whose breadcrumb trail ends at itself (the home page's trail is only itself)."""
    own = [] if url == HOME[0] else [(url, title)]
    return Page(url, template, {"title": title, "trail": [HOME, *trail, *own], **context})


def numbered_pages(url: str, template: str, title: str, trail: list[tuple[str, str]], items: list, size: int | None,
                   **context) -> list[Page]:
    """A list of items; with a page size, split into numbered pages: /nieuws/, /nieuws/pagina/2/, ..."""
    size = size or max(len(items), 1)
    chunks = [items[start:start + size] for start in range(0, len(items), size)] or [[]]
    urls = [url] + [page_url(url, number) for number in range(2, len(chunks) + 1)]
    pages = []
    for number, (own_url, chunk) in enumerate(zip(urls, chunks), 1):
        own_title = title if number == 1 else f"{title}, pagina {number}"
        own_trail = trail if number == 1 else [*trail, (url, title)]
        pagination = Pagination(number, urls) if len(urls) > 1 else None
        pages.append(page(own_url, template, own_title, own_trail, items=chunk, pagination=pagination, **context))
    return pages


def all_pages(site: Site) -> list[Page]:
    pages = [page(url, template, title, []) for url, (template, title) in FIXED.items()]
    pages[0].context["round"] = site.current_round
    for kind in TYPES:
        if kind.list_url:
            pages += numbered_pages(kind.list_url, kind.list_template, kind.list_title, [], site.overview(kind.name),
                                    kind.page_size, intro=kind.list_intro, kind=kind)
        for _, values in site.facets[kind.name]:
            for value in values:
                title = f"{kind.list_title}: {value.facet.label.lower()} {value.label}"
                pages += numbered_pages(value.url, "lijst", title, [(kind.list_url, kind.list_title)], value.items,
                                        kind.page_size, kind=kind, current=value)
    for item in site.catalog:
        # Each content type has a template of its own name: sessie.html, casus.html, ...
        pages.append(page(item.url, item.type.name, item.titel, item.type.overview, item=item))
    lessons = [(LESSONS_URL, FIXED[LESSONS_URL][1])]
    for group in site.lessons_by_theme:
        pages += numbered_pages(lessons_url(group.key), "lessen-thema", f"Lessen: {group.label}", lessons,
                                group.members, LESSONS_PAGE_SIZE, group=group)
    for theme in site.themes:
        pages.append(page(theme_url(theme), "thema", site.theme_label(theme), [(THEMES_URL, FIXED[THEMES_URL][1])],
                          theme=theme, sections=site.theme_sections(theme)))
    return pages
