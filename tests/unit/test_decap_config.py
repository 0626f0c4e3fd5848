"""The browser editor's configuration says what the content model says, and its checks agree with the model."""

from __future__ import annotations

import re

import pytest

from tests.support import validation_context
from werkplaatsen.editor import decap
from werkplaatsen.editor.generate import production_settings
from werkplaatsen.model import fields, urls
from werkplaatsen.model.contenttypes import TYPES, ContentType
from werkplaatsen.model.fields import Date, ref, term
from werkplaatsen.model.schemas import Record, Schema, field, listfield
from werkplaatsen.model.vocabulary import vocabulary

SETTINGS = production_settings()
CONFIG = decap.config(vocabulary(), SETTINGS)
HOSTS = validation_context()["hosts"]


def collection(name: str) -> dict:
    [found] = [c for c in CONFIG["collections"] if c["name"] == name]
    return found


def named(fields_: list[dict], name: str) -> dict:
    [found] = [f for f in fields_ if f["name"] == name]
    return found


def matches(spec: dict, value: str) -> bool:
    """Decap's check: RegExp(pattern).test(value), the same syntax in Python for these patterns."""
    return re.search(spec["pattern"][0], value) is not None


def test_one_folder_collection_per_type_with_every_field_in_the_models_order():
    assert [c["name"] for c in CONFIG["collections"]] == [kind.name for kind in TYPES]
    for kind in TYPES:
        found = collection(kind.name)
        assert (found["folder"], found["extension"], found["format"]) == (f"content/{kind.folder}", "md", "frontmatter")
        assert (found["label"], found["label_singular"], found["identifier_field"]) == (kind.plural, kind.label, "titel")
        assert [f["name"] for f in found["fields"]] == [*kind.schema.model_fields, "body"]
        for name, info in kind.schema.model_fields.items():
            widget = named(found["fields"], name)
            assert widget["label"] in (info.title, f"{info.title} (niet verplicht)"), name
            assert widget["required"] == info.is_required(), name
            assert widget["hint"].startswith(info.description), name
        assert named(found["fields"], "body")["widget"] == "markdown"


def labels(fields_: list[dict]) -> dict[str, str]:
    return {field_["name"]: field_["label"] for field_ in fields_}


def test_only_a_field_that_may_stay_empty_whatever_else_is_filled_in_says_niet_verplicht():
    """Decap's own "(optioneel)" is hidden (beheer.js); a rule of the model over several fields never meets it."""
    session = collection("sessie")["fields"]
    assert labels(session)["titel"] == "Titel", "required"
    assert labels(session)["samenvatting"] == "Samenvatting" and labels(session)["voorbereiding"] == \
        "Voorbereiding (niet verplicht)"
    assert labels(session)["themas"] == "Thema's (niet verplicht)", "a picker"
    assert labels(session)["wijzigingen"] == "Wijzigingen", "a list counts its items: 0 wijzigingen"
    assert labels(session)["locatie"] == "Locatie", "needed for a physical or hybrid session"
    assert labels(named(session, "locatie")["fields"]) == {
        "naam": "Naam", "adres": "Adres (niet verplicht)", "postcode": "Postcode (niet verplicht)", "plaats": "Plaats"}
    assert named(named(session, "locatie")["fields"], "naam")["hint"].endswith(
        "Vul dit in als u iets invult bij Locatie.")
    assert labels(named(session, "materialen")["fields"]) == {"titel": "Titel", "bestand": "Bestand", "url": "Link"}
    registration = labels(named(collection("ronde")["fields"], "aanmelding")["fields"])
    assert (registration["url"], registration["sluit"], registration["status"]) == (
        "Aanmeldformulier", "Aanmelden kan tot", "Aanmeldstatus (niet verplicht)")
    assert labels(session)["nummer"] == "Nummer in de ronde (niet verplicht)"
    assert named(collection("sessie")["fields"], "body")["label"] == "Tekst (niet verplicht)"


def test_a_new_type_and_field_appear_without_touching_the_editor_config():
    class Locatie(Record):
        plaats: str = field("Plaats", "Waar.", required=True)

    class Proef(Schema):
        gehouden: Date = field("Gehouden", "Wanneer.", required=True)
        soorten: list[term("themas")] = listfield("Soorten", "Welke.")
        partner: ref("partner") = field("Partner", "Wie.")
        plekken: list[Locatie] = listfield("Plekken", "Waar overal.")

    kind = ContentType("proef", Proef, "proeven", "Proef", "Proeven", "de", "/proeven/{slug}/")
    found = decap.collection(kind, vocabulary(), HOSTS)
    assert found["folder"] == "content/proeven"
    assert named(found["fields"], "gehouden")["widget"] == "datetime"
    assert named(found["fields"], "soorten")["multiple"] is True
    assert named(found["fields"], "partner")["collection"] == "partner"
    assert named(named(found["fields"], "plekken")["fields"], "plaats")["required"] is True


def test_dates_times_and_yes_no_are_written_as_the_reader_expects():
    session, casus = collection("sessie")["fields"], collection("casus")["fields"]
    assert {k: named(casus, "bijgewerkt")[k] for k in ("widget", "format", "date_format", "time_format", "picker_utc")} == \
        {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
         "picker_utc": False}
    assert {k: named(session, "start")[k] for k in ("widget", "format", "picker_utc")} == \
        {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "picker_utc": False}
    assert named(named(session, "agenda")["fields"], "tijd")["format"] == "HH:mm"
    voorbeeld = named(session, "voorbeeld")
    assert voorbeeld["widget"] == "select" and [o["value"] for o in voorbeeld["options"]] == ["ja", "nee"]
    assert fields.parse_bool("ja") is True and fields.parse_bool("nee") is False
    assert named(session, "nummer")["value_type"] == "int"


def test_vocabularies_are_lists_with_their_dutch_labels_and_references_pick_a_file_name():
    session = collection("sessie")["fields"]
    assert named(session, "vorm")["options"] == [{"label": label, "value": key}
                                                 for key, label in vocabulary()["vormen"].items()]
    assert named(session, "themas")["multiple"] is True
    ronde = named(session, "ronde")
    assert {k: ronde[k] for k in ("widget", "collection", "value_field", "search_fields", "display_fields")} == \
        {"widget": "relation", "collection": "ronde", "value_field": "{{slug}}", "search_fields": ["titel"],
         "display_fields": ["{{titel}} ({{periode.start}} tot {{periode.eind}})"]}
    assert "multiple" not in ronde and named(session, "sprekers")["multiple"] is True
    assert ronde["hint"] == ("De ronde waar de sessie bij hoort. Maak de ronde eerst; de sessie moet in de periode van "
                             "de ronde vallen. Kies uit de lijst; typ een deel van de titel om te zoeken.")
    assert named(collection("verslag")["fields"], "sessies")["display_fields"] == ["{{titel}} ({{start}})"]
    assert named(collection("bericht")["fields"], "verslagen")["display_fields"] == ["{{titel}} ({{datum}})"]
    assert named(session, "sprekers")["display_fields"] == ["{{titel}}"]


def every_field(fields_: list[dict]):
    for field_ in fields_:
        yield field_
        yield from every_field([*field_.get("fields", []), *([field_["field"]] if "field" in field_ else [])])


def test_no_reference_in_the_form_asks_for_a_short_name_it_never_shows():
    hints = [field_["hint"] for kind in CONFIG["collections"] for field_ in every_field(kind["fields"])
             if field_.get("widget") == "relation"]
    assert len(hints) > 20
    assert [hint for hint in hints if "korte naam" in hint.lower() or "korte namen" in hint.lower()] == []


def test_every_list_counts_in_the_singular_and_plural_and_shows_folded_items_by_what_tells_them_apart():
    lists = [field_ for kind in CONFIG["collections"] for field_ in every_field(kind["fields"])
             if field_.get("widget") == "list"]
    assert lists and all(field_["label_singular"] != field_["label"] for field_ in lists), \
        [field_["name"] for field_ in lists if field_["label_singular"] == field_["label"]]
    casus = collection("casus")["fields"]
    assert (named(casus, "belanghebbenden")["label_singular"], named(casus, "belanghebbenden")["summary"]) == \
        ("betrokkene", "{{fields.belanghebbenden}}")
    assert named(casus, "trio")["summary"] == "{{fields.rol}} {{fields.naam}}"
    assert named(collection("sessie")["fields"], "agenda")["summary"] == "{{fields.tijd}} {{fields.onderdeel}}"
    assert named(collection("verslag")["fields"], "bestanden")["summary"] == "{{fields.titel}}"


def test_every_file_field_is_a_picker_that_uploads_into_the_folder_the_model_names():
    files = {(kind["name"], field_["name"]): field_ for kind in CONFIG["collections"]
             for field_ in every_field(kind["fields"]) if field_.get("widget") == "bestand"}
    folders = {key: (found["media_folder"], found["public_folder"], found["images_only"]) for key, found in files.items()}
    assert folders == {
        ("sessie", "bestand"): ("/content/bestanden/presentaties", "presentaties", False),
        ("instrument", "bestand"): ("/content/bestanden/werkbladen", "werkbladen", False),
        ("verslag", "bestand"): ("/content/bestanden/verslagen", "verslagen", False),
        ("bericht", "bestand"): ("/content/bestanden/nieuws", "nieuws", True),
    }
    assert all("files_url" not in found for found in files.values()), "production lists no files"
    local = decap.local(CONFIG, "werk", "http://localhost:8000")
    assert [field_["files_url"] for kind in local["collections"] for field_ in every_field(kind["fields"])
            if field_.get("widget") == "bestand"] == ["/beheer/bestanden.json"] * 4
    assert named(named(collection("verslag")["fields"], "bestanden")["fields"], "bestand")["hint"].endswith(
        "Kies een bestand dat er al is, of upload een nieuw bestand: dat komt in content/bestanden/verslagen/.")


def test_the_form_names_the_websites_a_link_may_go_to():
    for hosts, widget in url_fields():
        assert widget["hint"].endswith(f"Toegestane websites: {', '.join(HOSTS[hosts])}."), widget["name"]


def test_new_items_start_as_drafts_and_not_as_examples():
    for found in CONFIG["collections"]:
        assert named(found["fields"], "status")["default"] == "concept"
        assert named(found["fields"], "voorbeeld")["default"] == "nee"
    registration = named(collection("sessie")["fields"], "aanmelding")["fields"]
    assert "default" not in named(registration, "status"), "only the item's own status starts as concept"


def test_a_group_that_may_stay_empty_asks_for_nothing_and_says_what_it_needs():
    session = collection("sessie")["fields"]
    location = named(session, "locatie")
    assert [f["required"] for f in location["fields"]] == [False, False, False, False]
    assert location["hint"].endswith("Vult u hier iets in, vul dan ook in: Naam, Plaats.")
    agenda = named(session, "agenda")["fields"]
    assert named(agenda, "tijd")["required"] is True, "an added list item still needs its required fields"
    period = named(collection("ronde")["fields"], "periode")["fields"]
    assert named(period, "start")["required"] is True, "a required group keeps its required fields"


def url_fields() -> list[tuple[str, dict]]:
    session = collection("sessie")["fields"]
    registration = named(session, "aanmelding")["fields"]
    material = named(session, "materialen")["fields"]
    return [("aanmelden", named(registration, "url")), ("links", named(material, "url")),
            ("links", named(collection("partner")["fields"], "website"))]


@pytest.mark.parametrize("url", ["https://www.lpbagenda.nl/sessie?x=1#a", "https://WWW.LPBAGENDA.NL", "https://www.platform31.nl/",
                                 "http://www.lpbagenda.nl/", "https://www.lpbagenda.nl.evil.example/", "https://evil.example/",
                                 "https://evil.example\\@www.lpbagenda.nl/", "https://www.lpbagenda.nl/a b", "ftp://www.lpb.nl/"])
def test_url_fields_accept_what_the_build_accepts_on_their_own_list_of_websites(url):
    for hosts, widget in url_fields():
        try:
            urls.external(url, HOSTS[hosts])
            accepted = True
        except urls.UrlProblem:
            accepted = False
        assert matches(widget, url) == accepted, (hosts, url)
        assert widget["pattern"][1].startswith("Vul een webadres in dat begint met https://")


def test_a_single_choice_refuses_a_term_that_is_not_in_the_vocabulary():
    fase = named(collection("casus")["fields"], "fase")
    assert matches(fase, "uitvoering") and not matches(fase, "klaar")
    assert fase["pattern"][1] == "Kies een van: Verkenning, Uitvoering, Afgerond."


@pytest.mark.parametrize(("kind", "title", "accepted"), [
    ("pagina", "Over het programma", True), ("pagina", "Sessies in 2020", True), ("pagina", "Wonen & zorg: één plek", True),
    ("pagina", "Sessies", False), ("pagina", " lessen! ", False), ("pagina", "Thema's", False), ("pagina", "Beheer", False),
    ("pagina", "Een_titel", False), ("pagina", "???", False), ("sessie", "Vorm", False), ("sessie", "Vormgeving", True),
    ("ronde", "Sessies", True), ("bericht", "Pagina", False),
])
def test_a_title_whose_file_name_the_build_would_refuse_is_refused(kind, title, accepted):
    titel = named(collection(kind)["fields"], "titel")
    assert matches(titel, title) == accepted, title


def test_the_production_config_uses_github_and_the_editorial_workflow():
    assert CONFIG["locale"] == "nl"
    assert CONFIG["backend"]["name"] == "github"
    assert CONFIG["backend"]["repo"] == SETTINGS["WERKPLAATSEN_BEHEER_REPO"]
    assert CONFIG["backend"]["branch"] == SETTINGS["WERKPLAATSEN_BEHEER_BRANCH"]
    assert CONFIG["backend"]["base_url"] == SETTINGS["WERKPLAATSEN_BEHEER_AUTH_URL"]
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert all(collection_["slug"] == "{{titel}}" for collection_ in CONFIG["collections"])


def test_the_local_config_commits_to_the_current_branch_through_the_preview_server():
    local = decap.local(CONFIG, "werk", "http://localhost:8000")
    assert local["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "werk",
                                "commit_messages": CONFIG["backend"]["commit_messages"]}
    assert local["publish_mode"] == "simple"
    assert local["site_url"] == "http://localhost:8000" and "site_url" not in CONFIG, "a saved item links to the preview"
    assert [found["preview_path"] for found in CONFIG["collections"]] == [
        kind.item_url.lstrip("/").replace("{slug}", "{{slug}}") for kind in TYPES]
    assert collection("sessie")["preview_path"] == "sessies/{{slug}}/"
    for field_ in every_field(local["collections"]):
        field_.pop("files_url", None)
    assert local["collections"] == CONFIG["collections"]
    assert CONFIG["backend"]["name"] == "github", "the production config is left as it was"
