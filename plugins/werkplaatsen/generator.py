"""The Pelican generator: loads the content model, then writes every page of the site."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from pelican.generators import Generator

from . import dutch
from .catalog import FILES_FOLDER, LoadOptions
from .content import load
from .clock import build_time
from .errors import ContentErrors
from .markup import Renderer
from .pages import all_pages
from .site import Site
from .vocabulary import vocabulary

def field_label(item, name: str) -> str:
    """The Dutch label of a field, from the schema, so templates never spell labels twice."""
    return item.schema.model_fields[name].title


class WerkplaatsenGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._render = Renderer()
        self.env.filters.update(dutch.FILTERS, markdown=self._render)

    def generate_context(self):
        now = build_time(self.settings)
        options = LoadOptions.from_settings(self.settings, now)
        try:
            catalog = load(Path(self.path), vocabulary(), options, self._render)
        except ContentErrors as problems:
            if self.settings.get("WERKPLAATSEN_PREVIEW"):
                raise  # the preview server reports it and keeps watching for the fix
            print(problems.report("De site is niet bijgewerkt; de vorige versie blijft staan."), file=sys.stderr)
            raise SystemExit(1) from None
        self.site = Site(catalog, vocabulary(), now, Path(self.path) / FILES_FOLDER)
        # Globals, not context: imported component macros see them too.
        self.env.globals.update(site=self.site, label=field_label, term=self.site.term)

    def generate_output(self, writer):
        for page in all_pages(self.site):
            template = self.get_template(page.template)
            writer.write_file(page.path, template, self.context, page_url=page.url, **page.context)
        self._copy_extra_files()

    def _copy_extra_files(self):
        """Files from outside the theme and content that the site serves as they are."""
        root = Path(self.settings["WERKPLAATSEN_ROOT"])
        for target, source in self.settings.get("WERKPLAATSEN_EXTRA_FILES", {}).items():
            destination = Path(self.output_path) / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / source, destination)
