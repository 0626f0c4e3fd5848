"""safegit: the tools' git commands run none of the hooks or the monitor command a tampered checkout names."""

from __future__ import annotations

import os
import subprocess

from tests.browser.editor import HOOKS, tampered
from werkplaatsen.outputs.sitefiles import git_state
from werkplaatsen.system import safegit

IDENTITY = ("-c", "user.name=Test", "-c", "user.email=test@example.org")


def plain_git(repo, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(repo), *IDENTITY, *arguments], capture_output=True, check=True)


def ran(markers) -> set[str]:
    return {marker.name for marker in markers.iterdir()}


def test_a_save_and_a_status_through_safegit_run_no_hook_and_no_monitor(tmp_path):
    repo, markers = tmp_path / "repo", tmp_path / "markers"
    subprocess.run(["git", "init", "--quiet", "--initial-branch", "main", str(repo)], check=True)
    plain_git(repo, "commit", "--quiet", "--allow-empty", "--message", "Begin")
    with tampered(repo, markers):
        # What decap-server and the build run, but with plain git: every planted command runs.
        for arguments in (["status"], ["add", "."], ["commit", "--quiet", "--allow-empty", "--message", "x"],
                          ["checkout", "main"]):
            plain_git(repo, *arguments)
        assert ran(markers) == {*HOOKS, "fsmonitor"}, "the tampering works with plain git"
        for marker in markers.iterdir():
            marker.unlink()
        before = safegit.run(repo, "rev-list", "--count", "HEAD").stdout
        for arguments in (["status"], ["add", "."], [*IDENTITY, "commit", "--quiet", "--allow-empty", "--message", "y"],
                          ["checkout", "main"]):
            assert safegit.run(repo, *arguments).returncode == 0, arguments
        assert ran(markers) == set(), "safegit ran a command of the checkout"
        assert int(safegit.run(repo, "rev-list", "--count", "HEAD").stdout) == int(before) + 1, "the commit was made"


def test_its_settings_come_after_those_the_environment_already_gives(tmp_path):
    given = {**os.environ, "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.name", "GIT_CONFIG_VALUE_0": "Gegeven"}
    environment = safegit.environment(given)

    def setting(key: str) -> str:
        return subprocess.run(["git", "config", "--get", key], env=environment, cwd=tmp_path, capture_output=True,
                              text=True, check=False).stdout.strip()

    assert setting("user.name") == "Gegeven"
    assert setting("core.hooksPath") == os.devnull
    assert setting("core.fsmonitor") == "false"


def test_what_the_build_asks_git_never_writes_the_index_that_a_save_in_the_editor_may_be_writing(tmp_path):
    """`git status` refreshes and rewrites the index when a file's stat changed, taking index.lock:
    a save in the browser editor (decap-server's `git add`) at that moment failed with "Unknown error"."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "--quiet", "--initial-branch", "main", str(repo)], check=True)
    (repo / "content").mkdir()
    (repo / "content" / "a.md").write_text("---\ntitel: A\n---\n", encoding="utf-8")
    plain_git(repo, "add", ".")
    plain_git(repo, "commit", "--quiet", "--message", "Begin")
    index = repo / ".git" / "index"
    touched = 1_000_000_000 * 10**9  # the same bytes with another time: the index's copy of its stat is stale
    os.utime(repo / "content" / "a.md", ns=(touched, touched))
    before = index.read_bytes()
    assert git_state(repo / "content") == (safegit.run(repo, "rev-parse", "HEAD").stdout.strip(), True)
    assert index.read_bytes() == before, "the build's git status rewrote the index"
    plain_git(repo, "status", "--porcelain")
    assert index.read_bytes() != before, "plain git status does rewrite it (what the test guards against)"
