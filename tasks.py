"""Project tasks (invoke). The Makefile installs the tools, then calls these tasks.

Builds never touch the live output folder until they have succeeded: a failed build leaves the
last good site exactly as it was.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
OUTPUT = ROOT / "output"
PELICAN = f"{sys.executable} -m pelican"
CONTENT = "content"
PORT = 8000


def _pelican(c, settings: str, content: str, output: Path, extra: str = "--fatal warnings"):
    command = f"{PELICAN} {content} -s {settings} -o {output} {extra}"
    return c.run(command, pty=False, warn=True)


def build_into(c, settings: str, content: str = CONTENT, output: Path = OUTPUT):
    """Build into a fresh sibling folder, then swap it in; on failure the old output stays."""
    output = Path(output)
    fresh = output.with_name(output.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    result = _pelican(c, settings, content, fresh)
    if not result.ok:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SystemExit(result.exited or 1)
    previous = output.with_name(output.name + ".old")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    fresh.rename(output)
    shutil.rmtree(previous, ignore_errors=True)


@task
def html(c, content=CONTENT, output=str(OUTPUT)):
    """Build the site into output/ with the local settings (drafts and examples shown)."""
    build_into(c, "pelicanconf.py", content, output)


@task
def publish(c, content=CONTENT, output=str(OUTPUT)):
    """Build the site for production into output/ (no drafts; examples refused)."""
    build_into(c, "publishconf.py", content, output)


@task
def check(c):
    """Check all content without building: every problem at once, in Dutch."""
    c.run(f"{sys.executable} -m werkplaatsen.check pelicanconf.py", env={"PYTHONPATH": str(ROOT / "plugins")})


def _editor(c, arguments: str):
    c.run(f"{sys.executable} -m werkplaatsen.editor {arguments}", env={"PYTHONPATH": str(ROOT / "plugins")})


@task
def nieuw(c, type, titel):
    """Write a new content file of a type with all its fields: invoke nieuw --type sessie --titel '...'."""
    _editor(c, f"nieuw {shlex.quote(type)} {shlex.quote(titel)}")


@task
def docs(c):
    """Regenerate the editor guide, the JSON Schemas and the editor wiring from the content model."""
    _editor(c, "docs")


@task(pre=[html])
def serve(c, port=PORT):
    """Build, then serve at http://localhost:8000 and rebuild on every save."""
    print(f"De site draait op http://localhost:{port}/ (stoppen: Ctrl+C)")
    _pelican(c, "pelicanconf.py", CONTENT, OUTPUT, extra=f"--autoreload --listen --port {port} --bind 127.0.0.1 -e WERKPLAATSEN_PREVIEW=true")


@task
def bench(c):
    """Print build and check times and page sizes (real content and 1,000 generated items)."""
    c.run(f"{sys.executable} -m bench.run", pty=False)


@task
def test(c, browser=True):
    """Run the whole test suite (unit, build and browser tests)."""
    args = "-n 2" if browser else "-n 2 -m 'not browser'"
    c.run(f"{sys.executable} -m pytest {args}", pty=False, env={"PYTHONDONTWRITEBYTECODE": "1"})
