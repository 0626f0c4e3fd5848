"""Every pin installs on the oldest Python the project supports (pyproject.toml's requires-python: Debian 12's).

With an interpreter of exactly that version on this machine (Debian 12's /usr/bin/python3 is 3.11.2), a
venv is made with it, every requirement installed and the unit tests run on it; without one, pip
checks every pin's metadata (Requires-Python, and a wheel or source for that version) against it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from werkplaatsen.system.places import ROOT

REQUIREMENTS = ["-r", str(ROOT / "requirements.txt"), "-r", str(ROOT / "requirements-test.txt"),
                "-c", str(ROOT / "constraints.txt")]


def oldest_supported() -> tuple[int, ...]:
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    return tuple(int(part) for part in re.fullmatch(r">=(\d+\.\d+\.\d+)", requires).group(1).split("."))


def pins() -> dict[str, str]:
    """constraints.txt: every package, direct and transitive, with its exact version."""
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("==") for line in lines if line and not line.startswith("#"))


def python_of_version(version: tuple[int, ...]) -> str | None:
    """An interpreter of exactly `version` with its venv module: on PATH or in /usr/bin (Debian's own)."""
    names = ["python3", f"python{version[0]}.{version[1]}"]
    folders = [*os.environ.get("PATH", "").split(os.pathsep), "/usr/bin", "/usr/local/bin"]
    for candidate in dict.fromkeys(str(Path(folder) / name) for folder in folders if folder for name in names):
        if not os.access(candidate, os.X_OK):
            continue
        answer = subprocess.run([candidate, "-c", "import ensurepip, sys; print(*sys.version_info[:3])"],
                                capture_output=True, text=True, check=False)
        if answer.returncode == 0 and tuple(map(int, answer.stdout.split())) == version:
            return candidate
    return None


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_pin_installs_on_the_oldest_supported_python(tmp_path):
    version = oldest_supported()
    python = python_of_version(version)
    if python is None:
        pinned = [f"{name}=={pin}" for name, pin in pins().items()]
        assert metadata_problems(version, pinned, tmp_path) == ""
        return
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    result = subprocess.run([venv / "bin" / "pip", "install", "-qq", "--disable-pip-version-check", *REQUIREMENTS],
                            capture_output=True, text=True, check=False, timeout=1200)
    assert result.returncode == 0, f"pip on Python {'.'.join(map(str, version))} ({python}):\n{result.stderr}"
    frozen = subprocess.run([venv / "bin" / "pip", "list", "--format=freeze", "--exclude", "pip", "--exclude",
                             "setuptools"], capture_output=True, text=True, check=True).stdout
    installed = {normalized(name): pin for name, pin in (line.split("==") for line in frozen.split())}
    assert installed == {normalized(name): pin for name, pin in pins().items()}
    # Installed is not yet working (soupsieve 3.0.1 installs on 3.11.2 but cannot parse "a.b" there): the
    # unit tests run on it too.
    unit = subprocess.run([venv / "bin" / "python", "-m", "pytest", "-q", "-n", "2", "tests/unit"], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=1200,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert unit.returncode == 0, f"the unit tests on Python {'.'.join(map(str, version))}:\n{unit.stdout[-3000:]}"


def metadata_problems(version: tuple[int, ...], requirements: list[str], folder: Path) -> str:
    """pip's own check of exact pins against `version` without that Python (Requires-Python, files for it):
    its errors, or "" when every pin has a release for it."""
    listed = folder / "pins.txt"
    listed.write_text("".join(f"{line}\n" for line in requirements), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-deps", "-qq",
         "--disable-pip-version-check", "--target", str(folder / "target"), "--python-version",
         ".".join(map(str, version)), "-r", str(listed)], capture_output=True, text=True, check=False, timeout=1200)
    return result.stderr if result.returncode else ""


def test_the_metadata_check_refuses_a_pin_that_needs_a_newer_python(tmp_path):
    """The fallback above works: soupsieve 4.1.3 needs Python 3.11.5, 2.10 runs on 3.11.2."""
    assert "soupsieve==4.1.3" in metadata_problems((3, 11, 2), ["soupsieve==4.1.3"], tmp_path)
    assert metadata_problems((3, 11, 2), ["soupsieve==2.10"], tmp_path) == ""
