"""`python -m werkplaatsen.check [settings]`: check all content without building the site."""

from __future__ import annotations

import sys
from pathlib import Path

from pelican.settings import read_settings

from .catalog import LoadOptions, load
from .errors import ContentErrors
from .generator import vocabulary


def main(argv: list[str]) -> int:
    settings = read_settings(argv[0] if argv else "pelicanconf.py")
    try:
        catalog = load(Path(settings["PATH"]), vocabulary(), LoadOptions.from_settings(settings))
    except ContentErrors as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    count = sum(1 for _ in catalog)
    print(f"Alles in orde: {count} bestanden gecontroleerd.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
