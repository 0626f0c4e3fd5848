"""Render every Markdown text of the content and check what it contains.

Editors must never lose text silently, nor publish a link that leads nowhere: raw HTML,
unsafe or unknown links, missing images and images without alt text are reported with the
file and line where they were written.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from .catalog import FILES_FOLDER, Catalog, Item, records
from .errors import ContentError, FieldPath
from .fields import MarkdownText, marker
from .frontmatter import Source
from .markup import Rendered, Renderer
from .pages import SITE_URLS
from .site import lesson_anchor

SAFE_SCHEMES = {"https", "mailto", "tel"}
LINK_HELP = "Schrijf een link binnen de site als /sessies/naam/ en naar buiten als https://…"


def render_and_check(catalog: Catalog, render: Renderer, files: Path, link_hosts: tuple[str, ...]) -> list[ContentError]:
    """Render every body into ``item.html``; return the problems of all Markdown texts."""
    texts = {item: _markdown_texts(item, render) for item in catalog}
    for item, rendered in texts.items():
        item.html = rendered[()][1].html
    targets = _link_targets(catalog, texts, files)
    errors = []
    for item, rendered in texts.items():
        for where, (text, result) in rendered.items():
            errors += _problems(item.source, item.url, where, text, result, targets, link_hosts)
    for rejected in catalog.invalid:
        # Files with front matter errors: still check the body, so one run shows everything.
        body = rejected.source.body
        errors += _problems(rejected.source, rejected.url, (), body, render.render(body), targets, link_hosts)
    return errors


def _markdown_texts(item: Item, render: Renderer) -> dict[FieldPath, tuple[str, Rendered]]:
    """The body (at path ``()``) and every field marked as Markdown, rendered."""
    found = {(): (item.source.body, render.render(item.source.body))}
    for path, record in records(item.record):
        for name, info in type(record).model_fields.items():
            value = getattr(record, name)
            if value and marker(info, MarkdownText):
                found[(*path, name)] = (value, render.render(value))
    return found


def _link_targets(catalog: Catalog, texts, files: Path) -> dict[str, set[str] | None]:
    """Every URL a text may link to, with the anchors on it (None: anchors not checked)."""
    targets: dict[str, set[str] | None] = {url: None for url in SITE_URLS}
    for item in catalog:
        anchors = set(texts[item][()][1].ids)
        if item.kind == "verslag":
            anchors |= {lesson_anchor(n) for n in range(1, len(item.record.lessen) + 1)}
        targets[item.url] = anchors
        for theme in getattr(item.record, "themas", []):
            targets[f"/themas/{theme}/"] = None
    for rejected in catalog.invalid:
        targets.setdefault(rejected.url, None)  # its own errors are reported; links to it are fine
    for path in files.rglob("*"):
        if path.is_file():
            targets[f"/{FILES_FOLDER}/{path.relative_to(files).as_posix()}"] = set()
    return targets


def _problems(source: Source, page_url: str | None, where, text, result: Rendered, targets, link_hosts) -> list[ContentError]:
    problems: list[tuple[str, str]] = []  # (text to find the line by, message)
    for raw in result.raw_html:
        snippet = raw.strip().splitlines()[0][:60] if raw.strip() else raw
        problems.append((snippet, f"HTML is niet toegestaan in de tekst ({snippet}). Gebruik Markdown."))
    for heading in result.top_headings:
        problems.append((f"# {heading}", f'de kop "{heading}" gebruikt één #. De titel is de enige hoofdkop: begin koppen met ##.'))
    for url in result.links:
        message = _link_problem(url, page_url, targets, link_hosts)
        if message:
            problems.append((url, message))
    for src, alt in result.images:
        message = _image_problem(src, targets)
        if message:
            problems.append((src, message))
        if not alt:
            problems.append((src, f'de afbeelding "{src}" heeft geen alt-tekst. Schrijf ![wat er te zien is]({src}).'))
    return [ContentError(source.path, _line(source, where, text, needle), where, message) for needle, message in problems]


def _link_problem(url: str, page_url: str | None, targets, link_hosts) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme and parts.scheme not in SAFE_SCHEMES | {"http"}:
        return f'de link "{url}" is niet toegestaan ({parts.scheme}:). {LINK_HELP}'
    if parts.scheme == "http":
        return f'de link "{url}" is niet beveiligd. Gebruik https://.'
    if parts.scheme in ("mailto", "tel"):
        return None
    if parts.netloc:
        if parts.hostname in link_hosts:
            return None
        return (
            f'de link "{url}" gaat naar een website die niet op de lijst van toegestane websites '
            f"staat ({', '.join(link_hosts) or 'geen'}). Vraag de beheerder om hem toe te voegen."
        )
    if not parts.path:
        anchors = targets.get(page_url)
        if parts.fragment and anchors is not None and parts.fragment not in anchors:
            return f'de link "{url}" wijst naar een plek die niet op deze pagina staat.'
        return None
    if not parts.path.startswith("/"):
        return f'de link "{url}" is onvolledig. {LINK_HELP}'
    path = unquote(parts.path)
    if path not in targets:
        return f'de link "{url}" wijst naar een pagina die niet bestaat. {LINK_HELP}'
    anchors = targets[path]
    if parts.fragment and anchors is not None and parts.fragment not in anchors:
        return f'de link "{url}" wijst naar een kop of les die op {path} niet bestaat.'
    return None


def _image_problem(src: str, targets) -> str | None:
    parts = urlsplit(src.strip())
    where = f"Zet de afbeelding in content/{FILES_FOLDER}/ en schrijf /{FILES_FOLDER}/naam.jpg."
    if parts.scheme or parts.netloc:
        return f'de afbeelding "{src}" staat op een andere website; dat mag niet. {where}'
    if unquote(parts.path) not in targets:
        return f'de afbeelding "{src}" bestaat niet. {where}'
    return None


def _line(source: Source, where: FieldPath, text: str, needle: str) -> int:
    """The line in the file where the problem was written (the field's line as fallback)."""
    start = source.body_line if where == () else source.line_of(where)
    for offset, line in enumerate(text.splitlines()):
        if needle and needle.strip() in line:
            return start + offset
    return start
