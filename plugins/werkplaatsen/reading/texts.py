"""Render every Markdown text of the content and check what it contains.

Editors must never lose text silently, nor publish a link that leads nowhere: raw HTML,
unsafe or unknown links, missing images and images without alt text are reported with the
file and line where they were written.
"""

from __future__ import annotations

from urllib.parse import unquote

from ..model import urls
from ..model.contenttypes import Role
from ..model.errors import ContentError, FieldPath
from ..model.fields import MarkdownText, marker
from ..model.filetypes import IMAGES
from ..model.routes import FILES_URL, lesson_anchor, site_urls, theme_url
from .catalog import Catalog, Item, records
from .frontmatter import Source
from .markup import RenderedText, Renderer

Anchors = set[str] | None  # the ids on a page; None: the page exists, its anchors are not checked


def render_and_check(catalog: Catalog, render: Renderer, hosts: tuple[str, ...]) -> list[ContentError]:
    """Render every body into ``item.html``; return the problems of all Markdown texts."""
    texts = {item: markdown_texts(item.source.body, item.record, render) for item in catalog}
    for item, rendered in texts.items():
        item.html = rendered[()][1].html
    targets = link_targets(catalog, {item.url: rendered[()][1].ids for item, rendered in texts.items()})
    errors = []
    for item, rendered in texts.items():
        for where, (text, result) in rendered.items():
            errors += problems(item.source, item.url, where, text, result, targets, hosts, catalog.hidden)
    for rejected in catalog.invalid:
        # Files with front matter errors: still check the body, so one run shows everything.
        body = rejected.source.body
        result = render.render(body, heading_ids=True)
        errors += problems(rejected.source, rejected.url, (), body, result, targets, hosts, catalog.hidden)
    return errors


def markdown_texts(body: str, record, render: Renderer) -> dict[FieldPath, tuple[str, RenderedText]]:
    """The body (at path ``()``) and every field marked as Markdown, rendered."""
    found = {(): (body, render.render(body, heading_ids=True))}
    for path, nested in records(record):
        for name, info in type(nested).model_fields.items():
            value = getattr(nested, name)
            if value and marker(info, MarkdownText):
                found[(*path, name)] = (value, render.render(value))
    return found


def link_targets(catalog: Catalog, body_ids: dict[str, set[str]]) -> dict[str, Anchors]:
    """Every URL a text may link to, with the anchors on it."""
    targets: dict[str, Anchors] = {url: None for url in site_urls()}
    for item in catalog:
        anchors = set(body_ids.get(item.url, ()))
        if item.type.role is Role.REPORTS:  # its lesson cards
            anchors |= {lesson_anchor(n) for n in range(1, len(item.record.lessen) + 1)}
        targets[item.url] = anchors
        for theme in getattr(item.record, "themas", []):
            targets[theme_url(theme)] = None
    for rejected in catalog.invalid:
        targets.setdefault(rejected.url, None)  # its own errors are reported; links to it are fine
    for name in catalog.uploads:
        targets[FILES_URL + name] = set()
    return targets


def problems(source: Source, page_url: str, where: FieldPath, text: str, result: RenderedText,
             targets: dict[str, Anchors], hosts, hidden: dict[str, str]) -> list[ContentError]:
    found: list[tuple[str, tuple[int, int], str]] = []  # (text to find the line by, lines, message)
    for raw, lines in result.raw_html:
        snippet = raw.strip().splitlines()[0][:60] if raw.strip() else raw
        found.append((snippet, lines, f"HTML is niet toegestaan in de tekst ({snippet}). Gebruik Markdown."))
    for heading, lines in result.top_headings:
        found.append((heading, lines, f'de kop "{heading}" gebruikt één #. De titel is de enige hoofdkop: '
                                      "begin koppen met ##."))
    for url, lines in result.links:
        message = _link_problem(url, page_url, targets, hosts, hidden)
        if message:
            found.append((url, lines, message))
    for src, alt, lines in result.images:
        message = _image_problem(src, targets)
        if message:
            found.append((src, lines, message))
        if not alt:
            found.append((src, lines, f'de afbeelding "{src}" heeft geen alt-tekst. Schrijf ![wat er te zien is]({src}).'))
    return [ContentError(source.path, _line(source, where, text, needle, lines), where, message)
            for needle, lines, message in found]


def _link_problem(url: str, page_url: str, targets, hosts, hidden: dict[str, str]) -> str | None:
    try:
        target = urls.link(url, hosts)
    except urls.UrlProblem as problem:
        return f"de link {problem}"
    if target is None or not target.internal:
        return None
    path = unquote(target.path)
    if url.startswith("#"):
        path = page_url
    elif path not in targets:
        if path in hidden:
            return f'de link "{url}" wijst naar een pagina die niet op de site staat: {hidden[path]}.'
        return f'de link "{url}" wijst naar een pagina die niet bestaat. {urls.LINK_HELP}'
    anchors = targets.get(path)
    if target.fragment and anchors is not None and unquote(target.fragment) not in anchors:
        if url.startswith("#"):
            return f'de link "{url}" wijst naar een plek die niet op deze pagina staat.'
        return f'de link "{url}" wijst naar een kop of les die op {path} niet bestaat.'
    return None


def _image_problem(src: str, targets) -> str | None:
    where = f"Zet de afbeelding in content/bestanden/ en schrijf {FILES_URL}naam.jpg."
    try:
        target = urls.resolve(src, allow_internal=True)
    except urls.UrlProblem as problem:
        return f"de afbeelding {problem}"
    if not target.internal:
        return f'de afbeelding "{src}" staat op een andere website; dat mag niet. {where}'
    path = unquote(target.path)
    if path not in targets or not path.startswith(FILES_URL):
        return f'de afbeelding "{src}" bestaat niet. {where}'
    if path.rsplit(".", 1)[-1].lower() not in IMAGES:
        return f'"{src}" is geen afbeelding. Gebruik een png-, jpg- of webp-bestand.'
    return None


def _line(source: Source, where: FieldPath, text: str, needle: str, lines: tuple[int, int]) -> int:
    """The line in the file where the problem was written (its block's first line as fallback)."""
    start = source.body_line if where == () else source.line_of(where)
    if where != () and text.count("\n") == 0:
        return start
    if where != ():
        start += 1  # a folded or literal field (>- or |) starts on the line after its name
    text_lines = text.split("\n")
    for offset in range(lines[0], min(lines[1], len(text_lines))):
        if needle and needle.strip() and needle.strip() in text_lines[offset]:
            return start + offset
    return start + lines[0]
