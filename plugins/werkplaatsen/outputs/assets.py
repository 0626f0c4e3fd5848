"""The theme's files as the site serves them: one small stylesheet, fingerprinted names.

Every file under /theme/ carries a hash of its content in its name (``site.3f2a9c1e.css``), so
hosts can cache it for a year (``immutable``) and a new build can never be shown with an old
stylesheet. Templates ask for a file by its plain name (``asset("site.css")``) and get the
fingerprinted URL.

The stylesheet is the NL Design System component library plus the site's own CSS: far more than
the pages use. After the pages are rendered, every rule for a class that no page and no script
uses is removed and the rest minified (lightningcss), so a first visit loads only what it shows.
The pages are rendered with a placeholder for the stylesheet's name, which is filled in when the
stylesheet, and so its hash, is known.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import lightningcss

from ..model.routes import ASSETS_URL
from .files import replace_file

STYLESHEET = "site.css"
# Stands in for the stylesheet's fingerprint until it is known; the same length as a real one.
PLACEHOLDER = "0" * 10
_CLASS_IN_CSS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_TOKEN_IN_SCRIPT = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+")


@dataclass(frozen=True)
class Asset:
    name: str  # the plain name templates ask for: "site.css", "js/status.js"
    content: bytes

    @property
    def url(self) -> str:
        return fingerprinted(self.name, hashlib.sha256(self.content).hexdigest()[:10])


def fingerprinted(name: str, digest: str) -> str:
    path = PurePosixPath(name)
    return f"{ASSETS_URL}{path.with_name(f'{path.stem}.{digest}{path.suffix}')}"


def placeholder_url() -> str:
    """The stylesheet's URL in pages until its content, and so its name, is known."""
    return fingerprinted(STYLESHEET, PLACEHOLDER)


def collect(theme: Path) -> dict[str, Asset]:
    """Every file of the theme but its stylesheets (those are joined into one, see ``stylesheet``)."""
    static = theme / "static"
    return {path.relative_to(static).as_posix(): Asset(path.relative_to(static).as_posix(), path.read_bytes())
            for path in sorted(static.rglob("*")) if path.is_file() and path.suffix != ".css"}


def stylesheet(root: Path, parts: list[str], used: set[str], scripts: list[bytes]) -> Asset:
    """The listed CSS files as one stylesheet, without rules for classes nothing uses, minified.

    used: the classes and ids on the pages; scripts: the theme's JavaScript, whose class names
    (such as the badge status.js adds) count as used too.
    """
    css = "\n".join((root / part).read_text(encoding="utf-8") for part in parts)
    used = used | {token for script in scripts for token in _TOKEN_IN_SCRIPT.findall(script.decode("utf-8"))}
    unused = set(_CLASS_IN_CSS.findall(css)) - used
    return Asset(STYLESHEET, lightningcss.process_stylesheet(css, unused_symbols=unused, minify=True).encode("utf-8"))


def write(assets: list[Asset], output: Path) -> None:
    """Write the theme files (those unchanged are left alone)."""
    for asset in assets:
        replace_file(output / asset.url.lstrip("/"), asset.content)
