"""The references the build is measured against, on the same Markdown bodies as the generated
content: plain Pelican with its default theme, and Hugo with minimal layouts followed by Pagefind
on its output. Each is written here as its users would set it up, built with the programs of its
own environment (environments.py), and knows where it writes the page of a content item.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .environments import HUGO_PAGEFIND, PELICAN, SITE_PACKAGES
from .synthetic import ContentFile, items

SITE_URL = "https://bench.example.nl"


@dataclass(frozen=True)
class Body:
    item: ContentFile
    title: str
    date: str  # "2024-01-05 10:00"
    text: str  # the Markdown below the front matter


def bodies(content: Path) -> Iterator[Body]:
    """Every content item's Markdown text, with a title and a date the references can use."""
    for number, item in enumerate(items(content)):
        text = item.path(content).read_text(encoding="utf-8").split("---", 2)[2]
        yield Body(item, f"{item.folder} {item.slug}", f"2024-01-{1 + number % 28:02d} 10:00", text)


# --- plain Pelican -------------------------------------------------------------------------------

PELICAN_SETTINGS = """\
SITENAME = "Plain Pelican"
PATH = "content"
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
"""


def pelican_site(content: Path, root: Path) -> Path:
    """The bodies as plain Pelican articles (default theme, feeds and pagination off) under root."""
    articles = root / "content"
    articles.mkdir(parents=True, exist_ok=True)
    for body in bodies(content):
        (articles / f"{pelican_slug(body.item)}.md").write_text(
            f"Title: {body.title}\nSlug: {pelican_slug(body.item)}\nDate: {body.date}\n"
            f"Category: {body.item.folder}\n\n{body.text}", encoding="utf-8")
    (root / "pelicanconf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
    return root


def pelican_slug(item: ContentFile) -> str:
    return f"{item.folder}-{item.slug}"


def pelican_page(item: ContentFile) -> str:
    """Where plain Pelican writes an item's page (ARTICLE_SAVE_AS: {slug}.html)."""
    return f"{pelican_slug(item)}.html"


def pelican_command(environment: Path, site: Path, output: Path) -> list[str]:
    return [str(PELICAN.program(environment, "bin/pelican")), str(site / "content"), "-s", str(site / "pelicanconf.py"),
            "-o", str(output), "-q"]


# --- Hugo + Pagefind -----------------------------------------------------------------------------

HUGO_SETTINGS = f"""\
baseURL = "{SITE_URL}/"
locale = "nl"
title = "Hugo"
"""

# Minimal layouts (Hugo's template system since 0.146): every page in one base; an item's page
# marks its article for Pagefind, as the site's own pages do.
HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>
<body>
<nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>{{ range site.Sections }} <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "home.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<ul>{{ range first 10 site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def hugo_site(content: Path, root: Path) -> Path:
    """The bodies as a Hugo site (one section per content type) with the layouts above, under root."""
    for body in bodies(content):
        path = root / "content" / body.item.folder / f"{body.item.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        date = body.date.replace(" ", "T") + ":00+01:00"
        path.write_text(f'---\ntitle: "{body.title}"\ndate: {date}\n---\n{body.text}', encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        layout = root / "layouts" / name
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(text, encoding="utf-8")
    (root / "hugo.toml").write_text(HUGO_SETTINGS, encoding="utf-8")
    return root


def hugo_page(item: ContentFile) -> str:
    """Where Hugo writes an item's page: /<section>/<file name>/."""
    return f"{item.folder}/{item.slug}/index.html"


HUGO = f"{SITE_PACKAGES}/hugo/binaries/hugo"
PAGEFIND = f"{SITE_PACKAGES}/pagefind_bin/pagefind"


def hugo_command(environment: Path, site: Path, output: Path) -> list[str]:
    return [str(HUGO_PAGEFIND.program(environment, HUGO)), "--source", str(site), "--destination", str(output), "--quiet"]


def pagefind_command(environment: Path, output: Path) -> list[str]:
    return [str(HUGO_PAGEFIND.program(environment, PAGEFIND)), "--site", str(output), "--silent"]


def hugo_server_command(environment: Path, site: Path, output: Path, port: int) -> list[str]:
    """`hugo server` as its users start it, writing to `output` (it writes to disk in this version)."""
    return [str(HUGO_PAGEFIND.program(environment, HUGO)), "server", "--source", str(site), "--destination", str(output),
            "--bind", "127.0.0.1", "--port", str(port), "--baseURL", f"http://127.0.0.1:{port}/"]
