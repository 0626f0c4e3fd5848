"""schema.org data (JSON-LD) and the head metadata of every page: canonical URL and Open Graph.

Each content type names its schema.org type in its descriptor; the builder for that type maps the
item's published fields, nothing else. Sessions are Events whose status and offer come from the
one registration status. Every URL is absolute, from SITEURL.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..model import dutch
from ..model.fields import duration_minutes
from ..model.filetypes import MEDIA_TYPES
from ..reading.catalog import Item
from .history import history
from .indexes import Site
from .offers import SCHEMA, offer
from .present import Presenter, file_url
from .shareimages import ShareImages

AGENTS = {"Person", "Organization"}  # schema.org gives these no inLanguage
ARTICLE_TYPES = {"Report", "NewsArticle"}  # Open Graph type "article"; everything else is "website"
ATTENDANCE = {"fysiek": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "hybride": "MixedEventAttendanceMode"}


class StructuredData:
    """Builds the JSON-LD of a page; templates call it through the global ``structured``."""

    def __init__(self, site: Site, show: Presenter, share: ShareImages):
        self.site, self.show, self.share = site, show, share
        self.url = show.absolute  # the full address of a path

    def __call__(self, trail: list[tuple[str, str]], item: Item | None = None) -> Markup:
        graph = [self.breadcrumbs(trail)] if len(trail) > 1 else []  # a trail of one (home) says nothing
        if item:  # pages that are not an item have none (templates pass an undefined value)
            graph.insert(0, self.item(item))
        return script({"@context": "https://schema.org", "@graph": graph}) if graph else Markup()

    def item(self, item: Item) -> dict:
        kind = item.type.structured_data
        data = {"@type": kind, "@id": self.url(item.url), "url": self.url(item.url), "name": item.titel,
                "inLanguage": None if kind in AGENTS else "nl"}
        if getattr(item, "samenvatting", None):
            data["description"] = item.samenvatting
        data.update(getattr(self, f"_{kind.lower()}", lambda _: {})(item))
        return _present(data)

    def breadcrumbs(self, trail: list[tuple[str, str]]) -> dict:
        return {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": self.url(url)}
            for position, (url, name) in enumerate(trail, 1)]}

    def _organization(self, partner: Item) -> dict:
        data = {"alternateName": partner.afkorting} if partner.afkorting else {}
        return {**data, "sameAs": partner.website} if partner.website else data

    def _person(self, person: Item) -> dict:
        data = {"jobTitle": person.functie, "email": person.email and f"mailto:{person.email}"}
        if person.organisatie or person.organisatienaam:
            data["worksFor"] = self._reference(person.organisatie) if person.organisatie else \
                {"@type": "Organization", "name": person.organisatienaam}
        return _present(data)

    def _event(self, session: Item) -> dict:
        status = self.site.status(session)
        past = history(session)
        data = {
            "startDate": dutch.iso(session.start), "endDate": dutch.iso(session.eind),
            "eventStatus": SCHEMA + past.event_status, "eventAttendanceMode": SCHEMA + ATTENDANCE[session.vorm],
            "location": self._locations(session),
            "organizer": [self._reference(role.partner) for role in session.ronde.partners if role.rol == "organisator"],
            "performer": [self._reference(person) for person in session.sprekers],
            "superEvent": {"@type": "EventSeries", "@id": self.url(session.ronde.url), "name": session.ronde.titel},
            "image": self.share(session.url, session).json_ld(),
        }
        if past.previous_date:
            data["previousStartDate"] = past.previous_date.isoformat()
        data["offers"] = offer(status, self.site.registration(session), session.ronde.kosten)
        return _present(data)

    def _locations(self, session: Item) -> list[dict]:
        found = []
        if session.locatie:
            place = session.locatie
            found.append({"@type": "Place", "name": place.naam, "address": _present({
                "@type": "PostalAddress", "streetAddress": place.adres, "postalCode": place.postcode,
                "addressLocality": place.plaats, "addressCountry": "NL"})})
        if session.vorm in ("online", "hybride"):
            found.append({"@type": "VirtualLocation", "url": self.url(session.url)})
        return found

    def _eventseries(self, round_item: Item) -> dict:
        return {"startDate": round_item.periode.start.isoformat(), "endDate": round_item.periode.eind.isoformat(),
                "organizer": [self._reference(role.partner) for role in round_item.partners if role.rol == "organisator"],
                "subEvent": [{"@id": self.url(session.url)} for session in self.site.sessions_of(round_item)]}

    def _article(self, item: Item) -> dict:
        """Reports and news: who wrote it, who published it (the programme, with the report's organisations),
        when, about what, with which files and which image."""
        changed = [change.datum for change in getattr(item, "wijzigingen", [])]
        people, desk = self.show.writers(item)
        authors = [self._reference(person) for person in people]
        if desk:
            authors = [{"@type": "Organization", "name": desk}]
        return _present({
            "headline": item.titel, "alternativeHeadline": getattr(item, "ondertitel", None),
            "datePublished": getattr(item, item.type.embargo).isoformat(),
            "dateModified": max(changed).isoformat() if changed else None,
            "author": authors,
            "publisher": [self.share.publisher(),
                          *(self._reference(partner) for partner in getattr(item, "organisaties", []))],
            "keywords": [self.site.theme_label(theme) for theme in item.themas],
            "encoding": [self._media(download) for download in getattr(item, "bestanden", [])],
            "image": self.share(item.url, item).json_ld(),
        })

    _report = _newsarticle = _article

    def _howto(self, instrument: Item) -> dict:
        return _present({
            "totalTime": f"PT{duration_minutes(instrument.duur)}M",
            "step": [{"@type": "HowToStep", "position": n, "text": step} for n, step in enumerate(instrument.stappen, 1)],
            "author": self._reference(instrument.eigenaar),
            "dateModified": instrument.gecontroleerd.isoformat(),
            "keywords": [self.site.theme_label(theme) for theme in instrument.themas],
        })

    def _creativework(self, casus: Item) -> dict:
        return _present({
            "description": casus.opgave, "dateModified": casus.bijgewerkt.isoformat(),
            "spatialCoverage": {"@type": "Place", "name": ", ".join(p for p in (casus.wijk, casus.gemeente) if p)},
            "keywords": [self.site.theme_label(theme) for theme in casus.themas],
            "about": [self.show.term("domeinen", domain) for domain in casus.domeinen],
        })

    def _media(self, download) -> dict:
        upload = self.show.uploads[download.bestand]
        return _present({"@type": "MediaObject", "name": download.titel, "contentUrl": self.url(file_url(download.bestand)),
                         "encodingFormat": MEDIA_TYPES[upload.extension],
                         "contentSize": f"{upload.size} B", "inLanguage": download.taal})

    def _reference(self, item: Item) -> dict:
        return {"@type": item.type.structured_data, "@id": self.url(item.url), "url": self.url(item.url),
                "name": item.titel}


def _present(data: dict) -> dict:
    """Leave out what is empty: structured data only states what the item says."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def script(document: dict) -> Markup:
    """A JSON-LD script element; <, > and & are escaped so no text can end the element. An infinite
    or NaN number stops the build rather than writing JSON that no reader accepts."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def og_type(item: Item | None) -> str:
    return "article" if item and item.type.structured_data in ARTICLE_TYPES else "website"
