"""Markdown to safe HTML: one converter reused for every text, then sanitised with nh3.

Editors write plain Markdown; raw scripts, event handlers, styles and unsafe URLs never reach
a page, whatever the source says.
"""

from __future__ import annotations

import markdown
import nh3

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


class Renderer:
    """A reusable Markdown converter; creating one per page would dominate build time."""

    def __init__(self):
        self._markdown = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)

    def __call__(self, text: str) -> str:
        if not text:
            return ""
        html = self._markdown.reset().convert(text)
        return sanitise(html)


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
