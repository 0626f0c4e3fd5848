"""Reading the content: files in, a checked catalog of items out.

Front matter, validation against the schemas, Markdown, the texts' links and images, downloads,
and the catalog that loads and links every item. May import the model only.
"""
