"""Rules over several fields, each reported on its own, in the same run as every field problem.

Pydantic runs a model's own validators only once all its fields are valid, and stops at the first
that raises: an editor would see "the end is before the start" and, only after fixing it, "a
hybrid session needs a location". So a rule here is a plain method of a schema, marked with
``@rule``, that returns a ``Problem`` or None, and ``validation`` runs every rule of every record
in a file: on the validated record or, when some fields have errors of their own, on the fields
that are valid (``Partial``). A rule that reads a field with an error of its own is left out:
that field's own message says what to fix first.

``@linked_rule`` marks a rule that reads the items a record refers to (a session and its round);
the catalog runs those once every file is read, on the item, so a change to the round checks its
sessions again. A reference to an item that is not there has an error of its own; such a rule is
then left out too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from .errors import FieldPath

RECORD, LINKED = "record", "linked"


@dataclass(frozen=True)
class Problem:
    """What a rule found: the field to name (in the record the rule belongs to) and the Dutch message."""

    field: str
    message: str


def rule(method: Callable) -> Callable:
    method.rule = RECORD
    return method


def linked_rule(method: Callable) -> Callable:
    method.rule = LINKED
    return method


@cache
def rules_of(model: type, kind: str = RECORD) -> tuple[Callable, ...]:
    """The rules of a model, in the order they are written."""
    return tuple(value for cls in reversed(model.__mro__) for value in vars(cls).values()
                 if getattr(value, "rule", None) == kind)


class Unknown(Exception):
    """A rule read a field that has an error of its own."""


class Partial:
    """The valid fields of a record that has errors; reading another field raises Unknown."""

    def __init__(self, model: type[BaseModel], values: dict):
        self.model, self.values = model, values

    def __getattr__(self, name: str):
        values = self.__dict__["values"]
        if name not in values:
            raise Unknown(name)
        return values[name]


def records(record, path: FieldPath = ()) -> Iterator[tuple[FieldPath, object]]:
    """(field path, record) for a record, valid or partial, and every record nested in it."""
    yield path, record
    names = record.values if isinstance(record, Partial) else type(record).model_fields
    for name in names:
        value = getattr(record, name)
        for index, element in enumerate(value) if isinstance(value, list) else [(None, value)]:
            if isinstance(element, (BaseModel, Partial)):
                yield from records(element, (*path, name) if index is None else (*path, name, index))


def problems(record) -> list[tuple[FieldPath, str]]:
    """(field path, message) for every rule that a record (valid or Partial), or one nested in it, breaks."""
    return [found for path, nested in records(record)
            for found in _run(rules_of(nested.model if isinstance(nested, Partial) else type(nested)), nested, path,
                              Unknown)]


def linked_problems(item) -> list[tuple[FieldPath, str]]:
    """(field path, message) for every linked rule a catalog item breaks."""
    return _run(rules_of(item.schema, LINKED), item, (), (Unknown, KeyError))  # KeyError: see the module


def _run(checks, target, path: FieldPath, skipped) -> list[tuple[FieldPath, str]]:
    broken = []
    for check in checks:
        try:
            problem = check(target)
        except skipped:
            continue
        if problem:
            broken.append(((*path, problem.field), problem.message))
    return broken
