"""Content is untrusted: every input gives a Dutch message naming the file, never a traceback or a hang."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import VALID, errors_of, validation_context
from werkplaatsen.model import characters
from werkplaatsen.model.contenttypes import TYPES
from werkplaatsen.model.errors import ContentErrors
from werkplaatsen.model.vocabulary import vocabulary
from werkplaatsen.reading import frontmatter
from werkplaatsen.reading.validation import validate

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


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
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


# --- Every value is checked after YAML decoded it ---------------------------------------------

SESSION = VALID.replace("status: gepubliceerd", "voorbereiding: Lees dit.\nstatus: gepubliceerd")  # line 11


def session_errors(old: str, new: str):
    return errors_of(SESSION.replace(old, new, 1))


# (YAML escape in double quotes, the character's code, words of the message)
ESCAPES = [
    ("\\n", "U+000A", "regeleinde"), ("\\r", "U+000D", "regeleinde"), ("\\N", "U+0085", "regeleinde"),
    ("\\L", "U+2028", "regeleinde"), ("\\P", "U+2029", "regeleinde"), ("\\v", "U+000B", "regeleinde"),
    ("\\f", "U+000C", "regeleinde"), ("\\0", "U+0000", "onzichtbaar teken"), ("\\e", "U+001B", "onzichtbaar teken"),
    ("\\x7f", "U+007F", "onzichtbaar teken"), ("\\x9b", "U+009B", "onzichtbaar teken"),
    ("\\u202e", "U+202E", "leesrichting"), ("\\u2067", "U+2067", "leesrichting"), ("\\u200f", "U+200F", "leesrichting"),
    ("\\ufeff", "U+FEFF", "onzichtbaar teken"), ("\\ufffe", "U+FFFE", "onzichtbaar teken"),
    ("\\U000E0041", "U+E0041", "onzichtbaar teken"), ("\\t", "tab", "Gebruik een spatie"),
]


@pytest.mark.parametrize(("escape", "code", "words"), ESCAPES, ids=[code for _, code, _ in ESCAPES])
def test_a_character_written_as_a_yaml_escape_is_refused_in_a_one_line_field_with_line_and_field(escape, code, words):
    """The raw file holds only plain characters; the value YAML decodes from it does not."""
    errors = session_errors("samenvatting: Tweede sessie.", f'samenvatting: "Tweede{escape}sessie."')
    assert [(error.line, error.field) for error in errors] == [(7, ("samenvatting",))], errors
    assert code in errors[0].message and words in errors[0].message and 'na "Tweede"' in errors[0].message
    assert not characters.ONE_LINE.search(str(errors[0])), "the message itself shows nothing it refuses"


def test_a_one_line_field_written_over_two_lines_is_refused():
    errors = session_errors("titel: Wonen en zorg", "titel: |-\n  Wonen\n  en zorg")
    assert [(error.line, error.field) for error in errors] == [(2, ("titel",))]
    assert errors[0].message.startswith('dit veld is één regel tekst, maar de waarde heeft een regeleinde (U+000A) na '
                                        '"Wonen". Zet de tekst op één regel')


def test_a_markdown_field_keeps_its_paragraphs_and_tabs_but_refuses_other_breaks():
    assert session_errors("voorbereiding: Lees dit.", "voorbereiding: |\n  Lees dit.\n\n  \tEn dat.\n") == []
    for escape in ("\\r", "\\N", "\\L", "\\v", "\\e", "\\u202e"):
        errors = session_errors("voorbereiding: Lees dit.", f'voorbereiding: "Lees{escape} dit."')
        assert [(error.line, error.field) for error in errors] == [(11, ("voorbereiding",))], escape


def test_characters_that_only_break_or_join_words_are_fine():
    """Soft hyphen, zero-width space, (non-)joiners (emoji need them), accents and emoji."""
    assert session_errors("Wonen en zorg", "Wonen\u00aden\u200bzorg \u200c\u200d é 👩‍👩‍👧") == []


def test_a_field_name_that_hides_a_character_is_refused_before_a_message_could_show_it():
    source, errors = frontmatter.read(PATH, b'---\ntitel: a\n"x\\e[2J": b\n---\n')
    assert source is None and [(error.line, error.field) for error in errors] == [(3, ())]
    assert "een veldnaam moet gewone tekst op één regel zijn" in errors[0].message


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\u061c", "\U000e0041", "\ufffe", "\u2062"])
def test_a_character_that_changes_how_text_reads_is_refused_in_the_raw_file_too_with_its_line(character):
    """The Markdown body is not decoded by YAML: the raw file's check is what guards it."""
    error = only_error(f"---\ntitel: a\n---\nTekst\nmet {character}omgekeerd\n".encode())
    assert error.line == 5 and f"U+{ord(character):04X}" in error.message
