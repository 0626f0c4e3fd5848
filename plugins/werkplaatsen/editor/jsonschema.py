"""JSON Schema per content type, for completion and checks in the editor while typing.

The schemas describe front matter as a YAML 1.2 parser in an editor sees it, so a number or
true/false may arrive unquoted. The build's own checks remain the authority.
"""

from __future__ import annotations

from .fieldspec import FieldSpec, specs
from ..fields import SLUG_PATTERN

_TYPES = {
    "tekst": {"type": "string"},
    "markdown": {"type": "string"},
    "datum": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "datumtijd": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$"},
    "tijd": {"type": "string", "pattern": r"^\d{1,2}[:.]\d{2}$"},
    "janee": {"enum": ["ja", "nee", True, False]},
    "getal": {"type": ["integer", "string"], "minimum": 1, "pattern": r"^[1-9][0-9]*$"},
    "url": {"type": "string", "pattern": "^https://."},
    "duur": {"type": "string", "pattern": r"^\d+([.,]\d+)?\s*(tot\s+\d+([.,]\d+)?\s*)?(minuten|minuut|min|uur|uren)\b"},
    "verwijzing": {"type": "string", "pattern": f"^{SLUG_PATTERN.pattern}$"},
}


def schema_for(model, vocabulary: dict, title: str) -> dict:
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        **_object(specs(model, vocabulary)),
    }


def _object(fields: list[FieldSpec]) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [spec.name for spec in fields if spec.required],
        "properties": {spec.name: _property(spec) for spec in fields},
    }


def _property(spec: FieldSpec) -> dict:
    if spec.kind == "groep":
        value = _object(spec.children)
    elif spec.kind == "woordenlijst":
        value = {"enum": list(spec.allowed)}
    else:
        value = dict(_TYPES[spec.kind])
    if spec.many:
        value = {"type": "array", "items": value, **({"minItems": 1} if spec.required else {})}
    description = f"{spec.label}. {spec.help} ({spec.kind_text})"
    return {"title": spec.label, "description": description, **value}
