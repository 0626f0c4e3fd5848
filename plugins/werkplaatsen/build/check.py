"""`python -m werkplaatsen.build.check [settings [content]]`: check all content without building the site.

It runs everything a build runs before it writes a file, with the same settings: the settings'
own checks, reading and checking every file, rendering every page, calendar and feed in memory,
and checking every link the pages make. So what it accepts, the build builds; a test holds the
two to the same messages for every kind of bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pelican.settings import read_settings

from ..model.dutch import count
from ..model.errors import ContentErrors
from .atomic import print_code_fault, quiet_pelican_logging
from .generator import WerkplaatsenGenerator


def check(settings: dict) -> int:
    """Raise ContentErrors listing every problem; else return how many items the site has."""
    generator = WerkplaatsenGenerator.for_settings(settings)
    generator.generate_context()
    generator.check_output()
    return sum(1 for _ in generator.catalog)


def report(problems: ContentErrors) -> str:
    """What make check says about content with problems (the editor guide quotes an example)."""
    return problems.report(f"Los {problems.them} op en controleer opnieuw met make check.")


def main(argv: list[str]) -> int:
    quiet_pelican_logging()
    override = {"PATH": str(Path(argv[1]).absolute())} if len(argv) > 1 else None
    try:
        items = check(read_settings(argv[0] if argv else "pelicanconf.py", override=override))
    except ContentErrors as problems:
        print(report(problems), file=sys.stderr)
        return 1
    except Exception:  # a bug in code or templates, not in the content
        print_code_fault("De controle", "Er is niets veranderd.")
        return 1
    print(f"Alles in orde: {count(items, 'bestand', 'bestanden')} gecontroleerd.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
