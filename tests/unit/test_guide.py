"""The editor guide keeps its promises: every field of every type, each vocabulary once, the allowed
websites of the settings, links that lead somewhere, tasks before the reference and nothing for
developers, and examples (files, paths, messages, rules, the embargo's moment) that the checks
and `make nieuw` really give."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from werkplaatsen.build import check
from werkplaatsen.build.problems import Problems
from werkplaatsen.editor.fieldspec import specs
from werkplaatsen.editor.generate import GUIDE, generated_files, production_settings
from werkplaatsen.editor.guide import EXAMPLE_FILE, MISTAKES, YAML_RULES, anchor, example_errors, guide
from werkplaatsen.editor.scaffold import new_file
from werkplaatsen.model.contenttypes import BY_NAME, TYPES
from werkplaatsen.model.fields import TIMEZONE
from werkplaatsen.model.schemas import Schema
from werkplaatsen.model.vocabulary import vocabulary
from werkplaatsen.reading import frontmatter
from werkplaatsen.reading.catalog import LoadOptions
from werkplaatsen.reading.validation import validate
from werkplaatsen.system.places import ROOT

TEXT = generated_files()[GUIDE]
HOSTS = LoadOptions.from_settings(production_settings()).hosts


def headings(text: str = TEXT) -> list[tuple[int, str]]:
    """(line number, heading) of every heading, those in code blocks left out."""
    found, in_code = [], False
    for number, line in enumerate(text.splitlines()):
        in_code = in_code != line.startswith("```")
        if not in_code and line.startswith("#"):
            found.append((number, line))
    return found


def section(heading: str, text: str = TEXT) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = len(heading.split(" ")[0])
    lines, marks = text.splitlines(), headings(text)
    start = next(number for number, line in marks if line == heading)
    end = next((number for number, line in marks if number > start and len(line.split(" ")[0]) <= level), len(lines))
    return "\n".join(lines[start + 1:end])


def field_lines(fields, indent=""):
    for spec in fields:
        needed = " *(verplicht)*" if spec.required else ""
        yield f"{indent}- `{spec.name}`: **{spec.label}**{needed}. "
        yield from field_lines(spec.children, indent + "  ")


def test_every_field_of_every_type_is_in_its_section_with_label_and_whether_required():
    common = section("### Velden van elke soort")
    for line in field_lines(specs(Schema, vocabulary())):
        assert line in common
    for kind in TYPES:
        own = section(f"### {kind.label}")
        assert f"Map `content/{kind.folder}/`" in own
        for line in field_lines([spec for spec in specs(kind.schema, vocabulary()) if spec.name not in Schema.model_fields]):
            assert line in own, (kind.name, line)


def test_each_vocabulary_is_listed_once_and_fields_refer_to_it_by_name():
    for name, terms in vocabulary().items():
        assert [line for _, line in headings()].count(f"### Woordenlijst {name}") == 1
        listed = section(f"### Woordenlijst {name}").splitlines()
        assert [line for line in listed if line] == [f"- `{key}`: {label}" for key, label in terms.items()]
        if len(terms) > 2:
            assert ", ".join(terms) not in TEXT, f"the terms of {name} are listed again"
    themes = [line for line in section("### Sessie").splitlines() if line.startswith("- `themas`")]
    assert themes and "[Woordenlijst themas](#woordenlijst-themas)" in themes[0]


def test_allowed_websites_are_those_of_the_production_settings():
    lines = section("## Toegestane websites").splitlines()
    registration = next(line for line in lines if line.startswith("- Aanmeldformulieren"))
    links = next(line for line in lines if line.startswith("- Alle andere links"))
    assert re.findall(r"`([^`]+)`", registration) == list(HOSTS["aanmelden"])
    assert re.findall(r"`([^`]+)`", links) == list(HOSTS["links"])


def test_a_website_added_to_the_settings_appears_in_the_guide():
    settings = {**production_settings(), "WERKPLAATSEN_LINK_HOSTS": ["www.nieuw.example"]}
    assert "`www.nieuw.example`" in section("## Toegestane websites", guide(vocabulary(), settings))


def test_every_link_in_the_guide_leads_to_one_of_its_headings():
    ids = {anchor(line.lstrip("#").strip()) for _, line in headings()}
    targets = re.findall(r"\]\(#([^)]+)\)", TEXT)
    assert targets and set(targets) <= ids


def test_anchor_is_the_id_markdown_viewers_give_a_heading():
    assert anchor("Bestanden: soorten en grootte") == "bestanden-soorten-en-grootte"
    assert anchor("Woordenlijst themas") == "woordenlijst-themas"


TASKS = ["Een sessie toevoegen", "Een ronde toevoegen", "Een bestand toevoegen", "Een bericht met embargo",
         "Een fout oplossen", "Vastleggen en versturen"]
REFERENCE = ["Zo ziet een bestand eruit", "Regels voor de velden", "Taaladvies: schrijven in eenvoudig Nederlands (B1)",
             "Alle velden per soort", "Woordenlijsten",
             "Toegestane websites", "Bestanden: soorten en grootte"]


def test_tasks_come_first_each_the_browser_way_and_the_git_way():
    assert [line[3:] for _, line in headings() if line.startswith("## ")] == ["Zo werkt het", *TASKS, *REFERENCE]
    for task in TASKS[:5]:
        assert "**In de browser**" in section(f"## {task}") and "**Met git**" in section(f"## {task}")
    for command in ("git status", "git add ", 'git commit -m "', "git push", "git pull --rebase"):
        assert command in section("## Vastleggen en versturen")


def test_nothing_for_developers_but_a_note_on_the_last_line():
    *editors_part, last = TEXT.rstrip("\n").split("\n")
    for word in ("schemas.py", "make docs", "plugins/", ".py", "invoke", "pelicanconf", "vocabulary.yaml"):
        assert word not in "\n".join(editors_part), word
    assert last.startswith("<!--") and "make docs" in last


def test_the_round_comes_first_and_the_embargo_ends_at_midnight():
    assert "**Maak eerst de ronde, dan de sessies.**" in section("## Een ronde toevoegen")
    assert "Maak dan eerst de ronde" in section("## Een sessie toevoegen")
    embargo = section("## Een bericht met embargo")
    found = re.search(r"Met `datum: (\d{4}-\d\d-\d\d)`\s+komt het bericht online op \w+ (\d+) (\w+) (\d{4}) om "
                      r"(\d\d)\.(\d\d) uur", embargo)
    assert found, embargo
    day = datetime.strptime(found.group(1), "%Y-%m-%d")
    assert (found.group(2), found.group(4)) == (str(day.day), str(day.year))
    moment = datetime(day.year, day.month, day.day, int(found.group(5)), int(found.group(6)), tzinfo=TIMEZONE)
    record = SimpleNamespace(status="gepubliceerd", datum=day.date())

    def hidden(at):
        return LoadOptions(now=at).why_hidden(BY_NAME["bericht"], record)

    assert hidden(moment - timedelta(minutes=1)) and hidden(moment) is None


def test_the_banner_section_shows_the_preview_banner_for_the_example_mistakes_word_for_word():
    """What the guide says the preview shows is what build.problems puts on every page for those mistakes."""
    banners = Problems()
    banners.update_ended(example_errors(vocabulary(), HOSTS))
    banner = BeautifulSoup(banners.banner().decode(), "html.parser")
    text = section("### De melding in de voorbeeldweergave")
    quoted = [line[2:] for line in text.splitlines() if line.startswith("> ") and line != ">"]
    assert quoted == [f"**{banner.h2.get_text()}**", banner.p.get_text(),
                      *(f"- {item.get_text()}" for item in banner.find_all("li"))]
    assert len(banner.find_all("li")) == len(MISTAKES) and "laatste versie die wel klopte" in banner.p.get_text()
    for what_to_do in ("Sla op en laad de pagina opnieuw", "in een vak rechtsonder", "wie de site bouwt"):
        assert what_to_do in text
    assert "### De melding in de voorbeeldweergave" in [line for _, line in headings()]


@pytest.fixture(scope="module")
def real_content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guide") / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def test_the_example_file_passes_make_check_among_the_real_content(real_content, capsys):
    target = real_content / "sessies" / "sessie-3-pleinen-en-water.md"
    target.write_text(EXAMPLE_FILE, encoding="utf-8")
    try:
        assert check.main(["pelicanconf.py", str(real_content)]) == 0, capsys.readouterr().err
    finally:
        target.unlink()


def test_the_example_message_is_what_make_check_says_word_for_word(real_content, capsys):
    text = EXAMPLE_FILE
    for right, wrong in MISTAKES:
        text = text.replace(right, wrong)
    target = real_content / "sessies" / "sessie-3-pleinen-en-water.md"
    target.write_text(text, encoding="utf-8")
    try:
        assert check.main(["pelicanconf.py", str(real_content)]) == 1
    finally:
        target.unlink()
    shown = re.search(r"```text\n(.*?)\n```", section("## Een fout oplossen"), re.S).group(1)
    assert capsys.readouterr().err.strip() == shown


def read_example(text: str):
    source, errors = frontmatter.read("content/sessies/x.md", text.encode())
    if errors:
        return None, errors
    context = {"vocabulary": vocabulary(), "hosts": HOSTS}
    record, errors = validate(source, BY_NAME["sessie"].schema, context)
    return source, errors


@pytest.mark.parametrize("rule", YAML_RULES, ids=lambda rule: rule[1])
def test_each_writing_rule_holds_for_the_checks(rule):
    explanation, wrong, right, meaning = rule
    name = right.split(":")[0]
    line = next(line for line in EXAMPLE_FILE.splitlines() if line.startswith(f"{name}:"))
    source, errors = read_example(EXAMPLE_FILE.replace(line, right))
    assert errors == [] and source.data[name] == meaning
    source, errors = read_example(EXAMPLE_FILE.replace(line, wrong))
    assert errors or source.data[name] != meaning
    assert f"Fout: `{wrong}`. Goed: `{right}`." in section("## Regels voor de velden")


def test_indenting_with_a_tab_is_refused_and_block_texts_fold_or_keep_lines():
    _, errors = frontmatter.read("x.md", b"---\nlocatie:\n\tnaam: De Kern\n---\n")
    assert errors
    source, _ = frontmatter.read("x.md", b"---\nwerkwijze: >-\n  een\n  twee\n---\n")
    assert source.data["werkwijze"] == "een twee"
    source, _ = frontmatter.read("x.md", b"---\nwerkwijze: |\n  een\n\n  - twee\n---\n")
    assert source.data["werkwijze"] == "een\n\n- twee"


def test_the_files_make_nieuw_writes_are_the_ones_the_guide_names(tmp_path):
    examples = re.findall(r'make nieuw TYPE=(\w+) TITEL="([^"]+)"', TEXT)
    examples = [(kind, title) for kind, title in examples if title != "..."]
    assert len(examples) >= 3
    for kind, title in examples:
        path = new_file(kind, title, tmp_path / "content")
        assert f"`{path.relative_to(tmp_path).as_posix()}`" in TEXT or f"git add {path.relative_to(tmp_path).as_posix()}" in TEXT

