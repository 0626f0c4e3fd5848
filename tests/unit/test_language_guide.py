"""The editor guide's plain-language section: every example gets its finding, every better version none."""

from __future__ import annotations

import pytest

from werkplaatsen.editor.guide import guide
from werkplaatsen.editor.languageguide import EXAMPLES, HEADING
from werkplaatsen.plainlanguage import Checker, Kind
from werkplaatsen.model.vocabulary import vocabulary


@pytest.mark.parametrize("kind", list(Kind))
def test_each_kind_has_an_example_that_the_check_reports_and_a_better_version_it_does_not(kind):
    _, example, better = EXAMPLES[kind]
    checker = Checker()
    assert [finding.kind for finding in checker.check([example], "voorbeeld").findings] == [kind]
    assert checker.check([better], "beter").findings == ()


def test_the_guide_has_the_section():
    import pelicanconf

    text = guide(vocabulary(), vars(pelicanconf))
    assert f"## {HEADING}" in text
    assert "- Beter: De werkgroep bespreekt het plan." in text
