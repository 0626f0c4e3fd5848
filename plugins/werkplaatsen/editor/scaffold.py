"""New content files with every field of their type and a Dutch comment on each."""

from __future__ import annotations

from pathlib import Path

from ..model.contenttypes import BY_NAME, ContentType
from ..model.fields import slugify
from ..model.vocabulary import vocabulary
from .fieldspec import STARTING_VALUES, FieldSpec, specs


def new_file(type_name: str, title: str, content: Path) -> Path:
    """Write a scaffold for a new item; never overwrite an existing file."""
    if type_name not in BY_NAME:
        raise SystemExit(f'Onbekend soort "{type_name}". Kies uit: {", ".join(BY_NAME)}.')
    slug = slugify(title)
    if not slug:
        raise SystemExit("Geef een titel met letters of cijfers, zoals TITEL=\"Sessie 3: wonen\".")
    content_type = BY_NAME[type_name]
    path = content / content_type.folder / f"{slug}.md"
    if path.exists():
        raise SystemExit(f"{path.relative_to(content.parent)} bestaat al. Kies een andere titel; er is niets overschreven.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(content_type, vocabulary(), title), encoding="utf-8")
    return path


def scaffold(kind: ContentType, vocabulary: dict, title: str) -> str:
    lines = [
        "---",
        f"# {kind.new}. Een regel die met # begint, is uitleg: de site leest hem niet.",
        "# Vul de verplichte velden in. Gebruikt u een veld niet? Laat het leeg of haal het weg.",
        "# Controleer met: make check. Klaar om te publiceren? Zet dan status op gepubliceerd.",
    ]
    values = {**STARTING_VALUES, "titel": _quoted(title)}
    for spec in sorted(specs(kind.schema, vocabulary), key=lambda s: not s.required):
        lines += _field(spec, values.get(spec.name, ""), indent="")
    lines += ["---", f"Schrijf hier de tekst van {kind.the} in Markdown.", ""]
    return "\n".join(lines)


def _field(spec: FieldSpec, value: str, indent: str) -> list[str]:
    """A field with its comment; an optional group is written commented out, as an example."""
    needed = "verplicht" if spec.required else "niet verplicht"
    lines = [f"{indent}# {spec.label} ({needed}): {spec.help} Vorm: {spec.kind_text}."]
    if spec.kind != "groep":
        return lines + [f"{indent}{spec.name}:{' ' + value if value else ''}"]
    body = [f"{indent}{spec.name}:"]
    child_indent = indent + ("    " if spec.many else "  ")
    for position, child in enumerate(spec.children):
        child_lines = _field(child, "", child_indent)
        if spec.many and position == 0:
            child_lines[-1] = f"{indent}  - {child_lines[-1].lstrip()}"
        body += child_lines
    if not spec.required:
        body = [_comment_out(line, indent) for line in body]
    return lines + body


def _comment_out(line: str, indent: str) -> str:
    return f"{indent}# {line[len(indent):]}"


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
