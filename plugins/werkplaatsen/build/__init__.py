"""The build and the preview: the Pelican generator that runs every stage in order, the worker
processes, the site check over the rendered pages, `make check`, the incremental preview, and the
atomic switch of `output/` (`python -m werkplaatsen.build`). May import every stage below it.
"""
