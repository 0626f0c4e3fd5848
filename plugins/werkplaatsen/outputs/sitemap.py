"""sitemap.xml: every public page, with the date it last changed where the content says so."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..model.routes import NOT_FOUND_URL
from ..view.pages import Page

NOT_LISTED = {NOT_FOUND_URL}


def sitemap(pages: list[Page], site_url: str) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in sorted(pages, key=lambda page: page.url):
        if page.url in NOT_LISTED:
            continue
        lines.append(f"  <url><loc>{escape(site_url + page.url)}</loc>{_lastmod(page)}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _lastmod(page: Page) -> str:
    item = page.context.get("item")
    field = item.type.updated if item is not None else None
    return f"<lastmod>{getattr(item, field).isoformat()}</lastmod>" if field else ""
