"""Editor tools, all generated from the content model: scaffolds, JSON Schemas, the guide.

Only editors' tooling uses this package; the build never imports it.
"""
