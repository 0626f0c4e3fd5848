"""Files about the site for machines: _build.json, robots.txt and /.well-known/security.txt.

``_build.json`` says when and from which commit a build was made, whether it is a production
build of committed content (the deploy checks that), and the next moment a status on the site
changes by itself, so a scheduler knows when the next build is due.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..model.dutch import iso
from ..model.routes import ADMIN_URL, ROBOTS_URL, SITEMAP_URL
from ..system import safegit
from .files import replace_file

# Paths from the output folder's root.
BUILD_INFO = "_build.json"
SECURITY_TXT = ".well-known/security.txt"
ROBOTS_TXT = ROBOTS_URL.lstrip("/")
HEADERS = "_headers"  # the name Netlify and Cloudflare Pages read, whatever the settings' file is called
# RFC 9116: Expires should be less than a year away.
SECURITY_TXT_VALID = timedelta(days=180)


def git_state(content: Path) -> tuple[str | None, bool]:
    """(commit, content committed): the HEAD commit, and whether content/ has no uncommitted change.

    Content outside a git checkout counts as not committed: nothing proves what was built.
    """
    head = safegit.run(content, "rev-parse", "HEAD")
    if head.returncode:
        return None, False
    # Without optional locks: status would otherwise rewrite the index, and a save in the browser
    # editor (make beheer: decap-server's git add) that wants it at that moment would fail.
    changes = safegit.run(content, "--no-optional-locks", "status", "--porcelain", "--untracked-files=all", "--", ".")
    return head.stdout.strip(), changes.returncode == 0 and not changes.stdout.strip()


def build_info(now: datetime, content: Path, production: bool, next_change: datetime | None) -> str:
    commit, committed = git_state(content)
    info = {
        "built_at": iso(now),
        "commit": commit,
        "content_committed": committed,
        "production": production,
        "next_change": iso(next_change) if next_change else None,
    }
    return json.dumps(info, indent=2) + "\n"


def robots_txt(site_url: str) -> str:
    """Everything may be crawled but the browser editor, which is no page for visitors."""
    lines = ["User-agent: *", f"Disallow: {ADMIN_URL}", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}{SITEMAP_URL}")
    return "\n".join(lines) + "\n"


def security_txt(contact: str, now: datetime, site_url: str) -> str:
    expires = (now + SECURITY_TXT_VALID).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [f"Contact: {contact}", f"Expires: {expires}", "Preferred-Languages: nl, en"]
    if site_url:
        lines.append(f"Canonical: {site_url}/{SECURITY_TXT}")
    return "\n".join(lines) + "\n"


def write_all(output: Path, files: dict[str, str]) -> None:
    """Write the files for machines (those unchanged are left alone)."""
    for name, text in files.items():
        replace_file(output / name, text)
