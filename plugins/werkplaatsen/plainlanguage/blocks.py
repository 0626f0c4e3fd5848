"""The blocks of text in rendered Markdown: one per paragraph, heading, list item or table cell.

A block always ends a sentence, so a heading without a full stop is not glued to the paragraph
under it. Code blocks are left out: they are not prose.
"""

from __future__ import annotations

from html.parser import HTMLParser

BLOCK_ELEMENTS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
SKIPPED_ELEMENTS = frozenset({"pre", "script", "style", "template"})


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._text: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self._skipping += 1
        elif tag == "br":
            self._text.append("\n")
        elif tag in BLOCK_ELEMENTS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCK_ELEMENTS:
            self.flush()

    def handle_data(self, data):
        if not self._skipping:
            self._text.append(data)

    def flush(self):
        text = "".join(self._text).strip()
        if text:
            self.blocks.append(text)
        self._text = []


def blocks_from_html(html: str) -> list[str]:
    """The text of each block of an HTML fragment, in order, entities decoded."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks
