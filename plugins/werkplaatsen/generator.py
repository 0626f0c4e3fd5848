"""The Pelican generator: loads the content model, then writes every page and file of the site."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote

from pelican.generators import Generator

from . import dutch
from .catalog import LoadOptions
from .clock import build_time
from .content import load
from .contenttypes import BY_NAME
from .errors import ContentErrors
from .indexes import Site
from .markup import Renderer
from .pages import all_pages
from .present import Presenter
from .routes import FILES_FOLDER, FILES_URL, theme_url
from .sitecheck import broken_links, ids_and_links
from .vocabulary import vocabulary


def field_label(item, name: str) -> str:
    """The Dutch label of a field, from the schema, so templates never spell labels twice."""
    return item.schema.model_fields[name].title


class WerkplaatsenGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._render = Renderer()
        self.env.filters.update(dutch.FILTERS, markdown=self._render)
        self.summary: list[str] = []

    def generate_context(self):
        now = build_time(self.settings)
        self.options = LoadOptions.from_settings(self.settings, now)
        self.catalog = load(Path(self.path), vocabulary(), self.options, self._render)
        self.site = Site(self.catalog, vocabulary(), now)
        self.show = Presenter(vocabulary(), self.catalog.uploads)
        # Globals, not context: imported component macros see them too.
        self.env.globals.update(site=self.site, show=self.show, label=field_label,
                                term=self.show.term, theme_url=theme_url, types=BY_NAME)

    def generate_output(self, writer):
        rendered = {page.url: self.get_template(page.template).render(**self.context, page_url=page.url, **page.context)
                    for page in all_pages(self.site)}
        assets = self._asset_urls()
        uploads = self._published_uploads(rendered)
        settings_links = {url: ", ".join(name for name in ("MENU", "FOOTER_LINKS")
                                         if url in dict(self.settings.get(name, ())))
                          for name in ("MENU", "FOOTER_LINKS") for url, _ in self.settings.get(name, ())}
        errors = broken_links(rendered, assets | {FILES_URL + name for name in uploads}, self.catalog.hidden, settings_links)
        if errors:
            raise ContentErrors(errors)
        output = Path(self.output_path)
        for url, html in rendered.items():
            path = output / (url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        self._copy_uploads(uploads)
        self._copy_assets()
        for line in self.summary:
            print(line)

    def _published_uploads(self, rendered: dict[str, str]) -> list[str]:
        """The preview offers every file; production only the files a published page links to."""
        if self.options.include_drafts:
            return sorted(self.catalog.uploads)
        linked = {link[len(FILES_URL):].split("#")[0] for html in rendered.values()
                  for link in ids_and_links(html)[1] if link.startswith(FILES_URL)}
        linked = {unquote(name) for name in linked}
        left_out = sorted(set(self.catalog.uploads) - linked)
        if left_out:
            self.summary.append(f"Niet gepubliceerd (geen gepubliceerde pagina verwijst ernaar): "
                                f"{', '.join(f'content/{FILES_FOLDER}/{name}' for name in left_out)}")
        return sorted(set(self.catalog.uploads) & linked)

    def _copy_uploads(self, names: list[str]) -> None:
        source, target = Path(self.path) / FILES_FOLDER, Path(self.output_path) / FILES_FOLDER
        for name in names:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, target / name)

    def _extra_files(self) -> dict[str, Path]:
        """Output path -> source: the theme's static files and the files named in the settings."""
        root = Path(self.settings["WERKPLAATSEN_ROOT"])
        static = Path(self.theme) / "static"
        files = {f"theme/{p.relative_to(static).as_posix()}": p for p in sorted(static.rglob("*")) if p.is_file()}
        files.update({target: root / source for target, source in self.settings.get("WERKPLAATSEN_EXTRA_FILES", {}).items()})
        return files

    def _asset_urls(self) -> set[str]:
        return {"/" + target for target in self._extra_files()}

    def _copy_assets(self) -> None:
        for target, source in self._extra_files().items():
            destination = Path(self.output_path) / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
