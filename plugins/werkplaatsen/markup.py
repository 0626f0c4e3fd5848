"""Markdown to safe HTML: one converter reused for every text, then sanitised with nh3.

Editors write plain Markdown; raw scripts, event handlers, styles and unsafe URLs never reach
a page. What the sanitiser would drop is also reported (see ``texts``), so nothing an editor
wrote disappears silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup

EXTENSIONS = ["tables", "sane_lists", "footnotes", "toc"]
EXTENSION_CONFIGS = {"toc": {"toc_depth": "2-4"}}

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
URL_SCHEMES = {"https", "http", "mailto", "tel"}


@dataclass
class Rendered:
    """Sanitised HTML plus what the Markdown contained, for the content checks."""

    html: Markup
    raw_html: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)  # (src, alt)
    ids: set[str] = field(default_factory=set)
    top_headings: list[str] = field(default_factory=list)


class _Inspector(HTMLParser):
    def __init__(self, rendered: Rendered):
        super().__init__()
        self.rendered = rendered
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.rendered.ids.add(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.rendered.links.append(attributes["href"] or "")
        elif tag == "img":
            self.rendered.images.append((attributes.get("src") or "", (attributes.get("alt") or "").strip()))
        elif tag == "h1":
            self._in_h1 = True
            self.rendered.top_headings.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.rendered.top_headings[-1] += data


class Renderer:
    """A reusable Markdown converter; creating one per page would dominate build time."""

    def __init__(self):
        self._markdown = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
        self._done: dict[str, Rendered] = {}

    def render(self, text: str) -> Rendered:
        """Render a text once per build: the checks and the templates share the result."""
        if not text or not text.strip():
            return Rendered(Markup(""))
        if text not in self._done:
            self._done[text] = self._convert(text)
        return self._done[text]

    def _convert(self, text: str) -> Rendered:
        converter = self._markdown.reset()
        html = converter.convert(text)
        rendered = Rendered(Markup(_scrollable_tables(sanitise(html))), raw_html=list(converter.htmlStash.rawHtmlBlocks))
        _Inspector(rendered).feed(html)
        return rendered

    def __call__(self, text: str) -> Markup:
        return self.render(text).html


def _scrollable_tables(html: str) -> str:
    """A wide table scrolls in its own keyboard-reachable region instead of widening the page."""
    opening = '<div class="utrecht-table__container" role="region" tabindex="0" aria-label="Tabel"><table>'
    return html.replace("<table>", opening).replace("</table>", "</table></div>")


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
