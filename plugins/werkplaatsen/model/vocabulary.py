"""The controlled vocabularies (vocabulary.yaml): the terms each list allows, with their Dutch labels."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import yaml

from ..system.places import ROOT, VOCABULARY
from . import deps
from .errors import ContentError, ContentErrors
from .fields import SLUG_PATTERN

VOCABULARY_FILE = ROOT / VOCABULARY  # the default of the setting WERKPLAATSEN_VOCABULARY


def vocabulary(path: Path | str = VOCABULARY_FILE) -> dict[str, dict[str, str]]:
    """The vocabulary file, parsed again only when its bytes changed (the preview picks up an edit,
    also a second save within the file system's time resolution)."""
    path = Path(path)
    return _read(path.name, path.read_bytes())


@lru_cache(maxsize=8)  # a few versions: the preview goes back and forth
def _read(name: str, raw: bytes) -> dict[str, dict[str, str]]:
    try:
        text = raw.decode("utf-8")
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except UnicodeDecodeError:
        raise ContentErrors([ContentError(name, 0, (), "het bestand is geen tekst in UTF-8. Sla het op als tekst "
                                                       "(UTF-8) met lijsten van regels sleutel: label.")]) from None
    except yaml.YAMLError as error:
        line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else 0
        raise ContentErrors([ContentError(name, line, (), (
            f"het bestand is geen geldige YAML ({getattr(error, 'problem', None) or error}). Schrijf elke lijst als "
            "een naam met daaronder ingesprongen regels sleutel: label."))]) from None
    problems = _problems(root, name)
    if problems:
        raise ContentErrors(problems)
    return yaml.load(text, Loader=yaml.BaseLoader)


def _problems(root, name: str) -> list[ContentError]:
    """Every list must map keys to labels; a key becomes part of web addresses (/themas/<key>/,
    /lessen/<key>/, filter pages), so it may only hold lowercase letters, digits and hyphens."""
    def problem(node, field: tuple, message: str) -> ContentError:
        return ContentError(name, node.start_mark.line + 1, field, message)

    if not isinstance(root, yaml.MappingNode):
        return [ContentError(name, 1, (), "het bestand moet lijsten bevatten: een naam met daaronder sleutel: label.")]
    problems = []
    for list_node, terms in root.value:
        if not isinstance(terms, yaml.MappingNode):
            problems.append(problem(terms, (list_node.value,), "een lijst bestaat uit regels sleutel: label."))
            continue
        for key, label in terms.value:
            if not isinstance(key, yaml.ScalarNode) or not SLUG_PATTERN.fullmatch(key.value):
                problems.append(problem(key, (list_node.value,), (
                    f'de sleutel "{getattr(key, "value", "")}" mag alleen kleine letters, cijfers en streepjes '
                    "bevatten, zoals wonen-en-zorg: de sleutel wordt een deel van webadressen.")))
            elif not isinstance(label, yaml.ScalarNode) or not label.value.strip():
                problems.append(problem(label, (list_node.value, key.value), "geef de sleutel een label, zoals Wonen en zorg."))
    return problems


class Terms(Mapping):
    """One list of terms; a page that looks up a term depends on that term, one that lists all on all."""

    def __init__(self, name: str, terms: dict[str, str]):
        self.name, self._terms = name, terms

    def __getitem__(self, key: str) -> str:
        deps.read(("term", self.name, key))
        return self._terms[key]

    def __iter__(self) -> Iterator[str]:
        deps.read(("terms", self.name))
        return iter(self._terms)

    def __len__(self) -> int:
        deps.read(("terms", self.name))
        return len(self._terms)

    def __contains__(self, key) -> bool:
        deps.read(("term", self.name, key))
        return key in self._terms


class Vocabulary(Mapping):
    """The vocabularies as pages read them (see deps): vocabulary["themas"]["klimaatadaptatie"]."""

    def __init__(self, lists: dict[str, dict[str, str]]):
        self._views = {name: Terms(name, terms) for name, terms in lists.items()}

    def __getitem__(self, name: str) -> Terms:
        return self._views[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._views)

    def __len__(self) -> int:
        return len(self._views)
