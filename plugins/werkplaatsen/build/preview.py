"""`python -m werkplaatsen.build.preview`: the editors' preview at http://localhost:8000.

Builds the site with drafts shown into `.preview/` (never into `output/`), serves it with the
production headers and the Dutch 404 page (``serve``), and after every save renders again only
the pages that save changed (``incremental``). Whatever makes an update fail (a content problem,
a template error, a file that vanished or was half-written while it ran, a broken vocabulary) is
reported in Dutch in the terminal, on top of every page it serves and to /beheer/ (``problems``);
it keeps serving the last good preview meanwhile, and the next good save brings it fully up to
date. Nothing stops it but Ctrl+C or SIGTERM. Saves made while an update runs are collected
by the watcher and start the next update, so none is lost. Ctrl+C and SIGTERM both stop it
cleanly, so whatever runs alongside (see editor.local) stops too.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from pelican.log import init as init_logging
from watchfiles import watch

from ..hosting.serve import Reply, Route, SiteServer
from ..model.dutch import count
from ..model.errors import ContentErrors
from ..model.filetypes import MEDIA_TYPES
from ..system import places, ports
from ..system.places import ROOT
from .incremental import Preview
from .problems import JSON_URL, STYLESHEET, STYLESHEET_URL, Problems, of_failure

SETTINGS = ROOT / "pelicanconf.py"


def update(preview: Preview, problems: Problems) -> bool:
    """Bring the preview up to date; report any failure in Dutch (see problems). True when it is up to date."""
    start = time.perf_counter()
    problems.update_started()
    try:
        written = preview.update()
    except Exception as failure:  # noqa: BLE001 - whatever fails, the preview keeps serving the last good version
        if not isinstance(failure, ContentErrors):
            traceback.print_exc()  # for whoever maintains the code; the Dutch lines below are for the editor
        problems.update_ended(of_failure(failure, Path(preview.settings["THEME"])))
        print(ContentErrors(problems.errors).report("De voorbeeldweergave toont de vorige versie tot alles klopt."),
              file=sys.stderr, flush=True)
        return False
    problems.update_ended([])
    print(f"Bijgewerkt: {count(written, 'bestand', 'bestanden')} in {time.perf_counter() - start:.2f} s.", flush=True)
    return True


def watched(preview: Preview) -> list[Path]:
    """Everything a save in which changes the site: content, theme, vocabulary, headers."""
    settings = preview.settings
    paths = [Path(settings["PATH"]), Path(settings["THEME"]), places.vocabulary_file(settings), places.headers_file(settings)]
    return [path for path in paths if path.exists()]


def serve(content: Path, output: Path, port: int, announce: Callable[[str], None], routes: dict[str, Route] | None = None,
          stop: threading.Event | None = None, settings: Path = SETTINGS, language: bool = True) -> None:
    """Build, serve on 127.0.0.1 and update after every save, until Ctrl+C, SIGTERM or `stop` is set.

    `language`: the plain-language panel on item pages; without it the output equals a full build's.
    """
    init_logging(fatal="warnings")  # warnings stop the build; the root logger shows warnings and up
    # Ctrl+C stops it with its clean-up, also when it was started in the background (which ignores
    # SIGINT), and SIGTERM stops it the same way.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    preview = Preview(settings, content, output, language=language)
    problems = Problems()
    routes = {**(routes or {}), JSON_URL: lambda *request: Reply(200, MEDIA_TYPES["json"], problems.as_json()),
              STYLESHEET_URL: lambda *request: Reply(200, f"{MEDIA_TYPES['css']}; charset=utf-8", STYLESHEET.encode())}
    try:
        update(preview, problems)
        # The watcher yields an empty set when nothing changed for a second: its first yield says it
        # runs, so saves made during the first build are caught by one more update before it listens.
        changes = watch(*watched(preview), debounce=50, step=20, rust_timeout=1000, yield_on_timeout=True,
                        stop_event=stop)
        with SiteServer(output, headers_file=places.headers_file(preview.settings), port=port, routes=routes,
                        banner=problems.banner) as server:
            announce(f"http://localhost:{server.port}")  # the first build is served from here on
            next(changes, None)
            update(preview, problems)
            for changed in changes:
                if changed:
                    update(preview, problems)
    except KeyboardInterrupt:
        pass
    finally:
        preview.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", default="8000", help="0: any free port")
    parser.add_argument("--settings", type=Path, default=SETTINGS)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--output", type=Path, default=ROOT / ".preview" / "site")
    parser.add_argument("--without-language-panel", dest="language", action="store_false",
                        help="no plain-language panel, so the output equals a full build's (for tests)")
    args = parser.parse_args(argv)
    port = ports.claim(args.port, "serve")
    serve(args.content, args.output, port,
          lambda url: print(f"De voorbeeldweergave draait op {url}/ (stoppen: Ctrl+C)", flush=True), settings=args.settings,
          language=args.language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
