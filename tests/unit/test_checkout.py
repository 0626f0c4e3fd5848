"""Who saves in the local browser editor: the checkout's git identity, asked once when it is missing."""

from __future__ import annotations

import subprocess

import pytest

from werkplaatsen.editor.checkout import current_branch, git, has_uncommitted_changes, identity


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A new repository on a machine without any git identity (no global or system configuration)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "site"
    subprocess.run(["git", "init", "--quiet", "--initial-branch", "werk", str(path)], check=True)
    return path


def answers(*replies):
    asked = []

    def ask(question: str) -> str:
        asked.append(question)
        return replies[len(asked) - 1]

    return ask, asked


def test_a_missing_identity_is_asked_once_and_stored_in_the_checkout(repo):
    ask, asked = answers("Sanne Bakker", "geen adres", "sanne@example.org")
    who = identity(repo, ask)
    assert (who.name, who.email) == ("Sanne Bakker", "sanne@example.org")
    assert asked == ["Uw naam (die staat bij elke wijziging die u opslaat): ", "Uw e-mailadres: ", "Uw e-mailadres: "]
    assert git(repo, "config", "--local", "user.name") == "Sanne Bakker"
    ask_again, asked_again = answers()
    assert identity(repo, ask_again) == who and asked_again == []
    assert who.environment() == {"GIT_AUTHOR_NAME": "Sanne Bakker", "GIT_AUTHOR_EMAIL": "sanne@example.org",
                                 "GIT_COMMITTER_NAME": "Sanne Bakker", "GIT_COMMITTER_EMAIL": "sanne@example.org"}


def test_no_answer_stops_with_a_dutch_message(repo):
    def no_terminal(question):
        raise EOFError

    with pytest.raises(SystemExit, match="Uw naam en e-mailadres ontbreken"):
        identity(repo, no_terminal)


def test_the_branch_and_uncommitted_changes_of_the_checkout(repo):
    assert current_branch(repo) == "werk"
    assert not has_uncommitted_changes(repo)
    (repo / "nieuw.md").write_text("x")
    assert has_uncommitted_changes(repo)


def test_a_folder_that_is_no_checkout_is_refused_in_dutch(tmp_path):
    with pytest.raises(SystemExit, match="geen git-map met een tak"):
        current_branch(tmp_path)
