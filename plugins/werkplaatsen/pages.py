"""Which pages the site has: their output path, template and what each template is given."""

from __future__ import annotations

from dataclasses import dataclass, field

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


LISTS = {
    # folder: (template, Site attribute with the ordered items, page title)
    "sessies": ("sessies", "sessions", "Sessies"),
    "casussen": ("lijst", "cases", "Casussen"),
    "instrumenten": ("lijst", "instruments", "Instrumenten"),
    "verslagen": ("lijst", "reports", "Verslagen en publicaties"),
    "partners": ("lijst", "partners", "Partners"),
    "personen": ("lijst", "people", "Mensen"),
}


def all_pages(site: Site) -> list[Page]:
    pages = [
        Page("index.html", "home", {"round": site.current_round}),
        Page("programma/index.html", "programma", {"title": "Programma"}),
        Page("lessen/index.html", "lessen", {"title": "Lessen uit de werkplaatsen"}),
        Page("themas/index.html", "themas", {"title": "Thema's"}),
        Page("404.html", "404", {"title": "Pagina niet gevonden"}),
    ]
    for folder, (template, attribute, title) in LISTS.items():
        items = getattr(site, attribute)
        pages.append(Page(f"{folder}/index.html", template, {"title": title, "items": items, "kind_folder": folder}))
    for item in site.catalog:
        pages.append(Page(f"{item.url.strip('/')}/index.html", item.schema.template, {"item": item}))
    for theme, groups in site.themes.items():
        context = {"title": site.theme_label(theme), "theme": theme, "groups": groups}
        pages.append(Page(f"themas/{theme}/index.html", "thema", context))
    return pages
