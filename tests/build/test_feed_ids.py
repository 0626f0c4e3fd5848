"""Feed entry ids say what an entry is, so inserting or reordering lessons gives no other lesson a new id."""

from __future__ import annotations

import feedparser
import pytest

from tests.support import LOCAL, REPORT_PUBLISHED, build, copy_fixture_content

REPORT = "verslagen/verslag-sessie-1.md"
NEW_LESSON = "lessen:\n  - titel: Vraag eerst de bewoners\n    tekst: Zij kennen de wijk.\n"


def lesson_ids(tmp_path_factory, change=None) -> dict[str, str]:
    content = copy_fixture_content(tmp_path_factory.mktemp("feed-ids"))
    if change:
        report = content / REPORT
        report.write_text(change(report.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(content, tmp_path_factory.mktemp("feed-ids") / "output", now=REPORT_PUBLISHED)
    assert result.returncode == 0, result.stderr
    feed = feedparser.parse((result.output / "feeds/lessen.atom").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return {entry.title: entry.id for entry in feed.entries}


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    return (lesson_ids(tmp_path_factory),
            lesson_ids(tmp_path_factory, lambda text: text.replace("lessen:\n", NEW_LESSON, 1)))


def test_inserting_a_lesson_at_the_top_keeps_every_other_id(before_and_after):
    before, after = before_and_after
    assert set(after) == {*before, "Vraag eerst de bewoners"}
    assert {title: after[title] for title in before} == before
    assert len(set(after.values())) == len(after), "every entry has an id of its own"


def test_a_lesson_id_names_its_report_and_its_own_key(before_and_after):
    before, _ = before_and_after
    assert before["Loop samen door de wijk"] == f"{LOCAL}/verslagen/verslag-sessie-1/#les:loop-samen-door-de-wijk"
