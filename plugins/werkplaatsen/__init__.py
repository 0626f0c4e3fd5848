"""Werkplaatsen content model for Pelican: schemas, checks, statuses and page generation."""

from pelican import signals

from .generator import WerkplaatsenGenerator


def _add_generator(pelican):
    return WerkplaatsenGenerator


def register():
    signals.get_generators.connect(_add_generator)
