"""Any text in any field: refused by name, or written into every calendar, feed and JSON file intact.

For every field of every content type (generated from the model), a hostile value (line breaks of
every kind, control characters, YAML escapes, quotes, ``</script>``, ``]]>``, calendar and JSON
syntax, bidi overrides, very long text, ...), written into the front matter in every YAML style,
is either refused by the content check with the file and the field (or, for a character in the
raw file, the line it is on), or accepted; then the machine outputs are rendered with the real
code and must parse with independent readers (icalendar and ics, lxml and feedparser, json), hold
no property, element or key the unchanged site does not hold, and give back the very text the
editor wrote wherever the unchanged site showed the old one.

A full build per example would take seconds, so each example runs in this process what a build
runs: the generator loads and checks the content (as ``make check`` and the build do, reusing
the parsed files that did not change, as the preview does) and renders every calendar, feed,
the sitemap and the item's own page. A handful of real builds for the most dangerous values are
at the end.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import count
from pathlib import Path

import feedparser
import ics
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st
from icalendar import Calendar
from lxml import etree
from pelican.settings import read_settings

from tests.support import REGISTRATION_OPEN, build, copy_fixture_content, ical_text, write
from werkplaatsen.build.generator import WerkplaatsenGenerator
from werkplaatsen.editor.fieldspec import specs
from werkplaatsen.model import characters
from werkplaatsen.model.contenttypes import BY_NAME, TYPES
from werkplaatsen.model.errors import ContentErrors
from werkplaatsen.model.vocabulary import vocabulary
from werkplaatsen.system.places import ROOT

PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)
_markers = count(1)


def text() -> str:
    """A unique text to find again in the outputs: no marker is part of another."""
    return f"Waarde{next(_markers):03d}"


def common(**fields) -> dict:
    return {"titel": text(), "status": "gepubliceerd", "voorbeeld": "nee", **fields}


REGISTRATION = {"url": "https://www.lpbagenda.nl/vijandig", "opent": "2030-08-01 09:00", "sluit": "2030-09-20 17:00",
                "status": "verplaatst", "wachtlijst": "https://www.lpbagenda.nl/wachtlijst",
                "oorspronkelijke_datum": "2030-09-30"}
MATERIALS = [{"titel": text(), "bestand": "werkblad.pdf"}, {"titel": text(), "url": "https://www.platform31.nl/blad"}]
CHANGES = [{"datum": "2030-08-20", "wat": text()}]

# One item of every type with every field filled in (some fields twice, where a rule allows only
# one of two per item). A test below checks that together they hold every field of the model.
ITEMS = {
    "rondes/vijandig.md": common(
        nummer="10", periode={"start": "2030-09-01", "eind": "2030-12-15"}, seizoen=text(), samenvatting=text(),
        doelgroep=text(), deelnemers=text(), werkwijze=text(), kosten=text(),
        partners=[{"partner": "platform31", "rol": "organisator"}], aanmelding=dict(REGISTRATION, status="vol"),
        contact="anna-de-vries", themas=["participatie"]),
    "sessies/vijandig.md": common(
        ronde="ronde-9", nummer="5", start="2030-10-09 13:30", eind="2030-10-09 17:00", vorm="hybride",
        locatie={"naam": text(), "adres": text(), "postcode": text(), "plaats": text()}, samenvatting=text(),
        agenda=[{"tijd": "13:30", "onderdeel": text(), "spreker": "anna-de-vries"}], sprekers=["anna-de-vries"],
        instrumenten=["wijkschouw"], casussen=["plein"], themas=["participatie"], voorbereiding=text(),
        materialen=MATERIALS, geleerd=text(), aanmelding=REGISTRATION, wijzigingen=CHANGES),
    "casussen/vijandig.md": common(
        gemeente=text(), wijk=text(), ronde="ronde-9", domeinen=["fysiek"], opgave=text(), startvraag=text(),
        trio=[{"rol": "wijkambtenaar", "naam": text()}], belanghebbenden=[text()], aanpak=text(),
        instrumenten=["wijkschouw"], fase="verkenning", resultaten=text(), lessen=[text()], bijgewerkt="2030-08-02",
        themas=["participatie"]),
    "instrumenten/vijandig.md": common(
        samenvatting=text(), doel=text(), voor_wie=text(), fasen=["verkenning"], stappen=[text()], duur="2 uur",
        groepsvormen=["trio"], materialen=MATERIALS, tips=[text()], randvoorwaarden=[text()], bron=text(),
        eigenaar="platform31", licentie=text(), themas=["participatie"], gecontroleerd="2030-06-01"),
    "verslagen/vijandig.md": common(
        ondertitel=text(), soort="verslag", datum="2030-08-15", auteurs=["anna-de-vries"], organisaties=["platform31"],
        ronde="ronde-9", sessies=["gewoon"], casussen=["plein"], samenvatting=text(),
        lessen=[{"titel": text(), "tekst": text(), "themas": ["participatie"], "casussen": ["plein"],
                 "instrumenten": ["wijkschouw"]}],
        bestanden=[{"titel": text(), "bestand": "verslag.pdf", "taal": "nl", "paginas": "12"}], citeren=text(),
        wijzigingen=CHANGES, themas=["participatie"]),
    "partners/vijandig.md": common(afkorting=text(), website="https://www.platform31.nl/over", samenvatting=text()),
    "personen/vijandig.md": common(functie=text(), organisatie="platform31", organisatienaam=text(), email=text()),
    "paginas/vijandig.md": common(samenvatting=text()),
    "berichten/vijandig.md": common(
        datum="2030-08-10", samenvatting=text(), auteur="anna-de-vries",
        afbeelding={"bestand": "vijandig.png", "alt": text()}, rondes=["ronde-9"], sessies=["gewoon"],
        casussen=["plein"], instrumenten=["wijkschouw"], verslagen=["verslag-sessie-1"], themas=["participatie"]),
    "berichten/vijandig-afzender.md": common(datum="2030-08-11", samenvatting=text(), afzender=text()),
}


def leaves(data, path=()):
    """(field path, value) of every value in front matter."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, (*path, index))
    else:
        yield path, data


def model_leaves(fields, path=()):
    """(field path, kind) of every field of the model; a list's items are at index 0."""
    for spec in fields:
        where = (*path, spec.name, 0) if spec.many else (*path, spec.name)
        if spec.kind == "groep":
            yield from model_leaves(spec.children, where)
        else:
            yield where, spec.kind


def general(path) -> tuple:
    return tuple(0 if isinstance(part, int) else part for part in path)


def kind_of(file: str) -> str:
    return next(kind.name for kind in TYPES if file.startswith(f"{kind.folder}/"))


KINDS = {kind.name: dict(model_leaves(specs(kind.schema, vocabulary()))) for kind in TYPES}
TARGETS = [(file, path) for file, data in ITEMS.items() for path, _ in leaves(data)]


def test_the_items_hold_every_field_of_the_model():
    covered = {(kind_of(file), general(path)) for file, path in TARGETS}
    assert covered == {(kind, path) for kind, paths in KINDS.items() for path in paths}


# --- Writing a value into front matter in every style ---------------------------------------


class Styled(str):
    style: str | None = None


yaml.SafeDumper.add_representer(
    Styled, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=value.style))
PLACEHOLDER = "PLAATSHOUDER"
# PyYAML's styles (it falls back to double quotes with escapes where a style cannot hold a
# character), with and without raw non-ASCII, and the raw characters in a literal block or in
# double quotes, as an editor's text editor would save them.
STYLES = [(style, unicode) for style in (None, '"', "'", "|", ">") for unicode in (True, False)] + \
    [("raw-block", True), ("raw-quoted", True)]


def dump(data: dict, unicode: bool = True) -> str:
    return yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False, width=60)


def with_value(data: dict, path: tuple, value) -> dict:
    """A deep copy of front matter with `value` at `path`."""
    copy = json.loads(json.dumps(data))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copy


def written(data: dict, path: tuple, value: str, style) -> tuple[str, int, int]:
    """The file with `value` at `path`, and the first and last line the value takes in it."""
    kind, unicode = style
    plain = dump(with_value(data, path, PLACEHOLDER), unicode)
    first = plain.splitlines().index(next(line for line in plain.splitlines() if PLACEHOLDER in line))
    if kind == "raw-block":
        line = plain.splitlines()[first]
        indent = " " * (len(line) - len(line.lstrip(" -")) + 2)
        front = plain.replace(PLACEHOLDER, "|-\n" + "\n".join(indent + part for part in value.split("\n")))
    elif kind == "raw-quoted":
        front = plain.replace(PLACEHOLDER, '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
    else:
        styled = Styled(value)
        styled.style = kind
        front = dump(with_value(data, path, styled), unicode)
    extra = front.count("\n") - plain.count("\n")
    # Line 1 is ---. PyYAML may end a line of a block with a raw NEL instead of a newline: the value
    # then ends on the line of the next field, as an editor's text editor counts lines.
    return f"---\n{front}---\nTekst.\n", first + 2, first + 3 + extra


# --- Reading the outputs back ----------------------------------------------------------------


def calendar_values(data: bytes) -> list[tuple[str, str]]:
    """(component/property, text) of every property, read with icalendar; ics must read it too."""
    ics.Calendar(data.decode("utf-8"))
    found = []
    for component in Calendar.from_ical(data).walk():
        for name, value in component.property_items(recursive=False):
            if name in ("BEGIN", "END"):
                continue
            if name.startswith("X-"):  # icalendar reads an X- property as it stands
                value = ical_text(value.to_ical().decode("utf-8"))
            found.append((f"{component.name}/{name}", str(value) if not hasattr(value, "dt") else value.to_ical().decode()))
    return found


def xml_values(data: bytes) -> list[tuple[str, str]]:
    """(element path or attribute, text) of every element and attribute, read with lxml."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    found = []
    for element in root.iter():
        where = etree.ElementTree(root).getpath(element)
        where = re.sub(r"\[\d+\]", "", where)
        found.append((where, element.text or ""))
        found += [(f"{where}/@{name}", value) for name, value in element.attrib.items()]
    return found


def json_values(data, path="") -> list[tuple[str, str]]:
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in json_values(value, f"{path}/{key}")]
    if isinstance(data, list):
        return [pair for value in data for pair in json_values(value, f"{path}[]")]
    return [(path, str(data))]


def page_values(html: bytes) -> list[tuple[str, str]]:
    """The page's JSON-LD, and the elements of its head and every script element, by name."""
    soup = BeautifulSoup(html, "html.parser")
    found = [(f"head/{element.name}", "") for element in soup.head.find_all(True)]
    found += [("script", script.get("type", "")) for script in soup.find_all("script")]
    for script in soup.find_all("script", type="application/ld+json"):
        found += json_values(json.loads(script.string), "ld+json")
    return found


def read_back(url: str, data: bytes) -> list[tuple[str, str]]:
    if url.endswith(".ics"):
        return calendar_values(data)
    if url.endswith(".atom"):
        parsed = feedparser.parse(data)
        assert not parsed.bozo, parsed.bozo_exception
        return xml_values(data)
    if url.endswith(".xml"):
        return xml_values(data)
    if url.endswith(".json"):
        return json_values(json.loads(data))
    return page_values(data)


# --- The site, in this process -------------------------------------------------------------


ITEM_URLS = {file: BY_NAME[kind_of(file)].url_for(Path(file).stem) for file in ITEMS}


class Site:
    """The fixture site with the items above, loaded and rendered by the real generator; what the
    unchanged site rendered, and what it reads back as."""

    def __init__(self, content: Path, generator: WerkplaatsenGenerator):
        self.content, self.generator = content, generator
        self.made: dict[str, bytes] = {}
        self.before: dict[str, list[tuple[str, str]]] = {}
        self.flowing: list[tuple[str, tuple]] = []  # the fields a calendar, feed or JSON file shows

    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"Site({self.content})"

    def outputs(self, item_urls) -> dict[str, bytes]:
        """Every calendar and feed, the sitemap, and the items' own pages, rendered."""
        chosen = [output for output in self.generator.outputs() if output.page is None or output.url in item_urls]
        return {output.url: self._bytes(output.make()) for output in chosen}

    def changed(self, item_url: str) -> dict[str, list[tuple[str, str]]]:
        """The outputs that differ from the unchanged site's, read back."""
        return {url: read_back(url, made) for url, made in self.outputs({item_url}).items() if made != self.made[url]}

    @staticmethod
    def _bytes(made) -> bytes:
        return made.encode("utf-8") if isinstance(made, str) else made

    def write(self, file: str, text: str) -> None:
        (self.content / file).write_text(text, encoding="utf-8")

    def load(self) -> None:
        self.generator.generate_context()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vijandig")
    content = copy_fixture_content(folder)
    (content / "bestanden" / "vijandig.png").write_bytes(PNG)
    for file, data in ITEMS.items():
        (content / file).write_text(f"---\n{dump(data)}---\nTekst.\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:  # for as long as the module's tests use the site
        patch.setenv("WERKPLAATSEN_NU", REGISTRATION_OPEN)
        patch.setenv("WERKPLAATSEN_PROCESSEN", "1")
        settings = read_settings(str(ROOT / "pelicanconf.py"),
                                 override={"PATH": str(content), "OUTPUT_PATH": str(folder / "output")})
        generator = WerkplaatsenGenerator.for_settings(settings)
        generator.reads = {}  # as in the preview: a file that did not change is not parsed again
        generator.generate_context()
        site = Site(content, generator)
        site.made = site.outputs(set(ITEM_URLS.values()))
        site.before = {url: read_back(url, made) for url, made in site.made.items()}
        shown = {text for values in site.before.values() for _, text in values}
        site.flowing = [(file, path) for file, path in TARGETS
                        if any(str(dict(leaves(ITEMS[file]))[path]) in text for text in shown)]
        yield site


# --- The property ----------------------------------------------------------------------------

DANGEROUS = [
    "\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\t", "\x00", "\x07", "\x1b[2J", "\x7f", "\x9b",
    "\u202e", "\u2066", "\u200f", "\ufeff", "\ufffe", "\U000e0041", "\u00ad", "\u200b", "\u200d", "\ufffd",
    "</script><script>alert(1)</script>", "<!--", "]]>", "<![CDATA[x]]>", "&amp;", "&#0;", "&lt;", "<b>", '"', "'",
    "\\", "\\n", "\\x0b", "\\u2028", ";", ",", ":", "END:VEVENT\r\nBEGIN:VEVENT", "\nSUMMARY:ingevoegd",
    "\r\nX-INGEVOEGD:1", '", "ingevoegd": "', "}]}", "{{ 7*7 }}", "{% raw %}", "# ", "- ", "&a ", "*a", "!x ", "? ",
    "|", ">", "%", "@", "`", "null", "~", "ja", "nee", "[x](/nergens/)", "[x](javascript:alert(1))", "x" * 500,
    "é", "💥", "ij", " ", "  ",
]
# Half the values hold only characters a text may hold: those must reach the outputs intact.
ALLOWED = [piece for piece in DANGEROUS if not characters.ONE_LINE.search(piece)]
allowed_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), max_size=8)
any_text = st.text(st.characters(codec="utf-8"), max_size=8)
hostile = st.one_of(st.lists(st.one_of(st.sampled_from(DANGEROUS), any_text), min_size=1, max_size=5).map("".join),
                    st.lists(st.one_of(st.sampled_from(ALLOWED), allowed_text), min_size=1, max_size=5).map("".join))


def value_at(record, path):
    for part in path:
        record = record[part] if isinstance(part, int) else getattr(record, part)
    return record


def is_named(error, path, first, last) -> bool:
    """The error names the field (or its group or list, or a field of the same record for a rule
    over several fields), or, for a character in the raw file, a line the value is on."""
    if not error.field:
        return first <= error.line <= last
    return path[:len(error.field)] == error.field or error.field[:-1] == path[:-1]


@seed(16)
@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(number=st.integers(0, len(TARGETS) - 1), shown=st.booleans(), value=hostile, keep=st.booleans(),
       style=st.sampled_from(STYLES))
def test_a_hostile_value_in_any_field_is_refused_by_name_or_reaches_every_output_intact(site, number, shown, value, keep,
                                                                                       style):
    """Half the examples aim at a field that a calendar, feed or JSON file shows."""
    file, path = site.flowing[number % len(site.flowing)] if shown else TARGETS[number]
    item = ITEMS[file]
    old = dict(leaves(item))[path]
    written_text, first, last = written(item, path, old + value if keep else value, style)
    kind = kind_of(file)
    site.write(file, written_text)
    try:
        try:
            site.load()
        except ContentErrors as refused:
            errors = refused.errors
            event("refused")
            assert all(error.file == f"content/{file}" for error in errors), errors
            assert any(is_named(error, path, first, last) for error in errors), (errors, written_text)
            return
        stored = value_at(site.generator.catalog.get(kind, Path(file).stem).record, path)
        after = site.changed(ITEM_URLS[file])
    finally:
        site.write(file, f"---\n{dump(item)}---\nTekst.\n")
    event("accepted")
    for address, values in after.items():
        expected = site.before[address]
        assert Counter(name for name, _ in values) <= Counter(name for name, _ in expected), address  # nothing injected
        if isinstance(old, str) and old.startswith("Waarde") and stored:
            assert Counter(values) == Counter((name, found.replace(old, stored)) for name, found in expected), address


# --- Real builds of the most dangerous text -------------------------------------------------

TITLE = 'Sessie "</script><script>alert(1)</script>" ]]> <!-- &amp; ; , \\ \\n END:VEVENT {{ 1 }} \u200d👩‍👩‍👧 é'
SUMMARY = ("Een lange samenvatting; met, tekens\\ en <b>html</b> die tekst blijft. " * 12).strip()
ROUND_TITLE = "Ronde negen; met, \\ tekens ]]> </script>"
PREPARATION = "Eerste alinea.\n\nTweede alinea, met een\tTab."


def test_a_real_build_writes_dangerous_text_intact_into_every_calendar_feed_and_json_file(content, tmp_path):
    for file, old, new in [
        ("sessies/gewoon.md", "titel: Sessie gewoon", f"titel: {json.dumps(TITLE, ensure_ascii=False)}"),
        ("sessies/gewoon.md", "samenvatting: Samenvatting van gewoon.", f"samenvatting: >-\n  {SUMMARY}"),
        ("sessies/gewoon.md", "voorbereiding: Neem uw casus mee.",
         "voorbereiding: |\n" + "".join(f"  {line}\n" if line else "\n" for line in PREPARATION.split("\n"))),
        ("rondes/ronde-9.md", "titel: Ronde negen", f"titel: '{ROUND_TITLE}'"),
    ]:
        path = content / file
        assert old in path.read_text(encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    built = build(content, tmp_path / "output", now=REGISTRATION_OPEN)
    assert built.returncode == 0, built.stderr
    output = built.output

    for path in output.rglob("*"):  # every machine file parses
        if path.suffix in (".ics", ".atom", ".json", ".xml") and "beheer" not in path.parts:
            read_back(path.name, path.read_bytes())
    session = Calendar.from_ical((output / "sessies/gewoon/agenda.ics").read_bytes())
    event = next(component for component in session.walk("VEVENT"))
    assert (str(event["SUMMARY"]), ical_text(session["X-WR-CALNAME"].to_ical().decode())) == (TITLE, TITLE)
    assert str(event["DESCRIPTION"]).startswith(SUMMARY + "\n\nAanmelden: ")
    round_calendar = Calendar.from_ical((output / "programma/ronde-9/agenda.ics").read_bytes())
    assert ical_text(round_calendar["X-WR-CALNAME"].to_ical().decode()) == f"Werkplaatsen wijkgericht werken: {ROUND_TITLE}"
    assert TITLE in [entry.title for entry in feedparser.parse(output / "feeds/programma.atom").entries]
    atom = etree.parse(str(output / "feeds/programma.atom")).getroot()
    assert any((element.text or "").endswith(f". {SUMMARY}") for element in atom.iter("{http://www.w3.org/2005/Atom}summary"))

    page = BeautifulSoup((output / "sessies/gewoon/index.html").read_bytes(), "html.parser")
    other = BeautifulSoup((output / "sessies/vol/index.html").read_bytes(), "html.parser")
    assert len(page.find_all("script")) == len(other.find_all("script")), "no text ends a script element"
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    event_data = next(node for node in graph if node["@type"] == "Event")
    assert (event_data["name"], event_data["description"], event_data["superEvent"]["name"]) == \
        (TITLE, SUMMARY, ROUND_TITLE)
    preparation = page.find(id="voorbereiding-kop").find_next("div")
    assert [p.get_text() for p in preparation.find_all("p")] == ["Eerste alinea.", "Tweede alinea, met een\tTab."]
