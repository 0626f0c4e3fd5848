"""The site's HTTP headers, from one file: hosting/_headers.

The file uses the `_headers` format of Netlify and Cloudflare Pages: a line without indentation is
a path pattern (``/*``, ``/theme/*``), the indented ``Name: value`` lines below it are its headers.
Rules apply in file order and a later rule replaces a header an earlier rule set (so ``/theme/*``
can replace the ``Cache-Control`` of ``/*``). The test server, the preview, the nginx
configuration and the pages' own ``<meta>`` policy all read this file, so they cannot drift.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from ..system.places import HEADERS, ROOT

HEADERS_FILE = ROOT / HEADERS  # the default of the setting WERKPLAATSEN_HEADERS_FILE

Rules = list[tuple[str, list[tuple[str, str]]]]
# Directives a <meta> policy cannot carry (browsers ignore them there and say so in the console).
_NOT_IN_META = ("frame-ancestors", "report-uri", "report-to", "sandbox")


def parse_headers_file(path: Path = HEADERS_FILE) -> Rules:
    """Parse a `_headers` file into (path pattern, headers) rules; raise ValueError on a bad line."""
    rules: Rules = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((line, []))
            continue
        name, sep, value = line.partition(":")
        if not rules or not sep or not name.strip() or not value.strip():
            raise ValueError(f"{path}:{number}: expected an indented 'Name: value' under a path: {raw!r}")
        rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern: str, url_path: str) -> bool:
    return fnmatch.fnmatchcase(url_path, pattern) or url_path == pattern


def headers_for(rules: Rules, url_path: str) -> list[tuple[str, str]]:
    """The headers for `url_path`: every matching rule in file order, a later one replacing a name."""
    merged: dict[str, tuple[str, str]] = {}
    for pattern, headers in rules:
        if matches(pattern, url_path):
            for name, value in headers:
                merged[name.lower()] = (name, value)
    return list(merged.values())


def meta_policy(rules: Rules, url_path: str = "/") -> str:
    """The page's Content-Security-Policy for a <meta> element: the header's, minus what meta cannot carry.

    Hosts that cannot send headers (GitHub Pages) still get the policy this way.
    """
    policy = dict((name.lower(), value) for name, value in headers_for(rules, url_path)).get("content-security-policy", "")
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    return "; ".join(part for part in directives if not part.startswith(_NOT_IN_META))
