"""Werkplaatsen content model for Pelican: schemas, checks, statuses and page generation.

Importing the package loads nothing heavy, so the command-line tools in it (check, deploy, hosting,
editor) start fast; Pelican and the generator are imported when Pelican uses the plugin.
"""


def _generator(pelican):
    from .build.generator import WerkplaatsenGenerator

    return WerkplaatsenGenerator


def register():
    from pelican import signals

    signals.get_generators.connect(_generator)
