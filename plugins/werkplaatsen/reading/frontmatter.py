"""Read a content file into front matter (plain strings, with the line of every field) and body.

Content arrives through git from many hands, so every file is treated as hostile input:

- YAML 1.1 guesses types (`10:30` becomes 630, `no` becomes False). The front matter is built
  from the parser's events, and every scalar stays a string, so the schema alone decides what a
  value means.
- Anchors and aliases (`&a`, `*a`) are refused before anything is expanded, so a few lines
  cannot grow into gigabytes; tags (`!x`) are refused too. Editors never need them.
- Nesting deeper than ``MAX_DEPTH`` is refused while parsing, without recursion.
- Files over ``MAX_BYTES`` and control characters (NUL, vertical tab, ...) are refused with the
  line they are on, so line numbers always match what an editor's text editor shows. The same
  characters written as escapes (``"\\x0b"``) are refused in the decoded values, by the schema's
  field types (see ``characters``); so is a field name that holds one, here.

An empty field counts as not filled in, and so do an unquoted ``null`` or ``~`` (YAML's own word
for nothing) and a group whose fields are all empty: the browser editor writes ``voorbeeld: null``
when someone clears a choice, and ``locatie: {naam: ""}`` when someone typed in a group and cleared
it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..model import characters
from ..model.errors import ContentError, FieldPath
from ..model.filetypes import FILES_PATH

try:
    _Loader = yaml.CBaseLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.BaseLoader

DELIMITER = "---"
EXAMPLE = "Begin het bestand met een regel ---, dan de velden, dan weer een regel ---."
MAX_BYTES = 1_000_000
MAX_DEPTH = 8
# Plain scalars that mean "nothing" in YAML 1.1 and 1.2 alike; quoted, they are ordinary text.
_NULLS = {"null", "Null", "NULL", "~"}


@dataclass
class Source:
    """A parsed content file: its data, the line of each field path, and the Markdown body."""

    path: str
    data: dict
    lines: dict[FieldPath, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line_of(self, path: FieldPath) -> int:
        """The line of the field, or of its nearest parent that exists."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def read(path: str, raw: bytes) -> tuple[Source | None, list[ContentError]]:
    """Parse a content file; on failure return None and every problem that stops reading it."""
    def fail(line: int, message: str):
        return None, [ContentError(path, line, (), message)]

    if len(raw) > MAX_BYTES:
        return fail(1, f"het bestand is groter dan {MAX_BYTES // 1_000_000} MB. Maak de tekst korter of "
                       f"zet lange stukken in een pdf in {FILES_PATH}.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fail(line, "het bestand is niet opgeslagen als UTF-8. Sla het op met codering UTF-8.")
    text = text.removeprefix("\ufeff")
    bad = characters.IN_FILE.search(text)
    if bad:
        return fail(text.count("\n", 0, bad.start()) + 1, f"deze regel bevat {characters.what(bad.group()[0])}")
    if not text.strip():
        return fail(1, f"het bestand is leeg. {EXAMPLE}")
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() != DELIMITER:
        return fail(1, f"het bestand begint niet met velden. {EXAMPLE}")
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == DELIMITER), None)
    if end is None:
        return fail(1, f"de velden worden niet afgesloten met een regel ---. {EXAMPLE}")
    source = Source(path=path, data={}, body="\n".join(lines[end + 1 :]), body_line=end + 2)
    try:
        data, errors = _Builder(source).build("\n".join(lines[1:end]))
    except _Refused as refused:
        return fail(refused.line, refused.message)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = (getattr(error, "problem", None) or "onleesbaar").strip()
        return fail(mark.line + 2 if mark else 2,
                    f"de velden zijn geen geldige YAML ({problem}). Controleer inspringing, dubbele "
                    "punten en aanhalingstekens; zet tekst met een dubbele punt tussen aanhalingstekens.")
    if not isinstance(data, dict):
        return fail(2, f"tussen de regels --- staan geen velden (naam: waarde). {EXAMPLE}")
    source.data = data
    return source, errors


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class _Open:
    """A mapping or list being built, with its field path and, in a mapping, the key just read."""

    container: dict | list
    path: FieldPath
    key: str | None = None
    key_line: int = 0


class _Builder:
    """Builds plain data from the YAML event stream, iteratively, recording each field's line."""

    def __init__(self, source: Source):
        self.source = source
        self.errors: list[ContentError] = []
        self.seen: set[FieldPath] = set()

    def build(self, header: str):
        stack: list[_Open] = []
        root = None
        for event in yaml.parse(header, Loader=_Loader):
            line = event.start_mark.line + 2
            self._refuse_special(event, line)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(line, f"de velden zijn te diep genest (meer dan {MAX_DEPTH} niveaus). "
                                         "Zo diep gaat geen enkel veld.")
                container = {} if isinstance(event, yaml.MappingStartEvent) else []
                path = self._place(stack, container, line) if stack else ()
                root = container if root is None else root
                self.source.lines.setdefault(path, line if path else 1)
                stack.append(_Open(container, path))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                closed = stack.pop()
                if closed.container == {} and stack and isinstance(stack[-1].container, dict):
                    stack[-1].container.pop(closed.path[-1], None)  # an empty group is not filled in
            elif isinstance(event, yaml.ScalarEvent):
                if not stack:
                    return event.value, self.errors
                nothing = event.implicit[0] and event.value in _NULLS  # plain, not quoted
                self._place(stack, "" if nothing and stack[-1].key is not None else event.value, line)
        return root, self.errors

    @staticmethod
    def _refuse_special(event, line: int) -> None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(line, "ankers en verwijzingen (& en *) zijn niet toegestaan in de velden. "
                                 "Zet tekst die met & of * begint tussen aanhalingstekens.")
        if getattr(event, "tag", None) is not None:
            raise _Refused(line, "een waarde die met ! begint is niet toegestaan. Zet de tekst tussen "
                                 "aanhalingstekens.")

    def _place(self, stack: list[_Open], value, line: int) -> FieldPath:
        """Put a value into the innermost open collection; return the field path it got."""
        top = stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
            where = (*top.path, len(top.container) - 1)
            self.source.lines[where] = line
            return where
        if top.key is None:
            if not isinstance(value, str):
                raise _Refused(line, "een veldnaam moet gewone tekst zijn, zoals titel:. Haal het ? of de "
                                     "haken voor de naam weg.")
            if characters.ONE_LINE.search(value):  # a message names the field: it may not hide anything
                raise _Refused(line, "een veldnaam moet gewone tekst op één regel zijn, zoals titel:, zonder "
                                     "aanhalingstekens en zonder tekens als \\n of \\x0b.")
            top.key, top.key_line = value, line
            return top.path
        key, key_line = top.key, top.key_line
        top.key = None
        where = (*top.path, key)
        if where in self.seen:
            first = self.source.lines[where]
            message = f"dit veld staat er twee keer in (ook op regel {first}). Houd er één over."
            self.errors.append(ContentError(self.source.path, key_line, where, message))
            return (*top.path, f"{key} (regel {key_line})")  # the duplicate is left out, children too
        self.seen.add(where)
        self.source.lines[where] = key_line
        if not (isinstance(value, str) and not value.strip()):  # an empty field counts as not filled in
            top.container[key] = value
        return where
