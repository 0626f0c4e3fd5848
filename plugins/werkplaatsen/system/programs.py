"""The operating system's programs some commands need, where they are, and how to get them.

Each is found by its setting (an environment variable: `make test CHROMIUM=/opt/chromium/chrome`),
else on PATH, else at Debian's location. `python -m werkplaatsen.system.programs NAME...` (the Makefile runs
it before it needs them, with the Python that makes .venv: it uses the standard library only)
names what is missing before it calls apt; it installs as root, with sudo when sudo needs no
password, and otherwise prints the exact command to run and stops.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Program:
    """A program (or nginx module) from the system: what it is for, where to look, its Debian package."""

    label: str
    purpose: str
    setting: str | None  # the environment variable that names its location
    names: tuple[str, ...]  # names on PATH, in order
    debian: str  # Debian's location, used when PATH has none of the names
    package: str
    module: str | None = None  # a module of this Python instead of a file: Debian splits venv off


VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


PROGRAMS = {
    "venv": Program(f"venv van Python {VERSION}", "de map .venv/", None, (), "", f"python{VERSION}-venv",
                    module="ensurepip"),
    "npm": Program("Node.js met npm", "de npm-pakketten in node_modules/", None, ("npm",), "/usr/bin/npm", "npm"),
    "chromium": Program("Chromium", "de browsertests", "CHROMIUM", ("chromium", "chromium-browser"),
                        "/usr/bin/chromium", "chromium"),
    "java": Program("Java", "de HTML-controle (Nu)", "JAVA", ("java",), "/usr/bin/java", "default-jre-headless"),
    "nginx": Program("nginx", "make hosting en de hostingtests", "NGINX", ("nginx",), "/usr/sbin/nginx", "nginx"),
    "brotli": Program("de brotli-module van nginx", "make hosting en de hostingtests", "NGINX_BROTLI_MODULE", (),
                      "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so", "libnginx-mod-http-brotli-static"),
    "brotli-filter": Program("de brotli-filtermodule van nginx", "make hosting en de hostingtests",
                             "NGINX_BROTLI_FILTER_MODULE", (), "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so",
                             "libnginx-mod-http-brotli-filter"),
    "rsync": Program("rsync", "make deploy en de deploytests", None, ("rsync",), "/usr/bin/rsync", "rsync"),
}


class Missing(Exception):
    """A program is not there; the message is Dutch and says how to get it or where to point."""


def configured(name: str) -> str | None:
    """The location the setting gives, or None when it is not set."""
    setting = PROGRAMS[name].setting
    if setting is None:
        return None
    return os.environ.get(setting) or None


def find(name: str) -> str | None:
    """Where the program is: its setting, else PATH, else Debian's location; None when it is nowhere."""
    program = PROGRAMS[name]
    if program.module:
        spec = importlib.util.find_spec(program.module)
        return spec.origin if spec else None
    given = configured(name)
    if given:
        return given if Path(given).is_file() else None
    for candidate in program.names:
        found = shutil.which(candidate)
        if found:
            return found
    return program.debian if Path(program.debian).is_file() else None


def _where(name: str) -> str:
    program = PROGRAMS[name]
    given = configured(name)
    if given:
        return f"{program.setting}={given} bestaat niet"
    if program.module:
        return f"{sys.executable} heeft geen {program.module}"
    return f"niet gevonden via PATH en niet in {program.debian}" if program.names else f"niet in {program.debian}"


def locate(name: str) -> str:
    """The program's location; `Missing` with a Dutch message when it is not there."""
    found = find(name)
    if found:
        return found
    program = PROGRAMS[name]
    hint = f", of geef de plek op met {program.setting}=…" if program.setting else ""
    raise Missing(f"{program.label} ontbreekt ({_where(name)}). Installeer het pakket {program.package}{hint}.")


def install_command(packages: list[str]) -> str:
    """The one shell command that installs the packages with apt."""
    return f"apt-get update && apt-get install -y {shlex.join(packages)}"


def _sudo_without_password() -> bool:
    if not shutil.which("sudo"):
        return False
    return subprocess.run(["sudo", "-n", "true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False).returncode == 0


def ensure(names: list[str], out=sys.stdout, err=sys.stderr) -> int:
    """Install what is missing of `names` with apt, or say exactly what to do. 0 when all are there."""
    missing = [name for name in names if find(name) is None]
    if not missing:
        return 0
    wrong = [name for name in missing if configured(name)]
    if wrong:
        for name in wrong:
            print(f"{PROGRAMS[name].setting}={configured(name)}: daar staat geen {PROGRAMS[name].label}. "
                  f"Geef de juiste plek op, of laat {PROGRAMS[name].setting} weg.", file=err)
        return 1
    packages = list(dict.fromkeys(PROGRAMS[name].package for name in missing))
    for name in missing:
        program = PROGRAMS[name]
        print(f"Nodig voor {program.purpose}: {program.label} ({_where(name)}; pakket {program.package}).", file=out,
              flush=True)
    command = install_command(packages)
    if not shutil.which("apt-get"):
        print(f"Dit systeem heeft geen apt. Installeer {', '.join(packages)} met de pakketbeheerder van uw systeem, "
              "of geef met de instellingen hierboven op waar ze staan.", file=err)
        return 1
    if os.geteuid() == 0:
        prefix = []
    elif _sudo_without_password():
        prefix = ["sudo", "-n"]
    elif shutil.which("sudo"):
        print(f"Daarvoor zijn beheerdersrechten nodig. Voer dit uit en start daarna opnieuw: sudo sh -c "
              f"{shlex.quote(command)}", file=err)
        return 1
    else:
        print(f"Daarvoor zijn beheerdersrechten nodig. Voer dit uit als root (bijvoorbeeld na su -) en start daarna "
              f"opnieuw: {command}", file=err)
        return 1
    print(f"Installeren met apt: {' '.join(packages)} (eenmalig; dat duurt een paar minuten).", file=out, flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        # apt's and dpkg's progress are shown only when the step fails, with apt's own messages.
        result = subprocess.run(prefix + step, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                env=environment, check=False)
        if result.returncode:
            print(f"{result.stdout}{result.stderr}apt-get stopte met een fout (zie hierboven). Het commando was: "
                  f"{shlex.join(prefix + step)}", file=err)
            return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    names = sys.argv[1:] if argv is None else argv
    unknown = [name for name in names if name not in PROGRAMS]
    if unknown:
        print(f"Onbekend: {', '.join(unknown)}. Bekend zijn: {', '.join(PROGRAMS)}.", file=sys.stderr)
        return 2
    return ensure(names)


if __name__ == "__main__":
    sys.exit(main())
