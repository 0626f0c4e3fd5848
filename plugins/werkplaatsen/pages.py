"""Which pages the site has: their output path, template and what each template is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .site import Site


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    context: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The clean URL this page is reached at."""
        return "/" + self.path.removesuffix("index.html")


# List pages: folder -> (template, Site attribute with the ordered items, page title).
LISTS = {
    "sessies": ("sessies", "sessions", "Sessies"),
    "casussen": ("lijst", "cases", "Casussen"),
    "instrumenten": ("lijst", "instruments", "Instrumenten"),
    "verslagen": ("lijst", "reports", "Verslagen en publicaties"),
    "partners": ("lijst", "partners", "Partners"),
    "personen": ("lijst", "people", "Mensen"),
}

# Pages that are not content items: (output path, template, title).
FIXED = [
    ("index.html", "home", "Home"),
    ("programma/index.html", "programma", "Programma"),
    ("lessen/index.html", "lessen", "Lessen uit de werkplaatsen"),
    ("themas/index.html", "themas", "Thema's"),
    ("404.html", "404", "Pagina niet gevonden"),
]

# Every URL the site itself uses; content files may link to these and may not take them.
SITE_URLS = {Page(path, template).url: title for path, template, title in FIXED} | {
    f"/{folder}/": title for folder, (_, _, title) in LISTS.items()
}


def all_pages(site: Site) -> list[Page]:
    pages = [Page(path, template, {"title": title}) for path, template, title in FIXED]
    pages[0].context["round"] = site.current_round
    for folder, (template, attribute, title) in LISTS.items():
        items = getattr(site, attribute)
        pages.append(Page(f"{folder}/index.html", template, {"title": title, "items": items, "kind_folder": folder}))
    for item in site.catalog:
        # Each content type has a template of its own name: sessie.html, casus.html, ...
        pages.append(Page(f"{item.url.strip('/')}/index.html", item.kind, {"item": item}))
    for theme, groups in site.themes.items():
        context = {"title": site.theme_label(theme), "theme": theme, "groups": groups}
        pages.append(Page(f"themas/{theme}/index.html", "thema", context))
    return pages
