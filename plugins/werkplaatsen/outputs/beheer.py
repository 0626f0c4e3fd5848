"""The browser editor at /beheer/ (Decap CMS): what the build copies into the site.

Four things: Decap's bundle from node_modules (pinned in package.json, so the editor is served
from the site itself, never from a CDN), the configuration ``make docs`` generates from the
content model (beheer/config.yml), the page that loads both (theme/templates/beheer.html) and the
logo its login page shows: the site's name (theme/templates/beheer-logo.svg).
The page is no content page: it is not in the sitemap, the feeds or the link check, robots.txt
keeps crawlers out, and hosting/_headers gives /beheer/* a policy of its own.
"""

from __future__ import annotations

from pathlib import Path

from ..model.routes import ADMIN_URL
from .files import replace_file

BUNDLE = Path("node_modules/decap-cms/dist")
CONFIG = Path("beheer/config.yml")
LOGO = "logo.svg"  # the site's name on the login page (theme/templates/beheer-logo.svg)
# Decap's bundle loads its chunks and WebAssembly next to itself; its source maps (50 MB) stay out.
BUNDLE_FILES = ("decap-cms.js", "decap-cms.js.LICENSE.txt", "*.decap-cms.js", "*.wasm")


def write(output: Path, root: Path, page: str, logo: str) -> None:
    """Write /beheer/: the page, its logo, the configuration and Decap's bundle (unchanged files are left alone)."""
    folder = output / ADMIN_URL.strip("/")
    files = {"index.html": page, LOGO: logo, CONFIG.name: root / CONFIG}
    files.update((path.name, path) for pattern in BUNDLE_FILES for path in sorted((root / BUNDLE).glob(pattern)))
    for name, data in files.items():
        replace_file(folder / name, data)
