"""Markdown to safe HTML: CommonMark (markdown-it-py), then sanitised with nh3.

CommonMark is what editors' own tools show (VS Code, GitHub, the browser editor), and its parser
runs in linear time on any input, where older parsers slow down quadratically on texts such as
thousands of ``[``. Raw scripts, event handlers, styles and unsafe URLs never reach a page. What
the sanitiser would drop is also reported (see ``texts``), with the lines it was written on, so
nothing an editor wrote disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.footnote import footnote_plugin

from ..model.fields import slugify
from ..model.urls import SAFE_SCHEMES, unusual

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p",
    "pre", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "lang", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
# Ids the templates give to their own parts of an item page (see theme/README.md); a heading in
# a text never takes one, so a skip link or a section label cannot point at the wrong place.
TEMPLATE_IDS = re.compile(r"inhoud|.+-kop|les-\d+|fn\d+|fnref\d+(?::\d+)?")
HEADING_TAGS = {"h2", "h3", "h4"}

Lines = tuple[int, int]  # first line and the line after the last, counted from 0 in the text


@dataclass
class RenderedText:
    """Sanitised HTML plus what the Markdown contained, each with the lines it stands on."""

    html: Markup = Markup("")
    raw_html: list[tuple[str, Lines]] = field(default_factory=list)
    links: list[tuple[str, Lines]] = field(default_factory=list)
    images: list[tuple[str, str, Lines]] = field(default_factory=list)  # (src, alt, lines)
    ids: set[str] = field(default_factory=set)
    top_headings: list[tuple[str, Lines]] = field(default_factory=list)


class Renderer:
    """A reusable Markdown converter with a cache, shared by the checks and the templates."""

    def __init__(self):
        # CommonMark parses raw HTML as such (not as text), so the checks can find and refuse it.
        self._markdown = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
        # Keep every link as a link, and an unusual one as written, so the checks see and report
        # it; the sanitiser removes an unsafe URL from the page in any case.
        self._markdown.validateLink = lambda url: True
        normalize = self._markdown.normalizeLink
        self._markdown.normalizeLink = lambda url: url if unusual(url) else normalize(url)
        self._done: dict[tuple[str, bool], RenderedText] = {}

    def render(self, text: str, *, heading_ids: bool = False) -> RenderedText:
        """Render a text once per build. Headings get ids only in a page's main text."""
        if not text or not text.strip():
            return RenderedText()
        key = (text, heading_ids)
        if key not in self._done:
            self._done[key] = self._convert(text, heading_ids)
        return self._done[key]

    def _convert(self, text: str, heading_ids: bool) -> RenderedText:
        tokens = self._markdown.parse(text)
        rendered = RenderedText()
        _inspect(tokens, rendered, heading_ids)
        html = self._markdown.renderer.render(tokens, self._markdown.options, {})
        rendered.html = Markup(_scrollable_tables(sanitise(html)))
        return rendered

    def __call__(self, text: str) -> Markup:
        return self.render(text).html


def _inspect(tokens, rendered: RenderedText, heading_ids: bool) -> None:
    """Record links, images, raw HTML and headings; give headings unique, non-clashing ids."""
    for index, token in enumerate(tokens):
        lines = tuple(token.map) if token.map else (0, 1)  # an inline footnote has no lines of its own
        if token.type == "html_block":
            rendered.raw_html.append((token.content, lines))
        elif token.type == "heading_open":
            title = tokens[index + 1].content
            if token.tag == "h1":
                rendered.top_headings.append((title, lines))
            elif heading_ids and token.tag in HEADING_TAGS:
                token.attrSet("id", _unique(slugify(title) or "kop", rendered.ids))
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "link_open":
                    rendered.links.append((str(child.attrGet("href") or ""), lines))
                elif child.type == "image":
                    alt = "".join(grandchild.content for grandchild in child.children or ()).strip()
                    rendered.images.append((str(child.attrGet("src") or ""), alt, lines))
                elif child.type == "html_inline" and not child.content.startswith("</"):
                    rendered.raw_html.append((child.content, lines))  # a closing tag is the same mistake
    rendered.ids |= {f"fn{n}" for n in range(1, 1 + sum(t.type == "footnote_open" for t in tokens))}


def _unique(base: str, used: set[str]) -> str:
    candidate, number = base, 1
    while candidate in used or TEMPLATE_IDS.fullmatch(candidate):
        number += 1
        candidate = f"{base}-{number}"
    used.add(candidate)
    return candidate


def _scrollable_tables(html: str) -> str:
    """A wide table scrolls in its own keyboard-reachable region instead of widening the page."""
    opening = '<div class="utrecht-table__container" role="region" tabindex="0" aria-label="Tabel"><table>'
    return html.replace("<table>", opening).replace("</table>", "</table></div>")


def sanitise(html: str) -> str:
    """Only the tags, attributes and link schemes above survive; everything else is removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
    )
