"""Project tasks (invoke). The Makefile installs the tools, then calls these tasks.

`html` and `publish` build into a folder of their own and switch `output/` to it only when the
build succeeded (see plugins/werkplaatsen/build.py); the preview (`serve`) builds into its own
folder, `.preview/`, and never touches `output/`.
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


def _module(module: str, *arguments: str, env: dict | None = None) -> None:
    """Run `python -m werkplaatsen.<module>` with the arguments as a list (no shell), stop on failure."""
    environment = {**os.environ, "PYTHONPATH": str(PLUGINS), **(env or {})}
    result = subprocess.run([sys.executable, "-m", f"werkplaatsen.{module}", *arguments], cwd=ROOT, env=environment)
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
    _module("check", "pelicanconf.py")


@task
def nieuw(c, type, titel, content=CONTENT):
    """Write a new content file of a type with all its fields: invoke nieuw --type sessie --titel '...'."""
    _module("editor", "nieuw", type, titel, content)


@task
def docs(c):
    """Regenerate the editor guide, the JSON Schemas and the editor wiring from the content model, and
    hosting/nginx.conf from hosting/_headers."""
    _module("editor", "docs")
    _module("nginx")


@task
def serve(c, port=PORT):
    """Build, then serve the preview at http://localhost:8000 and rebuild on every save."""
    _module("preview", "--port", str(port))


@task
def hosting(c, port="8080", site=OUTPUT):
    """Serve output/ (or another built site) with nginx and the production settings on 127.0.0.1 (stop: Ctrl+C)."""
    _module("hosting", f"--port={port}", f"--root={site}")


@task
def deploy(c, target, force=""):
    """Upload output/ as a new release to a folder or user@host:path and make it live (see README)."""
    _module("deploy", "deploy", f"--target={target}", f"--force={force}")


@task
def rollback(c, target):
    """Make the release before the live one live again."""
    _module("deploy", "rollback", f"--target={target}")


@task
def bench(c):
    """Print build and check times and page sizes (real content and 1,000 generated items)."""
    subprocess.run([sys.executable, "-m", "bench.run"], cwd=ROOT, check=True)


@task
def test(c, browser=True):
    """Run the whole test suite (unit, build and browser tests)."""
    args = ["-n", "2"] if browser else ["-n", "2", "-m", "not browser"]
    result = subprocess.run([sys.executable, "-m", "pytest", *args], cwd=ROOT,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    raise SystemExit(result.returncode)
