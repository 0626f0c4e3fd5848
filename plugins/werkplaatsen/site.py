"""The site as templates see it: ordered lists, statuses, lessons and themes, all computed here.

Templates only present; every choice about what to show (which round is current, which
sessions are upcoming, which status applies) is made in this module.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import cached_property
from pathlib import Path

from . import dutch
from .catalog import FILES_FOLDER, Catalog, Item
from .fields import TIMEZONE
from .schemas import CONTENT_TYPES
from .status import Status, registration_status


def lesson_anchor(number: int) -> str:
    """The id of a report's n-th lesson card (1-based), which links and the checks both use."""
    return f"les-{number}"


@dataclass(frozen=True)
class Lesson:
    """A lesson card from a report, with a stable anchor on the report's page."""

    report: Item
    number: int
    card: object  # a catalog View of schemas.Lesson

    @property
    def anchor(self) -> str:
        return lesson_anchor(self.number)

    @property
    def url(self) -> str:
        return f"{self.report.url}#{self.anchor}"

    @property
    def themes(self) -> list[str]:
        return self.card.themas or self.report.themas


@dataclass(frozen=True)
class FileLink:
    """A download or external link with the facts shown next to it."""

    url: str
    description: str
    external: bool = False


@dataclass
class Site:
    catalog: Catalog
    vocabulary: dict
    now: datetime
    files: Path
    statuses: dict[Item, Status] = field(default_factory=dict)

    def __post_init__(self):
        for item in self.catalog.all("ronde"):
            self.statuses[item] = self._status(item.record.aanmelding, round_end(item))
        for item in self.catalog.all("sessie"):
            registration = item.record.aanmelding or item.ronde.record.aanmelding
            self.statuses[item] = self._status(registration, item.eind)

    def _status(self, registration, ends: datetime) -> Status:
        return registration_status(registration, ends, self.now, format_date=dutch.when)

    def status(self, item: Item) -> Status:
        return self.statuses[item]

    # Ordered collections -------------------------------------------------------------------

    @cached_property
    def rounds(self) -> list[Item]:
        return sorted(self.catalog.all("ronde"), key=lambda r: r.nummer, reverse=True)

    @cached_property
    def sessions(self) -> list[Item]:
        """Upcoming first (soonest first), then past ones (most recent first)."""
        return self.upcoming_sessions + self.past_sessions

    @cached_property
    def upcoming_sessions(self) -> list[Item]:
        return sorted((s for s in self.catalog.all("sessie") if s.eind > self.now), key=lambda s: s.start)

    @cached_property
    def past_sessions(self) -> list[Item]:
        past = (s for s in self.catalog.all("sessie") if s.eind <= self.now)
        return sorted(past, key=lambda s: s.start, reverse=True)

    @cached_property
    def cases(self) -> list[Item]:
        return sorted(self.catalog.all("casus"), key=lambda c: (c.gemeente, c.titel))

    @cached_property
    def instruments(self) -> list[Item]:
        return sorted(self.catalog.all("instrument"), key=lambda i: i.titel.lower())

    @cached_property
    def reports(self) -> list[Item]:
        return sorted(self.catalog.all("verslag"), key=lambda v: (v.datum, v.titel), reverse=True)

    @cached_property
    def partners(self) -> list[Item]:
        return sorted(self.catalog.all("partner"), key=lambda p: p.titel.lower())

    @cached_property
    def people(self) -> list[Item]:
        return sorted(self.catalog.all("persoon"), key=lambda p: p.titel.lower())

    @cached_property
    def pages(self) -> list[Item]:
        return self.catalog.all("pagina")

    @cached_property
    def current_round(self) -> Item | None:
        """The round running now, else the next one, else the most recent."""
        running = [r for r in self.rounds if r.periode.start <= self.now.date() <= r.periode.eind]
        coming = sorted((r for r in self.rounds if r.periode.start > self.now.date()), key=lambda r: r.periode.start)
        return (running or coming or self.rounds or [None])[0]

    def sessions_of(self, round_item: Item) -> list[Item]:
        return sorted(round_item.backlinks["sessie"], key=lambda s: s.start)

    def split_sessions(self, round_item: Item) -> tuple[list[Item], list[Item]]:
        """A round's sessions as (upcoming soonest first, past most recent first)."""
        sessions = self.sessions_of(round_item)
        upcoming = [s for s in sessions if s.eind > self.now]
        past = [s for s in reversed(sessions) if s.eind <= self.now]
        return upcoming, past

    def session_position(self, session: Item) -> tuple[int, int]:
        """'Sessie 2 van 4': the explicit number if given, else the order by date."""
        sessions = self.sessions_of(session.ronde)
        return session.nummer or sessions.index(session) + 1, len(sessions)

    def rounds_with_partner(self, partner: Item) -> list[Item]:
        return [r for r in self.rounds if any(role.partner is partner for role in r.partners)]

    # Lessons and themes --------------------------------------------------------------------

    @cached_property
    def lessons(self) -> list[Lesson]:
        return [
            Lesson(report, number, card)
            for report in self.reports
            for number, card in enumerate(report.lessen, 1)
        ]

    def lessons_naming(self, item: Item) -> list[Lesson]:
        """Lesson cards that name a casus or instrument."""
        field_name = {"casus": "casussen", "instrument": "instrumenten"}[item.kind]
        return [lesson for lesson in self.lessons if item in getattr(lesson.card, field_name)]

    @cached_property
    def lessons_by_theme(self) -> list[tuple[str, list[Lesson]]]:
        grouped = defaultdict(list)
        for lesson in self.lessons:
            for theme in lesson.themes or ["overig"]:
                grouped[theme].append(lesson)
        return [(theme, grouped[theme]) for theme in self._theme_order(grouped)]

    @cached_property
    def themes(self) -> dict[str, dict[str, list[Item]]]:
        """Every theme in use, with its items grouped by content type."""
        index: dict[str, dict[str, list[Item]]] = defaultdict(lambda: defaultdict(list))
        for collection in (self.rounds, self.sessions, self.cases, self.instruments, self.reports):
            for item in collection:
                for theme in item.themas:
                    index[theme][item.kind].append(item)
        return {theme: dict(index[theme]) for theme in self._theme_order(index)}

    def _theme_order(self, used) -> list[str]:
        """Themes in the order of the vocabulary file, so editors control it."""
        return [theme for theme in self.vocabulary["themas"] if theme in used]

    def lessons_of(self, report: Item) -> list[Lesson]:
        return [lesson for lesson in self.lessons if lesson.report is report]

    # Presentation helpers: short texts that templates show -------------------------------

    def term(self, vocabulary: str, key: str) -> str:
        return self.vocabulary[vocabulary][key]

    def terms(self, vocabulary: str, keys: list[str]) -> str:
        return ", ".join(self.term(vocabulary, key) for key in keys)

    def names(self, items: list[Item]) -> str:
        return ", ".join(item.titel for item in items)

    def plural(self, kind: str) -> str:
        return CONTENT_TYPES[kind].plural

    def breadcrumb(self, item: Item) -> list[tuple[str, str]]:
        trail = [("/", "Home")]
        if item.kind == "ronde":
            trail.append(("/programma/", "Programma"))
        elif item.kind != "pagina":
            trail.append((f"/{item.schema.folder}/", item.schema.plural))
        return [*trail, (item.url, item.titel)]

    def card_facts(self, item: Item) -> list[str]:
        """The two or three facts a list shows about an item."""
        return [fact for fact in self._facts(item) if fact]

    def _facts(self, item: Item) -> list[str | None]:
        if item.kind == "sessie":
            return [dutch.span(item.start, item.eind), self.term("vormen", item.vorm), item.locatie and item.locatie.plaats]
        if item.kind == "casus":
            place = f"{item.gemeente}, {item.wijk}" if item.wijk else item.gemeente
            return [place, self.terms("domeinen", item.domeinen), item.fase and self.term("fasen", item.fase)]
        if item.kind == "instrument":
            return [item.duur, self.terms("groepsvormen", item.groepsvormen)]
        if item.kind == "verslag":
            return [self.term("publicatiesoorten", item.soort), dutch.day(item.datum, weekday=False)]
        if item.kind == "ronde":
            return [item.seizoen, dutch.period(item.periode.start, item.periode.eind)]
        if item.kind == "persoon":
            return [item.functie, item.organisatie.titel if item.organisatie else item.organisatienaam]
        return []

    def describe(self, item: Item) -> str:
        """A short text after a link to an item."""
        return " · ".join(self.card_facts(item))

    def address(self, session: Item) -> str | None:
        place = session.locatie
        if place is None:
            return None
        parts = [place.naam, place.adres, " ".join(p for p in (place.postcode, place.plaats) if p)]
        return ", ".join(p for p in parts if p)

    def trio(self, casus: Item) -> str:
        return ", ".join(
            self.term("triorollen", member.rol) + (f" ({member.naam})" if member.naam else "")
            for member in casus.trio
        )

    def file(self, entry) -> FileLink:
        """Link and facts for a material or download: format, size, pages, language."""
        if getattr(entry, "url", None):
            return FileLink(entry.url, "(externe website)", external=True)
        path = self.files / entry.bestand
        facts = [path.suffix.lstrip(".").upper(), dutch.filesize(path.stat().st_size)]
        if getattr(entry, "paginas", None):
            facts.append(f"{entry.paginas} pagina's")
        if getattr(entry, "taal", None):
            facts.append(self.term("talen", entry.taal))
        return FileLink(f"/{FILES_FOLDER}/{entry.bestand}", f"({', '.join(facts)})")

    def citation(self, report: Item) -> str:
        """How to cite a report: the editor's text, else authors, year, title, organisations."""
        if report.citeren:
            return report.citeren
        authors = self.names(report.auteurs)
        return f"{authors} ({report.datum.year}). {report.titel}. {self.names(report.organisaties)}."

    def theme_label(self, theme: str) -> str:
        return self.vocabulary["themas"].get(theme, theme.capitalize())


def round_end(round_item: Item) -> datetime:
    """A round has ended at midnight after its last day."""
    last_day = round_item.periode.eind + timedelta(days=1)
    return datetime.combine(last_day, time(0, 0), tzinfo=TIMEZONE)
