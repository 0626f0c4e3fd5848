"""git as the tools run it in a checkout: never running the checkout's hooks or file-system monitor.

A checkout's own configuration (``.git/config``) and hooks (``.git/hooks/``) are plain files, and
git runs the commands they name: a hook after a commit or a checkout, ``core.fsmonitor`` whenever
it reads the index (``git add``, ``git status``). Whoever managed to change those files would run
a command at the next save of the browser editor or the next build. Every git command the tools
run, decap-server's included, gets two settings through the environment (``GIT_CONFIG_COUNT``,
which wins over every configuration file) that switch both off. The settings the environment
already carries are kept.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

# No hook is found in a folder that cannot exist; no monitor command is run.
SETTINGS = {"core.hooksPath": os.devnull, "core.fsmonitor": "false"}


def environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """`base` (default: this process's environment) plus the SETTINGS, after any the environment sets."""
    result = dict(os.environ if base is None else base)
    count = result.get("GIT_CONFIG_COUNT", "")
    first = int(count) if count.isdigit() else 0
    for number, (key, value) in enumerate(SETTINGS.items(), start=first):
        result[f"GIT_CONFIG_KEY_{number}"] = key
        result[f"GIT_CONFIG_VALUE_{number}"] = value
    result["GIT_CONFIG_COUNT"] = str(first + len(SETTINGS))
    return result


def run(folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    """A git command in `folder` (arguments as a list: nothing passes through a shell); output as text."""
    return subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=False,
                          env=environment())
