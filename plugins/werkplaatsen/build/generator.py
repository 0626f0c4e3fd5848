"""The Pelican generator: loads the content model, then writes every page and file of the site.

Every file the content makes is an ``Output``: the pages (templates), the calendars, the feeds,
the sitemap and the files for machines. Writing happens in steps, each in a module of its own:
render the outputs on every core (``workers``), check every link the pages make (``sitecheck``),
make the stylesheet from the classes the pages use (``assets``), write the pages, the
downloads and theme files, the browser editor (``beheer``), then make the search index
(``searchindex``) while the other outputs are written. A failed check stops the build before it
is switched live (see build.py). The preview (``incremental``) keeps a generator and asks its
``build`` for the outputs an edit changed: one order of work for both, written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from jinja2 import BytecodeCache
from pelican.generators import Generator

from ..hosting.headers import meta_policy, parse_headers_file
from ..model import deps, routes
from ..model.clock import build_time
from ..model.contenttypes import BY_NAME, BY_ROLE
from ..model.errors import ContentError, ContentErrors
from ..model.filetypes import FILES_PATH
from ..model.routes import ADMIN_URL, FILES_FOLDER, FILES_URL, theme_url
from ..model.vocabulary import Vocabulary, vocabulary
from ..outputs import assets, beheer, sitefiles
from ..outputs.assets import Asset, placeholder_url
from ..outputs.calendars import calendar_url, calendars
from ..outputs.feeds import FEEDS, feeds
from ..outputs.files import replace_file
from ..outputs.searchindex import BUNDLE_URL, InBackground, Indexing, lesson_documents
from ..outputs.sitemap import sitemap
from ..reading.catalog import LoadOptions
from ..reading.content import load
from ..reading.markup import Renderer
from ..system import places
from ..view import timetags
from ..view.indexes import Site
from ..view.pages import Page, all_pages
from ..view.present import Presenter
from ..view.search import SearchFacts
from ..view.shareimages import ShareImages
from ..view.structured import StructuredData, og_type
from . import workers
from .problems import JSON_URL as PROBLEMS_URL
from .sitecheck import PageFacts, broken_links, facts

LINKED_SETTINGS = ("MENU", "FOOTER_LINKS")


def field_label(item, name: str) -> str:
    """The Dutch label of a field, from the schema, so templates never spell labels twice."""
    return item.schema.model_fields[name].title


@dataclass(frozen=True)
class Output:
    """A file the content makes: a page (from a template) or another text file.

    shows: what the output lists that it was given rather than read (a page's context, the
    sitemap's pages); the preview renders it again when that changes.
    """

    url: str
    make: object  # () -> str | bytes
    page: Page | None = None
    shows: object = None

    @property
    def path(self) -> str:
        relative = self.url.lstrip("/")
        return relative + "index.html" if relative.endswith("/") or not relative else relative


@dataclass
class RenderedOutput:
    """An output's content and, for a page, what the checks and the stylesheet need; in the
    preview also everything it read (see deps)."""

    content: bytes
    facts: PageFacts | None = None
    reads: frozenset = field(default_factory=frozenset)


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled code of each template, in memory, by name and text: every load starts from
    fresh templates (see generate_context), and this keeps that from compiling them all again."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # Jinja drops it when the text differs

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class WerkplaatsenGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.bytecode_cache = CompiledTemplates()
        self.markdown = Renderer()
        self.env.filters.update(timetags.FILTERS, markdown=self.markdown)
        self.env.globals.update(search_bundle=BUNDLE_URL, routes=routes)
        self._get_template = self.env.get_template
        self.env.get_template = self._template  # templates a page uses count as read (see deps)
        self.root = Path(self.settings["WERKPLAATSEN_ROOT"])
        self.reads: dict | None = None  # the preview's cache of parsed content files (see catalog.collect)
        self.search_index: InBackground | None = None  # the preview makes the index in the background

    def _template(self, name, *args, **kwargs):
        deps.read(("template", getattr(name, "name", name)))
        return self._get_template(name, *args, **kwargs)

    @classmethod
    def for_settings(cls, settings: dict, **options) -> WerkplaatsenGenerator:
        """A generator of read settings, for their content, theme and output folder."""
        return cls(context=settings.copy(), settings=settings, path=settings["PATH"], theme=settings["THEME"],
                   output_path=settings["OUTPUT_PATH"], **options)

    # Loading -------------------------------------------------------------------------------

    def get_template(self, name):
        """A page's template from Jinja's cache, which every load empties, not from Pelican's cache
        by name, which lives as long as the generator (in the preview, as long as it runs)."""
        return self.env.get_template(f"{name}.html")

    def generate_context(self):
        # Fresh templates for every load: Jinja gives an imported template (a component's macros) a
        # copy of the globals once, and trusts a file's time, which two saves in one tick share.
        self.env.cache.clear()
        self.now = build_time(self.settings)
        self.terms = vocabulary(places.vocabulary_file(self.settings))
        self.options = LoadOptions.from_settings(self.settings, self.now)
        self.site_url = self.settings.get("SITEURL", "").rstrip("/")
        problems = self._settings_problems()
        try:
            self.catalog = load(Path(self.path), self.terms, self.options, self.markdown, self.reads)
        except ContentErrors as content:
            raise ContentErrors(problems + content.errors) from None
        if problems:
            raise ContentErrors(problems)
        terms = Vocabulary(self.terms)
        self.site = Site(self.catalog, terms, self.now)
        self.show = Presenter(terms, self.catalog.uploads, self.site_url)
        self.headers = parse_headers_file(places.headers_file(self.settings))
        self.assets = assets.collect(Path(self.theme))
        share = ShareImages(self.show, self._asset_url, self.settings["SITENAME"])
        self.search_facts = SearchFacts(self.site)
        # Globals, not context: imported component macros see them too.
        self.env.globals.update(
            site=self.site, show=self.show, label=field_label, term=self.show.term, theme_url=theme_url,
            roles={role.value: kind for role, kind in BY_ROLE.items()}, asset=self._asset_url,
            page_policy=meta_policy(self.headers),
            feeds=FEEDS, og_type=og_type, calendar_url=calendar_url, search_facts=self.search_facts,
            share_image=share, structured=StructuredData(self.site, self.show, share),
        )


    def _asset_url(self, name: str) -> str:
        deps.read(("asset", name))
        return placeholder_url() if name == assets.STYLESHEET else self.assets[name].url

    def _settings_problems(self) -> list[ContentError]:
        """Production needs the site's real address: feeds, calendars and canonical links are absolute."""
        if self.options.include_drafts or self.site_url.startswith("https://"):
            return []
        return [ContentError("publishconf.py", 0, ("SITEURL",), (
            f'het adres van de site ("{self.site_url}") is geen https-adres. Zet WERKPLAATSEN_SITEURL op het '
            "adres van de site, zoals https://www.werkplaatsenwijkgerichtwerken.nl."))]

    # Outputs -------------------------------------------------------------------------------

    def outputs(self) -> list[Output]:
        """Every file the content makes, in a fixed order; the check knows the URLs of those that are
        not pages from here on (``other_urls``)."""
        pages = all_pages(self.site)
        made = [Output(page.url, self._page_maker(page), page, page.context) for page in pages]
        others = {**calendars(self.site, self.show, self.site_url, self.settings["SITENAME"]),
                  **feeds(self.site, self.show, self.site_url, self.settings["SITENAME"])}
        made += [Output(url, make) for url, make in others.items()]
        made.append(Output(routes.SITEMAP_URL, lambda: sitemap(pages, self.site_url), shows=[page.url for page in pages]))
        self.other_urls = {output.url for output in made if output.page is None}
        return made

    def _page_maker(self, page: Page):
        def make() -> str:
            return self.get_template(page.template).render(**self.context, page_url=page.url, **page.context)
        return make

    def render(self, outputs: list[Output]) -> tuple[dict[str, RenderedOutput], dict]:
        """Render outputs in this process: url -> RenderedOutput, and the queries they computed (see deps)."""
        rendered, tracker = {}, deps.current()
        for output in outputs:
            if tracker is None:
                content, reads = output.make(), frozenset()
            else:
                with tracker.recording() as read:
                    content = output.make()
                reads = frozenset(read)
            data = content.encode("utf-8") if isinstance(content, str) else content
            rendered[output.url] = RenderedOutput(data, facts(content) if output.page else None, reads)
        return rendered, (tracker.queries if tracker else {})

    # Writing -------------------------------------------------------------------------------

    def generate_output(self, writer):
        """Build every output (see build)."""
        self.build(self.outputs())

    def build(self, outputs: list[Output], earlier: dict[str, PageFacts] | None = None,
              before_writing=lambda stylesheet: None,
              processes: int | None = None) -> tuple[dict[str, RenderedOutput], dict, Asset]:
        """Render and write `outputs` and the files every build writes, in the one order of work of
        the full build and of each preview update (see the module docstring).

        The pages render on `processes` cores (every core when None); once all are in, the links of
        every page (those rendered now and `earlier`: the facts of the pages not rendered again) are
        checked and the stylesheet is made; then `before_writing(stylesheet)`, the pages, the theme
        files, downloads, editor and machine files. Pagefind indexes the pages while this process makes the
        calendars, feeds and sitemap: they are not pages, so it never reads them (in this process:
        forking again costs more than they take on the other core). The preview's index is made in
        the background (``search_index``), so its update ends when its files are written.
        Returns what each output read and, for a page, its facts (not its content), the queries
        they computed (see deps), and the stylesheet."""

        def decide(reports: list) -> Asset:
            stylesheet = self.check_and_style({**(earlier or {}), **_facts(reports)})
            before_writing(stylesheet)
            return stylesheet

        pages = [output for output in outputs if output.page]
        if processes != 1:
            self.prepare(pages)
        reports, stylesheet, _ = workers.in_shares(pages, self.render_share, self.write_outputs, decide,
                                                   processes=processes)
        output = Path(self.output_path)
        self.write_files(stylesheet)
        documents, indexing = self._search_documents(), None
        if self.search_index is None:
            indexing = Indexing(output, documents)
        else:
            self.search_index.request(output, documents)
        try:
            others, queries = self.render([output for output in outputs if output.page is None])
            self.write_outputs(others, stylesheet)
        except BaseException:
            if indexing is not None:
                indexing.stop()
            raise
        if indexing is not None:
            indexing.finish()
        self._print_summary()
        done = {url: RenderedOutput(b"", rendered.facts, rendered.reads) for url, rendered in others.items()}
        for report, share_queries in reports:
            done.update(report)
            queries = {**queries, **share_queries}
        return done, queries, stylesheet

    def check_output(self) -> None:
        """Everything build does before it writes, and nothing after: `make check` runs this after
        generate_context, so what it accepts, the build builds."""
        outputs = self.outputs()
        self.prepare(outputs)
        self.check_and_style(_facts(workers.in_shares(outputs, self.render_share)))

    def prepare(self, outputs: list[Output]) -> None:
        """Compute the site's indexes and compile the templates once, before the processes fork."""
        self.site.warm()
        for template in {output.page.template for output in outputs if output.page}:
            self.get_template(template)

    def render_share(self, outputs: list[Output]) -> tuple[dict, dict]:
        """Render outputs; report what the checks need to the parent, keep the content for writing."""
        rendered, queries = self.render(outputs)
        report = {url: RenderedOutput(b"", done.facts, done.reads) for url, done in rendered.items()}
        return (report, queries), rendered

    def check_and_style(self, pages: dict[str, PageFacts]) -> Asset:
        """Check every link of every page; choose the downloads to publish; make the stylesheet."""
        self.uploads, self.summary = self._published_uploads(pages)
        files = ({asset.url for asset in self.assets.values()} | {FILES_URL + name for name in self.uploads}
                 | self.other_urls | {placeholder_url()})
        settings_links = {url: ", ".join(name for name in LINKED_SETTINGS if url in dict(self.settings.get(name, ())))
                          for name in LINKED_SETTINGS for url, _ in self.settings.get(name, ())}
        errors = broken_links(pages, files, self.catalog.hidden, settings_links)
        if errors:
            raise ContentErrors(errors)
        used = set().union(*(page.classes | page.ids for page in pages.values()))
        scripts = [asset.content for name, asset in self.assets.items() if name.endswith(".js")]
        return assets.stylesheet(self.root, self.settings["WERKPLAATSEN_STYLESHEET"], used, scripts)

    def write_outputs(self, rendered: dict[str, RenderedOutput], stylesheet: Asset) -> None:
        """Write outputs, pages with the stylesheet's real name."""
        output, placeholder = Path(self.output_path), placeholder_url().encode()
        for url, done in rendered.items():
            target = output / Output(url, None).path
            content = done.content.replace(placeholder, stylesheet.url.encode()) if done.facts else done.content
            replace_file(target, content)

    def write_files(self, stylesheet: Asset) -> None:
        """The theme files, the downloads, the browser editor and the files for machines."""
        output = Path(self.output_path)
        assets.write([*self.assets.values(), stylesheet], output)
        self._write_uploads(output)
        editor_page = self.get_template("beheer").render(**self.context, policy=meta_policy(self.headers, ADMIN_URL),
                                                         admin_url=ADMIN_URL, collections=list(BY_NAME),
                                                         problems_url=PROBLEMS_URL)
        editor_page = editor_page.replace(placeholder_url(), stylesheet.url)  # its preview uses the site's styles
        logo = self.env.get_template("beheer-logo.svg").render(**self.context)
        beheer.write(output, self.root, editor_page, logo)
        sitefiles.write_all(output, self._machine_files())

    def _search_documents(self) -> dict[str, str]:
        """What Pagefind indexes besides the pages: the lessons."""
        return lesson_documents(self.site.lessons, self.get_template("zoekindex-les"), self.search_facts)

    def _print_summary(self) -> None:
        for line in self.summary:
            print(line)

    def _write_uploads(self, output: Path) -> None:
        """Copy the published downloads (unchanged ones are left alone)."""
        for name in self.uploads:
            replace_file(output / FILES_FOLDER / name, Path(self.path) / FILES_FOLDER / name)

    def _published_uploads(self, pages: dict[str, PageFacts]) -> tuple[list[str], list[str]]:
        """The preview offers every file; production only the files a published page links to."""
        if self.options.include_drafts:
            return sorted(self.catalog.uploads), []
        linked = {unquote(link[len(FILES_URL):].split("#")[0]) for page in pages.values()
                  for link in page.links if link.startswith(FILES_URL)}
        left_out = sorted(set(self.catalog.uploads) - linked)
        summary = [f"Niet gepubliceerd omdat geen gepubliceerde pagina ernaar verwijst: "
                   f"{', '.join(f'{FILES_PATH}{name}' for name in left_out)}"] if left_out else []
        return sorted(set(self.catalog.uploads) & linked), summary

    def _machine_files(self) -> dict[str, str]:
        site_url = self.site_url
        return {
            sitefiles.HEADERS: places.headers_file(self.settings).read_text(encoding="utf-8"),
            sitefiles.BUILD_INFO: sitefiles.build_info(self.now, Path(self.path), not self.options.include_drafts,
                                                       self.site.next_change),
            sitefiles.ROBOTS_TXT: sitefiles.robots_txt(site_url),
            sitefiles.SECURITY_TXT: sitefiles.security_txt(self.settings["WERKPLAATSEN_SECURITY_CONTACT"],
                                                           self.now, site_url),
        }


def _facts(reports: list) -> dict[str, PageFacts]:
    """The facts of the pages in the reports of render_share, by URL."""
    return {url: done.facts for report, _ in reports for url, done in report.items() if done.facts is not None}
