"""What the preview tells editors while an update fails: the problems, in the terminal, on every page and in /beheer/.

Any failure of an update becomes a list of ContentError (file, line, field, what to do), the same
objects `make check` prints: content problems as they are, a template error at the template's
file and line, a file that vanished or could not be read while the update ran at that file, and
anything else as one Dutch line that says the fault is in the code. ``Problems`` holds the list
of the last update for the preview server, which puts it as a banner on every HTML page it
serves (``banner``; production output never has it) and answers it as JSON to /beheer/'s script.
"""

from __future__ import annotations

import html
import json
import threading
import traceback
from pathlib import Path

import jinja2

from ..model.dutch import count
from ..model.errors import ContentError, ContentErrors
from ..model.routes import ADMIN_URL

# The preview server's routes: the banner's stylesheet (the page policy allows no inline styles)
# and the problems as JSON for the browser editor's script (theme/static/js/beheer.js).
STYLESHEET_URL = "/_voorbeeld/melding.css"
JSON_URL = f"{ADMIN_URL}problemen.json"
BANNER_ID = "werkplaatsen-voorbeeldmelding"

STYLESHEET = f"""\
#{BANNER_ID} {{ margin: 0; padding: 1rem 1.5rem; border-bottom: 4px solid #a4000f; background: #fff4f4;
  color: #1a1a1a; font: 1rem/1.5 system-ui, sans-serif; }}
#{BANNER_ID} h2 {{ margin: 0 0 .5rem; font-size: 1.25rem; color: #a4000f; }}
#{BANNER_ID} p, #{BANNER_ID} ul {{ margin: 0 0 .5rem; max-width: 60rem; }}
#{BANNER_ID} li {{ overflow-wrap: anywhere; }}
"""


def of_failure(error: BaseException, theme: Path) -> list[ContentError]:
    """The problems an update's failure means to an editor (see the module docstring)."""
    if isinstance(error, ContentErrors):
        return error.errors
    templates = Path(theme).absolute()
    where = _template_frame(error, templates)
    if where:
        file, line = where
        what = error.message if isinstance(error, jinja2.TemplateSyntaxError) else f"{type(error).__name__}: {error}"
        return [ContentError(file, line, (), f"de sjabloon geeft een fout ({what}). Herstel de sjabloon en sla "
                                             "haar opnieuw op.")]
    if isinstance(error, OSError) and error.filename:
        return [ContentError(_shown(Path(error.filename), templates.parent), 0, (), (
            f"het bestand kon niet worden gelezen of geschreven ({error.strerror or error}). Werd het net verplaatst, "
            "verwijderd of nog geschreven? Sla het opnieuw op, of zet het terug."))]
    return [ContentError("", 0, (), (
        f"de voorbeeldweergave kon niet worden bijgewerkt door een fout in de code of de vormgeving, niet in de "
        f"inhoud ({type(error).__name__}: {error}). De melding in het venster waarin het voorbeeld draait, zegt "
        "meer; geef die door aan wie de site bouwt."))]


def _template_frame(error: BaseException, theme: Path) -> tuple[str, int] | None:
    """The template file and line where `error` arose (Jinja puts template frames in tracebacks)."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return _shown(Path(error.filename), theme.parent), error.lineno or 0
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        if path.is_absolute() and path.is_relative_to(theme):
            return _shown(path, theme.parent), frame.lineno or 0
    return None


def _shown(path: Path, root: Path) -> str:
    """A path as editors read it: below the site's folder when it lies there."""
    path = path.absolute()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


class Problems:
    """The problems of the last update, shared between the preview's update loop and its server."""

    def __init__(self):
        self._lock = threading.Lock()
        self._errors: tuple[ContentError, ...] = ()
        self._updates = 0
        self._busy = False

    def update_started(self) -> None:
        self._busy = True

    def update_ended(self, errors: list[ContentError]) -> None:
        with self._lock:
            self._errors, self._updates, self._busy = tuple(sorted(set(errors))), self._updates + 1, False

    @property
    def errors(self) -> list[ContentError]:
        return list(self._errors)

    def banner(self) -> bytes | None:
        """The banner for the top of every HTML page, or None while all is well."""
        errors = self._errors
        if not errors:
            return None
        items = "".join(f"<li>{html.escape(str(error))}</li>" for error in errors)
        return (f'<link rel="stylesheet" href="{STYLESHEET_URL}">'
                f'<aside id="{BANNER_ID}" aria-labelledby="{BANNER_ID}-kop">'
                f'<h2 id="{BANNER_ID}-kop">{html.escape(heading(len(errors)))}</h2>'
                f"<p>{html.escape(SHOWS_LAST_GOOD)}</p><ul>{items}</ul></aside>").encode()

    def as_json(self) -> bytes:
        """What /beheer/'s script shows: the problems (as `make check` words them), how many updates
        ended and whether one runs (so a script or a test knows when a save has been taken in)."""
        with self._lock:
            errors, updates, busy = self._errors, self._updates, self._busy
        return json.dumps({"updates": updates, "bezig": busy, "kop": heading(len(errors)) if errors else "",
                           "uitleg": SHOWS_LAST_GOOD if errors else "",
                           "problemen": [str(error) for error in errors]}, ensure_ascii=False).encode()


SHOWS_LAST_GOOD = ("De voorbeeldweergave toont de laatste versie die wel klopte. Los de problemen hieronder op en "
                   "sla op: dan wordt alles bijgewerkt.")


def heading(number: int) -> str:
    return f"De inhoud heeft {count(number, 'probleem', 'problemen')}"

