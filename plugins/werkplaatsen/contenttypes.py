"""One descriptor per content type: how the type lives on the site.

The schema (``schemas``) says which fields an item has; the descriptor says where its files are,
which URL it gets, how its list is titled and ordered, which facts a card shows. Everything that
needs one of these facts (the checks, the pages, the breadcrumbs, the editor tools, the outputs)
reads it here, so a new type is one schema and one descriptor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import schemas
from .schemas import Schema

Facts = Callable[..., list]  # (item, show) -> texts shown on a card, None for a missing one


@dataclass(frozen=True)
class ContentType:
    name: str
    schema: type[Schema]
    folder: str
    label: str  # one item, as a pre-heading and in search results: "Sessie"
    plural: str  # several items, as a group heading: "Sessies"
    item_url: str  # "/sessies/{slug}/"
    list_url: str | None = None  # the overview page, if the type has one
    list_title: str | None = None
    list_intro: str = ""
    list_template: str = "lijst"
    order: Callable | None = None  # sort key of the overview
    newest_first: bool = False
    # A date field: before that date an item stays out of production (reports, news).
    embargo: str | None = None
    facts: Facts = field(default=lambda item, show: [])

    def url_for(self, slug: str) -> str:
        return self.item_url.format(slug=slug)

    @property
    def breadcrumb(self) -> list[tuple[str, str]]:
        """The trail above an item page: Home, then the type's overview if it has one."""
        trail = [("/", "Home")]
        if self.list_url:
            trail.append((self.list_url, self.list_title))
        return trail

    def ordered(self, items: list) -> list:
        return sorted(items, key=self.order, reverse=self.newest_first) if self.order else list(items)


def _place(casus, show) -> str:
    return f"{casus.gemeente}, {casus.wijk}" if casus.wijk else casus.gemeente


TYPES: tuple[ContentType, ...] = (
    ContentType(
        "ronde", schemas.Ronde, "rondes", "Ronde", "Rondes", "/programma/{slug}/",
        list_url="/programma/", list_title="Programma", list_template="programma",
        order=lambda r: r.nummer, newest_first=True,
        facts=lambda r, show: [r.seizoen, show.period(r.periode.start, r.periode.eind)],
    ),
    ContentType(
        "sessie", schemas.Sessie, "sessies", "Sessie", "Sessies", "/sessies/{slug}/",
        list_url="/sessies/", list_title="Sessies", list_template="sessies", order=lambda s: s.start,
        facts=lambda s, show: [show.span(s.start, s.eind), show.term("vormen", s.vorm),
                               s.locatie and s.locatie.plaats],
    ),
    ContentType(
        "casus", schemas.Casus, "casussen", "Casus", "Casussen", "/casussen/{slug}/",
        list_url="/casussen/", list_title="Casussen",
        list_intro="Elke casus is een echte opgave van een trio: een wijkambtenaar met twee collega's.",
        order=lambda c: (c.gemeente, c.titel),
        facts=lambda c, show: [_place(c, show), show.terms("domeinen", c.domeinen),
                               c.fase and show.term("fasen", c.fase)],
    ),
    ContentType(
        "instrument", schemas.Instrument, "instrumenten", "Instrument", "Instrumenten", "/instrumenten/{slug}/",
        list_url="/instrumenten/", list_title="Instrumenten",
        list_intro="Werkvormen en hulpmiddelen die deelnemers in de sessies oefenden. "
                   "Te gebruiken in uw eigen wijk.",
        order=lambda i: i.titel.lower(),
        facts=lambda i, show: [i.duur, show.terms("groepsvormen", i.groepsvormen)],
    ),
    ContentType(
        "verslag", schemas.Verslag, "verslagen", "Publicatie", "Verslagen", "/verslagen/{slug}/",
        list_url="/verslagen/", list_title="Verslagen en publicaties",
        list_intro="Platform31 legt de kennis uit de werkplaatsen vast. Hier leest u de verslagen online.",
        order=lambda v: (v.datum, v.titel), newest_first=True, embargo="datum",
        facts=lambda v, show: [show.term("publicatiesoorten", v.soort), show.day(v.datum, weekday=False)],
    ),
    ContentType(
        "partner", schemas.Partner, "partners", "Partner", "Partners", "/partners/{slug}/",
        list_url="/partners/", list_title="Partners",
        list_intro="De organisaties achter het programma en de instrumenten.",
        order=lambda p: p.titel.lower(),
    ),
    ContentType(
        "persoon", schemas.Persoon, "personen", "Persoon", "Personen", "/personen/{slug}/",
        list_url="/personen/", list_title="Personen", list_intro="Sprekers, auteurs en contactpersonen.",
        order=lambda p: p.titel.lower(),
        facts=lambda p, show: [p.functie, p.organisatie.titel if p.organisatie else p.organisatienaam],
    ),
    ContentType("pagina", schemas.Pagina, "paginas", "Pagina", "Pagina's", "/{slug}/"),
)

BY_NAME: dict[str, ContentType] = {kind.name: kind for kind in TYPES}
BY_FOLDER: dict[str, ContentType] = {kind.folder: kind for kind in TYPES}
BY_SCHEMA: dict[type[Schema], ContentType] = {kind.schema: kind for kind in TYPES}
