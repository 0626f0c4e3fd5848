"""What the search index knows about each result: its type, date, themes and year.

Pagefind reads these facts from the pages (``data-pagefind-meta`` and ``data-pagefind-filter``,
printed by components/search.html), so each one is derived here, once, from the content model: the
type from the type's descriptor, the date from the item's own date, the themes as the Dutch labels
of the vocabulary. Every content item is a result; so is every lesson, which lives on its report's
page but is a result of its own (type Les) that links to its card there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import dutch
from ..model.contenttypes import TYPES
from ..model.routes import LESSONS_URL, THEMES_URL

if TYPE_CHECKING:
    from ..reading.catalog import Item
    from .indexes import LessonCard, Site

LESSON = "Les"
# The filters of /zoeken/: Pagefind's filter key (also the form field's name) -> its Dutch label
# and the choice that leaves the filter off.
FILTERS = {"soort": ("Soort", "Alle soorten"), "thema": ("Thema", "Alle thema's"), "jaar": ("Jaar", "Alle jaren")}
# Overviews to browse when search cannot run (no JavaScript), besides each type's overview.
OTHER_OVERVIEWS = [(LESSONS_URL, "Lessen"), (THEMES_URL, "Thema's")]


@dataclass(frozen=True)
class SearchResult:
    """One search result: where it links, its type label, its date and its themes."""

    url: str
    label: str  # the type's label: "Sessie", "Les"
    when: str | None = None
    year: int | None = None
    themes: tuple[str, ...] = ()

    @property
    def meta(self) -> dict[str, str]:
        """What a result shows besides its title and excerpt. ``url`` is the link: a lesson's
        anchor on its report (Pagefind's own result templates also prefer ``meta.url``)."""
        meta = {"url": self.url, "soort": self.label}
        if self.when:
            meta["datum"] = self.when
        return meta

    @property
    def filters(self) -> list[tuple[str, str]]:
        """(filter key, value) pairs; a result can have several themes."""
        years = [str(self.year)] if self.year else []
        return [("soort", self.label), *(("thema", theme) for theme in self.themes), *(("jaar", y) for y in years)]


@dataclass(frozen=True)
class Filter:
    """A choice list of /zoeken/: its key, Dutch label, the choice for 'any' and the values in order."""

    key: str
    label: str
    everything: str
    values: list[str]


def _when(item: Item) -> tuple[str | None, int | None]:
    """The date a result shows and the year it is filed under, if its type has a date (or a period)."""
    when = item.type.date(item) if item.type.date else None
    if isinstance(when, tuple):
        return dutch.period(*when), when[0].year
    return (dutch.day(when, weekday=False), when.year) if when else (None, None)


def overviews() -> list[tuple[str, str]]:
    """(URL, title) of every overview: each type's, then the lessons and the themes."""
    return [(kind.list_url, kind.list_title) for kind in TYPES if kind.list_url] + OTHER_OVERVIEWS


class SearchFacts:
    """The search facts of a site's items and lessons, and the filters of /zoeken/."""

    overviews = staticmethod(overviews)

    def __init__(self, site: Site):
        self.site = site

    def _themes(self, keys: list[str]) -> tuple[str, ...]:
        return tuple(self.site.theme_label(key) for key in keys)

    def item(self, item: Item) -> SearchResult:
        return SearchResult(item.url, item.type.label, *_when(item), self._themes(getattr(item, "themas", [])))

    def lesson(self, lesson: LessonCard) -> SearchResult:
        return SearchResult(lesson.url, LESSON, *_when(lesson.report), self._themes(lesson.themes))

    def records(self) -> list[SearchResult]:
        return [self.item(item) for item in self.site.catalog] + [self.lesson(lesson) for lesson in self.site.lessons]

    def filters(self) -> list[Filter]:
        """The values in use: types in descriptor order (lessons last), themes in vocabulary order,
        years newest first."""
        records = self.records()
        found = {key: {value for record in records for name, value in record.filters if name == key} for key in FILTERS}
        order = {
            "soort": [kind.label for kind in TYPES] + [LESSON],
            "thema": list(self.site.vocabulary["themas"].values()),
            "jaar": sorted(found["jaar"], reverse=True),
        }
        return [Filter(key, label, everything, [value for value in order[key] if value in found[key]])
                for key, (label, everything) in FILTERS.items()]
