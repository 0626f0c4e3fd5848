"""`python -m werkplaatsen.hosting.deploy deploy|rollback --target=TARGET`: put a build live, or the one before it.

A target is a local folder or ``user@host:path``, and holds

    releases/<build time>-<commit>/   one folder per deploy; the newest five are kept
    current -> releases/...           the live release: the web server's root is TARGET/current

A deploy refuses a build that is not a production build of committed content (unless forced),
uploads output/ with rsync into a new release (files equal to the live release's become hard links
to them: fast and small) together with the gzip and brotli copies nginx sends (``precompress``:
only files that changed since the live release are compressed, the others get the live release's
copies as hard links), and only then moves `current`, by renaming a new symlink over it: at every
moment `current` is the old release or the new one, never missing or half. A rollback points
`current` at the release before it. Both hold a lock folder on the target, so two never interleave.
A remote target runs the very same shell commands over ssh that a local one runs with sh, so the
tests of local targets exercise them.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ..outputs.sitefiles import BUILD_INFO
from . import precompress

KEEP = 5
RELEASES = "releases"
CURRENT = "current"
LOCK = ".deploy-bezig"
PARTIAL = ".partial-"
REUSED = ".compressed-reused"  # the copies a release takes from the live one; removed once they are linked
LOCKED = 75  # the exit code of the lock command when another deploy or rollback holds the lock
RELEASE_NAME = re.compile(r"(\d{8}T\d{4}Z-[0-9a-z]+)(?:-(\d+))?")


class DeployFailed(Exception):
    """A deploy or rollback that stopped; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class DeployTarget:
    """Where releases live: a folder on this computer (host None) or `path` on `host` over ssh."""

    host: str | None
    path: str

    @classmethod
    def parse(cls, text: str) -> DeployTarget:
        """rsync's rule: a colon before the first slash makes ``host:path``; anything else is a folder here."""
        head, colon, tail = text.partition(":")
        if colon and "/" not in head:
            if not head or head.startswith("-") or not tail:
                raise DeployFailed(f"TARGET={text} is geen geldig doel. Schrijf gebruiker@server:pad, bijvoorbeeld "
                                   "TARGET=deploy@web.example.nl:/srv/werkplaatsen.")
            return cls(head, tail.removeprefix("~/") or ".")  # ssh and rsync start in the home folder
        if not text:
            raise DeployFailed("Geef een doel op: TARGET=/pad/naar/map of TARGET=gebruiker@server:pad.")
        return cls(None, str(Path(text).absolute()))

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path

    def shell(self, *commands: str, create: bool = False) -> list[str]:
        """A command line that runs `commands` in the target folder, one after the other, stopping at a failure."""
        folder = shlex.quote(self.path)
        script = " && ".join([*([f"mkdir -p -- {folder}"] if create else []), f"cd -- {folder}", *commands])
        return ["sh", "-c", script] if self.host is None else ["ssh", "--", self.host, f"sh -c {shlex.quote(script)}"]

    def rsync_path(self, relative: str) -> str:
        return f"{self.host}:{self.path}/{relative}" if self.host else f"{self.path}/{relative}"


# The commands, one function each, so that tests read exactly what runs on a server. Every name in
# them is a release name (RELEASE_NAME), a constant above or quoted: nothing a shell would expand.

def lock_and_list(target: DeployTarget, create: bool) -> list[str]:
    """Take the lock (mkdir is atomic), then print where `current` points (or an empty line) and the releases."""
    return target.shell(f"mkdir -p {RELEASES}", f"{{ mkdir {LOCK} 2>/dev/null || exit {LOCKED}; }}",
                        f"{{ readlink {CURRENT} || echo; }}", f"ls -1A {RELEASES}", create=create)


def read_manifest(target: DeployTarget, live: str) -> list[str]:
    """Print the live release's list of compressed files and their hashes (or nothing when it has none)."""
    return target.shell(f"{{ cat {RELEASES}/{live}/{precompress.MANIFEST} 2>/dev/null || true; }}")


def upload(source: Path, copies: Path, target: DeployTarget, name: str, live: str | None) -> list[str]:
    """rsync output/ and the new compressed copies into a hidden folder; equal files become hard links
    to the live release.

    Builds rewrite every file, so files are compared by content (--checksum) and times are not kept.
    Every folder and file is made readable for the web server, whatever the umask the build ran under.
    """
    link = [f"--link-dest=../{live}"] if live else []  # relative to the folder rsync writes into
    return ["rsync", "--recursive", "--links", "--perms", "--chmod=Dgo+rx,Fgo+r", "--checksum", "--delete", *link,
            f"{source}/", f"{copies}/", target.rsync_path(f"{RELEASES}/{PARTIAL}{name}/")]


def link_copies(target: DeployTarget, name: str, live: str) -> list[str]:
    """Hard-link the live release's copies listed in REUSED (NUL-separated) into the new release.

    One cp per batch of files (xargs), not one process per file: an unchanged site has thousands.
    """
    new = f"../{PARTIAL}{name}"
    return target.shell(f"cd -- {RELEASES}/{live}", f"xargs -0 -r cp -l -f --parents -t {new} -- < {new}/{REUSED}",
                        f"rm -- {new}/{REUSED}")


def point_current(target: DeployTarget, name: str, uploaded: bool) -> list[str]:
    """Point `current` at a release: a new symlink under a temporary name, renamed over `current`."""
    steps = [f"mv -- {RELEASES}/{PARTIAL}{name} {RELEASES}/{name}"] if uploaded else []
    steps += [f"ln -sfn -- {RELEASES}/{name} .{CURRENT}-{name}", f"mv -T -- .{CURRENT}-{name} {CURRENT}"]
    return target.shell(*steps)


def remove(target: DeployTarget, names: list[str]) -> list[str]:
    return target.shell("rm -rf -- " + " ".join(shlex.quote(f"{RELEASES}/{name}") for name in names))


def unlock(target: DeployTarget) -> list[str]:
    return target.shell(f"rmdir -- {LOCK}")


# What to do, decided here rather than on the server.

def read_build(output: Path) -> dict:
    """The build's own account of itself (_build.json); a missing or unreadable one stops the deploy."""
    info_file = output / BUILD_INFO
    if not output.is_dir():
        raise DeployFailed(f"Er is geen gebouwde site in {output}/. Maak die eerst met make publish.")
    if not info_file.is_file():
        raise DeployFailed(f"{info_file} ontbreekt, dus is niet na te gaan wat er gebouwd is. Maak de site opnieuw "
                           "met make publish.")
    try:
        info = json.loads(info_file.read_text(encoding="utf-8"))
        datetime.fromisoformat(info["built_at"])
    except (ValueError, KeyError, TypeError):
        raise DeployFailed(f"{info_file} is onleesbaar. Maak de site opnieuw met make publish.") from None
    return info


def refusals(info: dict) -> list[str]:
    reasons = []
    if info.get("production") is not True:
        reasons.append("dit is geen productiebuild (maar een van make html of make serve): maak de site met "
                       "make publish")
    if info.get("content_committed") is not True:
        reasons.append("de inhoud had wijzigingen die niet in git vastgelegd waren: leg ze vast (git commit) en "
                       "maak de site opnieuw met make publish")
    return reasons


def release_name(info: dict, taken: set[str]) -> str:
    """<build time in UTC>-<commit>: sorts by build time and is safe in any file name."""
    built = datetime.fromisoformat(info["built_at"]).astimezone(timezone.utc).strftime("%Y%m%dT%H%MZ")
    base = f"{built}-{re.sub(r'[^0-9a-z]', '', str(info.get('commit') or '').lower())[:12] or 'nocommit'}"
    name, number = base, 1
    while name in taken:  # the same build deployed again: a release of its own all the same
        number += 1
        name = f"{base}-{number}"
    return name


def release_order(name: str) -> tuple[str, int]:
    """Build time and commit, then the number of the deploy of that build: name-10 comes after name-2."""
    match = RELEASE_NAME.fullmatch(name)
    return match[1], int(match[2] or 1)


def releases_to_remove(entries: list[str], live: str) -> list[str]:
    """All but the newest KEEP releases and the live one, and what uploads that were cut off left behind."""
    releases = sorted((entry for entry in entries if RELEASE_NAME.fullmatch(entry)), key=release_order)
    keep = set(releases[-KEEP:]) | {live}
    leftovers = [entry for entry in entries
                 if RELEASE_NAME.fullmatch(entry.removeprefix(PARTIAL)) and entry.startswith(PARTIAL) and entry != PARTIAL + live]
    return [name for name in releases if name not in keep] + leftovers


class CommandFailed(DeployFailed):
    """A command on the target that ended with an error; `code` is its exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


Runner = Callable[[list[str], str], str]


def run(command: list[str], consequence: str) -> str:
    """Run one command and return what it printed; on failure say in Dutch what that means for the site."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise DeployFailed(f"{command[0]} ontbreekt op deze computer. Installeer het (make deploy doet dat met "
                           f"apt) en probeer het opnieuw. {consequence}") from None
    if result.returncode:
        raise CommandFailed(f"{command[0]} meldt een fout: {(result.stderr or result.stdout).strip()}\n{consequence}",
                            result.returncode)
    return result.stdout


class Session:
    """One deploy or rollback on a target: holds its lock from `open` until `close`."""

    def __init__(self, target: DeployTarget, runner: Runner = run):
        self.target = target
        self.run = runner

    def open(self, create: bool) -> tuple[str | None, list[str]]:
        """Lock the target; return the live release (or None) and every entry of releases/."""
        try:
            lines = self.run(lock_and_list(self.target, create), f"Er is niets veranderd. Controleer of {self.target} "
                             "bestaat en of u daar mag schrijven.").splitlines()
        except CommandFailed as failure:
            if failure.code != LOCKED:
                raise
            raise DeployFailed(f"Er loopt al een deploy of rollback naar {self.target} (de map {LOCK} bestaat). "
                               "Loopt er geen? Verwijder die map dan en probeer het opnieuw. Er is niets veranderd."
                               ) from None
        live = Path(lines[0]).name if lines and lines[0].strip() else None
        live = live if live and RELEASE_NAME.fullmatch(live) else None  # current points elsewhere: no release is live
        return live, [line for line in lines[1:] if line]

    def close(self) -> None:
        self.run(unlock(self.target), f"Verwijder de map {LOCK} in {self.target} zelf.")


def deploy(output: Path, target: DeployTarget, force: bool = False, runner: Runner = run) -> str:
    """Upload `output` as a new release and make it live; return what happened, in Dutch.

    `output` is resolved once: the build that is checked is the build that is uploaded, even if a
    new build switches `output` meanwhile.
    """
    output = output.resolve()
    info = read_build(output)
    reasons = refusals(info)
    if reasons and not force:
        raise DeployFailed(f"Niet geplaatst: {'; '.join(reasons)}. Moet deze build toch live? Geef dan FORCE=ja "
                           "mee.")
    session = Session(target, runner)
    live, entries = session.open(create=True)
    try:
        name = release_name(info, set(entries))
        unchanged = f"Er is niets live gezet: current wijst nog naar {live or 'niets'}."
        with tempfile.TemporaryDirectory(prefix="werkplaatsen-copies-") as copies:
            work = compress_changed(output, Path(copies), session, live)
            session.run(upload(output, Path(copies), target, name, live),
                        f"De upload naar {target} is mislukt. {unchanged}")
        if work.reuse:
            session.run(link_copies(target, name, live), f"De gecomprimeerde kopieën uit {live} konden niet "
                        f"worden overgenomen. {unchanged}")
        session.run(point_current(target, name, uploaded=True), unchanged)
        old = releases_to_remove([*entries, name], name)
        if old:
            session.run(remove(target, old), f"{RELEASES}/{name} staat wel live.")
    finally:
        session.close()
    return (f"{RELEASES}/{name} staat live op {target} (daarvoor: {live or 'niets'}). "
            f"Gecomprimeerd: {len(work.compress)} van {len(work.hashes)} tekstbestanden (nieuw of gewijzigd); de andere "
            f"kregen de kopieën van de vorige release. Opgeruimd: {', '.join(old) or 'niets'}.")


def compress_changed(output: Path, copies: Path, session: Session, live: str | None) -> precompress.Plan:
    """Write into `copies` the compressed copies of the files that changed since the live release,
    the new manifest and, when there are any, the list of copies to take from the live release."""
    manifest = precompress.read_manifest(session.run(read_manifest(session.target, live), "Er is niets veranderd.")
                                         ) if live else {}
    work = precompress.plan(output, manifest)
    precompress.write_copies(output, work.compress, copies)
    precompress.write_manifest(copies, work.hashes)
    if work.reuse:
        (copies / REUSED).write_bytes(b"".join(name.encode() + b"\0" for name in work.reused_copies))
    return work


def rollback(target: DeployTarget, runner: Runner = run) -> str:
    """Point `current` at the release before the live one; return what happened, in Dutch."""
    session = Session(target, runner)
    live, entries = session.open(create=False)
    try:
        earlier = sorted((entry for entry in entries if live and RELEASE_NAME.fullmatch(entry)
                          and release_order(entry) < release_order(live)), key=release_order)
        if not earlier:
            raise DeployFailed(f"Er is geen eerdere release op {target} om naar terug te gaan; current blijft "
                               f"{live or 'leeg'}. Plaats een oudere build met make deploy als dat nodig is.")
        session.run(point_current(target, earlier[-1], uploaded=False), f"current wijst nog naar {live}.")
    finally:
        session.close()
    return f"Teruggezet: {RELEASES}/{earlier[-1]} staat live op {target} (was {live})."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["deploy", "rollback"])
    parser.add_argument("--target", default="")
    parser.add_argument("--force", default="", help="ja: also a build that is not production or not committed")
    parser.add_argument("--output", type=Path, default=Path("output"))
    args = parser.parse_args(argv)
    try:
        if args.force not in ("", "ja", "nee"):
            raise DeployFailed(f"FORCE={args.force} begrijp ik niet: gebruik FORCE=ja of laat het weg.")
        target = DeployTarget.parse(args.target)
        if args.action == "deploy":
            print(deploy(args.output, target, force=args.force == "ja"))
        else:
            print(rollback(target))
    except DeployFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
