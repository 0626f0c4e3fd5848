"""Read a content file into front matter (plain strings, with the line of every field) and body.

YAML 1.1 guesses types (`10:30` becomes 630, `no` becomes False): composing the document with
the base resolver keeps every scalar a string, so the schema alone decides what a value means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .errors import ContentError, FieldPath

try:
    _Loader = yaml.CBaseLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.BaseLoader

DELIMITER = "---"
EXAMPLE = "Begin het bestand met een regel ---, dan de velden, dan weer een regel ---."


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
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = "het bestand is niet opgeslagen als UTF-8. Sla het op met codering UTF-8."
        return None, [ContentError(path, line, (), message)]
    if not text.strip():
        return None, [ContentError(path, 1, (), f"het bestand is leeg. {EXAMPLE}")]
    lines = text.splitlines()
    if lines[0].strip() != DELIMITER:
        return None, [ContentError(path, 1, (), f"het bestand begint niet met velden. {EXAMPLE}")]
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == DELIMITER)
    except StopIteration:
        message = f"de velden worden niet afgesloten met een regel ---. {EXAMPLE}"
        return None, [ContentError(path, 1, (), message)]
    header = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    try:
        node = yaml.compose(header, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        problem = (error.problem or "onleesbaar").strip()
        message = (
            f"de velden zijn geen geldige YAML ({problem}). Controleer inspringing, dubbele "
            "punten en aanhalingstekens; zet tekst met een dubbele punt tussen aanhalingstekens."
        )
        return None, [ContentError(path, line, (), message)]
    if not isinstance(node, yaml.MappingNode):
        message = f"tussen de regels --- staan geen velden (naam: waarde). {EXAMPLE}"
        return None, [ContentError(path, 2, (), message)]
    source = Source(path=path, data={}, body=body, body_line=end + 2)
    errors: list[ContentError] = []
    source.data = _convert(node, (), source, errors)
    return source, errors


def _convert(node, path: FieldPath, source: Source, errors: list[ContentError]):
    source.lines[path] = node.start_mark.line + 2 if path else 1
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), source, errors) for i, item in enumerate(node.value)]
    result = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        line = key_node.start_mark.line + 2
        if (*path, key) in source.lines:
            first = source.lines[(*path, key)]
            message = f"dit veld staat er twee keer in (ook op regel {first}). Houd er één over."
            errors.append(ContentError(source.path, line, (*path, key), message))
            continue
        source.lines[(*path, key)] = line
        if isinstance(value_node, yaml.ScalarNode) and not value_node.value.strip():
            continue  # an empty field counts as not filled in
        result[key] = _convert(value_node, (*path, key), source, errors)
        source.lines[(*path, key)] = line
    return result
