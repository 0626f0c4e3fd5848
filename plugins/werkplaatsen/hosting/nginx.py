"""`python -m werkplaatsen.hosting.nginx`: write hosting/nginx.conf, the site's nginx settings, from hosting/_headers.

nginx forgets every ``add_header`` of the server level in a location that has one of its own, so
each `_headers` rule becomes a location that sends the full merged set for its paths
(``headers_for``), each header with ``always`` so the 404 page carries them too. The file goes
inside a ``server`` block, after ``listen``, ``server_name``, TLS and ``root`` (see
hosting/README.md). `make docs` regenerates it; a test fails when the committed copy differs.
"""

from __future__ import annotations

import re
import sys

from ..model.filetypes import MEDIA_TYPES
from ..model.routes import NOT_FOUND_URL
from ..outputs.files import replace_file
from ..system.places import ROOT
from .headers import HEADERS_FILE, Rules, headers_for, parse_headers_file
from .precompress import MANIFEST, TEXT_SUFFIXES

CONFIG_FILE = ROOT / "hosting" / "nginx.conf"

PER_REQUEST_LEVEL = 5  # gzip and brotli of a file without a copy: fast, and close to the best for pages
_HEADER_NAME = re.compile(r"[A-Za-z0-9-]+")


class ConfigError(ValueError):
    """A headers file nginx cannot follow; the message is Dutch and says what to do."""


def quoted(value: str) -> str:
    """`value` as one nginx string; nginx would read a $ as a variable, so it is refused."""
    if "$" in value or "\n" in value:
        raise ConfigError(f"nginx kan {value!r} niet letterlijk overnemen (een $ of een regeleinde). "
                          "Haal dat teken weg.")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def location(pattern: str) -> str:
    """The nginx location of a `_headers` path pattern: ``/*`` or ``/folder/*``."""
    folder = pattern[:-1]
    if pattern.endswith("/*") and folder.startswith("/") and not re.search(r"[*?\[\]:\s]", folder):
        return "/" if folder == "/" else f"^~ {folder}"
    raise ConfigError(f"{HEADERS_FILE.name}: het pad {pattern!r} kan nginx niet volgen. Gebruik /* voor de hele "
                      "site of /map/* voor een map (bijvoorbeeld /beheer/*).")


def _type_lines() -> list[str]:
    by_type: dict[str, list[str]] = {}
    for extension, mime in MEDIA_TYPES.items():
        by_type.setdefault(mime, []).append(extension)
    return [f"    {mime} {' '.join(extensions)};" for mime, extensions in by_type.items()]


def _charset_types() -> str:
    return " ".join(sorted({mime for mime in MEDIA_TYPES.values() if mime.startswith("text/") or mime.endswith("xml")}))


def compressed_types() -> str:
    """The media types nginx compresses per request: those of the text files (text/html it always does)."""
    return " ".join(sorted({MEDIA_TYPES[suffix.lstrip(".")] for suffix in TEXT_SUFFIXES} - {MEDIA_TYPES["html"]}))


def brotli_config() -> str:
    """The brotli directives of the main configuration, for a server with both brotli modules."""
    return f"brotli_static on;\nbrotli on;\nbrotli_comp_level {PER_REQUEST_LEVEL};\nbrotli_types {compressed_types()};"


def site_config(rules: Rules) -> str:
    """The nginx settings for the site: files, compressed copies, types and a location per rule."""
    patterns = ["/*"] + [pattern for pattern, _ in rules if pattern != "/*"]
    locations = []
    for pattern in dict.fromkeys(patterns):
        where = location(pattern)
        lines = []
        for name, value in headers_for(rules, pattern[:-1]):  # every path below the folder: the same rules
            if not _HEADER_NAME.fullmatch(name):
                raise ConfigError(f"{HEADERS_FILE.name}: {name!r} is geen geldige naam voor een header. "
                                  "Gebruik alleen letters, cijfers en streepjes.")
            lines.append(f"    add_header {name} {quoted(value)} always;")
        locations.append(f"# {pattern}\nlocation {where} {{\n" + "\n".join(lines) + "\n}\n")
    return f"""# Generated from hosting/_headers by `make docs` (python -m werkplaatsen.hosting.nginx): do not edit by hand.
# The site's nginx settings. Include this file inside a `server` block, after `listen`,
# `server_name`, TLS and `root` (see hosting/README.md).

# Files only: /x/ serves /x/index.html, /x redirects to /x/ (a relative Location, right behind a
# TLS proxy too), a missing page or a folder without index.html is the site's own 404 page.
index index.html;
autoindex off;
absolute_redirect off;
error_page 403 404 =404 {NOT_FOUND_URL};
server_tokens off;

# Compression: `make deploy` and `make hosting` put a .gz and a .br copy next to each text file,
# which gzip_static (and brotli_static) send as they are; a file without a copy is compressed per
# request. Brotli needs its modules, so its lines are in the main configuration (hosting/README.md).
gzip on;
gzip_comp_level {PER_REQUEST_LEVEL};
gzip_types {compressed_types()};
gzip_static on;
gzip_vary on;

# At most one byte range per request: many small ranges (850 of one byte each) would make a small
# file's response many times its size. More ranges get the whole file (200), as without Range.
max_ranges 1;

# hosting/_headers is copied into the output for hosts that read it, and a deploy writes the list of
# its compressed copies ({MANIFEST}) into each release: configuration, not content, so neither is
# ever served (the site's 404 page, as for any missing file). _build.json is public on purpose:
# monitoring reads which commit is live and when the next build is due.
location = /{HEADERS_FILE.name} {{
    return 404;
}}
location = /{MANIFEST} {{
    return 404;
}}

# Open every file through the root path on every request: a deploy that switches the `current`
# symlink (the root) takes effect at once, and no response mixes two releases.
open_file_cache off;
disable_symlinks off;

charset utf-8;
charset_types {_charset_types()};
default_type application/octet-stream;
types {{
{chr(10).join(_type_lines())}
}}

# One location per rule of hosting/_headers, each with every header that applies to its paths:
# nginx drops the headers of the server level in a location that sets any.

{chr(10).join(locations)}"""


def main() -> int:
    """`make docs`: write hosting/nginx.conf from hosting/_headers."""
    try:
        changed = replace_file(CONFIG_FILE, site_config(parse_headers_file(HEADERS_FILE)))
    except ValueError as problem:  # ConfigError, or a line parse_headers_file cannot read
        print(f"{problem} hosting/nginx.conf is niet bijgewerkt.", file=sys.stderr)
        return 1
    print("Opnieuw gemaakt uit hosting/_headers: hosting/nginx.conf." if changed else
          "hosting/nginx.conf was al actueel (uit hosting/_headers).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
