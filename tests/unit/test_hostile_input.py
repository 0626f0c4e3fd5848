"""Content is untrusted: every input gives a Dutch message naming the file, never a traceback or a hang."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import validation_context
from werkplaatsen import frontmatter
from werkplaatsen.contenttypes import TYPES
from werkplaatsen.errors import ContentErrors
from werkplaatsen.validation import validate
from werkplaatsen.vocabulary import vocabulary

PATH = "content/sessies/x.md"

ALIAS_BOMB = "\n".join(
    ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(10)]
    + ["titel: boem", "---", ""]
)


def only_error(raw: bytes):
    source, errors = frontmatter.read(PATH, raw)
    assert source is None and len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize(("raw", "line", "words"), [
    (ALIAS_BOMB.encode(), 2, "ankers en verwijzingen (& en *) zijn niet toegestaan"),
    (b"---\ntitel: &a x\nx: *a\n---\n", 2, "ankers en verwijzingen"),
    (b"---\ntitel: !belangrijk nieuws\n---\n", 2, "een waarde die met ! begint"),
    (b"---\na: " + b"[" * 100 + b"]" * 100 + b"\n---\n", 2, "te diep genest"),
    (b"---\na: " + b"[" * 200_000 + b"\n---\n", 2, "te diep genest"),
    (b"---\n" + b"".join(b"  " * n + b"a:\n" for n in range(900)) + b"---\n", 10, "te diep genest"),
    (b"---\ntitel: nul\x00byte\n---\n", 2, "onzichtbaar teken (U+0000)"),
    (b"---\ntitel: a\nx: b\x0bc\n---\nregel\n", 3, "onzichtbaar teken (U+000B)"),
    (b"---\ntitel: a\n---\nTekst\x0cmet een pagina-einde\n", 4, "U+000C"),
    (b"---\ntitel: a\r---\n", 2, "U+000D"),
    ("---\ntitel: a\u2028b\n---\n".encode(), 2, "U+2028"),
    (b"---\n? [a, b]\n: c\n---\n", 2, "een veldnaam moet gewone tekst zijn"),
    (b"---\n[a]: c\n---\n", 2, "een veldnaam moet gewone tekst zijn"),
    (b"---\n" + b"x" * 1_000_001 + b"\n---\n", 1, "groter dan 1 MB"),
])
def test_hostile_front_matter_gets_one_dutch_error_with_its_line(raw, line, words):
    error = only_error(raw)
    assert (error.file, error.line) == (PATH, line), error
    assert words in error.message


def test_a_byte_order_mark_and_windows_line_ends_are_fine():
    source, errors = frontmatter.read(PATH, b"\xef\xbb\xbf---\r\ntitel: a\r\nstatus: concept\r\n---\r\nTekst\r\n")
    assert errors == [] and source.data == {"titel": "a", "status": "concept"}
    assert source.line_of(("status",)) == 3


def test_a_duplicate_key_with_children_keeps_the_first():
    source, errors = frontmatter.read(PATH, b"---\nlocatie:\n  naam: A\nlocatie:\n  naam: B\n---\n")
    assert source.data == {"locatie": {"naam": "A"}}
    assert [(e.line, e.field) for e in errors] == [(4, ("locatie",))]


def test_a_group_with_only_empty_fields_is_not_filled_in():
    """The browser editor writes `locatie: {naam: ""}` when someone clears what they typed in a group."""
    source, errors = frontmatter.read(PATH, b'---\nvorm: online\nlocatie:\n  naam: ""\nleeg: {}\n---\n')
    assert errors == [] and source.data == {"vorm": "online"}
    source, _ = frontmatter.read(PATH, b"---\nagenda:\n  - {}\nlocatie:\n  naam: A\n---\n")
    assert source.data == {"agenda": [{}], "locatie": {"naam": "A"}}, "a list keeps its items; a filled group stays"


def test_an_unquoted_null_is_not_filled_in_and_a_quoted_one_is_text():
    """The browser editor writes `voorbeeld: null` when someone clears a choice."""
    source, errors = frontmatter.read(PATH, b'---\nvoorbeeld: null\nnummer: ~\ntitel: "null"\nnull: x\n---\n')
    assert errors == [] and source.data == {"titel": "null", "null": "x"}


def test_list_items_have_their_own_lines():
    source, _ = frontmatter.read(PATH, b"---\ncasussen:\n  - a\n  - b\n---\n")
    assert source.line_of(("casussen", 1)) == 4


texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
yaml_like = st.lists(st.sampled_from(["---", "titel: x", "a:", "  - b", "- c", "  d: [e, {f: g}]", "&x", "*x",
                                      "!t", "? k", ": v", "|", ">-", "  ", "\t", "'", '"', "#", "{", "}", "[", "]",
                                      "status: concept", "x: \\u0000", "ü: é"]), max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), texts.map(str.encode),
                 yaml_like.map(lambda lines: ("---\n" + "\n".join(lines) + "\n---\n").encode())))
def test_no_input_crashes_the_reader_or_the_schemas(raw):
    source, errors = frontmatter.read(PATH, raw)
    assert all(error.file == PATH and error.message for error in errors)
    if source is not None:
        for kind in TYPES:
            _, problems = validate(source, kind.schema, validation_context())
            assert all(problem.file == PATH for problem in problems)


def test_a_vocabulary_key_that_is_no_web_address_part_is_refused_in_dutch_with_its_line(tmp_path):
    """Keys become parts of web addresses (/themas/<key>/, /lessen/<key>/): '../x' must never get there."""
    path = tmp_path / "vocabulary.yaml"
    path.write_text('themas:\n  wonen: Wonen\n  ../buiten: Buiten\n  Zorg: Zorg\n  leeg: ""\nvormen: fysiek\n',
                    encoding="utf-8")
    with pytest.raises(ContentErrors) as refused:
        vocabulary(path)
    assert [str(problem) for problem in refused.value.errors] == [
        'vocabulary.yaml, regel 3, veld "themas": de sleutel "../buiten" mag alleen kleine letters, cijfers en '
        "streepjes bevatten, zoals wonen-en-zorg: de sleutel wordt een deel van webadressen.",
        'vocabulary.yaml, regel 4, veld "themas": de sleutel "Zorg" mag alleen kleine letters, cijfers en '
        "streepjes bevatten, zoals wonen-en-zorg: de sleutel wordt een deel van webadressen.",
        'vocabulary.yaml, regel 5, veld "leeg" (themas): geef de sleutel een label, zoals Wonen en zorg.',
        'vocabulary.yaml, regel 6, veld "vormen": een lijst bestaat uit regels sleutel: label.',
    ]
