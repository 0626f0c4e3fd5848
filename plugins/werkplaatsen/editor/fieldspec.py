"""The content model described field by field, for everything that explains it to editors.

The JSON Schemas for the editor, the scaffolds of ``make nieuw`` and the editor guide are all
generated from these specs, which are read off the schemas themselves, so none can drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from pydantic import BaseModel

from .. import fields
from ..fields import Hosts, MarkdownText, RefTo, Term, marker
from ..validation import nested_model

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
    "url": ("webadres dat begint met https://", "https://"),
    "verwijzing": ("korte naam (bestandsnaam zonder .md) van een {target}", "…"),
    "woordenlijst": ("een van: {allowed}", "{first}"),
    "groep": ("groep velden, ingesprongen eronder", ""),
}

_PARSERS = {
    fields.parse_date: "datum",
    fields.parse_datetime: "datumtijd",
    fields.parse_time: "tijd",
    fields.parse_bool: "janee",
    fields.parse_positive_int: "getal",
    fields.parse_duration: "duur",
}


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
    allowed: dict[str, str] | None = None  # vocabulary terms and their labels
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
    spec = FieldSpec(name, info.title, info.description, info.is_required(), "tekst", many=many)
    nested = nested_model(annotation)
    reference, term = marker(info, RefTo), marker(info, Term)
    if nested:
        spec.kind, spec.children = "groep", specs(nested, vocabulary)
    elif reference:
        spec.kind, spec.target = "verwijzing", reference.kind
    elif term:
        spec.kind, spec.allowed = "woordenlijst", vocabulary[term.vocabulary]
    elif marker(info, MarkdownText):
        spec.kind = "markdown"
    elif marker(info, Hosts):
        spec.kind, spec.hosts = "url", marker(info, Hosts).name
    else:
        spec.kind = _parser_kind(info)
    return spec


def _parser_kind(info) -> str:
    metadata = list(info.metadata)
    for argument in get_args(info.annotation):
        metadata += list(getattr(argument, "__metadata__", ()))
    for item in metadata:
        kind = _PARSERS.get(getattr(item, "func", None))
        if kind:
            return kind
    return "tekst"
