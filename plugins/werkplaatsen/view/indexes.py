"""The site's indexes: ordered lists, statuses, lessons and themes, all computed here.

Templates only present; every choice about what to show (which round is current, which
sessions are upcoming, which status applies) is made in this module. Each index is a query
(``deps.query``): computed once per build, and in the preview compared after an edit, so only
the pages whose indexes changed are rendered again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..model import deps, schemas
from ..model.clock import embargo_ends, midnight
from ..model.contenttypes import BY_NAME, BY_ROLE, THEME_FACET, TYPES, ContentType, Facet, Role, TopTask
from ..model.deps import query, query_property
from ..model.dutch import count
from ..model.fields import RefTo, marker
from ..model.routes import LESSONS_URL, facet_url, lesson_anchor, lessons_url
from ..model.status import Status, registration_status
from ..model.vocabulary import Vocabulary
from ..reading.catalog import Catalog, Item, references
from . import timetags

if TYPE_CHECKING:
    from .pages import Pagination

OTHER_LESSONS = ("overig", "Overige lessen")
HOME_SESSIONS = 3  # session cards on the home page
LESSONS_PREVIEW = 3  # lessons per theme on /lessen/; each theme's own page has them all
# The last line under "Ontdek" on the home page: the lessons, which are no type of their own.
LESSONS_TASK = ("Lessen", TopTask("les", "lessen", "per thema"))
THEME_PAGE_CARDS = 6  # cards per type on a theme's page; the type's filter page has the rest
ROUNDS, SESSIONS, REPORTS = BY_ROLE[Role.ROUNDS], BY_ROLE[Role.SESSIONS], BY_ROLE[Role.REPORTS]
RELATED = [kind.name for kind in TYPES if kind.related]  # in the order ties are broken


def _stable(item: Item) -> tuple:
    """A fixed order for items of several types: by type, then title, then slug."""
    return RELATED.index(item.type.name), item.titel.lower(), item.slug


def _lesson_field(kind: ContentType) -> str:
    """The field of a lesson card that names items of this type (casussen, instrumenten)."""
    return next(name for name, info in schemas.Lesson.model_fields.items()
                if (reference := marker(info, RefTo)) and reference.type_name == kind.name)


@dataclass(frozen=True)
class LessonCard:
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
    def key(self) -> str:
        return schemas.lesson_key(self.card.titel)

    @property
    def themes(self) -> list[str]:
        return self.card.themas or self.report.themas


@dataclass(frozen=True)
class Group:
    """A titled group of things, such as the lessons of one theme."""

    key: str
    label: str
    members: list


@dataclass(frozen=True)
class HomeSection(Group):
    """A section of the home page: a few cards of a type, and the link to the type's overview."""

    kind: ContentType


@dataclass(frozen=True)
class Link:
    """A link with its title and the words after it, such as a line under "Ontdek" on the home page."""

    url: str
    title: str
    text: str


@dataclass(frozen=True)
class Excerpt:
    """The start of a longer list (a type on a theme's page, a theme's lessons on /lessen/): the
    first ones, how many there are, and, when not all are shown, the page that lists them all."""

    key: str
    label: str
    items: list
    total: int
    more: str | None


def excerpt(key: str, label: str, items: list, size: int, more: str | None) -> Excerpt:
    """The first `size` items, with a link to `more` when there are more (without a page: all)."""
    cut = more if len(items) > size else None
    return Excerpt(key, label, items[:size] if cut else items, len(items), cut)


@dataclass(frozen=True)
class FacetValue:
    """One value of a filter, with its page and the items that have it."""

    kind: ContentType
    facet: Facet
    key: str
    label: str
    url: str
    items: list[Item]

    @property
    def summary(self) -> str:
        """The lead of its page: '3 sessies met thema Participatie.'"""
        number = count(len(self.items), self.kind.label.lower(), self.kind.plural.lower())
        return f"{number} met {self.facet.label.lower()} {self.label}."


@dataclass(frozen=True)
class SessionsPage:
    """One page of the sessions overview: the sessions to come, those that were, and whether the
    page has a section for the sessions to come."""

    upcoming: list[Item]
    past: list[Item]
    upcoming_section: bool


@dataclass(frozen=True)
class Programme:
    """Rounds by time: shown with their sessions, named only (later ones), and ended (most recent first)."""

    current: list[Item]
    later: list[Item]
    ended: list[Item]


class Site:
    def __init__(self, catalog: Catalog, vocabulary: Vocabulary, now: datetime):
        self.catalog = catalog
        self.vocabulary = vocabulary
        self._now = now

    @property
    def now(self) -> datetime:
        """The moment of the build; what depends on it is computed again in every preview update."""
        deps.read(("now",))
        return self._now

    @staticmethod
    def registration(item: Item):
        """The registration of a round, or of a session: its own, else its round's."""
        return item.aanmelding or (item.ronde.aanmelding if item.type.role is Role.SESSIONS else None)

    @query
    def status(self, item: Item) -> Status | None:
        """The registration status of a round or session (see status.py); None for other items."""
        if item.type.role is Role.ROUNDS:
            return registration_status(self.registration(item), round_end(item), self.now, format_date=timetags.when)
        if item.type.role is Role.SESSIONS:
            return registration_status(self.registration(item), item.eind, self.now, format_date=timetags.when)
        return None

    @query
    def appears_at(self, item: Item) -> datetime | None:
        """The moment a future-dated item appears on the real site (the preview already shows it)."""
        moment = embargo_ends(item.type, item)
        return moment if moment and moment > self.now else None

    @query_property
    def next_change(self) -> datetime | None:
        """The first moment after the build at which a page would read differently without an edit:
        a registration opens or closes, a session or round ends or starts, an embargo lifts."""
        statuses = [self.status(item) for item in self.rounds + self.sessions]
        moments = [moment for status in statuses for moment in status.changes]
        moments += [midnight(r.periode.start) for r in self.rounds]
        moments += [midnight(day) for day in self.catalog.embargoed.values()]
        return min((moment for moment in moments if moment > self.now), default=None)

    # Ordered collections -------------------------------------------------------------------

    @query
    def listed(self, type_name: str) -> list[Item]:
        """The items of a type in the order of its overview."""
        return BY_NAME[type_name].ordered(self.catalog.all(type_name))

    @query
    def overview(self, type_name: str) -> list[Item]:
        """The items of a type as its overview and filter pages list them: sessions upcoming first."""
        return self.sessions if type_name == SESSIONS.name else self.listed(type_name)

    def upcoming_and_past(self, sessions: list[Item]) -> tuple[list[Item], list[Item]]:
        """Sessions (in the overview's order) parted into those still to come and those that were."""
        return [s for s in sessions if s.eind > self.now], [s for s in sessions if s.eind <= self.now]

    def sessions_page(self, sessions: list[Item], pagination: Pagination | None) -> SessionsPage:
        """One page of the sessions overview. Its first page always has the upcoming section, which
        then says that none are planned; a later page has it only with sessions in it."""
        upcoming, past = self.upcoming_and_past(sessions)
        first = pagination is None or pagination.number == 1
        return SessionsPage(upcoming, past, bool(upcoming) or first)

    @query_property
    def rounds(self) -> list[Item]:
        return self.listed(ROUNDS.name)

    @query_property
    def programme(self) -> Programme:
        """The rounds as the programme page shows them: only those running and the next to start
        with their sessions, so the page stays short however long the programme runs."""
        today = self.now.date()
        ended = sorted((r for r in self.rounds if r.periode.eind < today), key=lambda r: r.periode.eind, reverse=True)
        running = [r for r in self.rounds if r.periode.start <= today <= r.periode.eind]
        coming = sorted((r for r in self.rounds if r.periode.start > today), key=lambda r: r.periode.start)
        return Programme(running + coming[:1], coming[1:], ended)

    @query_property
    def sessions(self) -> list[Item]:
        """Upcoming first (soonest first), then past ones (most recent first)."""
        return self.upcoming_sessions + self.past_sessions

    @query_property
    def upcoming_sessions(self) -> list[Item]:
        return self.upcoming_and_past(self.listed(SESSIONS.name))[0]

    @query_property
    def past_sessions(self) -> list[Item]:
        return self.upcoming_and_past(self.listed(SESSIONS.name))[1][::-1]

    @query_property
    def reports(self) -> list[Item]:
        return self.listed(REPORTS.name)

    @query_property
    def current_round(self) -> Item | None:
        """The round running now, else the next one, else the most recent."""
        return (self.programme.current or self.rounds or [None])[0]

    @query_property
    def current_round_heading(self) -> str:
        """What the home page calls its round: the current one, or the last once it has ended."""
        return "Laatste ronde" if self.current_round and self.status(self.current_round).ended else "Huidige ronde"

    @query_property
    def home_sessions(self) -> HomeSection:
        """The home page's sessions: the next ones, or the latest ones when none are planned."""
        if self.upcoming_sessions:
            return HomeSection(SESSIONS.folder, "Volgende sessies", self.upcoming_sessions[:HOME_SESSIONS], SESSIONS)
        return HomeSection(SESSIONS.folder, "Laatste sessies", self.past_sessions[:HOME_SESSIONS], SESSIONS)

    @query_property
    def home_sections(self) -> list[HomeSection]:
        """The newest items of each type whose descriptor asks for a place on the home page."""
        return [HomeSection(kind.name, kind.home[0], self.listed(kind.name)[: kind.home[1]], kind)
                for kind in TYPES if kind.home and self.catalog.all(kind.name)]

    @query_property
    def top_tasks(self) -> list[Link]:
        """The lines under "Ontdek" on the home page: each type that asks for one, with how many
        items it has, then the lessons."""
        lines = [Link(kind.list_url, kind.plural, kind.top_task.text(len(self.listed(kind.name))))
                 for kind in TYPES if kind.top_task]
        title, task = LESSONS_TASK
        return [*lines, Link(LESSONS_URL, title, task.text(len(self.lessons)))]

    @query
    def about(self, item: Item) -> list[tuple[ContentType, list[Item]]]:
        """Items of the types that have an 'about' section and refer to this item, newest first."""
        return [(kind, kind.ordered(item.backlinks[kind.name])) for kind in TYPES
                if kind.about and item.backlinks.get(kind.name)]

    @query
    def sessions_of(self, round_item: Item) -> list[Item]:
        return sorted(round_item.backlinks[SESSIONS.name], key=lambda s: s.start)

    @query
    def split_sessions(self, round_item: Item) -> tuple[list[Item], list[Item]]:
        """A round's sessions as (upcoming soonest first, past most recent first)."""
        upcoming, past = self.upcoming_and_past(self.sessions_of(round_item))
        return upcoming, past[::-1]

    @query
    def session_position(self, session: Item) -> tuple[int, int]:
        """'Sessie 2 van 4': the explicit number if given, else the order by date."""
        sessions = self.sessions_of(session.ronde)
        return session.nummer or sessions.index(session) + 1, len(sessions)

    @query
    def rounds_with_partner(self, partner: Item) -> list[Item]:
        return [r for r in self.rounds if any(role.partner is partner for role in r.partners)]

    # Filters -------------------------------------------------------------------------------

    @query_property
    def facets(self) -> dict[str, list[tuple[Facet, list[FacetValue]]]]:
        """Per content type, each of its filters with the values in use (never an empty one)."""
        found = {}
        for kind in TYPES:
            items = self.overview(kind.name)
            found[kind.name] = [(facet, self._facet_values(kind, facet, items)) for facet in kind.facets]
        return found

    def _facet_values(self, kind: ContentType, facet: Facet, items: list[Item]) -> list[FacetValue]:
        members, labels = defaultdict(list), {}
        for item in items:
            for key, label, rank in facet.values(item, self.vocabulary):
                members[key].append(item)
                labels[key] = (rank, label)
        return [FacetValue(kind, facet, key, labels[key][1], facet_url(kind, facet, key), members[key])
                for key in sorted(members, key=lambda key: labels[key])]

    def warm(self) -> None:
        """Compute the indexes every page reads, so processes forked to render pages share them."""
        for name in ("rounds", "sessions", "reports", "current_round", "lessons", "lessons_by_theme", "themes",
                     "facets", "home_sections", "next_change", "_links", "_by_themes", "_related_order"):
            getattr(self, name)

    # Related content -----------------------------------------------------------------------

    @query_property
    def _links(self) -> dict[Item, set[Item]]:
        """Every item with the items its page links to: its references, backlinks and lessons' reports."""
        links: dict[Item, set[Item]] = defaultdict(set)
        for item in self.catalog:
            for _, kind, slug in references(item.record):
                links[item].add(self.catalog.get(kind, slug))
            for linking in item.backlinks.values():
                links[item].update(linking)
        for lesson in self.lessons:
            named = {*lesson.card.casussen, *lesson.card.instrumenten}
            for item in named:  # the page shows the lesson card, which links the report and the rest
                links[item] |= {lesson.report, *named} - {item}
        return links

    @query_property
    def _by_themes(self) -> dict[frozenset, list[Item]]:
        """Items that can be related, grouped by their set of themes, each group in a fixed order."""
        groups: dict[frozenset, list[Item]] = defaultdict(list)
        for type_name in RELATED:
            for item in self.catalog.all(type_name):
                groups[frozenset(item.themas)].append(item)
        return {themes: sorted(items, key=_stable) for themes, items in groups.items()}

    @query_property
    def _related_order(self) -> dict[Item, tuple[frozenset, tuple]]:
        """Each item that can be related: its themes and its fixed order, read once for all pages."""
        return {item: (frozenset(item.themas), _stable(item))
                for type_name in RELATED for item in self.catalog.all(type_name)}

    @query
    def related(self, item: Item, limit: int = 3) -> list[Item]:
        """Up to `limit` items of other types that the page does not link to yet, the same on every build:
        first items linked to what this item links to (most shared links first), then items sharing
        the most themes."""
        if not item.type.related:
            return []
        linked = self._links[item]
        excluded = linked | {item}

        def eligible(other: Item) -> bool:
            return other.type.name != item.type.name and other.type.related and other not in excluded

        shared = defaultdict(int)
        for neighbour in linked:
            for other in self._links[neighbour]:
                if eligible(other):
                    shared[other] += 1
        order = self._related_order
        themes = order[item][0]
        found = sorted(shared, key=lambda other: (-shared[other], -len(themes & order[other][0]), *order[other][1]))
        by_overlap = sorted(self._by_themes.items(), key=lambda group: (-len(themes & group[0]), sorted(group[0])))
        for group_themes, members in by_overlap:
            if len(found) >= limit or not themes & group_themes:
                break
            found += [other for other in members if eligible(other) and other not in found]
        return found[:limit]

    # Lessons and themes --------------------------------------------------------------------

    @query_property
    def lessons(self) -> list[LessonCard]:
        return [
            LessonCard(report, number, card)
            for report in self.reports
            for number, card in enumerate(report.lessen, 1)
        ]

    @query
    def lessons_naming(self, item: Item) -> list[LessonCard]:
        """Lesson cards that name a casus or instrument."""
        field_name = _lesson_field(item.type)
        return [lesson for lesson in self.lessons if item in getattr(lesson.card, field_name)]

    @query
    def lessons_of(self, report: Item) -> list[LessonCard]:
        return [lesson for lesson in self.lessons if lesson.report is report]

    @query_property
    def lessons_by_theme(self) -> list[Group]:
        """Lessons per theme in vocabulary order; lessons without a theme come last, never dropped."""
        grouped = defaultdict(list)
        for lesson in self.lessons:
            for theme in lesson.themes or [OTHER_LESSONS[0]]:
                grouped[theme].append(lesson)
        groups = [Group(theme, self.theme_label(theme), grouped[theme]) for theme in self._theme_order(grouped)]
        if grouped[OTHER_LESSONS[0]]:
            groups.append(Group(*OTHER_LESSONS, grouped[OTHER_LESSONS[0]]))
        return groups

    @query_property
    def themes(self) -> dict[str, dict[str, list[Item]]]:
        """Every theme in use, with its items grouped by content type."""
        index: dict[str, dict[str, list[Item]]] = defaultdict(lambda: defaultdict(list))
        for item in (item for kind in TYPES if kind.theme_page for item in self.overview(kind.name)):
            for theme in item.themas:
                index[theme][item.type.name].append(item)
        return {theme: dict(index[theme]) for theme in self._theme_order(index)}

    @query
    def theme_sections(self, theme: str) -> list[Excerpt]:
        """A theme's page: per type its first items, and the type's filter page with all of them."""
        sections = []
        for type_name, items in self.themes[theme].items():
            pages = {value.key: value.url for facet, values in self.facets[type_name] if facet is THEME_FACET
                     for value in values}
            sections.append(excerpt(type_name, BY_NAME[type_name].plural, items, THEME_PAGE_CARDS, pages.get(theme)))
        return sections

    @query_property
    def lessons_overview(self) -> list[Excerpt]:
        """/lessen/: per theme its first lessons, and the theme's lesson page with all of them."""
        return [excerpt(group.key, group.label, group.members, LESSONS_PREVIEW, lessons_url(group.key))
                for group in self.lessons_by_theme]

    def _theme_order(self, used) -> list[str]:
        """Themes in the order of the vocabulary file, so editors control it."""
        return [theme for theme in self.vocabulary["themas"] if theme in used]

    def theme_label(self, theme: str) -> str:
        return self.vocabulary["themas"][theme]


def round_end(round_item: Item) -> datetime:
    """A round has ended at midnight after its last day."""
    return midnight(round_item.periode.eind + timedelta(days=1))
