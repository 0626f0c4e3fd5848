"""`python -m werkplaatsen.build`: build the site and switch it live in one atomic step.

``output`` is a symbolic link to a finished build in ``output.builds/``. A build

1. takes a lock (``output.lock``), so two builds never share a folder; a second build stops
   with a Dutch message instead of waiting or clobbering;
2. writes into a folder of its own in ``output.builds/``;
3. on success, points ``output`` at it by renaming a new link over the old one (one atomic
   rename: at every moment ``output`` is the old site or the new one, never missing or half);
4. removes older builds, and the leftovers of a build that was killed half-way.

On failure the last good site stays exactly as it was. Every failure says so, in Dutch.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import sys
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

from pelican import Pelican
from pelican.log import console
from pelican.log import init as init_logging
from pelican.settings import read_settings

from ..model.errors import ContentErrors

LINK_PREFIX = ".link-"


class BuildFailed(Exception):
    """A build that stopped; the message is Dutch and says what to do."""


@contextmanager
def locked(output: Path):
    """Hold the build lock of `output`; a lock left by a killed process is released by the OS."""
    lock_path = output.with_name(output.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildFailed(f"Er loopt al een build naar {output.name}/. Wacht tot die klaar is en probeer "
                              "het dan opnieuw. De vorige versie van de site blijft staan.") from None
        yield


def builds_folder(output: Path) -> Path:
    return output.with_name(output.name + ".builds")


def build(settings_file: str, content: Path, output: Path) -> Path:
    """Build into a fresh folder and switch `output` to it; return that folder."""
    output = output.absolute()
    builds = builds_folder(output)
    with locked(output):
        builds.mkdir(exist_ok=True)  # its parent exists: locked() made it
        fresh = builds / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        fresh.mkdir()
        try:
            run_pelican(settings_file, content, fresh)
        except BaseException:
            _remove(fresh, "de half gebouwde site", "De vorige versie van de site blijft staan.")
            raise
        point_output(output, fresh)
        for old in sorted(builds.iterdir()):
            if old.name != fresh.name:
                _remove(old, "een oude build", f"De nieuwe site staat wel klaar in {output.name}/.")
    return fresh


def run_pelican(settings_file: str, content: Path, target: Path) -> None:
    settings = read_settings(settings_file, override={"PATH": str(content.absolute()), "OUTPUT_PATH": str(target)})
    Pelican(settings).run()


def point_output(output: Path, target: Path) -> None:
    """Point `output` at `target` with one rename of a new link over the old one."""
    link = target.with_name(LINK_PREFIX + target.name)
    if link.is_symlink():
        link.unlink()
    link.symlink_to(os.path.relpath(target, output.parent))
    if output.is_dir() and not output.is_symlink():
        # A plain folder (an older layout, or made by hand) cannot be renamed over: move it aside
        # first; it is removed with the other old builds.
        output.rename(target.with_name(f"oud-{target.name}"))
    os.replace(link, output)


def _remove(path: Path, what: str, consequence: str) -> None:
    try:
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.exists():
            shutil.rmtree(path)
    except OSError as error:
        raise BuildFailed(f"Kon {what} ({path}) niet opruimen: {error.strerror}. Ruim die map zelf op "
                          f"(controleer de rechten) en probeer het opnieuw. {consequence}") from None


def quiet_pelican_logging() -> None:
    """Warnings stop the run (the root logger shows warnings and up); Pelican's own summary, which
    counts articles this site does not use, stays quiet."""
    init_logging(fatal="warnings")
    console.quiet = True


def print_code_fault(what: str, consequence: str) -> None:
    """A bug in code or templates, not in the content: the traceback, then what it means, in Dutch."""
    traceback.print_exc()
    print(f"\n{what} is mislukt door een fout in de code of de vormgeving (zie hierboven), niet door de inhoud. "
          f"{consequence}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content", type=Path)
    parser.add_argument("--output", default="output", type=Path)
    args = parser.parse_args(argv)
    quiet_pelican_logging()
    try:
        build(args.settings, args.content, args.output)
    except ContentErrors as problems:
        print(problems.report("De site is niet bijgewerkt; de vorige versie blijft staan."), file=sys.stderr)
        return 1
    except BuildFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    except Exception:  # a bug in code or templates, not in the content
        print_code_fault("De build", "De vorige versie van de site blijft staan.")
        return 1
    print(f"De site staat klaar in {args.output}/.")
    return 0
