"""Every internal link on every built page leads to a page or file of this build, anchors included.

Content links are checked where the editor wrote them (``texts``); this check covers what the
templates and settings add (menu, footer, home page, lists), so a page that becomes a draft can
never leave sixty pages linking to nothing. It reads the rendered HTML, which the templates write
with double-quoted attributes, and is deterministic (unlike crawling link checkers).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..model.errors import ContentError

_ATTRIBUTE = re.compile(r'\s(href|src|id|class)="([^"]*)"')


@dataclass(frozen=True)
class PageFacts:
    """What the checks and the stylesheet need to know of a built page."""

    ids: frozenset[str]
    links: tuple[str, ...]
    classes: frozenset[str]


def facts(html: str) -> PageFacts:
    """Interned: the menu's links and the classes recur on every page, so each is held (and sent
    from a build process to its parent) once, not once per page (some 100 MiB at 5,000 items)."""
    ids, links, classes = set(), [], set()
    for name, value in _ATTRIBUTE.findall(html):
        if name == "id":
            ids.add(sys.intern(value))
        elif name == "class":
            classes.update(map(sys.intern, value.split()))
        else:
            links.append(sys.intern(value.replace("&amp;", "&")))
    return PageFacts(frozenset(ids), tuple(links), frozenset(classes))


def broken_links(pages: dict[str, PageFacts], files: set[str], hidden: dict[str, str],
                 settings_links: dict[str, str]) -> list[ContentError]:
    """One error per missing target, naming where it is linked from and, if known, why it is missing.

    pages: URL -> the facts of every page of the build; files: URLs of every other file;
    hidden: URL -> why that content is not on the site; settings_links: URL -> the setting that links it.
    """
    missing: dict[str, set[str]] = defaultdict(set)  # a page that links twice is named once
    for url, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path) or url
            if path in pages:
                if parts.fragment and unquote(parts.fragment) not in pages[path].ids:
                    missing[f"{path}#{parts.fragment}"].add(url)
            elif path not in files:
                missing[path].add(url)
    errors = []
    for target, sources in sorted(missing.items()):
        path = target.split("#", 1)[0]
        where = f"{len(sources)} pagina's, zoals {', '.join(sorted(sources)[:3])}" if len(sources) > 3 else ", ".join(sorted(sources))
        reason = f" {hidden[path]}." if path in hidden else ""
        source = f"pelicanconf.py ({settings_links[path]})" if path in settings_links else "de site"
        kind = "een plek die er niet is" if "#" in target else "een pagina die niet bestaat"
        errors.append(ContentError(source, 0, (), f"de link {target} (op {where}) wijst naar {kind}.{reason}"
                                                  " Pas de link aan of publiceer de pagina."))
    return errors
