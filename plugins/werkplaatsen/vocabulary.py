"""The controlled vocabularies (vocabulary.yaml): the terms each list allows, with their Dutch labels."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

import yaml

from . import deps

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


def vocabulary(path: Path | str = VOCABULARY_FILE) -> dict[str, dict[str, str]]:
    """The vocabulary file, read again only when it changed (the preview picks up an edit)."""
    path = Path(path)
    return _read(path, path.stat().st_mtime_ns)


@cache
def _read(path: Path, modified: int) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=yaml.BaseLoader)


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
