"""Set-up fixtures: the Makefile run in a scratch copy of the set-up files, so a test never touches the
clone's own .venv/ and node_modules/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from werkplaatsen.system.places import ROOT

# What the Makefile's set-up reads; the rest of the clone is not needed to make .venv/ and node_modules/.
SETUP_FILES = ["Makefile", "pyproject.toml", ".npmrc", "plugins/werkplaatsen/__init__.py",
               "plugins/werkplaatsen/system/__init__.py", "plugins/werkplaatsen/system/programs.py"]


@pytest.fixture
def scratch(tmp_path) -> Path:
    """The Makefile and what its set-up reads, with empty requirements and npm packages (fast to install)."""
    folder = tmp_path / "kloon"
    for name in SETUP_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, folder / name)
    for name in ("requirements.txt", "requirements-test.txt", "constraints.txt"):
        (folder / name).write_text("", encoding="utf-8")
    (folder / "package.json").write_text('{"name": "kloon", "version": "1.0.0", "private": true}\n', encoding="utf-8")
    (folder / "package-lock.json").write_text(
        '{"name": "kloon", "version": "1.0.0", "lockfileVersion": 3, "requires": true,'
        ' "packages": {"": {"name": "kloon", "version": "1.0.0"}}}\n', encoding="utf-8")
    return folder


@pytest.fixture
def other_python(tmp_path) -> Path:
    """A second interpreter of this Python at a path of its own (a venv with copies, not links)."""
    folder = tmp_path / "andere-python"
    subprocess.run([sys.executable, "-m", "venv", "--copies", "--without-pip", str(folder)], check=True)
    return folder / "bin" / "python3"


@pytest.fixture
def ready_venv(scratch) -> Path:
    """A scratch copy whose .venv/ counts as installed: its python is this one, its stamp newer than the pins."""
    venv = scratch / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    (venv / ".installed").write_text(os.path.realpath(sys.executable) + "\n", encoding="utf-8")
    return scratch
