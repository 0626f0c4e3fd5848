"""One schema per content type: the single definition of every field.

Each field carries its Dutch label (``title``, shown on the site) and a Dutch explanation
(``description``, used by error messages, scaffolding, the editor guide and the browser editor).
How a type lives on the site (its folder, URLs, lists) is described in ``contenttypes``.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from . import dutch
from .fields import (
    Bool,
    Date,
    DateTime,
    Duration,
    File,
    ImageFile,
    LinkUrl,
    Markdown,
    Name,
    PositiveInt,
    RegistrationUrl,
    TIMEZONE,
    Text,
    Time,
    Uploads,
    ref,
    slugify,
    term,
)
from .filetypes import FILES_PATH, image_names
from .rules import Problem, linked_rule, rule


def field(label: str, help: str, *, required: bool = False, default=None, conditional: bool = False):
    """A schema field with its Dutch label and explanation.

    conditional: needed or not depending on other fields (a rule of the model that `help` states),
    so forms call it neither required nor optional.
    """
    extra = {"conditional": True} if conditional else None
    if required:
        return Field(title=label, description=help, json_schema_extra=extra)
    return Field(default=default, title=label, description=help, json_schema_extra=extra)


def listfield(label: str, help: str, *, required: bool = False, singular: str | None = None):
    """A list field; `singular` names one item ("les" in a list of lessen), for counts and buttons."""
    extra = {"singular": singular} if singular else None
    if required:
        return Field(title=label, description=help, min_length=1, json_schema_extra=extra)
    return Field(default_factory=list, title=label, description=help, json_schema_extra=extra)


class Record(BaseModel):
    """Shared behaviour: unknown fields are errors, never silently ignored.

    summary: the fields that tell one item of a list of these apart, as a form shows it folded.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    summary: ClassVar[tuple[str, ...]] = ()


class Schema(Record):
    """Fields every content type has."""

    titel: Text = field("Titel", "De titel van de pagina.", required=True)
    status: term("publicatiestatussen") = field(
        "Publicatiestatus",
        "concept: alleen zichtbaar in de lokale voorbeeldweergave; gepubliceerd: op de site. "
        "Altijd invullen: zonder status wordt niets gepubliceerd.",
        required=True,
    )
    voorbeeld: Bool = field(
        "Voorbeeld",
        "ja als de inhoud verzonnen is om de site te laten zien. Zulke pagina's krijgen het "
        "label Voorbeeld en gaan niet naar de echte site.",
        default=False,
    )


class Location(Record):
    naam: Name = field("Naam", "Naam van het gebouw of de zaal.", required=True)
    adres: Name = field("Adres", "Straat en huisnummer.")
    postcode: Name = field("Postcode", "Postcode, zoals 3511 AB.")
    plaats: Name = field("Plaats", "Plaatsnaam.", required=True)


class Registration(Record):
    url: RegistrationUrl = field(
        "Aanmeldformulier",
        "Webadres van het externe aanmeldformulier (https, op een toegestane website). Verplicht, behalve "
        "als de aanmelding geannuleerd is.",
        conditional=True,
    )
    opent: DateTime = field(
        "Aanmelden kan vanaf", "Vanaf dit moment kan men zich aanmelden (2019-08-01 09:00)."
    )
    sluit: DateTime = field(
        "Aanmelden kan tot", "Tot dit moment kan men zich aanmelden (2019-09-20 17:00).",
        required=True,
    )
    status: term("aanmeldstatussen") = field(
        "Aanmeldstatus",
        "Alleen invullen als het nodig is: bijna-vol, vol, geannuleerd of verplaatst.",
    )
    wachtlijst: RegistrationUrl = field(
        "Wachtlijst", "Webadres van de wachtlijst, als die anders is dan het aanmeldformulier."
    )
    oorspronkelijke_datum: Date = field(
        "Oorspronkelijke datum", "Bij status verplaatst: de datum waarop het eerst gepland was.", conditional=True
    )

    @rule
    def _form_unless_cancelled(self):
        if self.status != "geannuleerd" and not self.url:
            return Problem("url", "het aanmeldformulier ontbreekt. Vul een https-adres in.")

    @rule
    def _opens_before_it_closes(self):
        if self.opent and self.opent >= self.sluit:
            return Problem("opent", "het openen van de aanmelding ligt niet vóór het sluiten.")

    @rule
    def _moved_from_a_date(self):
        if self.status == "verplaatst" and not self.oorspronkelijke_datum:
            return Problem("oorspronkelijke_datum", "bij status verplaatst hoort de oorspronkelijke datum (2019-10-01).")


class Period(Record):
    start: Date = field("Start", "Eerste dag (2019-09-01).", required=True)
    eind: Date = field("Eind", "Laatste dag (2019-12-15).", required=True)

    @rule
    def _ordered(self):
        if self.eind < self.start:
            return Problem("eind", "de einddatum ligt vóór de startdatum.")


class PartnerRole(Record):
    summary = ("partner", "rol")
    partner: ref("partner") = field("Partner", "De organisatie.", required=True)
    rol: term("partnerrollen") = field("Rol", "Rol van de partner in de ronde.", required=True)


class Ronde(Schema):

    nummer: PositiveInt = field("Nummer van de ronde", "Het nummer van de ronde: 1 voor de eerste.", required=True)
    periode: Period = field("Periode", "Start en eind van de ronde. Elke sessie van de ronde valt in deze periode. Na het eind "
                            "noemt de programmapagina alleen nog de titel en de periode; de sessies blijven op de "
                            "pagina van de ronde.", required=True)
    seizoen: Text = field("Seizoen", "Korte aanduiding, zoals najaar 2019.")
    samenvatting: Text = field("Samenvatting", "Eén of twee zinnen over de ronde.", required=True)
    doelgroep: Text = field("Voor wie", "Voor wie de ronde bedoeld is.", required=True)
    deelnemers: Text = field("Deelnemers", "Hoeveel en welke deelnemers.")
    werkwijze: Markdown = field("Werkwijze", "Hoe de werkplaatsen werken.")
    kosten: Text = field("Kosten", "Wat deelname kost.")
    partners: list[PartnerRole] = listfield(
        "Partners", "Organisaties met hun rol (partner en rol).", required=True, singular="partner"
    )
    aanmelding: Registration = field("Aanmelden", "Hoe en wanneer men zich aanmeldt.", required=True)
    contact: ref("persoon") = field("Contact", "De contactpersoon voor de ronde.")
    themas: list[term("themas")] = listfield("Thema's", "Thema's uit de woordenlijst.")


class AgendaItem(Record):
    summary = ("tijd", "onderdeel")
    tijd: Time = field("Tijd", "Begintijd van het onderdeel (13:30).", required=True)
    onderdeel: Text = field("Onderdeel", "Wat er gebeurt.", required=True)
    spreker: ref("persoon") = field("Spreker", "Wie dit onderdeel verzorgt.")


class Material(Record):
    summary = ("titel",)
    titel: Name = field("Titel", "Naam van het materiaal.", required=True)
    bestand: File = field("Bestand", f"Pad naar het bestand in {FILES_PATH}, zoals werkbladen/wijkschouw.pdf. "
                          "Vul een bestand of een link in, niet allebei.", conditional=True)
    url: LinkUrl = field("Link", "Webadres (https) als het materiaal elders staat.", conditional=True)

    @rule
    def _one_target(self):
        if bool(self.bestand) == bool(self.url):
            return Problem("bestand", "vul een bestand of een link in (één van beide).")


class Change(Record):
    summary = ("datum", "wat")
    datum: Date = field("Datum", "Wanneer het veranderde (2019-10-01).", required=True)
    wat: Text = field("Wat", "Wat er veranderde, in één zin.", required=True)


class Sessie(Schema):

    ronde: ref("ronde") = field(
        "Ronde", "De ronde waar de sessie bij hoort. Maak de ronde eerst; de sessie moet in de periode van de ronde vallen.",
        required=True,
    )
    nummer: PositiveInt = field("Nummer in de ronde", "Het nummer van de sessie in de ronde: 1 voor de eerste.")
    start: DateTime = field("Begint", "Begin (2019-10-08 13:30).", required=True)
    eind: DateTime = field("Eindigt", "Einde (2019-10-08 17:00).", required=True)
    vorm: term("vormen") = field("Vorm", "fysiek, online of hybride.", required=True)
    locatie: Location = field("Locatie", "Waar de sessie is; verplicht bij fysiek of hybride.", conditional=True)
    samenvatting: Text = field("Samenvatting", "Eén of twee zinnen over de sessie.", required=True)
    agenda: list[AgendaItem] = listfield("Programma", "Onderdelen met tijd en spreker.", singular="onderdeel")
    sprekers: list[ref("persoon")] = listfield("Sprekers", "Wie er in de sessie spreken.")
    instrumenten: list[ref("instrument")] = listfield(
        "Instrumenten", "Instrumenten die in de sessie geoefend worden."
    )
    casussen: list[ref("casus")] = listfield("Casussen", "Casussen die besproken worden.")
    themas: list[term("themas")] = listfield("Thema's", "Thema's uit de woordenlijst.")
    voorbereiding: Markdown = field("Voorbereiding", "Wat deelnemers vooraf doen.")
    materialen: Annotated[list[Material], Uploads("presentaties")] = listfield(
        "Materialen", "Presentaties, werkbladen en andere stukken.", singular="materiaal")
    geleerd: Markdown = field("Wat we leerden", "Na afloop: de belangrijkste lessen in een paar zinnen.")
    aanmelding: Registration = field(
        "Aanmelden", "Alleen invullen als het anders is dan bij de ronde."
    )
    wijzigingen: list[Change] = listfield(
        "Wijzigingen",
        "Verandert de datum, de tijd of de plaats? Zet hier een regel bij (datum en wat). Agenda's "
        "van bezoekers werken zich dan bij.",
        singular="wijziging",
    )

    @rule
    def _ends_after_it_starts(self):
        if self.eind <= self.start:
            return Problem("eind", "het einde ligt niet na het begin. Zet bij eind een moment dat later is dan de start.")

    @rule
    def _located_unless_online(self):
        if self.vorm in {"fysiek", "hybride"} and not self.locatie:
            return Problem("locatie", f"bij vorm {self.vorm} hoort een locatie.")

    @linked_rule
    def _inside_its_round(self):
        """The home page and /programma/ show a session under its round, so it falls in the round's period
        (whole days in Amsterdam time, the last day included)."""
        round_item = self.ronde
        period = round_item.periode
        start, end = (moment.astimezone(TIMEZONE).date() for moment in (self.start, self.eind))
        if period.start <= start and end <= period.eind:
            return None
        where = f'{round_item.source.path}, regel {round_item.source.line_of(("periode",))}, veld "periode"'
        return Problem(
            "start" if not period.start <= start <= period.eind else "eind",
            f'de sessie ({dutch.span(self.start, self.eind)}) valt buiten de periode van de ronde "{round_item.slug}": '
            f"{dutch.period(period.start, period.eind)} ({where}). Kies bij ronde de ronde waarin de sessie valt, "
            "of pas de periode van de ronde aan. Maak een nieuwe ronde eerst, dan de sessies.",
        )


class TrioMember(Record):
    summary = ("rol", "naam")
    rol: term("triorollen") = field("Rol", "Rol in het trio.", required=True)
    naam: Name = field("Naam", "Alleen met toestemming van die persoon.")


class Casus(Schema):

    gemeente: Name = field("Gemeente", "De gemeente van het trio.", required=True)
    wijk: Name = field("Wijk", "De wijk of buurt.")
    ronde: ref("ronde") = field("Ronde", "De ronde waarin het trio aan de casus werkte.", required=True)
    domeinen: list[term("domeinen")] = listfield(
        "Domeinen", "Beleidsdomeinen uit de woordenlijst.", required=True
    )
    opgave: Text = field("Opgave", "De strategische opgave in een paar zinnen.", required=True)
    startvraag: Text = field("Vraag bij de start", "De vraag waarmee het trio begon.")
    trio: list[TrioMember] = listfield("Trio", "De rollen in het trio.", singular="lid van het trio")
    belanghebbenden: list[Text] = listfield("Betrokkenen", "Wie er verder bij betrokken zijn.", singular="betrokkene")
    aanpak: Markdown = field("Aanpak", "Hoe het trio de opgave aanpakt.")
    instrumenten: list[ref("instrument")] = listfield(
        "Instrumenten", "Instrumenten die het trio gebruikte."
    )
    fase: term("fasen") = field("Fase", "verkenning, uitvoering of afgerond.")
    resultaten: Markdown = field("Resultaten", "Wat het tot nu toe opleverde.")
    lessen: list[Text] = listfield("Lessen", "Wat anderen hiervan kunnen leren.", singular="les")
    bijgewerkt: Date = field("Bijgewerkt", "Datum van de laatste wijziging.", required=True)
    themas: list[term("themas")] = listfield("Thema's", "Thema's uit de woordenlijst.")


class Instrument(Schema):

    samenvatting: Text = field("Samenvatting", "Eén of twee zinnen over het instrument.", required=True)
    doel: Text = field("Doel", "Waarvoor het instrument dient.", required=True)
    voor_wie: Text = field("Voor wie", "Wie het instrument gebruikt.")
    fasen: list[term("fasen")] = listfield("Wanneer", "In welke fase het past.")
    stappen: list[Text] = listfield("Aanpak", "De stappen, in volgorde.", required=True, singular="stap")
    duur: Duration = field("Duur", "Hoe lang het duurt: eerst de tijd, zoals 90 minuten of 2 uur.", required=True)
    groepsvormen: list[term("groepsvormen")] = listfield("Groepsvorm", "individueel, trio of groep.")
    materialen: Annotated[list[Material], Uploads("werkbladen")] = listfield(
        "Materialen en downloads", "Werkbladen en andere stukken.", singular="materiaal")
    tips: list[Text] = listfield("Tips voor de begeleider", "Praktische tips.", singular="tip")
    randvoorwaarden: list[Text] = listfield("Randvoorwaarden", "Wat nodig is om het te laten werken.",
                                            singular="randvoorwaarde")
    bron: Markdown = field("Bron", "Waar het instrument vandaan komt en wat bekend is over de werking.")
    eigenaar: ref("partner") = field("Eigenaar", "De organisatie die het instrument beheert.", required=True)
    licentie: Text = field("Licentie", "Onder welke voorwaarden men het mag gebruiken.")
    themas: list[term("themas")] = listfield("Thema's", "Thema's uit de woordenlijst.")
    gecontroleerd: Date = field("Laatst gecontroleerd", "Datum van de laatste controle.", required=True)


def lesson_key(title: str) -> str:
    """What a lesson is, whatever its place in the report: its own words. The lessons feed's entry
    id is the report's URL with this key, so two lessons of one report may not share it."""
    return f"les:{slugify(title)}"


class Lesson(Record):
    summary = ("titel",)
    titel: Text = field("Les", "De les in één zin.", required=True)
    tekst: Text = field("Toelichting", "Een korte toelichting.", required=True)
    themas: list[term("themas")] = listfield("Thema's", "Thema's; anders die van het verslag.")
    casussen: list[ref("casus")] = listfield("Casussen", "Casussen waar de les uit komt.")
    instrumenten: list[ref("instrument")] = listfield("Instrumenten", "Instrumenten bij deze les.")


class Download(Record):
    summary = ("titel",)
    titel: Name = field("Titel", "Naam van het bestand.", required=True)
    bestand: File = field("Bestand", f"Pad naar het bestand in {FILES_PATH}, zoals verslagen/ronde-2.pdf.",
                          required=True)
    taal: term("talen") = field("Taal", "Taal van het bestand.", default="nl")
    paginas: PositiveInt = field("Pagina's", "Aantal pagina's.")


class Verslag(Schema):

    ondertitel: Text = field("Ondertitel", "Een ondertitel.")
    soort: term("publicatiesoorten") = field("Soort", "Soort publicatie.", required=True)
    datum: Date = field("Publicatiedatum", "Datum van publicatie.", required=True)
    auteurs: list[ref("persoon")] = listfield("Auteurs", "Wie de publicatie schreven.", required=True)
    organisaties: list[ref("partner")] = listfield(
        "Organisaties", "De organisaties achter de publicatie.", required=True
    )
    ronde: ref("ronde") = field("Ronde", "De ronde waarover de publicatie gaat.")
    sessies: list[ref("sessie")] = listfield("Sessies", "Sessies waarover het gaat.")
    casussen: list[ref("casus")] = listfield("Casussen", "Casussen waarover het gaat.")
    samenvatting: Text = field("Samenvatting", "Een korte samenvatting.", required=True)
    lessen: list[Lesson] = listfield("Lessen", "Korte lessen, elk met titel en toelichting.", singular="les")
    bestanden: Annotated[list[Download], Uploads("verslagen")] = listfield("Bestanden", "Pdf en andere downloads.",
                                                                          singular="bestand")
    citeren: Name = field("Zo verwijst u naar deze publicatie", "Alleen invullen om de standaard te vervangen.")
    wijzigingen: list[Change] = listfield("Wijzigingen", "Wat er na publicatie is veranderd (datum en wat).",
                                          singular="wijziging")
    themas: list[term("themas")] = listfield("Thema's", "Thema's uit de woordenlijst.")

    @rule
    def _lessons_differ(self):
        """A lesson's title is its key in the lessons feed (lesson_key), so two in one report must differ."""
        seen = set()
        for lesson in self.lessen:
            if lesson_key(lesson.titel) in seen:
                return Problem("lessen", f'twee lessen heten "{lesson.titel}". Geef elke les een eigen titel.')
            seen.add(lesson_key(lesson.titel))


class Partner(Schema):

    afkorting: Name = field("Afkorting", "Korte naam, zoals LPB.")
    website: LinkUrl = field("Website", "Webadres (https).")
    samenvatting: Text = field("Over", "Wat de organisatie doet, in één of twee zinnen.", required=True)


class Persoon(Schema):

    functie: Name = field("Functie", "Functie of rol.")
    organisatie: ref("partner") = field("Organisatie", "De organisatie, als die een partner is.")
    organisatienaam: Name = field("Organisatie", "Naam van de organisatie als die geen partner is.")
    email: Name = field("E-mail", "Alleen een zakelijk adres, met toestemming.")


class Pagina(Schema):

    samenvatting: Text = field("Samenvatting", "Eén zin over de pagina, voor zoekmachines en lijsten.")


class Image(Record):
    bestand: ImageFile = field("Afbeelding", f"Pad naar de afbeelding in {FILES_PATH} ({image_names()}).",
                               required=True)
    alt: Text = field("Beschrijving", "Wat er op de afbeelding te zien is, voor wie hem niet kan zien.", required=True)


class Bericht(Schema):
    datum: Date = field("Publicatiedatum", "Vanaf deze dag staat het bericht op de site (2019-06-02).", required=True)
    samenvatting: Text = field("Samenvatting", "Het bericht in één of twee zinnen.", required=True)
    auteur: ref("persoon") = field("Auteur", "Wie het bericht schreef.")
    afzender: Name = field("Afzender", "Naam van de afzender als het geen persoon is, zoals Webredactie.")
    afbeelding: Annotated[Image, Uploads("nieuws")] = field(
        "Afbeelding", "Een afbeelding bij het bericht, met een beschrijving.")
    rondes: list[ref("ronde")] = listfield("Rondes", "Rondes waarover het bericht gaat.")
    sessies: list[ref("sessie")] = listfield("Sessies", "Sessies waarover het bericht gaat.")
    casussen: list[ref("casus")] = listfield("Casussen", "Casussen waarover het bericht gaat.")
    instrumenten: list[ref("instrument")] = listfield("Instrumenten", "Instrumenten waarover het bericht gaat.")
    verslagen: list[ref("verslag")] = listfield("Verslagen", "Verslagen waarover het bericht gaat.")
    themas: list[term("themas")] = listfield("Thema's", "Thema's uit de woordenlijst.")

    @rule
    def _one_author(self):
        if self.auteur and self.afzender:
            return Problem("afzender", "vul een auteur of een afzender in, niet allebei.")
