"""The controlled vocabularies (vocabulary.yaml): the terms each list allows, with their Dutch labels."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


def vocabulary(path: Path | str = VOCABULARY_FILE) -> dict[str, dict[str, str]]:
    """The vocabulary file, read again only when it changed (the preview picks up an edit)."""
    path = Path(path)
    return _read(path, path.stat().st_mtime_ns)


@cache
def _read(path: Path, modified: int) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=yaml.BaseLoader)
