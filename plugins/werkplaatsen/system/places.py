"""Where the project's files are, written once: the checkout's root and the files that both the
build and the tools read.

pelicanconf.py takes its settings for these files from here, so the build (which reads the
settings) and the tools that need no settings (editor, guide, JSON Schemas, preview server,
nginx configuration) read the same files; tests/unit/test_places.py fails when they differ.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # plugins/werkplaatsen/system/places.py
# Relative to ROOT, as the settings WERKPLAATSEN_VOCABULARY and WERKPLAATSEN_HEADERS_FILE name them.
VOCABULARY = "plugins/werkplaatsen/model/vocabulary.yaml"
HEADERS = "hosting/_headers"
