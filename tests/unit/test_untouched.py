"""A browser save rewrites only what the editor changed (werkplaatsen.editor.untouched).

The property test writes front matter the way people do (comments between fields, every YAML
style of quoting and folding, line feeds or CRLF), lets "Decap" write the whole file anew with
one field changed, added or removed (or the text below the fields), and checks that exactly that
field's lines differ and that the result reads as Decap's version.
"""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from werkplaatsen.editor.untouched import keep
from werkplaatsen.reading import frontmatter

NAMES = ["titel", "status", "wijk", "opgave", "lessen", "locatie", "nummer", "b", "c_d", "e"]
TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ 019:#-'\"&*!|>{}[],%@`?é\n\t")), max_size=40)
VALUES = st.recursive(TEXT, lambda inner: st.one_of(st.lists(inner, min_size=1, max_size=3),
                                                     st.dictionaries(st.sampled_from(["naam", "plaats", "x"]),
                                                                     inner, min_size=1, max_size=3)),
                      max_leaves=5)
STYLES = st.sampled_from([None, '"', "'", "|", ">"])
COMMENTS = st.lists(st.text(alphabet=st.sampled_from(list("abc :#-'é")), max_size=20).map(lambda text: f"#{text}"),
                    max_size=2)


def written(name: str, value, style=None, width: int = 80) -> str:
    """One field as a YAML writer puts it (Decap's stand-in when `style` is None and width 80)."""
    return yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, default_style=style, width=width)


def read(text: str) -> frontmatter.Source | None:
    source, errors = frontmatter.read("x.md", text.encode())
    return None if errors else source


def decap(fields: dict[str, str], body: str) -> str:
    """Decap's file: every field written anew in the given order, no comments."""
    return "---\n" + "".join(fields.values()) + "---\n" + body


@st.composite
def files(draw):
    """(original file, its fields as name -> (comments before it, its lines), body, values as the reader sees them)."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    fields = {}
    for name in names:
        value = draw(VALUES)
        fields[name] = ("".join(f"{line}\n" for line in draw(COMMENTS)),
                        written(name, value, draw(STYLES), draw(st.integers(30, 120))))
    body = draw(st.sampled_from(["", "Tekst.\n", "\n## Kop\n\nTekst met: dubbele punt.\n"]))
    header = "".join(f"{line}\n" for line in draw(COMMENTS))
    original = "---\n" + header + "".join(before + lines for before, lines in fields.values()) + "---\n" + body
    source = read(original)
    assume(source is not None and [line.strip() for line in original.split("\n")].count("---") == 2)
    return original, header, fields, body, source


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@settings(max_examples=250, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(files(), st.sampled_from(["change", "remove", "add", "body", "nothing"]), VALUES, st.data(), st.booleans())
def test_exactly_the_changed_field_changes_and_the_file_reads_as_decaps(file, change, value, data, windows):
    original, header, fields, body, source = file
    names = list(fields)
    name = data.draw(st.sampled_from(names if change != "add" else [n for n in NAMES if n not in names] or ["z"]))
    order = data.draw(st.permutations([*names, name] if change == "add" else names))
    new_body = "Nieuwe tekst.\n" if change == "body" else body.lstrip("\n")
    saved = {n: written(n, source.data[n]) for n in order if n in source.data}
    expected = dict(fields)
    if change == "remove":
        assume(name in source.data)
        del saved[name]
        expected[name] = (fields[name][0], "")
    elif change in ("change", "add"):
        saved[name] = written(name, value)
        new_value = read(f"---\n{saved[name]}---\n").data.get(name)
        assume(new_value is not None and new_value != source.data.get(name))
        if change == "change":
            expected[name] = (fields[name][0], saved[name])
        else:
            expected = _inserted(expected, name, saved[name], order)
    assume(saved)  # Decap always writes the required fields
    saved_text = decap({n: saved[n] for n in order if n in saved}, new_body)
    merged = keep((crlf(original) if windows else original).encode(), saved_text, order)

    first = expected.pop(name)[1] if change == "add" and name not in fields and _first(expected, name) else ""
    tail = "---\n" + (new_body if change == "body" else body)
    want = "---\n" + first + header + "".join(before + lines for before, lines in expected.values()) + tail
    assert merged == (crlf(want) if windows else want)
    assert read(merged).data == read(saved_text).data
    assert read(merged).body.strip() == read(saved_text).body.strip()


def _inserted(fields: dict, name: str, lines: str, order: list[str]) -> dict:
    """`fields` with a new field right after the last one (in the file) that `order` puts before it, or first."""
    earlier = [other for other in fields if order.index(other) < order.index(name)]
    result = {} if earlier else {name: ("", lines)}
    for other, block in fields.items():
        result[other] = block
        if earlier and other == earlier[-1]:
            result[name] = ("", lines)
    return result


def _first(fields: dict, name: str) -> bool:
    """Whether the new field `name` comes before every other field: then it goes right after the opening ---."""
    return next(iter(fields)) == name


def test_comments_and_folded_texts_of_untouched_fields_stay_and_the_changed_field_is_decaps():
    original = ("---\n# Nagevraagd bij de gemeente\ntitel: Wonen\nwijk: Het Beekveld  # officieel\n"
                "opgave: >-\n  Een lange tekst die\n  over twee regels gaat.\n# Nog bijwerken\nfase: uitvoering\n---\n"
                "## Kop\n\nTekst.\n")
    saved = ("---\ntitel: Wonen\nwijk: Beekveld-Noord\nopgave: Een lange tekst die over twee regels gaat.\n"
             "fase: uitvoering\n---\n## Kop\n\nTekst.\n")
    assert keep(original.encode(), saved, ["titel", "wijk", "opgave", "fase"]) == original.replace(
        "wijk: Het Beekveld  # officieel", "wijk: Beekveld-Noord")


def test_an_empty_field_of_a_scaffold_is_filled_in_where_it_stands_below_its_comment():
    original = "---\ntitel: A\n# Wijk (niet verplicht): de wijk.\nwijk:\n# Fase\nfase:\n---\nTekst\n"
    saved = "---\ntitel: A\nwijk: Noord\n---\nTekst\n"
    assert keep(original.encode(), saved, ["titel", "wijk", "fase"]) == original.replace("wijk:\n", "wijk: Noord\n")


def test_a_new_field_goes_where_the_models_order_puts_it_and_a_removed_one_goes():
    original = "---\ntitel: A\n# over de fase\nfase: x\n---\n"
    saved = "---\ntitel: A\nwijk: Noord\n---\n"
    assert keep(original.encode(), saved, ["titel", "wijk", "fase"]) == \
        "---\ntitel: A\nwijk: Noord\n# over de fase\n---\n"


def test_a_changed_text_below_the_fields_is_decaps_and_crlf_stays_crlf():
    original = "---\r\n# noot\r\ntitel: A\r\n---\r\nOud.\r\n"
    saved = "---\ntitel: B\n---\nNieuw.\n"
    assert keep(original.encode(), saved, ["titel"]) == "---\r\n# noot\r\ntitel: B\r\n---\r\nNieuw.\r\n"


def test_what_cannot_be_read_is_saved_as_decap_wrote_it():
    saved = "---\ntitel: B\n---\nTekst\n"
    for original in (b"\xff\xfe", b"geen velden", b"---\ntitel: A\ntitel: B\n---\n", b"---\n{titel: A, wijk: B}\n---\n",
                     b"---\ntitel: &a A\n---\n"):
        assert keep(original, saved, ["titel"]) == saved, original
    assert keep(b"---\ntitel: A\n---\n", "geen velden", ["titel"]) == "geen velden"


def test_a_comment_inside_a_changed_field_goes_with_it_and_one_above_it_stays():
    original = "---\ntitel: A\n# de betrokkenen\nlessen:\n  - Een\n  # - Twee, later\n---\n"
    saved = "---\ntitel: A\nlessen:\n  - Een\n  - Drie\n---\n"
    assert keep(original.encode(), saved, ["titel", "lessen"]) == \
        "---\ntitel: A\n# de betrokkenen\nlessen:\n  - Een\n  - Drie\n---\n"


def test_when_keeping_the_lines_would_change_a_value_decaps_text_is_saved():
    """A |+ text keeps the blank line after it; a new field put right after its lines would take that away."""
    original = "---\na: |+\n  x\n\nb: y\n---\n"
    saved = "---\na: |+\n  x\n\nc: z\nb: y\n---\n"
    assert read(original).data["a"] == "x\n\n"
    assert keep(original.encode(), saved, ["a", "c", "b"]) == saved
