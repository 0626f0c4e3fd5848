"""One descriptor per content type: how the type lives on the site.

The schema (``schemas``) says which fields an item has; the descriptor says where its files are,
which URL it gets, how its list is titled, ordered and filtered, which facts a card shows, what
and what it is in structured data. Everything that needs one of these facts (the checks, the
pages, the breadcrumbs, the editor tools, search, feeds and the sitemap) reads it here, so a new
type is one schema and one descriptor. What only one type does (rounds hold sessions and have the
programme's calendar, reports hold the lessons) is its ``role``: code finds that type by its role
(``BY_ROLE``), never by its name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from . import schemas
from .dutch import count
from .fields import duration_minutes, slugify
from .schemas import Schema

Facts = Callable[..., list]  # (item, show) -> texts shown on a card, None for a missing one
# (item, vocabulary) -> the item's values of a facet as [(key, label, rank)]; rank orders the values.
Values = Callable[..., list]


@dataclass(frozen=True)
class Facet:
    """A filter of a type's overview: one page per value, such as /casussen/thema/klimaatadaptatie/."""

    name: str  # in the URL: "thema"
    label: str  # "Thema"
    values: Values


def term_facet(name: str, label: str, field_name: str, vocabulary: str) -> Facet:
    """A facet on a field whose values come from a vocabulary, listed in vocabulary order."""
    def values(item, terms):
        keys = getattr(item, field_name)
        order = list(terms[vocabulary])
        return [(key, terms[vocabulary][key], order.index(key)) for key in (keys if isinstance(keys, list) else [keys]) if key]

    return Facet(name, label, values)


# Every overview of items that have themes can be filtered on them; a theme's page links there.
THEME_FACET = term_facet("thema", "Thema", "themas", "themas")


def year_facet(field_name: str) -> Facet:
    """A facet on the year of a date field, newest year first."""
    def values(item, terms):
        year = getattr(item, field_name).year
        return [(str(year), str(year), -year)]

    return Facet("jaar", "Jaar", values)


# Cards per page of an overview or a filter's page, so a page stays light however many items the
# site gets (make bench reports the heaviest page).
PAGE_SIZE = 24

# Duration bands of instruments: (upper bound in minutes, key, label).
DURATION_BANDS = ((59, "korter-dan-een-uur", "Korter dan een uur"), (119, "een-tot-twee-uur", "1 tot 2 uur"),
                  (None, "twee-uur-of-langer", "2 uur of langer"))


def _duration_band(item, terms) -> list[tuple[str, str, int]]:
    minutes = duration_minutes(item.duur)
    return [next((key, label, rank) for rank, (upper, key, label) in enumerate(DURATION_BANDS)
                 if upper is None or minutes <= upper)]


@dataclass(frozen=True)
class TypeFeed:
    """A feed of a type's newest items: /feeds/<name>.atom and /feeds/<name>.json."""

    name: str  # "publicaties"
    title: str  # "Nieuwe verslagen en publicaties"


@dataclass(frozen=True)
class TopTask:
    """A line under "Ontdek" on the home page, after the type's plural as its title: how many there
    are ("5 werkvormen om morgen te gebruiken")."""

    one: str  # the noun after the number: "werkvorm"
    many: str  # "werkvormen"
    after: str = ""  # words after the noun: "om morgen te gebruiken"

    def text(self, number: int) -> str:
        return " ".join(filter(None, (count(number, self.one, self.many), self.after)))


class Role(Enum):
    """A part in the programme that exactly one type plays."""

    ROUNDS = "rounds"  # the programme: rounds hold sessions; the programme's page, calendar and feed
    SESSIONS = "sessions"  # a round's meetings: upcoming first, a registration and a calendar each
    REPORTS = "reports"  # publications that hold the lesson cards


@dataclass(frozen=True)
class ContentType:
    name: str
    schema: type[Schema]
    folder: str
    label: str  # one item, as a pre-heading and in search results: "Sessie"
    plural: str  # several items, as a group heading: "Sessies"
    article: str  # "de" or "het": the label's article, for every text that names an item of this type
    item_url: str  # "/sessies/{slug}/"
    list_url: str | None = None  # the overview page, if the type has one
    list_title: str | None = None
    list_intro: str = ""
    list_template: str = "lijst"
    order: Callable | None = None  # sort key of the overview
    newest_first: bool = False
    # A date field: before that date an item stays out of production (reports, news).
    embargo: str | None = None
    # A date field that says when the item last changed (the sitemap's lastmod).
    updated: str | None = None
    # The date search results show for an item and file it under: (item) -> a date, a datetime or
    # a (first day, last day) period.
    date: Callable | None = None
    facts: Facts = field(default=lambda item, show: [])
    facets: tuple[Facet, ...] = ()
    structured_data: str = "WebPage"  # its schema.org type (see structured.py)
    feed: TypeFeed | None = None  # a feed of the newest items (types with a publication date)
    page_size: int | None = PAGE_SIZE  # the overview and filter pages are split into pages of this many items
    home: tuple[str, int] | None = None  # (heading, count): the newest items on the home page
    # "Nieuws over {this}": items that refer to an item get a section of this heading on its page.
    about: str | None = None
    # The title is a name (a person, an organisation, an instrument): the plain-language check
    # accepts its words in every text and does not read the title as a sentence.
    named: bool = False
    role: Role | None = None
    # Items of this type show "related" suggestions and appear in them; ties follow the order of TYPES.
    related: bool = False
    # A theme's page lists this type's items with that theme, in the order of TYPES.
    theme_page: bool = False
    # The share image of its pages (see shareimages.py); None: the site's general image.
    share_section: str | None = None
    top_task: TopTask | None = None  # a line under "Ontdek" on the home page, in the order of TYPES

    @property
    def the(self) -> str:
        """'de sessie', 'het bericht': the label with its article."""
        return f"{self.article} {self.label.lower()}"

    @property
    def this(self) -> str:
        """'deze sessie', 'dit bericht': how other headings name an item of this type."""
        return f"{'dit' if self.article == 'het' else 'deze'} {self.label.lower()}"

    @property
    def new(self) -> str:
        """'Nieuwe sessie', 'Nieuw bericht': the heading of a new item."""
        return f"{'Nieuw' if self.article == 'het' else 'Nieuwe'} {self.label.lower()}"

    def url_for(self, slug: str) -> str:
        return self.item_url.format(slug=slug)

    @property
    def overview(self) -> list[tuple[str, str]]:
        """The overview above an item page in the breadcrumb trail, if the type has one."""
        return [(self.list_url, self.list_title)] if self.list_url else []

    def ordered(self, items: list) -> list:
        return sorted(items, key=self.order, reverse=self.newest_first) if self.order else list(items)


def _place(casus, show) -> str:
    return f"{casus.gemeente}, {casus.wijk}" if casus.wijk else casus.gemeente


TYPES: tuple[ContentType, ...] = (
    ContentType(
        "ronde", schemas.Ronde, "rondes", "Ronde", "Rondes", "de", "/programma/{slug}/",
        list_url="/programma/", list_title="Programma", list_template="programma", page_size=None,
        order=lambda r: r.nummer, newest_first=True, date=lambda r: (r.periode.start, r.periode.eind),
        facts=lambda r, show: [r.seizoen, show.period(r.periode.start, r.periode.eind)],
        structured_data="EventSeries", role=Role.ROUNDS, theme_page=True, share_section="programma",
    ),
    ContentType(
        "sessie", schemas.Sessie, "sessies", "Sessie", "Sessies", "de", "/sessies/{slug}/",
        list_url="/sessies/", list_title="Sessies", list_template="sessies", order=lambda s: s.start,
        date=lambda s: s.start,
        facts=lambda s, show: [show.span(s.start, s.eind), show.term("vormen", s.vorm),
                               s.locatie and s.locatie.plaats],
        facets=(Facet("ronde", "Ronde", lambda s, terms: [(s.ronde.slug, s.ronde.titel, -s.ronde.nummer)]),
                THEME_FACET, term_facet("vorm", "Vorm", "vorm", "vormen")),
        structured_data="Event", role=Role.SESSIONS, related=True, theme_page=True, share_section="programma",
    ),
    ContentType(
        "casus", schemas.Casus, "casussen", "Casus", "Casussen", "de", "/casussen/{slug}/",
        list_url="/casussen/", list_title="Casussen",
        list_intro="Elke casus is een echte opgave van een trio: een wijkambtenaar met twee collega's.",
        order=lambda c: (c.gemeente, c.titel), updated="bijgewerkt",
        facts=lambda c, show: [_place(c, show), show.terms("domeinen", c.domeinen),
                               c.fase and show.term("fasen", c.fase)],
        facets=(THEME_FACET, term_facet("domein", "Domein", "domeinen", "domeinen"),
                term_facet("fase", "Fase", "fase", "fasen"),
                Facet("gemeente", "Gemeente", lambda c, terms: [(slugify(c.gemeente), c.gemeente, c.gemeente.lower())])),
        structured_data="CreativeWork", related=True, theme_page=True, share_section="casussen",
        top_task=TopTask("lokale opgave van een trio", "lokale opgaven van trio's"),
    ),
    ContentType(
        "instrument", schemas.Instrument, "instrumenten", "Instrument", "Instrumenten", "het", "/instrumenten/{slug}/",
        list_url="/instrumenten/", list_title="Instrumenten",
        list_intro="Werkvormen en hulpmiddelen die deelnemers in de sessies oefenden. "
                   "Te gebruiken in uw eigen wijk.",
        order=lambda i: i.titel.lower(), updated="gecontroleerd",
        facts=lambda i, show: [i.duur, show.terms("groepsvormen", i.groepsvormen)],
        facets=(THEME_FACET,
                term_facet("groepsvorm", "Groepsvorm", "groepsvormen", "groepsvormen"),
                Facet("duur", "Duur", _duration_band)),
        structured_data="HowTo", named=True, related=True, theme_page=True, share_section="instrumenten",
        top_task=TopTask("werkvorm", "werkvormen", "om morgen te gebruiken"),
    ),
    ContentType(
        "verslag", schemas.Verslag, "verslagen", "Publicatie", "Verslagen", "de", "/verslagen/{slug}/",
        list_url="/verslagen/", list_title="Verslagen en publicaties",
        list_intro="Platform31 legt de kennis uit de werkplaatsen vast. Hier leest u de verslagen online.",
        order=lambda v: (v.datum, v.titel), newest_first=True, embargo="datum", updated="datum",
        date=lambda v: v.datum,
        facts=lambda v, show: [show.term("publicatiesoorten", v.soort), show.day(v.datum, weekday=False)],
        facets=(term_facet("soort", "Soort", "soort", "publicatiesoorten"), THEME_FACET, year_facet("datum")),
        structured_data="Report", feed=TypeFeed("publicaties", "Nieuwe verslagen en publicaties"),
        home=("Nieuwste publicatie", 1), role=Role.REPORTS, related=True, theme_page=True,
        share_section="verslagen", top_task=TopTask("publicatie", "publicaties", "met de lessen"),
    ),
    ContentType(
        "partner", schemas.Partner, "partners", "Partner", "Partners", "de", "/partners/{slug}/",
        list_url="/partners/", list_title="Partners",
        list_intro="De organisaties achter het programma en de instrumenten.",
        order=lambda p: p.titel.lower(), structured_data="Organization", named=True,
    ),
    ContentType(
        "persoon", schemas.Persoon, "personen", "Persoon", "Personen", "de", "/personen/{slug}/",
        list_url="/personen/", list_title="Personen", list_intro="Sprekers, auteurs en contactpersonen.",
        order=lambda p: p.titel.lower(),
        facts=lambda p, show: [p.functie, p.organisatie.titel if p.organisatie else p.organisatienaam],
        structured_data="Person", named=True,
    ),
    ContentType(
        "bericht", schemas.Bericht, "berichten", "Bericht", "Berichten", "het", "/nieuws/{slug}/",
        list_url="/nieuws/", list_title="Nieuws", list_intro="Aankondigingen en nieuws over de werkplaatsen.",
        order=lambda b: (b.datum, b.titel), newest_first=True, embargo="datum", updated="datum",
        date=lambda b: b.datum,
        facts=lambda b, show: [show.day(b.datum, weekday=False), ", ".join(show.authors(b))],
        facets=(THEME_FACET, year_facet("datum")),
        structured_data="NewsArticle", feed=TypeFeed("nieuws", "Nieuws"), page_size=20, home=("Nieuws", 3),
        about="Nieuws over {this}", share_section="nieuws",
    ),
    ContentType("pagina", schemas.Pagina, "paginas", "Pagina", "Pagina's", "de", "/{slug}/"),
)

BY_NAME: dict[str, ContentType] = {kind.name: kind for kind in TYPES}
BY_FOLDER: dict[str, ContentType] = {kind.folder: kind for kind in TYPES}
BY_ROLE: dict[Role, ContentType] = {kind.role: kind for kind in TYPES if kind.role}
