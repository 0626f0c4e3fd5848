"""The Makefile as a newcomer meets it: `make` explains itself, a Python too old is named in one line, a
.venv/ is made again when it cannot be trusted, installs say one line, and `make distclean` undoes it all."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support import make
from werkplaatsen.system.places import ROOT

DURATION = re.compile(r"\b\d+ (seconde|seconden|minuut|minuten|uur)\b|\bdirect\b|\been uur of langer\b")
INTERNAL = {"system-test", "system-hosting", "system-deploy", "FORCE"}


def help_lines(text: str) -> dict[str, str]:
    return dict(re.findall(r"^  make (\S+) +(.+)$", text, re.M))


def test_make_alone_prints_the_help_with_every_command_what_it_does_and_how_long_it_takes():
    alone, asked = make(ROOT), make(ROOT, "help")
    assert alone.returncode == asked.returncode == 0, alone.stderr
    assert alone.stdout == asked.stdout
    commands = help_lines(alone.stdout)
    phony = re.search(r"^\.PHONY: ((?:.*\\\n)*.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    targets = set(phony.group(1).replace("\\\n", " ").split()) - INTERNAL
    assert set(commands) == targets
    for command, line in commands.items():
        assert DURATION.search(line), f"make {command}: the help does not say how long it takes: {line}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `make ([a-z-]+)", readme, re.M))
    assert table == targets - {"help"}, "the README's command table and make help name different commands"


def test_a_python_too_old_is_named_in_one_line_with_the_version_needed(scratch):
    pyproject = scratch / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('">=3.11.2"', '">=3.99.0"'), encoding="utf-8")
    result = make(scratch, "check", f"PYTHON={sys.executable}")
    version = ".".join(map(str, sys.version_info[:3]))
    assert result.returncode
    assert result.stderr.splitlines()[0] == (
        f"Dit project heeft Python 3.99.0 of nieuwer nodig; {sys.executable} is Python {version}. "
        "Geef een nieuwere op, bijvoorbeeld: make check PYTHON=/usr/bin/python3.12")
    assert not (scratch / ".venv").exists()


def test_a_python_that_is_not_there_is_named(scratch):
    result = make(scratch, "serve", "PYTHON=/nergens/python3")
    assert result.returncode
    assert result.stderr.splitlines()[0] == (
        "Dit project heeft Python 3.11.2 of nieuwer nodig; /nergens/python3 is niet gevonden. "
        "Geef een nieuwere op, bijvoorbeeld: make serve PYTHON=/usr/bin/python3.12")


def venv_python(folder: Path) -> str:
    """The interpreter .venv/ was made with, as recorded when everything was installed."""
    return (folder / ".venv" / ".installed").read_text(encoding="utf-8").strip()


def test_the_venv_is_made_again_when_it_cannot_be_trusted(scratch, other_python):
    # Quietly: one line, though pip installs a package from the index.
    (scratch / "requirements.txt").write_text("six==1.17.0\n", encoding="utf-8")
    first = make(scratch, ".venv/.installed", f"PYTHON={sys.executable}")
    assert first.returncode == 0, first.stderr
    assert (first.stdout, first.stderr) == ("Installeren: de Python-pakketten in .venv/ (eenmalig; dat duurt een "
                                            "paar minuten).\n", "")
    assert venv_python(scratch) == os.path.realpath(sys.executable)
    marker = scratch / ".venv" / "van-de-eerste-keer"
    marker.touch()

    # Up to date: kept, also when PYTHON names the same interpreter by another path.
    assert make(scratch, ".venv/.installed").returncode == 0
    assert make(scratch, ".venv/.installed", f"PYTHON={Path(sys.executable).resolve()}").returncode == 0
    assert marker.exists()

    # PYTHON names another interpreter: made again with it.
    other = make(scratch, ".venv/.installed", f"PYTHON={other_python}")
    assert other.returncode == 0, other.stderr
    assert venv_python(scratch) == str(other_python) and not marker.exists()

    # Its interpreter no longer runs (removed, as a pyenv version can be): made again.
    marker.touch()
    for link in ("python", "python3"):
        (scratch / ".venv" / "bin" / link).unlink()
        (scratch / ".venv" / "bin" / link).symlink_to("/nergens/python3")
    again = make(scratch, ".venv/.installed", f"PYTHON={sys.executable}")
    assert again.returncode == 0, again.stderr
    assert not marker.exists()
    assert subprocess.run([scratch / ".venv" / "bin" / "python", "-c", "import six"]).returncode == 0

    # An install that stopped half-way leaves no stamp: made again, not finished on top.
    marker.touch()
    (scratch / ".venv" / ".installed").unlink()
    assert make(scratch, ".venv/.installed").returncode == 0
    assert not marker.exists() and (scratch / ".venv" / ".installed").exists()


def test_npm_installs_in_one_line(ready_venv):
    result = make(ready_venv, "node_modules/.installed")
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("Installeren: de npm-pakketten in node_modules/ (eenmalig; dat duurt een "
                                              "paar minuten).\n", "")
    assert (ready_venv / "node_modules" / ".installed").exists()


def test_npm_shows_none_of_the_peer_dependency_warnings_of_the_real_packages(tmp_path):
    """The Makefile's own npm command, on the real package-lock.json, as a dry run (nothing downloaded)."""
    recipe = make(ROOT, "-n", "-B", "node_modules/.installed").stdout
    command = next(line for line in recipe.splitlines() if line.startswith("npm ci "))
    for name in ("package.json", "package-lock.json", ".npmrc"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    result = subprocess.run(command.replace("npm ci ", "npm ci --dry-run ", 1), shell=True, cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")


def test_distclean_removes_everything_the_set_up_and_the_builds_made(scratch):
    made = [".venv/bin", "node_modules/x", "output.builds/1", ".preview/site", ".hosting/logs", ".cache/compressed",
            "mutants/x", "test-artifacts/x", "plugins/werkplaatsen/__pycache__"]
    for path in made:
        (scratch / path).mkdir(parents=True)
    (scratch / "output").symlink_to("output.builds/1")
    (scratch / "content").mkdir()
    (scratch / "content" / "sessie.md").write_text("---\n", encoding="utf-8")
    result = make(scratch, "distclean")
    assert result.returncode == 0, result.stderr
    left = sorted(str(path.relative_to(scratch)) for path in scratch.rglob("*"))
    assert left == sorted(["Makefile", "pyproject.toml", ".npmrc", "plugins", "plugins/werkplaatsen",
                           "plugins/werkplaatsen/__init__.py", "plugins/werkplaatsen/system",
                           "plugins/werkplaatsen/system/__init__.py", "plugins/werkplaatsen/system/programs.py",
                           "requirements.txt",
                           "requirements-test.txt", "constraints.txt", "package.json", "package-lock.json", "content",
                           "content/sessie.md"])
