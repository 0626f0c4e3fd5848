"""`python -m werkplaatsen.check [settings [content]]`: check all content without building the site."""

from __future__ import annotations

import sys
from pathlib import Path

from pelican.settings import read_settings

from .catalog import LoadOptions
from .clock import build_time
from .content import load
from .dutch import count
from .errors import ContentErrors
from .markup import Renderer
from .vocabulary import vocabulary


def report(problems: ContentErrors) -> str:
    """What make check says about content with problems (the editor guide quotes an example)."""
    return problems.report(f"Los {problems.them} op en controleer opnieuw met make check.")


def main(argv: list[str]) -> int:
    override = {"PATH": str(Path(argv[1]).absolute())} if len(argv) > 1 else None
    settings = read_settings(argv[0] if argv else "pelicanconf.py", override=override)
    try:
        options = LoadOptions.from_settings(settings, build_time(settings))
        terms = vocabulary(Path(settings["WERKPLAATSEN_ROOT"]) / settings["WERKPLAATSEN_VOCABULARY"])
        catalog = load(Path(settings["PATH"]), terms, options, Renderer())
    except ContentErrors as problems:
        print(report(problems), file=sys.stderr)
        return 1
    checked = count(sum(1 for _ in catalog), "bestand", "bestanden")
    print(f"Alles in orde: {checked} gecontroleerd.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
