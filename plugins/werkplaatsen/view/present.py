"""Short texts that templates show: terms, facts, addresses, file facts, citations.

Kept apart from the indexes (``indexes``) so that what a page lists and how it words it can
change independently. Both belong to the view: reading the content (and its checks) never needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ..model import dutch
from ..model.filetypes import PDF, suffix
from ..model.routes import FILES_URL
from ..reading.catalog import Item
from ..reading.uploads import Upload
from . import timetags
from .indexes import OTHER_LESSONS


@dataclass(frozen=True)
class FileLink:
    """A download or external link with the facts shown next to it."""

    url: str
    description: str
    external: bool = False


class Presenter:
    """Formatting helpers, available to every template as ``show``."""

    day = staticmethod(timetags.day)
    span = staticmethod(timetags.span)
    period = staticmethod(timetags.period)

    def __init__(self, vocabulary: dict, uploads: dict[str, Upload], site_url: str):
        self.vocabulary = vocabulary
        self.uploads = uploads
        self.site_url = site_url

    def absolute(self, path: str) -> str:
        """The full address of a path of this site (feeds, calendars and metadata need one)."""
        return self.site_url + path

    def term(self, vocabulary: str, key: str) -> str:
        return self.vocabulary[vocabulary][key]

    def terms(self, vocabulary: str, keys: list[str]) -> str:
        return ", ".join(self.term(vocabulary, key) for key in keys)

    def names(self, items: list[Item]) -> str:
        return ", ".join(item.titel for item in items)

    def writers(self, item: Item) -> tuple[list[Item], str | None]:
        """Who wrote an item: its authors or its author (people); without them, the desk that sent it."""
        people = [person for person in getattr(item, "auteurs", None) or [getattr(item, "auteur", None)] if person]
        return people, None if people else getattr(item, "afzender", None)

    def authors(self, item: Item) -> list[str]:
        people, desk = self.writers(item)
        return [person.titel for person in people] or ([desk] if desk else [])

    def card_facts(self, item: Item) -> list[str]:
        """The two or three facts a list shows about an item (the type's descriptor says which)."""
        return [fact for fact in item.type.facts(item, self) if fact]

    def describe(self, item: Item) -> str:
        """A short text after a link to an item."""
        return timetags.joined(" · ", self.card_facts(item))

    def describe_with_type(self, item: Item) -> str:
        """The same, starting with what the item is (in a list of several types)."""
        return timetags.joined(" · ", [item.type.label, *self.card_facts(item)])

    @staticmethod
    def lessons_about(key: str, label: str, count: int) -> str:
        """How many lessons a theme (by key and label) has: "12 lessen over Participatie", "1 overige les"."""
        if key == OTHER_LESSONS[0]:
            return dutch.count(count, "overige les", "overige lessen")
        return f"{dutch.count(count, 'les', 'lessen')} over {label}"

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
        upload = self.uploads[entry.bestand]
        facts = [upload.extension.upper(), dutch.filesize(upload.size)]
        if getattr(entry, "paginas", None):
            facts.append(dutch.count(entry.paginas, "pagina", "pagina's"))
        if getattr(entry, "taal", None):
            facts.append(self.term("talen", entry.taal))
        return FileLink(file_url(entry.bestand), f"({', '.join(facts)})")

    def citation(self, report: Item) -> str:
        """How to cite a report: the editor's text, else authors, year, title, organisations."""
        if report.citeren:
            return report.citeren
        authors = self.names(report.auteurs)
        return f"{authors} ({report.datum.year}). {report.titel}. {self.names(report.organisaties)}."


    def changes(self, changes) -> list[str]:
        """'1 oktober 2019: verplaatst naar 6 november', newest first."""
        return [timetags.changed(change) for change in sorted(changes, key=lambda change: change.datum, reverse=True)]

    def citation_meta(self, report: Item) -> list[tuple[str, str]]:
        """Highwire Press tags, which reference managers (Zotero, Mendeley) and Google Scholar read."""
        tags = [("citation_title", report.titel)]
        tags += [("citation_author", author.titel) for author in report.auteurs]
        tags += [("citation_publication_date", report.datum.strftime("%Y/%m/%d")), ("citation_language", "nl")]
        tags += [("citation_publisher", partner.titel) for partner in report.organisaties]
        pdfs = [download for download in report.bestanden if suffix(download.bestand) == PDF.suffix]
        if pdfs:
            tags.append(("citation_pdf_url", self.absolute(file_url(pdfs[0].bestand))))
        return tags


def file_url(name: str) -> str:
    """The URL of a download; characters such as # and ? in its name are percent-encoded."""
    return FILES_URL + quote(name, safe="/")
