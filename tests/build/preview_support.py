"""What the preview's tests share: a workspace copy of the fixture site, the preview as a running
process, the byte-for-byte comparison of its output with a full build, and the preview with its
plain-language panels (build and browser tests)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support import REGISTRATION_OPEN, TAAL_ITEM, build, copy_fixture_content, settings_file, write
from werkplaatsen.build import problems
from werkplaatsen.build.incremental import Preview
from werkplaatsen.model.vocabulary import VOCABULARY_FILE
from werkplaatsen.system.places import ROOT

TIMEOUT = 60
PANEL = "werkplaatsen-language"


def make_workspace(root: Path) -> Path:
    """A copy of the fixture content, the theme and the vocabulary in `root`, with settings (conf.py) that use them."""
    copy_fixture_content(root)
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(VOCABULARY_FILE, root / "vocabulary.yaml")
    settings_file(root / "conf.py", f"THEME = {str(root / 'theme')!r}",
                  f"WERKPLAATSEN_VOCABULARY = {str(root / 'vocabulary.yaml')!r}")
    return root


def files(folder: Path) -> dict[str, bytes]:
    folder = Path(os.path.realpath(folder))
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def full_build(workspace: Path, output: Path) -> dict[str, bytes]:
    """A full build of the workspace's content: every file it writes."""
    full = build(workspace / "content", output, now=REGISTRATION_OPEN, settings=str(workspace / "conf.py"))
    assert full.returncode == 0, full.stderr
    return files(full.output)


def differences(preview: dict[str, bytes], complete: dict[str, bytes]) -> list[str]:
    """The files only one side has, and those both have with other bytes."""
    return sorted(set(preview) ^ set(complete)) + sorted(name for name in set(preview) & set(complete)
                                                         if preview[name] != complete[name])


class Running:
    """`python -m werkplaatsen.build.preview` on a free port for a workspace, its output lines collected as they come."""

    def __init__(self, root: Path, settings: Path | None = None, output: Path | None = None, language: bool = True,
                 background: bool = False):
        """`background`: started as a shell starts a background job, with Ctrl+C (SIGINT) ignored."""
        self.root = root
        self.output = output or root / "preview"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "WERKPLAATSEN_NU": REGISTRATION_OPEN}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "werkplaatsen.build.preview", "--port", "0", "--settings", str(settings or root / "conf.py"),
             "--content", str(root / "content"), "--output", str(self.output),
             *([] if language else ["--without-language-panel"])],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if background else None)
        self.lines: queue.Queue = queue.Queue()
        self.said: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()
        try:
            self.url = self.wait_for("draait op").split("draait op ")[1].split()[0].rstrip("/")
        except BaseException:
            self.process.kill()  # the fixture never gets to stop a preview that did not start
            self.process.wait()
            raise

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.said.append(line)
            self.lines.put(line)

    def wait_for(self, words: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if words in line:
                return line
        raise AssertionError(f"the preview never said {words!r}:\n{''.join(self.said)}")

    def stop(self) -> None:
        """Ctrl+C, as in a terminal."""
        try:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGINT)
                self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:  # it did not stop: it must not outlive the test
                self.process.kill()
                self.process.wait()
            self.process.stdout.close()

    def page(self, path: str) -> tuple[int, dict, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:  # noqa: S310 - loopback only
                return response.status, dict(response.headers), response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8")

    def shows(self, path: str, words: str) -> bool:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if words in self.page(path)[2]:
                return True
            time.sleep(0.05)
        return False

    def problems(self) -> dict:
        """The preview's own account of its last update (problems.JSON_URL)."""
        status, _, body = self.page(problems.JSON_URL)
        assert status == 200, (status, body)
        return json.loads(body)

    def settled(self, since: int, quiet: float = 0.4) -> dict:
        """Wait until an update ended after update number `since` and none followed for `quiet` seconds."""
        deadline = time.monotonic() + TIMEOUT
        last = None
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the preview stopped:\n" + "".join(self.said)
            now = self.problems()
            if now["updates"] > since and not now["bezig"]:
                if last is not None and now["updates"] == last["updates"]:
                    return now
                last = now
                time.sleep(quiet)
            else:
                last = None
                time.sleep(0.05)
        raise AssertionError("the preview did not finish updating:\n" + "".join(self.said[-40:]))

    def same_as_full_build(self, workspace: Path, output: Path, timeout: float = 30) -> None:
        """Its output equals a full build of the same content, byte for byte (the search index is
        made in the background: wait for it)."""
        complete = full_build(workspace, output)
        deadline = time.monotonic() + timeout
        while differ := differences(files(self.output), complete):
            assert time.monotonic() < deadline, differ
            time.sleep(0.5)


@contextmanager
def language_preview(root: Path) -> Iterator[Preview]:
    """The fixture site with TAAL_ITEM (/nieuws/taal/) in the preview with its panels, at REGISTRATION_OPEN."""
    copy_fixture_content(root, write("berichten/taal.md", TAAL_ITEM))
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("WERKPLAATSEN_NU", REGISTRATION_OPEN)
        environment.setenv("WERKPLAATSEN_PROCESSEN", "1")  # no forks inside a pytest-xdist worker
        updater = Preview(ROOT / "pelicanconf.py", root / "content", root / "preview", language=True)
        updater.update()
        yield updater
        updater.close()
