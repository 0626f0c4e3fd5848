"""Scaffolds, JSON Schemas and the editor guide all agree with the content model."""

import re

import pytest
import yaml

from tests.support import validation_context
from werkplaatsen.editor.fieldspec import PATTERNS, caseless, specs
from werkplaatsen.editor.generate import generated_files
from werkplaatsen.editor.jsonschema import schema_for
from werkplaatsen.editor.scaffold import new_file
from werkplaatsen.model import fields
from werkplaatsen.model.contenttypes import BY_NAME
from werkplaatsen.model.vocabulary import VOCABULARY_FILE, vocabulary
from werkplaatsen.reading import frontmatter
from werkplaatsen.reading.validation import validate


def all_names(fields, prefix=""):
    for spec in fields:
        yield prefix + spec.name
        yield from all_names(spec.children, f"{prefix}{spec.name}.")


@pytest.mark.parametrize("path", list(generated_files()), ids=lambda p: p.name)
def test_generated_files_are_up_to_date(path):
    expected = generated_files()[path]
    assert path.read_text(encoding="utf-8") == expected, f"{path.name} is out of date: run make docs"


@pytest.mark.parametrize("kind", BY_NAME)
def test_scaffold_has_every_field_and_only_asks_for_required_ones(tmp_path, kind):
    schema = BY_NAME[kind].schema
    path = new_file(kind, "Wonen & zorg: een test", content=tmp_path)
    assert path.name == "wonen-zorg-een-test.md"
    text = path.read_text(encoding="utf-8")
    for name in all_names(specs(schema, vocabulary())):
        assert f"{name.split('.')[-1]}:" in text, name
    source, errors = frontmatter.read(str(path), text.encode())
    assert errors == []
    assert source.data["status"] == "concept"
    _, problems = validate(source, schema, validation_context())
    required = {name for name, info in schema.model_fields.items() if info.is_required()} - {"titel", "status"}
    assert {problem.field[0] for problem in problems} == required
    assert all("ontbreekt" in problem.message for problem in problems)


def test_scaffold_never_overwrites(tmp_path):
    path = new_file("casus", "Een plein", content=tmp_path)
    path.write_text("mijn werk", encoding="utf-8")
    with pytest.raises(SystemExit, match="bestaat al"):
        new_file("casus", "Een plein", content=tmp_path)
    assert path.read_text(encoding="utf-8") == "mijn werk"


def test_unknown_type_is_refused_in_dutch(tmp_path):
    with pytest.raises(SystemExit, match="Kies uit: ronde, sessie"):
        new_file("nieuws", "Iets", content=tmp_path)


@pytest.mark.parametrize("kind", BY_NAME)
def test_json_schema_has_the_fields_and_required_fields_of_the_model(kind):
    schema = BY_NAME[kind].schema
    document = schema_for(schema, vocabulary(), "x")
    assert set(document["properties"]) == set(schema.model_fields)
    assert set(document["required"]) == {n for n, f in schema.model_fields.items() if f.is_required()}
    assert document["additionalProperties"] is False


def test_json_schema_lists_vocabulary_terms():
    document = schema_for(BY_NAME["sessie"].schema, vocabulary(), "x")
    assert document["properties"]["vorm"]["enum"] == list(vocabulary()["vormen"])
    assert document["properties"]["themas"]["items"]["enum"] == list(vocabulary()["themas"])


def test_vocabulary_file_is_valid_and_has_labels():
    data = yaml.safe_load(VOCABULARY_FILE.read_text())
    assert all(isinstance(terms, dict) and all(terms.values()) for terms in data.values())


def test_a_long_title_gives_a_file_name_cut_at_a_word(tmp_path):
    path = new_file("sessie", "Een heel lange titel " * 20, content=tmp_path)
    assert len(path.stem) <= 80 and not path.stem.endswith("-")
    assert path.stem.startswith("een-heel-lange-titel-een-heel")


SAMPLES = {
    "datum": ["2019-10-08", "2019-12-31", "10-08-2019", "2019-13-01", "2019-10-8", "8 oktober"],
    "datumtijd": ["2019-10-08 13:30", "2019-10-08T09:05", "2019-10-08", "2019-10-08 25:00", "2019-10-08 13.30"],
    "tijd": ["13:30", "9.30", "09:05", "24:00", "13:60", "half twee"],
    "getal": ["1", "12", "0", "-1", "1.5", "twee"],
    "duur": ["90 minuten", "2 uur, met pauze", "1,5 tot 2 Uur", "een middag", "uur"],
    "verwijzing": ["ronde-2", "a", "Ronde-2", "ronde_2", "-ronde", "ronde--2"],
    "afbeelding": ["nieuws/foto.jpg", "plein.WEBP", "plein.png", "verslag.pdf", "foto.jpg.exe"],
}
PARSERS = {"datum": fields.parse_date, "datumtijd": fields.parse_datetime, "tijd": fields.parse_time,
           "getal": fields.parse_positive_int, "duur": fields.parse_duration, "verwijzing": fields.parse_slug,
           "afbeelding": fields.parse_image_file}


@pytest.mark.parametrize("kind", PATTERNS)
def test_each_pattern_accepts_exactly_what_the_model_accepts(kind):
    for value in SAMPLES[kind]:
        try:
            PARSERS[kind](value)
            accepted = True
        except ValueError:  # pydantic's custom errors are ValueErrors
            accepted = False
        assert (re.search(PATTERNS[kind], value) is not None) == accepted, (kind, value)


def test_caseless_spells_letters_in_both_cases_outside_classes():
    assert caseless(r"uur\b[a-z]") == r"[uU][uU][rR]\b[a-z]"


def test_specs_carry_the_models_defaults_as_front_matter_writes_them():
    by_name = {spec.name: spec for spec in specs(BY_NAME["verslag"].schema, vocabulary())}
    assert by_name["voorbeeld"].default == "nee" and by_name["titel"].default is None
    assert {child.name: child.default for child in by_name["bestanden"].children}["taal"] == "nl"
