"""Load the content tree for a build or a check: one pass that reports every problem at once."""

from __future__ import annotations

from pathlib import Path

from ..model.errors import ContentErrors
from .catalog import Catalog, LoadOptions, collect
from .markup import Renderer
from .texts import render_and_check


def load(content: Path, vocabulary: dict, options: LoadOptions, render: Renderer, reads: dict | None = None) -> Catalog:
    """Read, validate, link and render all content; raise ContentErrors listing every problem.

    reads: see catalog.collect (the preview's cache of parsed files).
    """
    catalog, errors = collect(content, vocabulary, options, reads)
    errors += render_and_check(catalog, render, options.hosts["links"])
    if errors:
        raise ContentErrors(errors)
    return catalog
