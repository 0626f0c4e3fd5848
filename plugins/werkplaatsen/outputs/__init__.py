"""Writing what is not a page template's job: feeds, calendars, the sitemap, the machine files,
the search index, the theme's assets, the editor page, and the atomic file write
they all use. May import the model, reading and the view.
"""
