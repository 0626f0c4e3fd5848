"""Field types of the content model.

Front matter is read as plain strings (see ``frontmatter``), so every conversion happens here,
strictly, with a Dutch message that tells the editor which form is accepted. The markers
``Term`` and ``RefTo`` carry the vocabulary name or target content type in the field's
metadata, so validation, reference checks, scaffolding and docs all read the same annotation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Annotated, get_args
from zoneinfo import ZoneInfo

from babel.dates import format_date
from pydantic import AfterValidator, BeforeValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from . import characters, urls
from .filetypes import FILES_PATH, FILES_URL, IMAGES, image_names, suffix

TIMEZONE = ZoneInfo("Europe/Amsterdam")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

DATE_HINT = "Schrijf eerst het jaar, dan de maand, dan de dag: 2019-10-08 is 8 oktober 2019."
# A date as Dutch writes it by hand, day first ("5-12-2019", "05/12/2019"), with or without a time.
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}[:.]\d{2}))?")
SLUG_MAX_LENGTH = 80


def slugify(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """'Wonen & zorg: één plek in trio's' becomes 'wonen-zorg-een-plek-in-trios'.

    Accents go, apostrophes vanish, every other run of signs becomes one hyphen; a long text is
    cut at a word, so a file name or an id stays readable and within file system limits.
    """
    plain = unicodedata.normalize("NFKD", re.sub("['\u2019]", "", text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug
DATETIME_HINT = "Schrijf een datum met tijd als 2019-10-08 13:30: eerst het jaar, dan de maand, dan de dag."


def _day_first(text: str) -> str:
    """For a date written day first, the date it most likely is, as the model wants it written.

    ' Bedoelt u 5 december 2019? Schrijf dan 2019-12-05.' for "05-12-2019"; nothing for other text,
    so an editor who copies the example (2019-10-08) never swaps day and month unawares.
    """
    match = _DAY_FIRST.fullmatch(text)
    if not match:
        return ""
    try:
        day = date(int(match[3]), int(match[2]), int(match[1]))
        moment = parse_time(match[4]) if match[4] else None
    except ValueError:  # no such day or time: no guess
        return ""
    written = f"{day.isoformat()} {moment:%H:%M}" if moment else day.isoformat()
    return f" Bedoelt u {format_date(day, 'd MMMM y', locale='nl_NL')}? Schrijf dan {written}."


def _fail(kind: str, message: str, **context) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


def _as_text(value, one_line: bool) -> str:
    """The value stripped, with no character a text may not hold once YAML has decoded it (see characters)."""
    if not isinstance(value, str):
        raise _fail("tekst", "hier hoort één tekst, geen lijst of groep velden.")
    text = value.strip()
    problem = characters.problem(text, one_line)
    if problem:
        raise _fail("teken", problem)
    return text


def _text(value) -> str:
    """One line of text: every field's value is, but a Markdown field's."""
    return _as_text(value, one_line=True)


def _paragraphs(value) -> str:
    """A Markdown field keeps its paragraphs."""
    return _as_text(value, one_line=False)


def parse_date(value) -> date:
    if isinstance(value, date):
        return value
    text = _text(value)
    if not _DATE.fullmatch(text):
        raise _fail("datum", f'"{text}" is geen datum in de goede vorm. {DATE_HINT}{_day_first(text)}')
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail("datum", f'"{text}" bestaat niet als datum. {DATE_HINT}') from None


def parse_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return value
    text = _text(value)
    match = _DATETIME.fullmatch(text)
    if not match:
        hint = " Alleen een datum mag hier niet: de tijd is nodig." if _DATE.fullmatch(text) else _day_first(text)
        raise _fail("datumtijd", f'"{text}" is geen datum met tijd in de goede vorm. {DATETIME_HINT}{hint}')
    day = parse_date(match.group(1))
    moment = parse_time(match.group(2))
    return datetime.combine(day, moment, tzinfo=TIMEZONE)


def parse_time(value) -> time:
    if isinstance(value, time):
        return value
    text = _text(value)
    match = _TIME.fullmatch(text)
    hint = "Schrijf een tijd als 13:30."
    if not match:
        raise _fail("tijd", f'"{text}" is geen tijd. {hint}')
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise _fail("tijd", f'"{text}" bestaat niet als tijd. {hint}')
    return time(hour, minute)


def parse_bool(value) -> bool:
    text = _text(value).lower()
    if text in {"ja", "true"}:
        return True
    if text in {"nee", "false"}:
        return False
    raise _fail("janee", f'"{text}" is geen ja of nee. Schrijf ja of nee.')


def parse_slug(value) -> str:
    text = _text(value)
    if not SLUG_PATTERN.fullmatch(text):
        raise _fail(
            "slug",
            f'"{text}" is geen geldige korte naam. Gebruik kleine letters, cijfers en '
            "streepjes, zoals sessie-2-wonen.",
        )
    return text


def parse_positive_int(value) -> int:
    text = _text(value)
    if not text.isdigit() or int(text) < 1:
        raise _fail("getal", f'"{text}" is geen geheel getal groter dan 0. Schrijf bijvoorbeeld 3.')
    return int(text)


DURATION = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:tot\s+\d+(?:[.,]\d+)?\s*)?(minuten|minuut|min|uur|uren)\b", re.I)


def duration_minutes(text: str) -> int:
    """The (shortest) duration a text such as '2 tot 3 uur, met pauze' or '90 minuten' gives, in minutes."""
    match = DURATION.match(text.strip())
    amount = float(match.group(1).replace(",", "."))
    return round(amount * (1 if match.group(2).lower().startswith("min") else 60))


def parse_duration(value) -> str:
    text = _text(value)
    if not DURATION.match(text):
        raise _fail("duur", f'"{text}" begint niet met een duur. Schrijf eerst de tijd, zoals 90 minuten of '
                            "2 uur; daarna mag een toelichting, zoals 2 uur, inclusief pauze.")
    return text


# What else an editor may paste for the file content/bestanden/x.pdf: its web address (as the text
# links to it) and its path in the repository (what the browser editor's library copies).
FILE_PREFIXES = (FILES_URL, FILES_PATH)


def parse_file(value) -> str:
    """A file in content/bestanden/, as its path from that folder: verslagen/ronde-2.pdf.

    The same file written as /bestanden/verslagen/ronde-2.pdf or content/bestanden/verslagen/ronde-2.pdf
    is taken as that path too: there is only one file it can mean, so there is no need to refuse it.
    """
    text = _text(value)
    for prefix in FILE_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def parse_image_file(value) -> str:
    text = parse_file(value)
    if suffix(text) not in IMAGES:
        raise _fail("afbeelding", f'"{text}" is geen afbeelding. Gebruik een {image_names("-")}bestand uit '
                                  f"{FILES_PATH}, zoals nieuws/foto.jpg.")
    return text


@dataclass(frozen=True)
class Hosts:
    """Marks a URL field and names the list of websites it may point to.

    ``aanmelden``: the registration forms; ``links``: every website pages may link to. The lists
    themselves are settings, passed in the validation context.
    """

    name: str

    def __call__(self, value: str, info: ValidationInfo) -> str:
        try:
            return urls.external(value, (info.context or {})["hosts"][self.name])
        except urls.UrlProblem as problem:
            raise _fail("url", str(problem)) from None


@dataclass(frozen=True)
class Uploads:
    """Marks a field (or a group or list of them) whose new files go into this folder of content/bestanden/.

    The browser editor puts a file uploaded in such a field there, so downloads stay sorted by kind.
    """

    folder: str


@dataclass(frozen=True)
class Term:
    """Marks a field whose value must be a key of the named vocabulary."""

    vocabulary: str

    def __call__(self, value: str, info: ValidationInfo) -> str:
        vocabulary = (info.context or {})["vocabulary"]
        allowed = vocabulary[self.vocabulary]
        if value not in allowed:
            raise _fail(
                "woordenlijst",
                f'"{value}" staat niet in de woordenlijst {self.vocabulary}.',
                waarde=value,
                toegestaan=list(allowed),
            )
        return value


@dataclass(frozen=True)
class RefTo:
    """Marks a field that refers by slug to an item of another content type."""

    type_name: str


@dataclass(frozen=True)
class MarkdownText:
    """Marks a text field that may contain Markdown (links, lists, emphasis)."""


@dataclass(frozen=True)
class NameText:
    """Marks a one-line text that names someone or something (a person, an organisation, a place,
    an address, a file): not prose, so the plain-language check accepts its words instead."""


def marker(info, kind: type):
    """The marker of class `kind` (Term, RefTo, MarkdownText, NameText, Hosts, Uploads) on a schema field, also
    when it marks the items of a list; None when the field has none."""
    found = [m for m in info.metadata if isinstance(m, kind)]
    for argument in get_args(info.annotation):
        found += [m for m in getattr(argument, "__metadata__", ()) if isinstance(m, kind)]
    return found[0] if found else None


def term(vocabulary: str):
    marker = Term(vocabulary)
    return Annotated[str, BeforeValidator(_text), AfterValidator(marker), marker]


def ref(type_name: str):
    return Annotated[str, BeforeValidator(parse_slug), RefTo(type_name)]


Text = Annotated[str, BeforeValidator(_text)]
Markdown = Annotated[str, BeforeValidator(_paragraphs), MarkdownText()]
Name = Annotated[str, BeforeValidator(_text), NameText()]
Slug = Annotated[str, BeforeValidator(parse_slug)]
Date = Annotated[date, BeforeValidator(parse_date)]
DateTime = Annotated[datetime, BeforeValidator(parse_datetime)]
Time = Annotated[time, BeforeValidator(parse_time)]
Bool = Annotated[bool, BeforeValidator(parse_bool)]
PositiveInt = Annotated[int, BeforeValidator(parse_positive_int)]
Duration = Annotated[str, BeforeValidator(parse_duration)]
File = Annotated[str, BeforeValidator(parse_file)]
ImageFile = Annotated[str, BeforeValidator(parse_image_file)]
RegistrationUrl = Annotated[str, BeforeValidator(_text), AfterValidator(Hosts("aanmelden")), Hosts("aanmelden")]
LinkUrl = Annotated[str, BeforeValidator(_text), AfterValidator(Hosts("links")), Hosts("links")]
