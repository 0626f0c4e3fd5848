"""decap-server, the browser editor's local backend: every save a git commit in this checkout.

decap-server (npm, pinned) has no sign-in, so nothing but this computer may reach it:

- it listens on 127.0.0.1 only (its ``BIND_HOST``), on a free port;
- the browser never talks to it directly: the preview server, on the same loopback address,
  forwards ``/api/v1`` to it, so the editor runs on one origin under the production headers;
- the forwarding refuses requests that another website makes from the editor's browser
  (another ``Origin``) or that reach it under another name (a ``Host`` that is not loopback).

It commits with the identity of whoever started it (``checkout.identity``), never a shared one:
git reads the author and committer from the environment this module gives the process.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

from .. import processes
from ..serve import Reply
from . import forwarding
from .checkout import Identity
from .generate import ROOT

PACKAGE = ROOT / "node_modules" / "decap-server"
LOOPBACK = "127.0.0.1"
LOOPBACK_NAMES = {LOOPBACK, "localhost"}
START_TIMEOUT = 30  # seconds


class GitServer:
    """decap-server in git mode for `repo`, on loopback, for as long as the `with` block runs."""

    def __init__(self, repo: Path, identity: Identity):
        self.repo = repo
        self.identity = identity
        self.port = processes.free_port()
        self.process: subprocess.Popen | None = None
        self.exited = threading.Event()  # set when decap-server stops, for whatever reason

    def __enter__(self) -> GitServer:
        environment = {**os.environ, **self.identity.environment(), "MODE": "git", "GIT_REPO_DIRECTORY": str(self.repo),
                       "BIND_HOST": LOOPBACK, "PORT": str(self.port), "LOG_LEVEL": "warn"}
        # Its own folder as working directory: a .env file in the checkout cannot change its settings. Its
        # own session: Ctrl+C reaches this process, which stops decap-server after the preview.
        self.process = subprocess.Popen(["node", str(PACKAGE / "dist" / "index.js")], cwd=PACKAGE, env=environment,
                                        start_new_session=True)
        threading.Thread(target=lambda: (self.process.wait(), self.exited.set()), daemon=True).start()
        self._wait_until_listening()
        return self

    def __exit__(self, *exc) -> None:
        processes.stop(self.process)

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.exited.is_set():
                raise SystemExit("Het beheer kon niet starten: decap-server stopte meteen (zie de melding hierboven).")
            with socket.socket() as probe:
                if probe.connect_ex((LOOPBACK, self.port)) == 0:
                    return
            time.sleep(0.1)
        self.__exit__()
        raise SystemExit(f"Het beheer kon niet starten: decap-server reageerde niet binnen {START_TIMEOUT} seconden.")

    def forward(self, method: str, headers: Message, body: bytes) -> Reply:
        """The route of /api/v1 on the preview server: pass a request of the editor to decap-server."""
        if method != "POST":
            return _error(405, "Alleen POST.")
        if not _from_this_computer(headers):
            return _error(403, "Alleen het beheer op deze computer mag opslaan.")
        content_type = headers.get("Content-Type", "application/json")
        return forwarding.forward(self.repo, body, lambda data: self._send(data, content_type))

    def _send(self, body: bytes, content_type: str) -> Reply:
        """One request to decap-server, and its answer."""
        request = urllib.request.Request(f"http://{LOOPBACK}:{self.port}/api/v1", data=body, method="POST",
                                         headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback only
                return Reply(response.status, response.headers.get("Content-Type", "application/json"), response.read())
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.headers.get("Content-Type", "application/json"), error.read())
        except OSError:
            return _error(502, "decap-server is niet bereikbaar. Start het beheer opnieuw met make beheer.")


def _from_this_computer(headers: Message) -> bool:
    """The editor's own page on loopback: a loopback Host, and no Origin or that same origin."""
    host = headers.get("Host", "")
    origin = headers.get("Origin")
    return host.rsplit(":", 1)[0] in LOOPBACK_NAMES and origin in (None, f"http://{host}")


def _error(status: int, message: str) -> Reply:
    return Reply(status, "application/json", json.dumps({"error": message}).encode())
