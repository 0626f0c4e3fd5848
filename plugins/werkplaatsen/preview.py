"""`python -m werkplaatsen.preview`: the editors' preview at http://localhost:8000.

Builds the site with drafts shown into `.preview/` (never into `output/`), serves it with the
production headers and the Dutch 404 page (``serve``), and rebuilds after every save. A content
problem is reported in the terminal in Dutch; the last good preview stays up meanwhile. Saves made
while a rebuild runs are collected by the watcher and trigger the next rebuild, so none is lost.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pelican.log import console
from pelican.log import init as init_logging
from pelican.settings import read_settings
from watchfiles import watch

from .build import BuildFailed, build
from .errors import ContentErrors
from .serve import SiteServer

ROOT = Path(__file__).resolve().parents[2]


def rebuild(settings: Path, content: Path, output: Path) -> bool:
    """Build the preview; report problems in Dutch. True when the preview is up to date."""
    try:
        build(str(settings), content, output)
    except ContentErrors as problems:
        print(problems.report("De voorbeeldweergave toont de vorige versie tot alles klopt."), file=sys.stderr)
        return False
    except BuildFailed as failure:
        print(failure, file=sys.stderr)
        return False
    print("Bijgewerkt.", flush=True)
    return True


def watched(settings_file: Path, content: Path) -> list[Path]:
    """Everything a save in which changes the site: content, theme, vocabulary, headers, settings."""
    settings = read_settings(str(settings_file))
    root = Path(settings["WERKPLAATSEN_ROOT"])
    paths = [content, Path(settings["THEME"]), root / settings["WERKPLAATSEN_VOCABULARY"],
             root / settings["WERKPLAATSEN_HEADERS_FILE"], settings_file]
    return [path for path in paths if path.exists()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--output", type=Path, default=ROOT / ".preview" / "site")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, fatal="warnings")
    console.quiet = True
    rebuild(args.settings, args.content, args.output)
    with SiteServer(args.output, port=args.port) as server:
        print(f"De voorbeeldweergave draait op http://localhost:{server.port}/ (stoppen: Ctrl+C)", flush=True)
        try:
            for _ in watch(*watched(args.settings, args.content), debounce=50, step=20):
                rebuild(args.settings, args.content, args.output)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
