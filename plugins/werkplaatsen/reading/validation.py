"""Validate front matter against its schema and translate every failure into plain Dutch.

Every problem of a file comes in one run: the field problems pydantic finds, and every rule over
several fields (see ``rules``), also when other fields of the same record are wrong.
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Annotated

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..model import rules
from ..model.errors import ContentError, allowed_list, suggestion
from ..model.schemas import Schema
from .frontmatter import Source

# Pydantic's own error types that plain strings from front matter can still trigger.
_MESSAGES = {
    "list_type": "hier hoort een lijst: zet elk item op een eigen regel die begint met - .",
    "dict_type": "hier horen velden (naam: waarde), ingesprongen onder deze naam.",
    "model_type": "hier horen velden (naam: waarde), ingesprongen onder deze naam.",
    "model_attributes_type": "hier horen velden (naam: waarde), ingesprongen onder deze naam.",
    "string_type": "hier hoort één tekst, geen lijst of groep velden.",
    "too_short": "deze lijst is leeg; vul minstens één waarde in.",
}


def validate(source: Source, schema: type[Schema], context: dict) -> tuple[Schema | None, list[ContentError]]:
    """A typed record, or every problem of the file. `context` holds the vocabulary and the hosts."""
    try:
        record = schema.model_validate(source.data, context=context)
        errors = []
    except ValidationError as failure:
        record = None
        errors = [_translate(source, schema, error) for error in _without_echoes(failure.errors())]
    broken = rules.problems(record if record is not None else partial(schema, source.data, context))
    errors += [ContentError(source.path, source.line_of(path), path, message) for path, message in broken]
    return (None if errors else record), errors


def partial(model: type[BaseModel], data: dict, context: dict) -> rules.Partial:
    """The fields of `data` that are valid as fields of `model`, for the rules (see rules.Partial)."""
    values = {}
    for name, info in model.model_fields.items():
        if name not in data:
            if not info.is_required():
                values[name] = info.get_default(call_default_factory=True)
            continue
        try:
            values[name] = _field_adapter(model, name).validate_python(data[name], context=context)
        except ValidationError:
            nested = nested_model(info.annotation)
            if nested and isinstance(data[name], list):
                values[name] = [_valid_or_partial(nested, element, context) for element in data[name]]
            elif nested and isinstance(data[name], dict):
                values[name] = partial(nested, data[name], context)
    return rules.Partial(model, values)


def _valid_or_partial(model: type[BaseModel], data, context: dict):
    try:
        return model.model_validate(data, context=context)
    except ValidationError:
        return partial(model, data, context) if isinstance(data, dict) else None


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    """Validates one field as the model does: its type, validators and constraints."""
    info = model.model_fields[name]
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


def _without_echoes(errors: list[dict]) -> list[dict]:
    """A misspelt required field is one mistake: keep "unknown field, did you mean", drop "missing"."""
    misspelt = {
        (tuple(e["loc"][:-1]), close)
        for e in errors
        if e["type"] == "extra_forbidden"
        for close in difflib.get_close_matches(str(e["loc"][-1]), _siblings(errors, e), n=1, cutoff=0.6)
    }
    return [e for e in errors if not (e["type"] == "missing" and (tuple(e["loc"][:-1]), e["loc"][-1]) in misspelt)]


def _siblings(errors: list[dict], extra: dict) -> list[str]:
    """Names of the missing fields next to an unknown field."""
    parent = extra["loc"][:-1]
    return [e["loc"][-1] for e in errors if e["type"] == "missing" and e["loc"][:-1] == parent]


def _translate(source: Source, schema: type[BaseModel], error: dict) -> ContentError:
    path = tuple(error["loc"])
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "missing":
        label = _model_at(schema, path[:-1]).model_fields[path[-1]].title
        message = f'het verplichte veld "{path[-1]}" ({label}) ontbreekt.'
    elif kind == "extra_forbidden":
        known = _model_at(schema, path[:-1]).model_fields
        message = (
            f'"{path[-1]}" is geen bekend veld.{suggestion(str(path[-1]), known)} '
            f"Bekende velden: {allowed_list(known)}."
        )
    elif kind == "woordenlijst":
        allowed = context["toegestaan"]
        message = (
            f"{error['msg']}{suggestion(context['waarde'], allowed)} "
            f"Toegestaan: {allowed_list(allowed)}."
        )
    else:
        message = _MESSAGES.get(kind, error["msg"])
    return ContentError(source.path, source.line_of(path), path, message)


def _model_at(schema: type[BaseModel], path: tuple) -> type[BaseModel]:
    """The nested model class that a location inside the front matter points into."""
    model = schema
    for part in path:
        if isinstance(part, int):
            continue
        model = nested_model(model.model_fields[part].annotation)
    return model


def nested_model(annotation) -> type[BaseModel] | None:
    """The record class inside `Record`, `Record | None` or `list[Record]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = nested_model(argument)
        if found:
            return found
    return None
