"""The Pelican generator: loads the content model, then writes every page and file of the site.

Writing happens in steps, each in a module of its own: render every page, calendars (``calendars``),
feeds (``feeds``) and the sitemap, check every link the pages make (``sitecheck``), write pages,
downloads and theme files (``assets``), the files for machines (``sitefiles``), the search index
(``searchindex``) and compressed copies (``compress``). Nothing is written before the link check
has passed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote

from pelican.generators import Generator

from . import assets, dutch, sitefiles, workers
from .assets import Asset, placeholder_url
from .calendars import calendar_url, calendars
from .catalog import LoadOptions
from .clock import build_time
from .compress import compress_file, compress_files
from .content import load
from .contenttypes import BY_NAME
from .errors import ContentError, ContentErrors
from .feeds import FEEDS, feeds
from .headers import meta_policy, parse_headers_file
from .indexes import Site
from .markup import Renderer
from .pages import all_pages
from .present import Presenter
from .routes import FILES_FOLDER, FILES_URL, theme_url
from .search import SearchFacts
from .searchindex import BUNDLE_URL, write_index
from .sitecheck import broken_links, facts
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
        self.env.globals.update(search_bundle=BUNDLE_URL)
        self.root = Path(self.settings["WERKPLAATSEN_ROOT"])

    def generate_context(self):
        self.now = build_time(self.settings)
        self.vocabulary = vocabulary(self.root / self.settings["WERKPLAATSEN_VOCABULARY"])
        self.options = LoadOptions.from_settings(self.settings, self.now)
        self.site_url = self.settings.get("SITEURL", "").rstrip("/")
        problems = self._settings_problems()
        try:
            self.catalog = load(Path(self.path), self.vocabulary, self.options, self._render)
        except ContentErrors as content:
            raise ContentErrors(problems + content.errors) from None
        if problems:
            raise ContentErrors(problems)
        self.site = Site(self.catalog, self.vocabulary, self.now)
        self.show = Presenter(self.vocabulary, self.catalog.uploads, self.site_url)
        self.headers = parse_headers_file(self.root / self.settings["WERKPLAATSEN_HEADERS_FILE"])
        self.assets = assets.collect(Path(self.theme))
        # Globals, not context: imported component macros see them too.
        self.env.globals.update(
            site=self.site, show=self.show, label=field_label, term=self.show.term, theme_url=theme_url,
            types=BY_NAME, asset=self._asset_url, page_policy=meta_policy(self.headers),
            feeds=FEEDS, og_type=og_type, calendar_url=calendar_url, search_facts=SearchFacts(self.site),
            structured=StructuredData(self.site, self.show, self.site_url, self.settings["SITENAME"]),
        )

    def _asset_url(self, name: str) -> str:
        return placeholder_url() if name == assets.STYLESHEET else self.assets[name].url

    def _settings_problems(self) -> list[ContentError]:
        """Production needs the site's real address: feeds, calendars and canonical links are absolute."""
        if self.options.include_drafts or self.site_url.startswith("https://"):
            return []
        return [ContentError("publishconf.py", 0, ("SITEURL",), (
            f'het adres van de site ("{self.site_url}") is geen https-adres. Zet WERKPLAATSEN_SITEURL op het '
            "adres van de site, zoals https://www.werkplaatsenwijkgerichtwerken.nl."))]

    def generate_output(self, writer):
        """Render the pages on every core, check them, then write everything (see the module docstring)."""
        pages = all_pages(self.site)
        self._warm(pages)
        reports, stylesheet, _ = workers.in_shares(pages, self._render_share, self._write_share, self._decide)
        output = Path(self.output_path)
        written = [*assets.write([*self.assets.values(), stylesheet], output), *self._write_uploads(output)]
        for url, data in self.generated.items():
            written.append(output / url.lstrip("/"))
            written[-1].parent.mkdir(parents=True, exist_ok=True)
            written[-1].write_bytes(data)
        written += sitefiles.write_all(output, self._machine_files())
        written += write_index(output, self.site.lessons, self.get_template("zoekindex-les"), self.env.globals["search_facts"])
        compress_files(written)
        for line in self.summary:
            print(line)

    def _warm(self, pages: list) -> None:
        """Work every process needs, done once before they fork: templates, indexes, other files."""
        for page in pages:
            self.get_template(page.template)
        self.site.warm()
        self.generated = {**calendars(self.site, self.show, self.site_url, self.settings["SITENAME"]),
                          **feeds(self.site, self.show, self.site_url, self.settings["SITENAME"]),
                          "/sitemap.xml": sitemap(pages, self.site_url)}

    def _render_share(self, pages: list) -> tuple[dict, dict]:
        """Render pages; report their facts to the parent, keep their HTML for writing."""
        rendered = {page.path: self.get_template(page.template).render(**self.context, page_url=page.url, **page.context)
                    for page in pages}
        return {page.url: facts(rendered[page.path]) for page in pages}, rendered

    def _decide(self, reports: list[dict]) -> Asset:
        """Check every link of every page; choose the downloads to publish; make the stylesheet."""
        pages = {url: page for report in reports for url, page in report.items()}
        self.uploads, self.summary = self._published_uploads(pages)
        files = ({asset.url for asset in self.assets.values()} | {FILES_URL + name for name in self.uploads}
                 | set(self.generated) | {placeholder_url()})
        settings_links = {url: ", ".join(name for name in LINKED_SETTINGS if url in dict(self.settings.get(name, ())))
                          for name in LINKED_SETTINGS for url, _ in self.settings.get(name, ())}
        errors = broken_links(pages, files, self.catalog.hidden, settings_links)
        if errors:
            raise ContentErrors(errors)
        used = set().union(*(page.classes | page.ids for page in pages.values()))
        scripts = [asset.content for name, asset in self.assets.items() if name.endswith(".js")]
        return assets.stylesheet(self.root, self.settings["WERKPLAATSEN_STYLESHEET"], used, scripts)

    def _write_share(self, rendered: dict[str, str], stylesheet: Asset) -> None:
        """Write this process's pages with the stylesheet's real name, and their compressed copies."""
        output, placeholder = Path(self.output_path), placeholder_url()
        for path, html in rendered.items():
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html.replace(placeholder, stylesheet.url), encoding="utf-8")
            compress_file(target)

    def _write_uploads(self, output: Path) -> list[Path]:
        written = []
        for name in self.uploads:
            written.append(output / FILES_FOLDER / name)
            written[-1].parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(self.path) / FILES_FOLDER / name, written[-1])
        return written

    def _published_uploads(self, pages: dict) -> tuple[list[str], list[str]]:
        """The preview offers every file; production only the files a published page links to."""
        if self.options.include_drafts:
            return sorted(self.catalog.uploads), []
        linked = {unquote(link[len(FILES_URL):].split("#")[0]) for page in pages.values()
                  for link in page.links if link.startswith(FILES_URL)}
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
