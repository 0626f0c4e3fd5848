"""The git checkout the local browser editor saves into: its branch, its state, and who saves.

Who saves is taken from the checkout's git configuration (user.name and user.email, which
includes the user's global configuration). When one is missing, it is asked once in the terminal
and stored in the checkout's own configuration, so every editor's saves carry their own name,
never a shared one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..system import safegit

QUESTIONS = {
    "user.name": "Uw naam (die staat bij elke wijziging die u opslaat): ",
    "user.email": "Uw e-mailadres: ",
}


@dataclass(frozen=True)
class Identity:
    name: str
    email: str

    def environment(self) -> dict[str, str]:
        """Environment variables that make git write this person as author and committer."""
        return {"GIT_AUTHOR_NAME": self.name, "GIT_AUTHOR_EMAIL": self.email,
                "GIT_COMMITTER_NAME": self.name, "GIT_COMMITTER_EMAIL": self.email}


def identity(repo: Path, ask: Callable[[str], str] = input) -> Identity:
    """The identity configured for `repo`; ask for what is missing and store it in `repo`'s config."""
    values = {}
    for key, question in QUESTIONS.items():
        value = git(repo, "config", "--get", key)
        while not _valid(key, value):
            try:
                value = ask(question).strip()
            except EOFError:
                raise SystemExit(f"Uw naam en e-mailadres ontbreken. Stel ze in met: git config {key} \"...\"") from None
            if _valid(key, value):
                git(repo, "config", key, value)
        values[key] = value
    return Identity(values["user.name"], values["user.email"])


def _valid(key: str, value: str) -> bool:
    if key == "user.email":
        return "@" in value and " " not in value
    return bool(value)


def current_branch(repo: Path) -> str:
    branch = git(repo, "symbolic-ref", "--quiet", "--short", "HEAD")
    if not branch:
        raise SystemExit(f"{repo} is geen git-map met een tak (branch). Start het beheer in de map van de site.")
    return branch


def has_uncommitted_changes(repo: Path) -> bool:
    return bool(git(repo, "status", "--porcelain"))


def git(repo: Path, *arguments: str) -> str:
    """The output of a git command in `repo`, without the checkout's hooks and monitor (see safegit)."""
    return safegit.run(repo, *arguments).stdout.strip()
