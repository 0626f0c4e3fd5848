"""Which pages the site has: their URL, template and what each template is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .contenttypes import TYPES
from .routes import FIXED, theme_url

if TYPE_CHECKING:
    from .indexes import Site


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


def all_pages(site: Site) -> list[Page]:
    pages = [Page(url, template, {"title": title}) for url, (template, title) in FIXED.items()]
    pages[0].context["round"] = site.current_round
    for kind in TYPES:
        if kind.list_url:
            context = {"title": kind.list_title, "intro": kind.list_intro, "items": site.listed(kind.name)}
            pages.append(Page(kind.list_url, kind.list_template, context))
    for item in site.catalog:
        # Each content type has a template of its own name: sessie.html, casus.html, ...
        pages.append(Page(item.url, item.kind, {"item": item}))
    for theme, groups in site.themes.items():
        context = {"title": site.theme_label(theme), "theme": theme, "groups": groups}
        pages.append(Page(theme_url(theme), "thema", context))
    return pages
