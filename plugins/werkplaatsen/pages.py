"""Which pages the site has: their URL, template, breadcrumb trail and what each template is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .contenttypes import TYPES
from .routes import FIXED, THEMES_URL, theme_url

if TYPE_CHECKING:
    from .indexes import Site

HOME = ("/", "Home")


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


def all_pages(site: Site) -> list[Page]:
    pages = [page(url, template, title, []) for url, (template, title) in FIXED.items()]
    pages[0].context["round"] = site.current_round
    for kind in TYPES:
        if kind.list_url:
            pages.append(page(kind.list_url, kind.list_template, kind.list_title, [], intro=kind.list_intro,
                              items=site.listed(kind.name), kind=kind))
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
