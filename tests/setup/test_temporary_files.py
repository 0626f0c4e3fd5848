"""A test run keeps the system's temporary folder small: nothing of a passing run, only the failed tests'
folders of a failing one, and of those only the last failing run's (pyproject.toml's tmp_path_retention_*)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from werkplaatsen.system.places import ROOT

TESTS = '''
def test_passes(tmp_path):
    (tmp_path / "groot.bin").write_bytes(bytes(1000))

def test_{outcome}(tmp_path):
    (tmp_path / "groot.bin").write_bytes(bytes(1000))
    assert "{outcome}" == "passes_too"
'''


def run(folder: Path, temporary: Path, outcome: str) -> list[str]:
    """pytest with the project's settings on two tests, on two workers as `make test` runs; what it left behind."""
    test_file = folder / "test_tijdelijk.py"
    test_file.write_text(TESTS.format(outcome=outcome), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(folder),
                    "-n", "2", "-q", str(test_file)], cwd=folder, capture_output=True, text=True, check=False,
                   env={**os.environ, "PYTEST_DEBUG_TEMPROOT": str(temporary)}, timeout=120)
    return sorted(str(path.relative_to(temporary)) for path in temporary.rglob("*.bin"))


def test_a_passing_run_leaves_nothing_and_a_failing_run_only_its_failures_until_the_next(tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    assert run(tmp_path, temporary, "passes_too") == []
    first = run(tmp_path, temporary, "fails")
    assert len(first) == 1 and "/test_fails0/" in first[0], first
    second = run(tmp_path, temporary, "fails")
    assert len(second) == 1 and second != first, second
