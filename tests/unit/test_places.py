"""The build and the tools read the same files: each location, the time zone, the media types and
the site's own URLs are written once.

The build, the preview and the editor's generated files read the vocabulary and the headers file
from the settings; `make nieuw` and the nginx configuration read the module defaults. Both
come from system/places.py (the time zone from model/fields.py, file types and the downloads'
folder from model/filetypes.py, URLs from model/routes.py), and these tests fail when a setting or
a copy of the fact appears anywhere else in the package, the settings, bench/ or tasks.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from werkplaatsen.build.problems import JSON_URL
from werkplaatsen.hosting.headers import HEADERS_FILE
from werkplaatsen.model import routes
from werkplaatsen.model.fields import TIMEZONE
from werkplaatsen.model.filetypes import FILES_PATH, IMAGES, MEDIA_TYPES
from werkplaatsen.model.vocabulary import VOCABULARY_FILE
from werkplaatsen.system import places
from werkplaatsen.system.places import ROOT

PACKAGE = ROOT / "plugins" / "werkplaatsen"


@pytest.mark.parametrize("settings_file", ["pelicanconf.py", "publishconf.py"])
def test_the_builds_settings_name_the_files_the_tools_read(settings_file, monkeypatch):
    monkeypatch.chdir(ROOT)  # publishconf.py imports pelicanconf.py from the working folder, as make does
    settings = read_settings(str(ROOT / settings_file))
    root = Path(settings["WERKPLAATSEN_ROOT"])
    assert root == ROOT == Path(__file__).resolve().parents[2]
    assert root / settings["WERKPLAATSEN_VOCABULARY"] == VOCABULARY_FILE and VOCABULARY_FILE.is_file()
    assert root / settings["WERKPLAATSEN_HEADERS_FILE"] == HEADERS_FILE and HEADERS_FILE.is_file()
    assert ZoneInfo(settings["TIMEZONE"]) == TIMEZONE


def _sources() -> list[Path]:
    return [*sorted(PACKAGE.rglob("*.py")), ROOT / "pelicanconf.py", ROOT / "publishconf.py",
            *sorted((ROOT / "bench").glob("*.py")), ROOT / "tasks.py"]


def _home(module) -> str:
    return Path(module.__file__).relative_to(ROOT).as_posix()


def _strings(path: Path) -> list[str]:
    """The string constants of a module, docstrings left out (they may name a file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


FACTS = {
    # A path to it (a workspace's copy may be called vocabulary.yaml; see also the test below).
    "the vocabulary file": (lambda text: text.endswith("/vocabulary.yaml"), places.__file__),
    "the headers file": (lambda text: text.endswith("/_headers"), places.__file__),
    "the headers file's name in the site": (lambda text: text == "_headers", PACKAGE / "outputs" / "sitefiles.py"),
    "the time zone": (lambda text: text.startswith("Europe/"), PACKAGE / "model" / "fields.py"),
    "a media type of the file types": (lambda text: text.split(";")[0] in MEDIA_TYPES.values(),
                                       PACKAGE / "model" / "filetypes.py"),
}


@pytest.mark.parametrize("fact", FACTS)
def test_each_fact_is_written_in_one_module(fact):
    matches, home = FACTS[fact]
    found = {path.relative_to(ROOT).as_posix() for path in _sources() for text in _strings(path) if matches(text)}
    assert found == {Path(home).relative_to(ROOT).as_posix()}


def test_no_module_spells_the_packages_path():
    """ROOT / "plugins" / "werkplaatsen" / "model" / "vocabulary.yaml": ask places (or the module) instead."""
    spelled = re.compile(r"""["']werkplaatsen["']\s*/""")
    assert [path.relative_to(ROOT).as_posix() for path in _sources() if spelled.search(path.read_text(encoding="utf-8"))] == []


# The site's own files and folders, each written in the routes (the downloads' folder in filetypes).
SITE_URLS = (routes.NOT_FOUND_URL, routes.SITEMAP_URL, routes.ROBOTS_URL, routes.FEEDS_URL, routes.FILES_URL, FILES_PATH,
             routes.ASSETS_URL, routes.SEARCH_INDEX_URL, JSON_URL)


@pytest.mark.parametrize("url", SITE_URLS)
def test_the_sites_own_urls_are_written_only_where_they_are_defined(url):
    """Written with or without its leading slash ("robots.txt", "404.html" as a file name)."""
    found = {path.relative_to(ROOT).as_posix() for path in _sources() for text in _strings(path)
             if url in text or text == url.lstrip("/")}
    assert found <= {_home(routes)}, url


def test_no_message_lists_the_image_types_by_hand():
    """"png, jpg of webp" comes from filetypes.image_names."""
    found = [f"{path.relative_to(ROOT)}: {text!r}" for path in _sources() for text in _strings(path)
             if len({kind for kind in IMAGES if re.search(rf"\b{kind}\b", text, re.IGNORECASE)}) > 1]
    assert found == []


def test_only_places_computes_the_project_root():
    """tasks.py locates itself too: it must find plugins/ before it can import places."""
    computed = re.compile(r"__file__\)[.\w()]*\.parents?\b|dirname\([^)]*__file__")
    found = {(path.relative_to(ROOT).as_posix(), line.split("#")[0].strip()) for path in _sources()
             for line in path.read_text(encoding="utf-8").splitlines() if computed.search(line)}
    assert found == {("plugins/werkplaatsen/system/places.py", "ROOT = Path(__file__).resolve().parents[3]"),
                     ("tasks.py", "ROOT = Path(__file__).parent")}


def test_the_menus_take_their_urls_from_the_routes():
    """pelicanconf.py writes no URL of its own: MENU and FOOTER_LINKS ask the routes and content types."""
    assert [text for text in _strings(ROOT / "pelicanconf.py") if text.startswith("/")] == []


def test_the_templates_take_their_urls_from_the_routes():
    """No template writes a site URL: links ask `routes`, the content types or the pages' own URLs."""
    written = re.compile(r'''\b(?:href|action|src)=["']/''')
    found = [f"{path.relative_to(ROOT)}:{number}" for path in sorted((ROOT / "theme" / "templates").rglob("*.html"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if written.search(line)]
    assert found == []
