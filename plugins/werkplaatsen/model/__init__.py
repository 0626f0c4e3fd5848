"""The content model: what an item is, before any file is read.

Fields and their rules, the schemas and content types, the vocabulary, registration statuses,
the site's URLs (routes), the Dutch error messages and formatting, the build's clock, and the
record of what each output read (deps). Imports nothing else of werkplaatsen but system.places
(where the vocabulary file is).
"""
