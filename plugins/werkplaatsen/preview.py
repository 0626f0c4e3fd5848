"""`python -m werkplaatsen.preview`: the editors' preview at http://localhost:8000.

Builds the site with drafts shown into `.preview/` (never into `output/`), serves it with the
production headers and the Dutch 404 page (``serve``), and rebuilds after every save. A content
problem is reported in the terminal in Dutch; the last good preview stays up meanwhile. Saves made
while a rebuild runs are collected by the watcher and trigger the next rebuild, so none is lost.
Ctrl+C and SIGTERM both stop it cleanly, so whatever runs alongside (see editor.local) stops too.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from pelican.log import console
from pelican.log import init as init_logging
from watchfiles import watch

from .build import BuildFailed, build
from .errors import ContentErrors
from .serve import Route, SiteServer

ROOT = Path(__file__).resolve().parents[2]
PREVIEW = ROOT / ".preview" / "site"
WATCHED = [ROOT / "theme", ROOT / "hosting", Path(__file__).with_name("vocabulary.yaml"), ROOT / "pelicanconf.py"]


def rebuild(content: Path, output: Path = PREVIEW) -> bool:
    """Build the preview; report problems in Dutch. True when the preview is up to date."""
    try:
        build(str(ROOT / "pelicanconf.py"), content, output)
    except ContentErrors as problems:
        print(problems.report("De voorbeeldweergave toont de vorige versie tot alles klopt."), file=sys.stderr)
        return False
    except BuildFailed as failure:
        print(failure, file=sys.stderr)
        return False
    print("Bijgewerkt.", flush=True)
    return True


def serve(content: Path, output: Path, port: int, announce: Callable[[str], None],
          routes: dict[str, Route] | None = None, stop: threading.Event | None = None) -> None:
    """Build, serve on 127.0.0.1 and rebuild after every save, until Ctrl+C, SIGTERM or `stop` is set."""
    init_logging(level=logging.WARNING, fatal="warnings")
    console.quiet = True
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        rebuild(content, output)
        output.parent.mkdir(parents=True, exist_ok=True)
        with SiteServer(output, port=port, routes=routes) as server:
            announce(f"http://localhost:{server.port}")
            for _ in watch(*[path for path in [content, *WATCHED] if path.exists()], debounce=50, step=20,
                           stop_event=stop):
                rebuild(content, output)
    except KeyboardInterrupt:
        pass


def _interrupt(signum, frame):
    """SIGTERM stops like Ctrl+C: through the same clean-up."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    serve(args.content, PREVIEW, args.port,
          lambda url: print(f"De voorbeeldweergave draait op {url}/ (stoppen: Ctrl+C)", flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
