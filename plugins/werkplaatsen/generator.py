"""The Pelican generator: loads the content model, then writes every page and file of the site.

Writing happens in steps, each in a module of its own: render every page, check every link the
pages make (``sitecheck``), write pages, downloads and theme files (``assets``), the browser
editor (``beheer``), the files for machines (``sitefiles``), and compressed copies
(``compress``). Nothing is written before the link check has passed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote

from pelican.generators import Generator

from . import assets, beheer, dutch, sitefiles
from .calendars import calendar_url, calendars
from .catalog import LoadOptions
from .clock import build_time
from .compress import compress_tree
from .content import load
from .contenttypes import BY_NAME
from .errors import ContentError, ContentErrors
from .feeds import FEEDS, feeds
from .headers import meta_policy, parse_headers_file
from .indexes import Site
from .markup import Renderer
from .pages import all_pages
from .present import Presenter
from .routes import ADMIN_URL, FILES_FOLDER, FILES_URL, theme_url
from .sitecheck import broken_links, ids_and_links
from .sitemap import sitemap
from .structured import StructuredData, og_type
from .vocabulary import vocabulary

LINKED_SETTINGS = ("MENU", "FOOTER_LINKS")


def field_label(item, name: str) -> str:
    """The Dutch label of a field, from the schema, so templates never spell labels twice."""
    return item.schema.model_fields[name].title


class WerkplaatsenGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._render = Renderer()
        self.env.filters.update(dutch.FILTERS, markdown=self._render)
        self.root = Path(self.settings["WERKPLAATSEN_ROOT"])

    def generate_context(self):
        self.now = build_time(self.settings)
        self.options = LoadOptions.from_settings(self.settings, self.now)
        self.site_url = self.settings.get("SITEURL", "").rstrip("/")
        problems = self._settings_problems()
        try:
            self.catalog = load(Path(self.path), vocabulary(), self.options, self._render)
        except ContentErrors as content:
            raise ContentErrors(problems + content.errors) from None
        if problems:
            raise ContentErrors(problems)
        self.site = Site(self.catalog, vocabulary(), self.now)
        self.show = Presenter(vocabulary(), self.catalog.uploads, self.site_url)
        self.headers = parse_headers_file(self.root / self.settings["WERKPLAATSEN_HEADERS_FILE"])
        self.assets = assets.collect(self.root, Path(self.theme), self.settings["WERKPLAATSEN_STYLESHEET"])
        # Globals, not context: imported component macros see them too.
        self.env.globals.update(
            site=self.site, show=self.show, label=field_label, term=self.show.term, theme_url=theme_url,
            types=BY_NAME, asset=lambda name: self.assets[name].url, page_policy=meta_policy(self.headers),
            feeds=FEEDS, og_type=og_type, calendar_url=calendar_url,
            structured=StructuredData(self.site, self.show, self.site_url, self.settings["SITENAME"]),
        )

    def _settings_problems(self) -> list[ContentError]:
        """Production needs the site's real address: feeds, calendars and canonical links are absolute."""
        if self.options.include_drafts or self.site_url.startswith("https://"):
            return []
        return [ContentError("publishconf.py", 0, ("SITEURL",), (
            f'het adres van de site ("{self.site_url}") is geen https-adres. Zet WERKPLAATSEN_SITEURL op het '
            "adres van de site, zoals https://www.werkplaatsenwijkgerichtwerken.nl."))]

    def generate_output(self, writer):
        output = Path(self.output_path)
        site_pages = all_pages(self.site)
        pages = {page.url: self.get_template(page.template).render(**self.context, page_url=page.url, **page.context)
                 for page in site_pages}
        uploads, summary = self._published_uploads(pages)
        generated = {**calendars(self.site, self.show, self.site_url, self.settings["SITENAME"]),
                     **feeds(self.site, self.show, self.site_url, self.settings["SITENAME"]),
                     "/sitemap.xml": sitemap(site_pages, self.site_url)}
        files = {asset.url for asset in self.assets.values()} | {FILES_URL + name for name in uploads} | set(generated)
        settings_links = {url: ", ".join(name for name in LINKED_SETTINGS if url in dict(self.settings.get(name, ())))
                          for name in LINKED_SETTINGS for url, _ in self.settings.get(name, ())}
        errors = broken_links(pages, files, self.catalog.hidden, settings_links)
        if errors:
            raise ContentErrors(errors)
        for url, html in pages.items():
            path = output / (url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        for url, data in generated.items():
            (output / url.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
            (output / url.lstrip("/")).write_bytes(data)
        for name in uploads:
            (output / FILES_FOLDER / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(self.path) / FILES_FOLDER / name, output / FILES_FOLDER / name)
        assets.write(self.assets, output)
        editor_page = self.get_template("beheer").render(**self.context, policy=meta_policy(self.headers, ADMIN_URL),
                                                         admin_url=ADMIN_URL, collections=list(BY_NAME))
        beheer.write(output, self.root, editor_page)
        sitefiles.write_all(output, self._machine_files())
        compress_tree(output)
        for line in summary:
            print(line)

    def _published_uploads(self, pages: dict[str, str]) -> tuple[list[str], list[str]]:
        """The preview offers every file; production only the files a published page links to."""
        if self.options.include_drafts:
            return sorted(self.catalog.uploads), []
        linked = {unquote(link[len(FILES_URL):].split("#")[0]) for html in pages.values()
                  for link in ids_and_links(html)[1] if link.startswith(FILES_URL)}
        left_out = sorted(set(self.catalog.uploads) - linked)
        summary = [f"Niet gepubliceerd omdat geen gepubliceerde pagina ernaar verwijst: "
                   f"{', '.join(f'content/{FILES_FOLDER}/{name}' for name in left_out)}"] if left_out else []
        return sorted(set(self.catalog.uploads) & linked), summary

    def _machine_files(self) -> dict[str, str]:
        site_url = self.settings.get("SITEURL", "")
        return {
            "_headers": (self.root / self.settings["WERKPLAATSEN_HEADERS_FILE"]).read_text(encoding="utf-8"),
            sitefiles.BUILD_INFO: sitefiles.build_info(self.now, Path(self.path), not self.options.include_drafts,
                                                       self.site.next_change),
            "robots.txt": sitefiles.robots_txt(site_url),
            sitefiles.SECURITY_TXT: sitefiles.security_txt(self.settings["WERKPLAATSEN_SECURITY_CONTACT"],
                                                           self.now, site_url),
        }
