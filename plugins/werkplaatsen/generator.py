"""The Pelican generator: loads the content model, then writes every page of the site."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import datetime
from functools import cache
from pathlib import Path

import yaml
from markupsafe import Markup
from pelican.generators import Generator

from . import dutch
from .catalog import FILES_FOLDER, LoadOptions, load
from .fields import TIMEZONE, parse_datetime
from .errors import ContentErrors
from .markup import Renderer
from .pages import all_pages
from .site import Site

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
NOW_VARIABLE = "WERKPLAATSEN_NU"


@cache
def vocabulary() -> dict:
    with VOCABULARY_FILE.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=yaml.BaseLoader)


def build_time(settings: dict) -> datetime:
    """The 'now' statuses are computed against: frozen by setting or environment, else the clock."""
    frozen = os.environ.get(NOW_VARIABLE) or settings.get("WERKPLAATSEN_NU")
    return parse_datetime(frozen) if frozen else datetime.now(TIMEZONE).replace(second=0, microsecond=0)


def field_label(item, name: str) -> str:
    """The Dutch label of a field, from the schema, so templates never spell labels twice."""
    return item.schema.model_fields[name].title


class WerkplaatsenGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        render = Renderer()
        self.env.filters.update(
            markdown=lambda text: Markup(render(text)),
            day=dutch.day,
            short_day=dutch.short_day,
            clock=dutch.clock,
            moment=dutch.moment,
            span=dutch.span,
            period=dutch.period,
            filesize=dutch.filesize,
            iso=dutch.iso,
        )
        self._render = render

    def generate_context(self):
        try:
            catalog = load(Path(self.path), vocabulary(), LoadOptions.from_settings(self.settings))
        except ContentErrors as problems:
            if self.settings.get("WERKPLAATSEN_PREVIEW"):
                raise  # the preview server reports it and keeps watching for the fix
            print(problems.report(), file=sys.stderr)
            raise SystemExit(1) from None
        for item in catalog:
            item.html = Markup(self._render(item.source.body))
        files = Path(self.path) / FILES_FOLDER
        self.site = Site(catalog, vocabulary(), build_time(self.settings), files)
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
