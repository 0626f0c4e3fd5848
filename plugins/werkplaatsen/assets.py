"""The theme's files as the site serves them: one stylesheet, fingerprinted names.

Every file under /theme/ carries a hash of its content in its name (``site.3f2a9c1e.css``), so
hosts can cache it for a year (``immutable``) and a new build can never be shown with an old
stylesheet. Templates ask for a file by its plain name (``asset("site.css")``) and get the
fingerprinted URL.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .routes import ASSETS_URL


@dataclass(frozen=True)
class Asset:
    name: str  # the plain name templates ask for: "site.css", "js/status.js"
    content: bytes

    @property
    def url(self) -> str:
        digest = hashlib.sha256(self.content).hexdigest()[:10]
        path = PurePosixPath(self.name)
        return f"{ASSETS_URL}{path.with_name(f'{path.stem}.{digest}{path.suffix}')}"


def collect(root: Path, theme: Path, stylesheet: list[str]) -> dict[str, Asset]:
    """The stylesheet (the listed files, joined in order) and every other file of the theme."""
    static = theme / "static"
    assets = {"site.css": Asset("site.css", b"\n".join((root / part).read_bytes() for part in stylesheet))}
    for path in sorted(static.rglob("*")):
        name = path.relative_to(static).as_posix()
        if path.is_file() and path.suffix != ".css":
            assets[name] = Asset(name, path.read_bytes())
    return assets


def write(assets: dict[str, Asset], output: Path) -> None:
    for asset in assets.values():
        target = output / asset.url.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.content)
