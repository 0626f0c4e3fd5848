"""The search index the build writes with Pagefind: which pages and lessons are in it, what it
knows about each (type, date, themes, year), that drafts stay out of production, that two builds
write the same bytes, and the search page and header form that use it."""

from __future__ import annotations

import gzip
import time
import json
import os
import re

import pytest

from tests.support import (EXAMPLES_ALLOWED, FIXTURE_CONTENT, OVERVIEW_URLS, REGISTRATION_OPEN, build, content_items,
                           descendants, index_records, process_name)
from werkplaatsen.hosting.headers import headers_for, parse_headers_file
from werkplaatsen.model.routes import HOME_URL, SEARCH_INDEX_URL, SEARCH_URL
from werkplaatsen.outputs import searchindex

YEAR_IN = re.compile(r"\b(\d{4})\b")


def facts(soup) -> dict[str, str]:
    return {item.select_one("dt").get_text(strip=True): item.select_one("dd").get_text(" ", strip=True)
            for item in soup.select("main .utrecht-data-list__item")}


@pytest.fixture(scope="module")
def fixture_site(fixture_build):
    return fixture_build(REGISTRATION_OPEN)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    result = build(FIXTURE_CONTENT, tmp_path_factory.mktemp("production") / "output", now=REGISTRATION_OPEN,
                   settings="publishconf.py", extra_env=EXAMPLES_ALLOWED)
    assert result.returncode == 0, result.stderr
    return result


def test_the_index_is_dutch_and_holds_every_content_item_and_lesson_only(site):
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["nl"] and entry["languages"]["nl"]["wasm"] == "nl"  # the Dutch stemmer
    records = index_records(site.output)
    lessons = {url for url in records if "#les-" in url}
    assert set(records) == set(content_items()) | lessons
    assert len(lessons) >= 10 and {HOME_URL, SEARCH_URL, *OVERVIEW_URLS}.isdisjoint(records)


def test_every_item_page_carries_its_type_date_and_filters(site):
    """Type from the URL's content type, date and year from the page's own date, themes as its
    visible theme links: what the page says is what the index knows."""
    records = index_records(site.output)
    for url, kind in content_items().items():
        page, record = site.page(url), records[url]
        assert record["meta"]["title"] == page.h1.get_text(), url
        assert record["meta"]["soort"] == kind.label and record["filters"]["soort"] == [kind.label], url
        themes = [a.get_text() for a in page.select("section[aria-labelledby=themas-kop] a")]
        assert sorted(record["filters"].get("thema", [])) == sorted(themes), url
        assert ("datum" in record["meta"]) == (kind.date is not None), url
        if "datum" in record["meta"]:
            assert record["filters"]["jaar"] == [YEAR_IN.search(record["meta"]["datum"]).group(1)], url
        else:
            assert "jaar" not in record["filters"], url


def test_the_date_is_the_one_the_page_shows(fixture_site):
    records = index_records(fixture_site.output)
    session = records["/sessies/gewoon/"]
    assert session["meta"]["datum"] == "8 oktober 2030"
    assert session["meta"]["datum"] in facts(fixture_site.page("/sessies/gewoon/"))["Wanneer"]
    assert session["filters"] == {"soort": ["Sessie"], "thema": ["Participatie"], "jaar": ["2030"]}
    assert records["/programma/ronde-9/"]["meta"]["datum"] == facts(fixture_site.page("/programma/ronde-9/"))["Periode"]
    report = records["/verslagen/verslag-sessie-1/"]
    assert report["meta"]["datum"] == facts(fixture_site.page("/verslagen/verslag-sessie-1/"))["Publicatiedatum"]


def test_each_lesson_is_a_result_that_links_to_its_card(fixture_site):
    records = index_records(fixture_site.output)
    lesson = records["/verslagen/verslag-sessie-1/#les-1"]
    assert lesson["meta"]["title"] == "Loop samen door de wijk" and lesson["meta"]["soort"] == "Les"
    assert lesson["meta"]["datum"] == "20 oktober 2030"
    # Its own themes; a lesson without themes takes its report's.
    assert lesson["filters"] == {"soort": ["Les"], "thema": ["Participatie"], "jaar": ["2030"]}
    assert records["/verslagen/verslag-sessie-1/#les-2"]["filters"]["thema"] == ["Klimaatadaptatie"]
    assert "Samen kijken helpt" in lesson["content"]
    assert fixture_site.page("/verslagen/verslag-sessie-1/").find(id="les-1") is not None
    # The text is indexed once: in the lesson's result, not again in its report's.
    assert "Samen kijken helpt" not in records["/verslagen/verslag-sessie-1/"]["content"]


def test_menus_footers_and_lists_are_not_indexed(fixture_site):
    indexed = index_records(fixture_site.output)["/instrumenten/wijkschouw/"]["content"]
    shown = " ".join(fixture_site.page("/instrumenten/wijkschouw/").get_text(" ").split())
    assert "Kies een route" in indexed  # its own steps
    # Menu, breadcrumb, footer and the sessions and lessons naming it: on the page, not in its result.
    for elsewhere in ("Casussen Instrumenten Verslagen", "is een programma van Platform31", "Geoefend in sessies",
                      "Sessie gewoon", "Loop samen door de wijk", "Home Instrumenten Wijkschouw"):
        assert elsewhere in shown and elsewhere not in indexed, elsewhere


def test_drafts_are_not_in_the_production_index(fixture_site, production):
    assert "/sessies/concept/" in index_records(fixture_site.output)  # the preview may show them
    records = index_records(production.output)
    assert records and "/sessies/concept/" not in records
    assert not [url for url, record in records.items() if "Nog niet klaar" in record["content"]]
    # A report dated after the build (and its lessons) waits for its date, in the index too.
    assert not [url for url in records if url.startswith("/verslagen/")]


def test_two_builds_write_the_same_index(fixture_site, tmp_path):
    again = build(FIXTURE_CONTENT, tmp_path / "again", now=REGISTRATION_OPEN)
    assert again.returncode == 0, again.stderr
    first, second = (sorted((out / "pagefind").rglob("*")) for out in (fixture_site.output, again.output))
    assert [p.relative_to(fixture_site.output) for p in first] == [p.relative_to(again.output) for p in second]
    # Filter files are where Pagefind 1.5.2 varies between runs (see werkplaatsen.outputs.stableindex).
    assert len(list((again.output / "pagefind" / "filter").glob("*.pf_filter"))) == 3
    assert [p for p, q in zip(first, second) if p.is_file() and p.read_bytes() != q.read_bytes()] == []


def test_only_the_search_files_the_site_uses_are_published(fixture_site):
    bundle = fixture_site.output / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    assert not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-highlight.js").exists()


def test_index_files_named_by_their_content_are_cached_for_a_year():
    rules = parse_headers_file()
    for path in ("index/nl_1234567.pf_index", "fragment/nl_1234567.pf_fragment", "filter/nl_1234567.pf_filter"):
        path = SEARCH_INDEX_URL + path
        assert dict(headers_for(rules, path))["Cache-Control"] == "public, max-age=31536000, immutable", path
    for path in ("pagefind.js", "pagefind-entry.json", "wasm.nl.pagefind"):
        path = SEARCH_INDEX_URL + path
        assert dict(headers_for(rules, path))["Cache-Control"] == "no-cache", path


def test_the_search_page_offers_the_filters_in_use(fixture_site):
    page = fixture_site.page(SEARCH_URL)
    form = page.select_one("main form#zoeken")
    assert form["action"] == SEARCH_URL and form["method"] == "get" and form["data-pagefind"] == f"{SEARCH_INDEX_URL}pagefind.js"
    assert page.select_one("label[for=zoekterm]").get_text() == "Waar zoekt u naar?"
    options = {select["name"]: [option.get_text() for option in select.select("option")]
               for select in form.select("select")}
    assert options == {
        "soort": ["Alle soorten", "Ronde", "Sessie", "Casus", "Instrument", "Publicatie", "Partner", "Persoon",
                  "Bericht", "Pagina", "Les"],
        "thema": ["Alle thema's", "Klimaatadaptatie", "Participatie"],
        "jaar": ["Alle jaren", "2030"],
    }
    assert page.select_one("#zoekstatus")["role"] == "status"
    assert {a["href"] for a in page.select("#bladeren a")} == set(OVERVIEW_URLS)


def test_every_page_has_the_header_search_form(fixture_site):
    for path in fixture_site.html_files():
        form = fixture_site.page("/" + path.relative_to(fixture_site.output).as_posix()).select_one("header form")
        assert form["action"] == SEARCH_URL and form["method"] == "get", path
        field = form.select_one("input[name=q]")
        assert field["type"] == "search" and form.select_one(f"label[for={field['id']}]"), path


def small_site(folder, words: str):
    """A site of one indexed page (as item.html marks it) that holds `words`."""
    (folder / "pagina").mkdir(parents=True, exist_ok=True)
    (folder / "pagina" / "index.html").write_text(
        f'<!doctype html><html lang="nl"><head><title>T</title></head><body><main data-pagefind-body>'
        f"<h1>Pagina</h1><p>{words}</p></main></body></html>", encoding="utf-8")
    return folder


def indexed_words(output) -> set[str]:
    fragments = (output / "pagefind" / "fragment").glob("*.pf_fragment")
    records = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")) for path in fragments]
    return {word.strip(".") for record in records for word in record["content"].split()}


def test_an_index_that_fails_leaves_the_last_one_in_place(tmp_path, monkeypatch):
    """The new index is made beside the old one: a search meanwhile, or a failed run, finds the old one."""
    site = small_site(tmp_path, "wijkschouw")
    files = searchindex.write_index(site, {})
    before = {path: path.read_bytes() for path in files}
    assert "wijkschouw" in indexed_words(site)
    failing = tmp_path.parent / f"{tmp_path.name}-pagefind"  # writes part of an index, then fails
    failing.write_text('#!/bin/sh\nmkdir -p "$4" && echo half > "$4/pagefind-entry.json"\nexit 1\n', encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setattr(searchindex, "get_executable", lambda: failing)
    with pytest.raises(RuntimeError, match="Pagefind could not index"):
        searchindex.write_index(small_site(site, "buurtgesprek"), {})
    assert {path: path.read_bytes() for path in (site / "pagefind").rglob("*") if path.is_file()} == before
    assert sorted(path.name for path in site.iterdir()) == ["pagefind", "pagina"]  # nothing half-made is left


def test_the_preview_indexes_in_the_background_and_ends_with_the_newest_pages(tmp_path):
    site = small_site(tmp_path, "wijkschouw")
    indexer = searchindex.InBackground()
    indexer.request(site, {})
    small_site(site, "buurtgesprek")  # saved while the first index is made
    indexer.request(site, {"lessen/les.html": "<html lang='nl'><body data-pagefind-body><p>trio</p></body></html>"})
    indexer.wait()
    assert {"buurtgesprek", "trio"} <= indexed_words(site)
    assert "wijkschouw" not in indexed_words(site)


def test_a_failed_background_index_is_reported_in_dutch_and_the_preview_goes_on(tmp_path, monkeypatch, capsys):
    site = small_site(tmp_path, "wijkschouw")
    monkeypatch.setattr(searchindex, "get_executable", lambda: "/bin/false")
    indexer = searchindex.InBackground()
    indexer.request(site, {})
    indexer.wait()
    assert "De zoekfunctie van de voorbeeldweergave is niet bijgewerkt" in capsys.readouterr().err
    monkeypatch.undo()
    indexer.request(site, {})
    indexer.wait()
    assert "wijkschouw" in indexed_words(site)


def pagefind_running() -> list[int]:
    return [pid for pid in descendants(os.getpid()) if process_name(pid) == "pagefind"]


def test_stopping_the_preview_stops_the_index_under_way(tmp_path, capsys):
    site = small_site(tmp_path, "wijkschouw")
    for number in range(300):  # enough pages that Pagefind is still at work when it is stopped
        small_site(tmp_path / f"map-{number}", f"woord{number}")
    indexer = searchindex.InBackground()
    indexer.request(site, {})
    deadline = time.monotonic() + 10
    while not pagefind_running() and time.monotonic() < deadline:
        time.sleep(0.001)
    [pagefind] = pagefind_running()
    # Lower than the preview, and apart from the terminal's Ctrl+C (a session of its own).
    assert os.getpriority(os.PRIO_PROCESS, pagefind) == min(os.getpriority(os.PRIO_PROCESS, 0) + indexer.NICE, 19)
    assert os.getsid(pagefind) == pagefind
    indexer.close()
    assert pagefind_running() == []
    # Stopped, or just done: either no index or a whole one (Pagefind may end before it is stopped).
    bundle = site / "pagefind"
    before = bundle.stat().st_ino if bundle.exists() else None
    assert before is None or (bundle / "pagefind-entry.json").is_file()
    assert sorted(path.name for path in site.iterdir() if path.name.startswith((".", "_"))) == []
    indexer.request(site, {})  # after stopping, nothing starts again
    indexer.wait()
    assert (bundle.stat().st_ino if bundle.exists() else None) == before
    assert capsys.readouterr().err == ""  # being stopped is no failure


def test_a_build_that_fails_while_pagefind_runs_stops_it_and_leaves_nothing(tmp_path, monkeypatch):
    """A full build writes its calendars and feeds while Pagefind runs; when that fails, Pagefind is
    ended at once and the lesson documents and the half-made index are gone."""
    site = small_site(tmp_path, "wijkschouw")
    slow = tmp_path.parent / f"{tmp_path.name}-pagefind"  # starts an index, then takes its time
    slow.write_text('#!/bin/sh\nmkdir -p "$4" && echo half > "$4/pagefind-entry.json"\nexec sleep 60\n', encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(searchindex, "get_executable", lambda: slow)
    indexing = searchindex.Indexing(site, {"verslagen/les.html": "<html lang='nl'><body><p>trio</p></body></html>"})
    assert (site / searchindex.LESSONS / "verslagen" / "les.html").is_file()
    started = time.monotonic()
    indexing.stop()
    assert time.monotonic() - started < 10
    assert indexing.process.returncode is not None
    assert sorted(path.name for path in site.iterdir()) == ["pagina"]
