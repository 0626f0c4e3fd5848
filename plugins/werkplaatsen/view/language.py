"""The plain-language check (``plainlanguage``) applied to the site's items, for `make taal` and the preview.

Which texts of an item are checked follows from the content model, never from a list here: every
one-line text field (``Text``) and every Markdown field, in nested records and lists too, and the
Markdown body. Not checked: fields marked as names (``Name``: people, organisations, places,
addresses, files) and the title of a type whose titles are names (``ContentType.named``). Their
words are accepted instead, with the labels of the vocabularies, so a name is never a hard word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import get_args

from ..model.errors import FieldPath, describe_field
from ..model.fields import Markdown, MarkdownText, NameText, Text, marker
from ..model.rules import records
from ..plainlanguage import Checker, Stats, TextReport, aggregate, blocks_from_html
from ..reading.validation import nested_model

BODY = "tekst"  # how reports name the Markdown below the front matter


@dataclass(frozen=True)
class CheckedText:
    """One checked text of an item: where it is and what the check found."""

    path: FieldPath  # () for the body
    label: str  # the field's Dutch label, as the editor's form shows it
    line: int  # where the field starts in the file
    report: TextReport

    @property
    def where(self) -> str:
        """'veld "samenvatting"', 'veld "tekst" (lessen, onderdeel 2)', or 'de tekst' for the body."""
        return f"veld {describe_field(self.path)}" if self.path else "de tekst"


@dataclass(frozen=True)
class ItemReport:
    """Every checked text of one item, with their counts summed."""

    file: str
    url: str
    texts: tuple[CheckedText, ...]

    @property
    def stats(self) -> Stats:
        return aggregate(text.report for text in self.texts)

    @property
    def findings(self) -> int:
        return sum(self.stats.findings.values())


def texts(item, render) -> Iterator[tuple[FieldPath, str, bool]]:
    """(field path, text, whether it is Markdown as HTML) of every prose text of an item, in field order."""
    for path, nested in records(item.record):
        for name, info in type(nested).model_fields.items():
            if not _prose(info) or (not path and name == "titel" and item.type.named):
                continue
            value = getattr(nested, name)
            if isinstance(value, list):
                yield from (((*path, name, index), element, False) for index, element in enumerate(value) if element)
            elif value and marker(info, MarkdownText):
                yield (*path, name), render(value), True
            elif value:
                yield (*path, name), value, False
    if item.html:
        yield (), item.html, True


# What a field of free text is validated by (a Name, a vocabulary key or a web address is not one).
PROSE = (*Text.__metadata__, *Markdown.__metadata__)


def _prose(info) -> bool:
    """Whether a field (or each element of a list field) is a Text or Markdown field."""
    metadata = [*info.metadata, *(m for argument in get_args(info.annotation) for m in getattr(argument, "__metadata__", ()))]
    return any(m is kind for m in metadata for kind in PROSE)


def check_item(checker: Checker, item, render) -> ItemReport:
    """Check every prose text of one item."""
    found = []
    for path, text, markdown in texts(item, render):
        blocks = blocks_from_html(text) if markdown else [text]
        line = item.source.line_of(path) if path else item.source.body_line
        found.append(CheckedText(path, _label(item.schema, path) if path else "Tekst", line,
                          checker.check(blocks, ".".join(map(str, path)) or BODY)))
    return ItemReport(item.source.path, item.url, tuple(found))


def _label(schema, path: FieldPath) -> str:
    """The Dutch labels along a field path: 'Lessen 2: Toelichting'."""
    labels, model = [], schema
    for part in path:
        if isinstance(part, int):
            labels[-1] += f" {part + 1}"
            continue
        info = model.model_fields[part]
        labels.append(info.title)
        model = nested_model(info.annotation)
    return ": ".join(labels)


def accepted_names(catalog, terms: dict) -> set[str]:
    """Words never reported as hard: vocabulary labels, every Name field's value and the titles of
    types whose titles are names."""
    accepted = {label for values in terms.values() for label in values.values()}
    for item in catalog:
        record = item.record
        if item.type.named:
            accepted.add(record.titel)
        for _, nested in records(record):
            accepted |= set(_names(nested))
    return accepted


def _names(record) -> Iterable[str]:
    for name, info in type(record).model_fields.items():
        if marker(info, NameText):
            value = getattr(record, name)
            yield from (value if isinstance(value, list) else [value] if value else [])
