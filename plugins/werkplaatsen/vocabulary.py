"""The controlled vocabularies (vocabulary.yaml), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


@cache
def vocabulary() -> dict[str, dict[str, str]]:
    with VOCABULARY_FILE.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=yaml.BaseLoader)
