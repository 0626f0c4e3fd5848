"""Project tasks (invoke). The Makefile installs the tools, then calls these tasks.

`html` and `publish` build into a folder of their own and switch `output/` to it only when the
build succeeded (see plugins/werkplaatsen/build/atomic.py); the preview (`serve`) and the browser
editor (`beheer`) build into folders of their own in `.preview/` and never touch `output/`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
PLUGINS = ROOT / "plugins"
CONTENT = "content"
OUTPUT = "output"
PORT = 8000


def _module(module: str, *arguments: str, env: dict | None = None, replace: bool = False) -> None:
    """Run `python -m werkplaatsen.<module>` with the arguments as a list (no shell), stop on failure.

    `replace`: run it in place of this process, so that Ctrl+C and SIGTERM (also from make) reach a
    server directly and it can stop what it started.
    """
    environment = {**os.environ, "PYTHONPATH": str(PLUGINS), **(env or {})}
    command = [sys.executable, "-m", f"werkplaatsen.{module}", *arguments]
    if replace:
        os.chdir(ROOT)
        os.execve(sys.executable, command, environment)
    result = subprocess.run(command, cwd=ROOT, env=environment)
    if result.returncode:
        raise SystemExit(result.returncode)


@task
def html(c, content=CONTENT, output=OUTPUT):
    """Build the site into output/ with the local settings (drafts and examples shown)."""
    _module("build", "--settings", "pelicanconf.py", "--content", content, "--output", output)


@task
def publish(c, content=CONTENT, output=OUTPUT):
    """Build the site for production into output/ (no drafts; examples refused)."""
    _module("build", "--settings", "publishconf.py", "--content", content, "--output", output)


@task
def check(c):
    """Check all content without building: every problem at once, in Dutch."""
    _module("build.check", "pelicanconf.py")


@task
def taal(c, bestand="", streng="", content=CONTENT):
    """Plain-language (B1) advice on every text, hardest first; `--bestand` one file; `--streng ja` fails
    above thresholds (see werkplaatsen.build.taal)."""
    _module("build.taal", "--content", content, "--bestand", bestand, "--streng", streng)


@task
def nieuw(c, type, titel, content=CONTENT):
    """Write a new content file of a type with all its fields: invoke nieuw --type sessie --titel '...'."""
    _module("editor", "nieuw", type, titel, content)


@task
def docs(c):
    """Regenerate the editor guide, the JSON Schemas and the editor wiring from the content model, and
    hosting/nginx.conf from hosting/_headers."""
    _module("editor", "docs")
    _module("hosting.nginx")


@task
def serve(c, port=PORT):
    """Build, then serve the preview at http://localhost:8000 (or `--port`) and rebuild on every save."""
    _module("build.preview", "--port", str(port), replace=True)


@task
def beheer(c, repo=".", port=PORT):
    """The browser editor at http://localhost:8000/beheer/: the preview and decap-server, each save a commit."""
    _module("editor.local", "--repo", str(Path(repo).resolve()), "--port", str(port), replace=True)


@task
def hosting(c, port="8080", site=OUTPUT):
    """Serve output/ (or another built site) with nginx and the production settings on 127.0.0.1 (stop: Ctrl+C)."""
    _module("hosting.trial", f"--port={port}", f"--root={site}", replace=True)


@task
def deploy(c, target, force=""):
    """Upload output/ as a new release to a folder or user@host:path and make it live (see README)."""
    _module("hosting.deploy", "deploy", f"--target={target}", f"--force={force}")


@task
def rollback(c, target):
    """Make the release before the live one live again."""
    _module("hosting.deploy", "rollback", f"--target={target}")


@task
def bench(c):
    """Time `make publish`'s build against plain Pelican and Hugo + Pagefind, with memory, preview
    latency and page weight; check the targets (see README, "Benchmark")."""
    result = subprocess.run([sys.executable, "-m", "bench.run"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(PLUGINS)})
    if result.returncode:
        raise SystemExit(result.returncode)


# mutmut 3 names each mutant after its file: plugins/werkplaatsen/model/status.py gives
# "plugins.werkplaatsen.model.status", and it only switches a mutant on in a module of that name. The code
# runs as "werkplaatsen.model.status" (plugins/ is the plugin path), so with plain `mutmut run` no mutant
# would ever be switched on. mutmut only drops a leading "src."; this drops a leading "plugins." too.
MUTMUT = """
import sys
from pathlib import Path

import mutmut.__main__ as main
import mutmut.mutation.file_mutation as file_mutation
from mutmut.utils.format_utils import get_mutant_name


def module_name(path, function):
    parts = Path(path).parts
    return get_mutant_name(Path(*parts[1:]) if parts[0] == "plugins" else Path(path), function)


main.get_mutant_name = file_mutation.get_mutant_name = module_name
main.cli(prog_name="mutmut")
"""


@task
def mutate(c, mutants=""):
    """Mutation-test status, markup, catalog and build with mutmut; results stay in mutants/.

    A second run retests only what changed. `--mutants 'werkplaatsen.reading.catalog.*'` retests those;
    `.venv/bin/mutmut show NAME` shows one, `.venv/bin/mutmut browse` all of them.
    """
    result = subprocess.run([sys.executable, "-c", MUTMUT, "run", *mutants.split()], cwd=ROOT)
    if result.returncode:
        raise SystemExit(result.returncode)
    subprocess.run([sys.executable, "-c", MUTMUT_SUMMARY], cwd=ROOT, check=True)


MUTMUT_SUMMARY = r"""
from collections import Counter

from mutmut.mutation.data import SourceFileMutationData
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

columns = ["killed", "survived", "timeout", "no tests", "suspicious", "not checked"]
print(f"{'module':<32}{'mutants':>8}" + "".join(f"{name:>13}" for name in columns))
survivors = []
for path in sorted(walk_mutatable_files()):
    data = SourceFileMutationData(path=path)
    data.load()
    counts = Counter(status_by_exit_code[code] for code in data.exit_code_by_key.values())
    print(f"{str(path):<32}{len(data.exit_code_by_key):>8}" + "".join(f"{counts[name]:>13}" for name in columns))
    survivors += [name for name, code in data.exit_code_by_key.items() if status_by_exit_code[code] != "killed"]
if survivors:
    print("\nNot killed (see them with .venv/bin/mutmut show NAME):")
    print("\n".join(f"  {name}" for name in sorted(survivors)))
"""


# What `make test-basic` runs: the unit and build tests, which need no system packages.
BASIC_TESTS = ["tests/unit", "tests/build"]


@task
def screenshots(c):
    """Write new screenshot baselines where a page type looks different (after an intended layout change)."""
    _pytest("tests/browser/test_screenshots.py", "--update-screenshots")


@task
def test(c, basic=False):
    """Run the tests on both cores: all of them (`make test`, CI), or with `--basic` those of `make test-basic`."""
    _pytest("-n", "2", *(BASIC_TESTS if basic else []))


def _pytest(*arguments: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pytest", *arguments], cwd=ROOT,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    raise SystemExit(result.returncode)
