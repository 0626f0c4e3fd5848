"""Front matter reading and schema validation: strict types, Dutch messages, exact lines."""

import pytest

from tests.support import PATH, VALID, errors_of, read, validation_context
from werkplaatsen.reading import frontmatter
from werkplaatsen.model.contenttypes import TYPES
from werkplaatsen.model.fields import parse_file, parse_image_file
from werkplaatsen.model.schemas import Sessie
from werkplaatsen.reading.validation import validate



def only_error(text: str, schema=Sessie):
    errors = errors_of(text, schema)
    assert len(errors) == 1, errors
    return errors[0]


def test_a_valid_file_converts_to_typed_values():
    source, errors = read(VALID)
    record, problems = validate(source, Sessie, validation_context())
    assert errors == problems == []
    assert record.start.isoformat() == "2019-10-08T13:30:00+02:00"
    assert record.agenda[0].tijd.isoformat() == "13:30:00"
    assert source.body.strip() == "Tekst."


def test_yaml_implicit_types_are_not_applied():
    source, _ = read("---\ntijd: 10:30\nantwoord: no\ncode: 012345\n---\n")
    assert source.data == {"tijd": "10:30", "antwoord": "no", "code": "012345"}


def test_lines_point_at_the_field():
    source, _ = read(VALID)
    assert source.line_of(("start",)) == 4
    assert source.line_of(("agenda", 0, "onderdeel")) == 10


@pytest.mark.parametrize(
    ("change", "line", "field", "words"),
    [
        (("start: 2019-10-08 13:30", "start: 8 oktober"), 4, ("start",), "Schrijf een datum met tijd als 2019-10-08 13:30"),
        (("start: 2019-10-08 13:30", "start: 2019-02-30 13:30"), 4, ("start",), "bestaat niet als datum"),
        (("start: 2019-10-08 13:30", "start: 05-06-2019 13:30"), 4, ("start",), "2019-10-08 13:30"),
        (("eind: 2019-10-08 17:00", "eind: 2019-10-08 12:00"), 5, ("eind",), "het einde ligt niet na het begin"),
        (("vorm: online", "vorm: onlien"), 6, ("vorm",), 'Bedoelt u "online"?'),
        (("vorm: online", "vorm: fysiek"), 1, ("locatie",), "hoort een locatie"),
        (("samenvatting: Tweede sessie.", "samenvating: Tweede sessie."), 7, ("samenvating",), 'Bedoelt u "samenvatting"?'),
        (("    onderdeel: Welkom", "    onderdeel: Welkom\n    sprekr: jan"), 11, ("agenda", 0, "sprekr"), 'Bedoelt u "spreker"?'),
        (("  - tijd: 13:30", "  - tijd: 25:00"), 9, ("agenda", 0, "tijd"), "bestaat niet als tijd"),
        (("ronde: ronde-2", "ronde: Ronde 2"), 3, ("ronde",), "kleine letters, cijfers en streepjes"),
        (("titel: Wonen en zorg", "titel: Wonen en zorg\ntitel: Nog eens"), 3, ("titel",), "twee keer"),
        (("samenvatting: Tweede sessie.\n", ""), 1, ("samenvatting",), 'het verplichte veld "samenvatting"'),
        (("titel: Wonen en zorg", "titel:"), 2, ("titel",), 'het verplichte veld "titel"'),
        (("vorm: online", "vorm: online\ninstrumenten: wijkschouw"), 7, ("instrumenten",), "hier hoort een lijst"),
        (("vorm: online", "vorm: online\nvoorbeeld: misschien"), 7, ("voorbeeld",), "Schrijf ja of nee"),
    ],
)
def test_each_mistake_names_line_field_and_what_is_allowed(change, line, field, words):
    error = only_error(VALID.replace(*change, 1))
    assert (error.file, error.line, error.field) == (PATH, line, field)
    assert words in error.message
    assert str(error).startswith(f"{PATH}, regel {line}, veld ")


@pytest.mark.parametrize(
    ("raw", "line", "words"),
    [
        (b"", 1, "het bestand is leeg"),
        (b"titel: x\n", 1, "begint niet met velden"),
        (b"---\ntitel: x\n", 1, "niet afgesloten"),
        (b"---\ntitel: x\nstart: [2019\n---\n", 4, "geen geldige YAML"),
        (b"---\ntitel: caf\xe9\n---\n", 2, "niet opgeslagen als UTF-8"),
        (b"---\n- titel\n---\n", 2, "geen velden"),
    ],
)
def test_unreadable_files_get_one_clear_error(raw, line, words):
    source, errors = frontmatter.read(PATH, raw)
    assert source is None
    assert len(errors) == 1 and errors[0].line == line and words in errors[0].message


def test_all_problems_of_a_file_are_reported_together():
    text = VALID.replace("vorm: online", "vorm: onlien").replace("start: 2019-10-08 13:30", "start: morgen")
    assert {error.field for error in errors_of(text)} == {("vorm",), ("start",)}


def test_every_schema_field_has_a_dutch_label_and_explanation():
    for kind in TYPES:
        for name, info in kind.schema.model_fields.items():
            assert info.title and info.description, f"{kind.name}.{name}"


# --- Rules over several fields: each on its own, in the same run as every field problem -------

HYBRID_WITHOUT_LOCATION = VALID.replace("vorm: online", "vorm: hybride")


def test_every_rule_over_several_fields_comes_at_once_with_the_field_problems():
    """End before start, hybrid without a location, and a field error: three messages in one run."""
    text = HYBRID_WITHOUT_LOCATION.replace("eind: 2019-10-08 17:00", "eind: 2019-10-08 12:00") \
        .replace("samenvatting: Tweede sessie.", "samenvatting: [Tweede sessie.]")
    assert [(error.line, error.field, error.message) for error in sorted(errors_of(text))] == [
        (1, ("locatie",), "bij vorm hybride hoort een locatie."),
        (5, ("eind",), "het einde ligt niet na het begin. Zet bij eind een moment dat later is dan de start."),
        (7, ("samenvatting",), "hier hoort één tekst, geen lijst of groep velden."),
    ]


def test_every_rule_of_a_nested_group_comes_at_once_with_the_group_s_field_problems():
    text = VALID.replace("status: gepubliceerd", "status: gepubliceerd\naanmelding:\n  opent: 2019-09-20 17:00\n"
                                                 "  sluit: 2019-09-01 09:00\n  status: verplaatst\n"
                                                 "  wachtlijst: http://www.lpbagenda.nl/w")
    assert {(error.field, error.message.split(" is niet beveiligd")[0]) for error in errors_of(text)} == {
        (("aanmelding", "wachtlijst"), '"http://www.lpbagenda.nl/w"'),
        (("aanmelding", "url"), "het aanmeldformulier ontbreekt. Vul een https-adres in."),
        (("aanmelding", "opent"), "het openen van de aanmelding ligt niet vóór het sluiten."),
        (("aanmelding", "oorspronkelijke_datum"), "bij status verplaatst hoort de oorspronkelijke datum (2019-10-01)."),
    }


@pytest.mark.parametrize(("change", "field"), [
    (("eind: 2019-10-08 17:00", "eind: morgen"), ("eind",)),  # the end is unreadable: no "end before start"
    (("vorm: online", "vorm: hybride\nlocatie:\n  naam: Zaal"), ("locatie", "plaats")),  # a location, incomplete
    (("vorm: online", "vorm: hybried"), ("vorm",)),  # the form is unknown: no rule about its location
])
def test_a_rule_that_reads_a_field_with_an_error_of_its_own_stays_silent(change, field):
    assert [error.field for error in errors_of(VALID.replace(*change))] == [field]


def test_rules_hold_in_lists_of_groups_and_in_every_type():
    """Each rule is reported in its own group, with the others' field problems."""
    from werkplaatsen.model.schemas import Bericht, Instrument, Ronde

    instrument = ("---\ntitel: x\nstatus: concept\nsamenvatting: s\ndoel: d\nstappen: [a]\nduur: 1 uur\neigenaar: p\n"
                  "gecontroleerd: 2019-01-01\nmaterialen:\n  - titel: a\n  - titel: b\n    bestand: b.pdf\n"
                  "    url: https://www.lpb.nl/b\n  - bestand: c.pdf\n---\n")
    assert {(error.field, error.message.split(" (")[0]) for error in errors_of(instrument, Instrument)} == {
        (("materialen", 0, "bestand"), "vul een bestand of een link in"),
        (("materialen", 1, "bestand"), "vul een bestand of een link in"),
        (("materialen", 2, "titel"), 'het verplichte veld "titel"'),
    }
    news = "---\ntitel: x\nstatus: concept\ndatum: 2019-01-01\nsamenvatting: s\nauteur: a\nafzender: b\nrondes: x\n---\n"
    assert {error.field for error in errors_of(news, Bericht)} == {("afzender",), ("rondes",)}
    ronde = "---\ntitel: x\nstatus: concept\nnummer: nul\nperiode:\n  start: 2019-12-01\n  eind: 2019-09-01\n---\n"
    assert {("periode", "eind"), ("nummer",)} <= {error.field for error in errors_of(ronde, Ronde)}


@pytest.mark.parametrize("written", ["verslagen/ronde-2.pdf", "/bestanden/verslagen/ronde-2.pdf",
                                     "content/bestanden/verslagen/ronde-2.pdf", "  /bestanden/verslagen/ronde-2.pdf "])
def test_a_file_written_as_its_web_address_or_repository_path_is_the_same_file(written):
    assert parse_file(written) == "verslagen/ronde-2.pdf"
    assert parse_image_file(written.replace(".pdf", ".jpg")) == "verslagen/ronde-2.jpg"


@pytest.mark.parametrize("written", ["bestanden/x.pdf", "/content/bestanden/x.pdf", "https://example.org/x.pdf"])
def test_other_forms_stay_as_written_so_the_check_names_them(written):
    assert parse_file(written) == written
