"""JSON Schema per content type, for completion and checks in the editor while typing.

The schemas describe front matter as a YAML 1.2 parser in an editor sees it, so a number or
true/false may arrive unquoted. The build's own checks remain the authority.
"""

from __future__ import annotations

from .fieldspec import PATTERNS, FieldSpec, specs

_TYPES = {
    "tekst": {"type": "string"},
    "markdown": {"type": "string"},
    "janee": {"enum": ["ja", "nee", True, False]},
    "getal": {"type": ["integer", "string"], "minimum": 1, "pattern": PATTERNS["getal"]},
    "url": {"type": "string", "pattern": "^https://."},
    "bestand": {"type": "string"},
    **{kind: {"type": "string", "pattern": PATTERNS[kind]}
       for kind in ("datum", "datumtijd", "tijd", "duur", "verwijzing", "afbeelding")},
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
