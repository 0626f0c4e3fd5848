"""Helpers for the browser editor's tests: a scratch checkout, `make beheer` as a process, what its
processes listen on, and the steps an editor takes in Decap CMS.

The tests never touch the real checkout: `scratch_repo` copies the content and the settings into a
new git repository with an identity of its own.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import descendants, process_name
from werkplaatsen.model.routes import ADMIN_URL
from werkplaatsen.reading import frontmatter
from werkplaatsen.system.places import ROOT

EDITOR = ("Test Redacteur", "redacteur@example.org")
# An identity in the environment (as on a shared machine or in CI) that must not end up on a commit.
SHARED = {"GIT_AUTHOR_NAME": "Gedeelde Naam", "GIT_AUTHOR_EMAIL": "gedeeld@example.org",
          "GIT_COMMITTER_NAME": "Gedeelde Naam", "GIT_COMMITTER_EMAIL": "gedeeld@example.org"}
READY = re.compile(rf"Open in uw browser: (http://\S+){ADMIN_URL}")
# The round picker shows each round with its period.
ROUND_2 = "Werkplaatsen wijkgericht werken, ronde 2 (2019-09-01 tot 2019-12-15)"


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *arguments], capture_output=True, text=True, check=True).stdout


def commits(repo: Path) -> list[str]:
    return git(repo, "rev-list", "HEAD").split()


def wait_for_commit(repo: Path, before: list[str], timeout: float = 20) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = commits(repo)
        if now != before:
            return now
        time.sleep(0.1)
    raise AssertionError("no commit was made")


def scratch_repo(target: Path, content: Path = ROOT / "content") -> Path:
    """A new git repository with a copy of `content` and the project's .gitignore, committed by the test editor."""
    target.mkdir(parents=True)
    shutil.copytree(content, target / "content")
    shutil.copy(ROOT / ".gitignore", target / ".gitignore")
    git(target, "init", "--quiet", "--initial-branch", "main")
    git(target, "config", "user.name", EDITOR[0])
    git(target, "config", "user.email", EDITOR[1])
    git(target, "config", "commit.gpgsign", "false")
    git(target, "add", "--all")
    git(target, "commit", "--quiet", "--message", "Begin")
    return target


@dataclass
class Beheer:
    """`make beheer` on a scratch checkout, on free ports, with its output collected."""

    repo: Path
    process: subprocess.Popen
    output: list[str] = field(default_factory=list)
    url: str = ""
    reader: threading.Thread | None = None

    @classmethod
    def start(cls, repo: Path, timeout: float = 120) -> Beheer:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "-C", str(ROOT), "beheer", f"REPO={repo}", "PORT=0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
            env={**os.environ, **SHARED},
        )
        beheer = cls(repo, process)
        beheer.reader = threading.Thread(target=beheer._collect, daemon=True)
        beheer.reader.start()
        beheer.url = beheer.wait_for(READY, timeout).group(1)
        return beheer

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def wait_for(self, pattern: re.Pattern, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.output):
                if match := pattern.search(line):
                    return match
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"make beheer did not print {pattern.pattern}:\n{''.join(self.output)}")

    def processes(self) -> list[int]:
        """make and every process below it (decap-server has a session of its own, but is a child)."""
        return [self.process.pid, *descendants(self.process.pid)]

    def stop(self, how: str = "SIGTERM", timeout: float = 20) -> list[int]:
        """SIGTERM to make (as `kill` does) or SIGINT to its process group (as Ctrl+C in a terminal does).

        Returns the processes that were still running afterwards, and kills them.
        """
        processes = self.processes()
        if how == "SIGINT":
            os.killpg(self.process.pid, signal.SIGINT)
        else:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout)
        left = alive(processes)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        self.reader.join(timeout)
        self.process.stdout.close()
        return left


def alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def _sockets(pid: int) -> set[str]:
    """The inode of every socket process `pid` has open, read from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    return inodes


def listening(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket process `pid` listens on, read from /proc."""
    sockets = _sockets(pid)
    found = []
    for table, family in (("tcp", socket.AF_INET), ("tcp6", socket.AF_INET6)):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            columns = line.split()
            if columns[3] == "0A" and columns[9] in sockets:  # 0A: LISTEN
                address, port = columns[1].split(":")
                raw = b"".join(bytes.fromhex(address[i:i + 8])[::-1] for i in range(0, len(address), 8))
                found.append((socket.inet_ntop(family, raw), int(port, 16)))
    return found


def unix_sockets(pid: int) -> list[Path]:
    """The file of every Unix domain socket process `pid` listens on, read from /proc."""
    sockets = _sockets(pid)
    found = []
    for line in Path(f"/proc/{pid}/net/unix").read_text().splitlines()[1:]:
        columns = line.split()
        if len(columns) == 8 and columns[3] == "00010000" and columns[6] in sockets:  # 00010000: accepting
            found.append(Path(columns[7]))
    return found


# Hooks that git runs at a commit, at a checkout and when it writes a reference or the index.
HOOKS = ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "post-checkout", "post-index-change",
         "reference-transaction")


@contextmanager
def tampered(repo: Path, markers: Path) -> Iterator[None]:
    """`repo` tampered with as a page that could write .git/ did: hooks and a core.fsmonitor command.

    Each leaves a file named after itself in `markers` when git runs it. Undone at the end.
    """
    config = repo / ".git" / "config"
    original = config.read_bytes()
    scripts = [repo / ".git" / "hooks" / name for name in (*HOOKS, "fsmonitor")]
    markers.mkdir(exist_ok=True)
    try:
        for script in scripts:
            script.write_text(f"#!/bin/sh\ntouch '{markers / script.name}'\n", encoding="utf-8")
            script.chmod(0o755)
        config.write_bytes(original + f"[core]\n\tfsmonitor = {scripts[-1]}\n".encode())
        yield
    finally:
        config.write_bytes(original)
        for script in scripts:
            script.unlink(missing_ok=True)


def other_addresses() -> list[str]:
    """This machine's addresses on interfaces other than loopback (IPv4 and IPv6)."""
    addresses = set()
    lines = Path("/proc/net/fib_trie").read_text().splitlines()
    for line, following in zip(lines, lines[1:]):
        if "/32 host LOCAL" in following:
            addresses.add(line.split()[-1])
    inet6 = Path("/proc/net/if_inet6")
    for line in inet6.read_text().splitlines() if inet6.exists() else []:
        raw, *_, interface = line.split()
        if interface != "lo":
            addresses.add(socket.inet_ntop(socket.AF_INET6, bytes.fromhex(raw)))
    return sorted(address for address in addresses if not address.startswith("127."))


def reachable(address: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family) as probe:
        probe.settimeout(2)
        return probe.connect_ex((address, port)) == 0


# --- Decap CMS, as an editor uses it ----------------------------------------------------------


def sign_in(page, url: str) -> None:
    page.goto(url + ADMIN_URL)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Sessies").first.wait_for()


def new_item(page, url: str, collection: str, kind: str) -> None:
    """Sign in and open an empty form for a new item of a collection (its plural label) of a kind (its label)."""
    sign_in(page, url)
    page.get_by_role("link", name=collection, exact=True).first.click()
    page.get_by_role("link", name=f"Item van type {kind} maken").click()
    field_named(page, "Titel").wait_for()


def fill_session(page, title: str, day: str, form: str, summary: str) -> None:
    """The required fields of a session in round 2, from 13:30 to 17:00 on `day`."""
    field_named(page, "Titel").fill(title)
    choose(page, "Ronde", ROUND_2, typed="ronde 2")
    field_named(page, "Begint").fill(f"{day}T13:30")
    field_named(page, "Eindigt").fill(f"{day}T17:00")
    choose(page, "Vorm", form)
    field_named(page, "Samenvatting").fill(summary)


def open_entry(page, collection: str, title: str) -> None:
    """Open an item of a collection (its plural label) by its title."""
    page.get_by_role("link", name=collection, exact=True).first.click()
    page.get_by_role("link", name=title).first.click()
    field_named(page, "Titel").wait_for()


def field_named(page, label: str):
    """The input of a field by its Dutch label: "(niet verplicht)" may follow, and Decap's hidden "(optioneel)"."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(niet verplicht\))?( \(optioneel\))?$")).first


def choose(page, label: str, option: str, typed: str | None = None) -> None:
    """Pick `option` from a list (a select or a reference), typing `typed` to search first."""
    field_named(page, label).click()
    if typed:
        page.keyboard.type(typed)
    page.get_by_role("option", name=option, exact=True).click()


def save(page) -> None:
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Nu opslaan", exact=True).click()


def read(repo, path: str) -> frontmatter.Source:
    source, errors = frontmatter.read(path, (repo / path).read_bytes())
    assert errors == [], errors
    return source


def page_text(url: str, wanted: str, timeout: float = 60) -> str:
    """The text of a preview page once it shows `wanted` (the preview rebuilds after a save)."""
    deadline, text = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError:
            text = ""
        if wanted in text:
            return text
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {wanted!r}")


def check(repo) -> subprocess.CompletedProcess:
    """`make check` (the project's settings) on the scratch checkout's content."""
    return subprocess.run([sys.executable, "-m", "werkplaatsen.build.check", "pelicanconf.py", str(repo / "content")],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}, capture_output=True,
                          text=True, check=False)
