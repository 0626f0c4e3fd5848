"""The words editors and visitors read: counts agree with their number, each type has its article,
and the reader is addressed as "u", in every text the code, templates, scaffolds and docs produce."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkplaatsen.build import check
from werkplaatsen.editor.generate import generated_files
from werkplaatsen.editor.languageguide import EXAMPLES
from werkplaatsen.editor.scaffold import scaffold
from werkplaatsen.model import dutch, fields
from werkplaatsen.model.contenttypes import BY_NAME, TYPES
from werkplaatsen.model.errors import ContentError, ContentErrors, suggestion
from werkplaatsen.model.vocabulary import vocabulary
from werkplaatsen.plainlanguage import Kind
from werkplaatsen.reading.uploads import Upload
from werkplaatsen.system.places import ROOT
from werkplaatsen.view.present import Presenter


@pytest.mark.parametrize(("number", "text"), [(0, "0 problemen"), (1, "1 probleem"), (2, "2 problemen"), (21, "21 problemen")])
def test_count_puts_the_noun_in_the_form_its_number_needs(number, text):
    assert dutch.count(number, "probleem", "problemen") == text


def problems(number: int) -> ContentErrors:
    return ContentErrors([ContentError("content/sessies/x.md", line, ("vorm",), "fout.") for line in range(1, number + 1)])


def test_one_problem_is_it_several_are_they():
    assert str(problems(1)).startswith("De inhoud heeft 1 probleem. Los het op; de site wordt gemaakt")
    assert str(problems(3)).startswith("De inhoud heeft 3 problemen. Los ze op; de site wordt gemaakt")


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_make_check_counts_files_and_words_one_problem_in_the_singular(tmp_path, capsys):
    content = tmp_path / "content"
    page = "---\ntitel: Over\nstatus: gepubliceerd\n---\nTekst.\n"
    write(content, "paginas/over.md", page)
    assert check.main(["pelicanconf.py", str(content)]) == 1, "the footer links to pages that do not exist yet"
    capsys.readouterr()
    for name in ("aanmelden", "contact", "privacy", "toegankelijkheid"):
        write(content, f"paginas/{name}.md", page)
    assert check.main(["pelicanconf.py", str(content)]) == 0
    assert capsys.readouterr().out == "Alles in orde: 5 bestanden gecontroleerd.\n"
    write(content, "paginas/over.md", page.replace("status: gepubliceerd", "status: klaar"))
    assert check.main(["pelicanconf.py", str(content)]) == 1
    assert capsys.readouterr().err.startswith("De inhoud heeft 1 probleem. Los het op en controleer opnieuw met make check.")


def refusal(parse, text: str) -> str:
    with pytest.raises(ValueError) as refused:
        parse(text)
    return str(refused.value)


@pytest.mark.parametrize(("parse", "text", "guess"), [
    (fields.parse_date, "05-12-2019", " Bedoelt u 5 december 2019? Schrijf dan 2019-12-05."),
    (fields.parse_date, "5/12/2019", " Bedoelt u 5 december 2019? Schrijf dan 2019-12-05."),
    (fields.parse_datetime, "12-11-2019 9.30", " Bedoelt u 12 november 2019? Schrijf dan 2019-11-12 09:30."),
    (fields.parse_date, "31-02-2019", ""),  # no such day: no guess
    (fields.parse_datetime, "12-11-2019 25:00", ""),  # no such time: no guess
    (fields.parse_date, "8 oktober", ""),
])
def test_a_date_written_day_first_gets_the_same_date_in_the_right_form(parse, text, guess):
    message = refusal(parse, text)
    assert "eerst het jaar, dan de maand, dan de dag" in message
    assert message.endswith(guess if guess else "dag." if parse is fields.parse_datetime else "8 oktober 2019.")


def test_a_date_without_its_time_is_told_the_time_is_needed():
    assert refusal(fields.parse_datetime, "2019-11-12").endswith("Alleen een datum mag hier niet: de tijd is nodig.")


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.dates(min_value=date(1000, 1, 1)), st.booleans())  # a year of four digits, as people write it
def test_the_guessed_date_is_the_day_first_reading_and_passes_the_checks(day, padded):
    text = f"{day.day:02d}-{day.month:02d}-{day.year}" if padded else f"{day.day}-{day.month}-{day.year}"
    written = refusal(fields.parse_date, text).rsplit("Schrijf dan ", 1)[1].rstrip(".")
    assert fields.parse_date(written) == day


def test_a_suggestion_addresses_the_editor_as_u():
    assert suggestion("onlien", ["online", "fysiek"]) == ' Bedoelt u "online"?'


# The article of each type's label, as a Dutch dictionary gives it.
ARTICLES = {"Ronde": "de", "Sessie": "de", "Casus": "de", "Instrument": "het", "Publicatie": "de",
            "Partner": "de", "Persoon": "de", "Bericht": "het", "Pagina": "de"}


def test_every_type_names_its_article():
    assert {kind.label: kind.article for kind in TYPES} == ARTICLES


@pytest.mark.parametrize(("kind", "the", "this", "new"), [
    ("bericht", "het bericht", "dit bericht", "Nieuw bericht"),
    ("instrument", "het instrument", "dit instrument", "Nieuw instrument"),
    ("sessie", "de sessie", "deze sessie", "Nieuwe sessie"),
    ("verslag", "de publicatie", "deze publicatie", "Nieuwe publicatie"),
])
def test_the_article_gives_the_forms_texts_use(kind, the, this, new):
    content_type = BY_NAME[kind]
    assert (content_type.the, content_type.this, content_type.new) == (the, this, new)


@pytest.mark.parametrize("kind", BY_NAME)
def test_a_scaffold_names_its_type_with_the_right_article(kind):
    content_type = BY_NAME[kind]
    text = scaffold(content_type, vocabulary(), "Iets")
    assert text.splitlines()[1].startswith(f"# {content_type.new}. ")
    assert f"Schrijf hier de tekst van {content_type.the} in Markdown." in text


def test_lesson_counts_agree_with_their_number():
    assert Presenter.lessons_about("participatie", "Participatie", 1) == "1 les over Participatie"
    assert Presenter.lessons_about("participatie", "Participatie", 2) == "2 lessen over Participatie"
    assert Presenter.lessons_about("overig", "Overige lessen", 1) == "1 overige les"


@pytest.mark.parametrize(("pages", "fact"), [(1, "1 pagina"), (12, "12 pagina's")])
def test_a_downloads_page_count_agrees_with_its_number(pages, fact):
    show = Presenter(vocabulary(), {"a.pdf": Upload("a.pdf", 2000)}, "https://example.nl")
    entry = type("Download", (), {"bestand": "a.pdf", "paginas": pages, "taal": None})()
    assert show.file(entry).description == f"(PDF, 2 kB, {fact})"


# "je", "jij", "jou", "jouw", "jezelf" as words, not inside others ("jeugd", "bijeen").
FAMILIAR = re.compile(r"(?<![\w-])(je|jij|jou|jouw|jezelf)(?![\w-])", re.IGNORECASE)


def python_strings(path: Path) -> str:
    """The string constants of a module, docstrings and comments left out (code speaks English)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr)}
    return "\n".join(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)


def readers_texts() -> dict[str, str]:
    """Every Dutch text the project writes for editors and visitors, by where it comes from."""
    texts = {str(path.relative_to(ROOT)): python_strings(path) for path in (ROOT / "plugins").rglob("*.py")}
    texts |= {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
              for folder, pattern in (("theme/templates", "*.html"), ("theme/static/js", "*.js"))
              for path in (ROOT / folder).rglob(pattern)}
    texts |= {str(path.relative_to(ROOT)): text for path, text in generated_files().items()}
    texts |= {f"scaffold {kind.name}": scaffold(kind, vocabulary(), "Titel") for kind in TYPES}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    texts["README.md, Voor redacteuren"] = readme[readme.index("## Voor redacteuren"):]
    texts["Makefile"] = (ROOT / "Makefile").read_text(encoding="utf-8")
    return texts


def on_purpose(text: str) -> str:
    """A text without what names the familiar forms on purpose: the plain-language check's list of them
    (one word per string) and the editor guide's explanation and example of that finding."""
    what, example, _ = EXAMPLES[Kind.FAMILIAR]
    lines = [line for line in text.splitlines() if not FAMILIAR.fullmatch(line)]
    return "\n".join(lines).replace(what, "").replace(example, "")


def test_no_text_for_readers_says_je_or_jij():
    found = {where: sorted({match.group(0) for match in FAMILIAR.finditer(on_purpose(text))})
             for where, text in readers_texts().items() if FAMILIAR.search(on_purpose(text))}
    assert found == {}


def test_only_the_familiar_forms_finding_may_name_them():
    what, example, better = EXAMPLES[Kind.FAMILIAR]
    assert FAMILIAR.search(what) and FAMILIAR.search(example) and not FAMILIAR.search(better)
    assert on_purpose(f"je\n{what}\nZo niet: {example}\nBeter: {better}") == f"\nZo niet: \nBeter: {better}"
    assert FAMILIAR.search(on_purpose("je\nMeld je aan."))


def test_the_familiar_form_check_finds_je_and_leaves_other_words():
    assert [m.group(0) for m in FAMILIAR.finditer("Meld je aan, jij en jouw trio. Jeugd, bijeen, je-zelf.")] == [
        "je", "jij", "jouw"]

