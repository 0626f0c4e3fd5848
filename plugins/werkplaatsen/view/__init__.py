"""The site's view of the catalog: what each page shows, decided in Python, not in templates.

Indexes (sorted lists, filters, related items, statuses), the list of pages, what a template
presents, the facts the search filters use, and the structured data in each page. May import the
model and reading.
"""
