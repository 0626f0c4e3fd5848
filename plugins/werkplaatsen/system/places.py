"""Where the project's files are, written once: the checkout's root and the files that both the
build and the tools read.

pelicanconf.py takes its settings for these files from here. The build, the preview and its
server and the editor's generated files read them from the settings (``vocabulary_file``,
``headers_file``); the tools that need no settings (`make nieuw`, the nginx configuration) read
the defaults. tests/unit/test_places.py fails when they differ.
"""

from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # plugins/werkplaatsen/system/places.py
# Relative to ROOT, as the settings WERKPLAATSEN_VOCABULARY and WERKPLAATSEN_HEADERS_FILE name them.
VOCABULARY = "plugins/werkplaatsen/model/vocabulary.yaml"
HEADERS = "hosting/_headers"


def vocabulary_file(settings: Mapping) -> Path:
    """The vocabulary a build with these settings reads: the preview watches the same file."""
    return Path(settings["WERKPLAATSEN_ROOT"]) / settings["WERKPLAATSEN_VOCABULARY"]


def headers_file(settings: Mapping) -> Path:
    """The headers file of a build with these settings: its pages' <meta> policy, its copy in the
    site and the preview server's headers all come from it."""
    return Path(settings["WERKPLAATSEN_ROOT"]) / settings["WERKPLAATSEN_HEADERS_FILE"]
