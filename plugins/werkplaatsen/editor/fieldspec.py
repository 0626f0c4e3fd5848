"""The content model described field by field, for everything that explains it to editors.

The JSON Schemas for the editor, the scaffolds of ``make nieuw``, the editor guide and the browser
editor's configuration are all generated from these specs, which are read off the schemas
themselves, so none can drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ..model import fields
from ..model.filetypes import FILES_PATH, IMAGES, image_names
from ..model.fields import SLUG_PATTERN, Hosts, MarkdownText, RefTo, Term, Uploads, marker
from ..reading.validation import nested_model

# The values a new item starts with: a draft, so it cannot be published by accident.
STARTING_VALUES = {"status": "concept"}

# What each field type is called in Dutch, and an example value in front matter.
KINDS = {
    "tekst": ("tekst", "…"),
    "markdown": ("tekst; Markdown mag (links, lijstjes, **vet**)", "…"),
    "datum": ("datum: jjjj-mm-dd, zoals 2019-10-08", "2019-10-08"),
    "datumtijd": ("datum en tijd, zoals 2019-10-08 13:30", "2019-10-08 13:30"),
    "tijd": ("tijd, zoals 13:30", "13:30"),
    "janee": ("ja of nee", "nee"),
    "getal": ("geheel getal, zoals 2", "1"),
    "duur": ("duur: eerst de tijd, zoals 90 minuten of 2 uur", "2 uur"),
    "bestand": (f"pad naar een bestand in {FILES_PATH}, zoals verslagen/ronde-2.pdf", "…"),
    "afbeelding": (f"pad naar een afbeelding in {FILES_PATH}: {image_names()}", "…"),
    "url": ("webadres dat begint met https://", "https://"),
    "verwijzing": ("korte naam (bestandsnaam zonder .md) van een {target}", "…"),
    "woordenlijst": ("een van: {allowed}", "{first}"),
    "groep": ("groep velden, ingesprongen eronder", ""),
}

FILE_KINDS = ("bestand", "afbeelding")  # a file in content/bestanden/

_PARSERS = {
    fields.parse_date: "datum",
    fields.parse_datetime: "datumtijd",
    fields.parse_time: "tijd",
    fields.parse_bool: "janee",
    fields.parse_positive_int: "getal",
    fields.parse_duration: "duur",
    fields.parse_file: "bestand",
    fields.parse_image_file: "afbeelding",
}


def caseless(pattern: str) -> str:
    """`pattern` with each letter outside a [class] written as [aA].

    JSON Schema and the browser editor take ECMAScript patterns without flags, so this is how a
    pattern says that case does not matter.
    """
    parts, position, in_class = [], 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            parts.append(pattern[position:position + 2])
            position += 2
            continue
        in_class = (in_class or char == "[") and char != "]"
        parts.append(f"[{char.lower()}{char.upper()}]" if char.isalpha() and not in_class else char)
        position += 1
    return "".join(parts)


_DAY = r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_CLOCK = r"(?:[01]?\d|2[0-3]){separator}[0-5]\d"
# The written form of a value of each kind, as the parsers in fields.py accept it (a date's
# month and day within range; whether the day exists is left to the build). Tools that check
# while typing use these: the JSON Schemas and the browser editor.
PATTERNS = {
    "datum": f"^{_DAY}$",
    "datumtijd": f"^{_DAY}[ T]{_CLOCK.format(separator=':')}$",
    "tijd": f"^{_CLOCK.format(separator='[:.]')}$",
    "getal": r"^[1-9][0-9]*$",
    "duur": "^" + caseless(fields.DURATION.pattern),
    "verwijzing": f"^{SLUG_PATTERN.pattern}$",
    "afbeelding": caseless(rf"\.(?:{'|'.join(IMAGES)})$"),
}


def url_pattern(hosts: tuple[str, ...]) -> str:
    """An https address on one of `hosts` (any case), with an optional port, path, query or fragment."""
    names = "|".join(host.replace(".", r"\.") for host in hosts)
    return caseless(f"^https://(?:{names})(?::\\d+)?(?:[/?#][^\\s\\\\]*)?$")


@dataclass
class FieldSpec:
    name: str
    label: str
    help: str
    required: bool
    kind: str
    many: bool = False
    target: str | None = None  # content type, for references
    hosts: str | None = None  # for URLs: which list of websites (fields.Hosts)
    vocabulary: str | None = None  # for vocabulary fields: which list ("themas")
    allowed: dict[str, str] | None = None  # vocabulary terms and their labels
    default: str | None = None  # the model's default, as written in front matter
    uploads: str | None = None  # for files: the folder of content/bestanden/ a new one goes into
    conditional: bool = False  # needed or not depending on other fields (the help says when)
    singular: str | None = None  # for a list: what one item is called
    summary: tuple[str, ...] = ()  # for a group: the fields that tell one item of a list apart
    children: list[FieldSpec] = field(default_factory=list)

    @property
    def kind_text(self) -> str:
        text, _ = KINDS[self.kind]
        allowed = ", ".join(self.allowed or ())
        text = text.format(target=self.target, allowed=allowed)
        return f"lijst; elk item: {text}" if self.many else text

    @property
    def example(self) -> str:
        _, example = KINDS[self.kind]
        return example.format(first=next(iter(self.allowed or {"": ""})))


def specs(model: type[BaseModel], vocabulary: dict) -> list[FieldSpec]:
    return [_spec(name, info, vocabulary) for name, info in model.model_fields.items()]


def _spec(name: str, info, vocabulary: dict) -> FieldSpec:
    annotation = info.annotation
    many = getattr(annotation, "__origin__", None) is list
    extra = info.json_schema_extra or {}
    spec = FieldSpec(name, info.title, info.description, info.is_required(), "tekst", many=many,
                     default=_written(info.default), conditional=extra.get("conditional", False),
                     singular=extra.get("singular"))
    nested = nested_model(annotation)
    reference, term = marker(info, RefTo), marker(info, Term)
    if nested:
        spec.kind, spec.children, spec.summary = "groep", specs(nested, vocabulary), nested.summary
    elif reference:
        spec.kind, spec.target = "verwijzing", reference.type_name
    elif term:
        spec.kind, spec.vocabulary, spec.allowed = "woordenlijst", term.vocabulary, vocabulary[term.vocabulary]
    elif marker(info, MarkdownText):
        spec.kind = "markdown"
    elif marker(info, Hosts):
        spec.kind, spec.hosts = "url", marker(info, Hosts).name
    else:
        spec.kind = _parser_kind(info)
    if marker(info, Uploads):
        _upload_into([spec], marker(info, Uploads).folder)
    return spec


def _upload_into(fields: list[FieldSpec], folder: str) -> None:
    """Files in these fields, or in the groups below them, go into `folder` unless they name one of their own."""
    for spec in fields:
        if spec.kind in FILE_KINDS:
            spec.uploads = spec.uploads or folder
        _upload_into(spec.children, folder)


def _written(default) -> str | None:
    """A field's default as front matter writes it: ja or nee for a boolean; None for no default."""
    if default is PydanticUndefined or default is None:
        return None
    if isinstance(default, bool):
        return "ja" if default else "nee"
    return str(default)


def _parser_kind(info) -> str:
    metadata = list(info.metadata)
    for argument in get_args(info.annotation):
        metadata += list(getattr(argument, "__metadata__", ()))
    for item in metadata:
        kind = _PARSERS.get(getattr(item, "func", None))
        if kind:
            return kind
    return "tekst"
