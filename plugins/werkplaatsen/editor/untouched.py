"""A save in the browser editor changes only what the editor changed.

Decap CMS writes the whole file anew on every save: it drops YAML comments, puts quotes its own
way and re-wraps every folded text, so changing one field gave a diff of twenty lines and editors
who also use git lost their notes. ``make beheer`` passes every save through ``keep``, which
writes Decap's new version over the file on disk field by field (the top-level fields, read with
the site's own front matter reader, so a value is unchanged exactly when the build sees no change):

- a field whose value did not change keeps its lines byte for byte: comments, quoting, folding;
  so does every comment and blank line between fields, and the key order;
- a changed field gets Decap's lines for it, in the place it had (a comment inside it goes);
- a field the editor emptied goes; a new field goes after the field before it in the model's order
  (the first one right after the opening ---);
- the text below the fields stays as it was unless the editor changed it.

When either version cannot be read, or the result would not read back as exactly what Decap
sent, Decap's own text is saved: ``keep`` changes how a save is written, never what it says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..reading import frontmatter

_ABSENT = object()


@dataclass
class _Layout:
    """A file split at its line feeds, with the place of the closing --- and of every top-level field."""

    lines: list[str]
    closing: int
    fields: dict[str, tuple[int, int]]  # field -> (first line, end): its key line up to its last line of value

    def field_lines(self, name: str) -> list[str]:
        first, end = self.fields[name]
        return self.lines[first:end]


def keep(original: bytes, saved: str, order: Sequence[str]) -> str:
    """`saved` (Decap's new file) written over `original` (the file on disk): see the module's docstring.

    `order` is the model's order of the fields, for a field the original does not have yet.
    """
    before, old = _parsed(original)
    after, new = _parsed(saved.encode("utf-8"))
    if old is None or new is None:
        return saved
    crlf = "\r\n" in original.decode("utf-8")
    blocks = _blocks(before, after, old, new, crlf)
    _insert_new_fields(blocks, after, new, order, crlf)
    lines = [line for _, block in blocks for line in block]
    if _text(before.body) == _text(after.body):
        merged = "\n".join(lines + old.lines[old.closing:])
    else:
        body = "\n".join(new.lines[new.closing + 1:])
        merged = "\n".join([*lines, old.lines[old.closing], body.replace("\n", "\r\n") if crlf else body])
    check, _ = _parsed(merged.encode("utf-8"))
    if check is None or check.data != after.data or _text(check.body) != _text(after.body):
        return saved
    return merged


def _parsed(raw: bytes) -> tuple[frontmatter.Source | None, _Layout | None]:
    """The reader's view of a file and where its fields are; (None, None) if it cannot be read cleanly."""
    source, errors = frontmatter.read("", raw)
    if source is None or errors:
        return None, None
    lines = raw.decode("utf-8").split("\n")
    closing = source.body_line - 2
    starts = sorted((line - 1, path[0]) for path, line in source.lines.items() if len(path) == 1)
    if len({start for start, _ in starts}) != len(starts) or any(start < 1 for start, _ in starts):
        return source, None  # fields that share a line (a flow mapping): no lines to keep apart
    fields = {}
    for (first, name), (following, _) in zip(starts, [*starts[1:], (closing, "")]):
        end = following
        while end > first + 1 and _between_fields(lines[end - 1]):
            end -= 1
        fields[name] = (first, end)
    return source, _Layout(lines, closing, fields)


def _between_fields(line: str) -> bool:
    """A blank line or a comment at the start of a line: it belongs to no field's value."""
    return not line.strip() or line.startswith("#")


def _blocks(before, after, old: _Layout, new: _Layout, crlf: bool) -> list[tuple[str | None, list[str]]]:
    """The front matter as (field or None for what lies between fields, lines), the original's fields merged."""
    blocks: list[tuple[str | None, list[str]]] = [(None, old.lines[:1])]  # the opening ---
    position = 1
    for name, (first, end) in old.fields.items():
        blocks.append((None, old.lines[position:first]))
        was, now = before.data.get(name, _ABSENT), after.data.get(name, _ABSENT)
        if was == now:
            blocks.append((name, old.field_lines(name)))
        elif now is not _ABSENT:
            blocks.append((name, _ending(new.field_lines(name), crlf)))
        position = end
    blocks.append((None, old.lines[position:old.closing]))
    return blocks


def _insert_new_fields(blocks, after, new: _Layout, order: Sequence[str], crlf: bool) -> None:
    """Put each field the original lacks after the nearest field before it in `order`, or first of all."""
    rank = {name: position for position, name in reversed(list(enumerate([*order, *after.data])))}
    present = {name for name, _ in blocks if name is not None}
    for name in after.data:
        if name in present:
            continue
        earlier = [index for index, (other, _) in enumerate(blocks)
                   if other is not None and rank.get(other, len(rank)) < rank[name]]
        blocks.insert(earlier[-1] + 1 if earlier else 1, (name, _ending(new.field_lines(name), crlf)))
        present.add(name)


def _ending(lines: list[str], crlf: bool) -> list[str]:
    """Decap's lines with the original's line endings."""
    return [line if not crlf or line.endswith("\r") else line + "\r" for line in lines]


def _text(body: str) -> str:
    """A body as a reader sees it: the same text, whatever the line endings and the blank lines around it."""
    return body.replace("\r\n", "\n").strip()
