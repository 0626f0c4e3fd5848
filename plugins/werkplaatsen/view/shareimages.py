"""The picture a shared link shows (Open Graph, X), also the image of events, news and reports in JSON-LD.

An item with an image of its own (a news item's ``afbeelding``) shares that, with its own
description. Every other page shares the image of its type or section: a small set of 1200×630
images in the site's own style, kept in the theme (theme/static/img/delen/, fingerprinted and cached
like every theme file). Their alt texts are written here and nowhere else. The publisher of news
and reports is the programme itself, with its logo (theme/static/img/logo.png).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.contenttypes import BY_ROLE, TYPES, ContentType, Role
from ..model.routes import HOME_URL, LESSONS_URL
from ..reading.catalog import Item
from .present import Presenter, file_url

WIDTH, HEIGHT = 1200, 630  # what LinkedIn, Teams, X and Facebook show without cropping (1.91:1)
FOLDER = "img/delen"
GENERAL = "algemeen"
SECTIONS = {  # a section's image is {FOLDER}/{section}.png; its alt text says what is on it
    GENERAL: "Drie overlappende cirkels naast de tekst Werkplaatsen wijkgericht werken: "
             "leren in trio's aan lokale opgaven in de wijk.",
    "programma": "Drie overlappende cirkels naast de tekst Programma en sessies.",
    "casussen": "Drie overlappende cirkels naast de tekst Casussen.",
    "instrumenten": "Drie overlappende cirkels naast de tekst Instrumenten.",
    "verslagen": "Drie overlappende cirkels naast de tekst Verslagen en lessen.",
    "nieuws": "Drie overlappende cirkels naast de tekst Nieuws.",
}
LOGO, LOGO_SIZE = "img/logo.png", 512


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    alt: str
    width: int | None = None
    height: int | None = None

    def json_ld(self) -> dict:
        """schema.org ImageObject."""
        data = {"@type": "ImageObject", "url": self.url, "width": self.width, "height": self.height}
        return {key: value for key, value in data.items() if value is not None}


def section(page_url: str, item: Item | None = None) -> str:
    """The section a page belongs to: its item's type, else the overview its URL lies under (the
    lessons come from the reports)."""
    if item:
        return _section_of(item.type)
    for kind in TYPES:
        if kind.list_url and page_url.startswith(kind.list_url):
            return _section_of(kind)
    return _section_of(BY_ROLE[Role.REPORTS]) if page_url.startswith(LESSONS_URL) else GENERAL


def _section_of(kind: ContentType) -> str:
    return kind.share_section or GENERAL


class ShareImages:
    """The share image of a page; templates call it through the global ``share_image``."""

    def __init__(self, show: Presenter, asset_url: Callable[[str], str], site_name: str):
        self.show, self.asset_url, self.site_name = show, asset_url, site_name

    def __call__(self, page_url: str, item: Item | None = None) -> ShareImage:
        own = getattr(item, "afbeelding", None) if item else None  # templates pass an undefined item
        if own:
            upload = self.show.uploads[own.bestand]
            return ShareImage(self.show.absolute(file_url(own.bestand)), own.alt, upload.width, upload.height)
        name = section(page_url, item)
        return ShareImage(self.show.absolute(self.asset_url(f"{FOLDER}/{name}.png")), SECTIONS[name], WIDTH, HEIGHT)

    def publisher(self) -> dict:
        """The programme as the Organization that publishes news and reports, with its logo."""
        logo = ShareImage(self.show.absolute(self.asset_url(LOGO)), self.site_name, LOGO_SIZE, LOGO_SIZE)
        home = self.show.absolute(HOME_URL)
        return {"@type": "Organization", "@id": f"{home}#organisatie", "name": self.site_name, "url": home,
                "logo": logo.json_ld()}
