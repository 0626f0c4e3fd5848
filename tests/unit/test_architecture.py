"""The stages of plugins/werkplaatsen keep their order (pyproject.toml, [tool.importlinter]).

import-linter reads the imports without running the code; each test runs it in a process of its
own, on the real package or on a copy with one import added, as `lint-imports` would.

The tests keep a layout of their own, read with `ast`: no test module imports another (shared
helpers live in tests/support.py and the area support modules), and no test patches a private name.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from werkplaatsen.system.places import ROOT

PLUGINS = ROOT / "plugins"
LINT = ("import sys; from importlinter.cli import lint_imports; "
        f"sys.exit(lint_imports(config_filename={str(ROOT / 'pyproject.toml')!r}, no_cache=True, no_logo=True))")


def lint(plugins: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugins), str(ROOT)]), "COLUMNS": "250"}  # no wrapped lines
    return subprocess.run([sys.executable, "-c", LINT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def copy_with(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package with one line added at the end of `module` (a path inside it)."""
    shutil.copytree(PLUGINS / "werkplaatsen", tmp_path / "werkplaatsen", ignore=shutil.ignore_patterns("__pycache__"))
    with (tmp_path / "werkplaatsen" / module).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{line}\n")
    return tmp_path


def test_the_stages_import_only_downward_and_no_private_names_of_each_other():
    result = lint(PLUGINS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_lower_stage_that_imports_a_higher_one_breaks_the_layers(tmp_path):
    result = lint(copy_with(tmp_path, "model/errors.py", "from ..build import check"))
    assert result.returncode == 1
    assert "Each stage imports only the stages below it BROKEN" in result.stdout
    assert "werkplaatsen.model.errors -> werkplaatsen.build.check" in result.stdout


def test_a_stage_that_imports_a_private_name_of_another_breaks_the_contract(tmp_path):
    result = lint(copy_with(tmp_path, "reading/uploads.py", "from ..model.filetypes import _text"))
    assert result.returncode == 1
    assert "No stage imports another stage's private names BROKEN" in result.stdout
    assert "werkplaatsen.reading.uploads (line" in result.stdout
    assert "imports _text from werkplaatsen.model.filetypes" in result.stdout


def test_a_private_name_shared_within_a_stage_is_allowed(tmp_path):
    result = lint(copy_with(tmp_path, "model/fields.py", "from .filetypes import _text"))
    assert result.returncode == 0, result.stdout + result.stderr


def imported_test_modules(source: str) -> list[str]:
    """The `tests.…test_*` modules a test file imports: a test module is a list of tests, not a library."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                 else [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        found += [name for name in names
                  if name.split(".")[0] == "tests" and name.split(".")[-1].startswith("test_")]
    return found


def in_test_files(scan) -> dict[str, list[str]]:
    """What `scan` finds in the source of each file under tests/, for the files where it finds something."""
    return {str(path.relative_to(ROOT)): found for path in sorted((ROOT / "tests").rglob("*.py"))
            if (found := scan(path.read_text(encoding="utf-8")))}


def test_no_test_module_imports_another_shared_helpers_live_in_support_modules():
    assert in_test_files(imported_test_modules) == {}


def test_an_import_from_a_test_module_is_found_wherever_it_is_written():
    source = ("import tests.build.test_news\n"
              "def helper():\n    from tests.browser.test_gates_catch_breakage import tiny_png\n"
              "from tests.support import write\nfrom tests.build.conftest import FIXTURE_CONTENT\n")
    assert imported_test_modules(source) == ["tests.build.test_news", "tests.browser.test_gates_catch_breakage"]


def patched_private_names(source: str) -> list[str]:
    """The private names a test replaces with `…setattr(owner, "_name", …)` (monkeypatch or MonkeyPatch)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setattr"
                and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str) and node.args[1].value.startswith("_")
                and not node.args[1].value.startswith("__")):
            found.append(f"{ast.unparse(node.args[0])}.{node.args[1].value}")
    return found


def test_no_test_patches_a_private_name():
    assert in_test_files(patched_private_names) == {}


def test_a_patched_private_name_is_found():
    source = ('def test(monkeypatch):\n    monkeypatch.setattr(feeds, "_atom", None)\n'
              '    monkeypatch.setattr(feeds, "entry_id", None)\n    monkeypatch.setattr(os, "__doc__", "")\n'
              'with pytest.MonkeyPatch.context() as patch:\n    patch.setattr(catalog.Catalog, "_read", None)\n')
    assert patched_private_names(source) == ["feeds._atom", "catalog.Catalog._read"]


def class_names(source: str) -> list[str]:
    return [node.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ClassDef)]


def test_no_two_classes_of_the_product_or_the_bench_share_a_name():
    """Two classes named the same (two `Lesson`s, two `Shown`s) make every reader open both to know which is meant."""
    where: dict[str, list[str]] = {}
    for path in sorted([*(ROOT / "plugins").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]):
        for name in class_names(path.read_text(encoding="utf-8")):
            where.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}
