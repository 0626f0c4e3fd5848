"""The stages of plugins/werkplaatsen keep their order (pyproject.toml, [tool.importlinter]).

import-linter reads the imports without running the code; each test runs it in a process of its
own, on the real package or on a copy with one import added, as `lint-imports` would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

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
