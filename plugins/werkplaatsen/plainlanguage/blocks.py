"""The blocks of text in rendered Markdown: one per paragraph, heading, list item or table cell.

A block always ends a sentence, so a heading without a full stop is not glued to the paragraph
under it. Code blocks are left out: they are not prose. The HTML is the site's own sanitised
Markdown output, so regular expressions that know quoted attributes read it correctly, at a
fraction of the time an HTML parser takes.
"""

from __future__ import annotations

import re
from html import unescape

BLOCK_ELEMENTS = (
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
)
SKIPPED_ELEMENTS = ("pre", "script", "style", "template")

_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
SKIPPED = re.compile(rf"<({'|'.join(SKIPPED_ELEMENTS)})\b{_ATTRIBUTES}>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
LINE_BREAK = re.compile(rf"<br\b{_ATTRIBUTES}>", re.IGNORECASE)
BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(BLOCK_ELEMENTS)})\b{_ATTRIBUTES}>", re.IGNORECASE)
TAG = re.compile(rf"<!--.*?-->|</?[a-zA-Z]{_ATTRIBUTES}>", re.DOTALL)


def blocks_from_html(html: str) -> list[str]:
    """The text of each block of an HTML fragment, in order, entities decoded."""
    html = LINE_BREAK.sub("\n", SKIPPED.sub("", html))
    blocks = (unescape(TAG.sub("", piece)).strip() for piece in BLOCK_TAG.split(html))
    return [block for block in blocks if block]
