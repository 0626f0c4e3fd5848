"""decap-server, the browser editor's local backend: every save a git commit in this checkout.

decap-server (npm, pinned) has no sign-in and reads and writes any file of the checkout it is
given, so only the editor's own page may reach it, and only for content:

- it listens on no TCP port. ``gitserver.js`` starts its git backend on a Unix domain socket in a
  folder only this user can open (0700, made anew for every start and removed at the end), so
  no page in a browser can call it, whatever its origin;
- the browser talks to the preview server only (``serve``, on 127.0.0.1), which refuses any
  request under a foreign ``Host`` (DNS rebinding) or from another ``Origin`` before it reads a
  body, and passes ``/api/v1`` to ``GitServer.forward``;
- ``forward`` reads the editor's JSON (by POST, as JSON: no form of another page) and refuses, in
  Dutch, every action, branch and path that is not a save or a reading of a content file or a
  download (``allowlist``); it passes the rest to the socket and leaves out of decap-server's
  listings what the editor may not open;
- the socket itself refuses any request that does not carry the forwarder's ``Host`` or that
  carries an ``Origin``.

git runs without the checkout's hooks and file-system monitor (``safegit``), so a tampered
``.git/`` runs nothing at a save. It commits with the identity of whoever started it
(``checkout.identity``), never a shared one: git reads the author and committer from the
environment this module gives the process.
"""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from email.message import Message
from pathlib import Path

from ..hosting.serve import Reply
from ..model.filetypes import MEDIA_TYPES
from ..system import processes, safegit
from ..system.places import ROOT
from . import forwarding
from .allowlist import LISTINGS, Allowlist
from .checkout import Identity

JSON = MEDIA_TYPES["json"]  # what decap-server and the editor send each other

PACKAGE = ROOT / "node_modules" / "decap-server"
LAUNCHER = Path(__file__).with_name("gitserver.js")
SOCKET_NAME = "git.sock"
SOCKET_HOST = "decap-server"  # the Host the forwarder sends; the socket refuses any other
START_TIMEOUT = 30  # seconds
REQUEST_TIMEOUT = 60  # seconds


class _SocketConnection(http.client.HTTPConnection):
    """HTTP over the Unix domain socket at `path`."""

    def __init__(self, path: Path):
        super().__init__(SOCKET_HOST, timeout=REQUEST_TIMEOUT)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(str(self.path))


class GitServer:
    """decap-server in git mode for `branch` of `repo`, on a private socket, while the `with` block runs."""

    def __init__(self, repo: Path, identity: Identity, branch: str):
        self.repo = repo
        self.identity = identity
        self.allowlist = Allowlist(repo, branch)
        self.folder: Path | None = None
        self.process: subprocess.Popen | None = None
        self.exited = threading.Event()  # set when decap-server stops, for whatever reason

    @property
    def socket_path(self) -> Path:
        return self.folder / SOCKET_NAME

    def __enter__(self) -> GitServer:
        self.folder = Path(tempfile.mkdtemp(prefix="beheer-"))  # 0700: only this user may open it
        environment = {**safegit.environment(), **self.identity.environment(), "MODE": "git",
                       "GIT_REPO_DIRECTORY": str(self.repo)}
        # Its own session: Ctrl+C reaches this process, which stops decap-server after the preview.
        self.process = subprocess.Popen(["node", str(LAUNCHER), str(PACKAGE), str(self.socket_path), SOCKET_HOST],
                                        cwd=self.folder, env=environment, start_new_session=True)
        threading.Thread(target=lambda: (self.process.wait(), self.exited.set()), daemon=True).start()
        self._wait_until_listening()
        return self

    def __exit__(self, *exc) -> None:
        processes.stop(self.process)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.exited.is_set():
                self.__exit__()
                raise SystemExit("Het beheer kon niet starten: decap-server stopte meteen (zie de melding hierboven).")
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                if probe.connect_ex(str(self.socket_path)) == 0:
                    return
            time.sleep(0.1)
        self.__exit__()
        raise SystemExit(f"Het beheer kon niet starten: decap-server reageerde niet binnen {START_TIMEOUT} seconden.")

    def forward(self, method: str, headers: Message, body: bytes) -> Reply:
        """The route of /api/v1 on the preview server (which checked Host, Origin and size): a request of the editor.

        Read, checked against the allowlist, sent to decap-server, and its answer checked in turn.
        """
        if method != "POST":
            return _error(405, "Het beheer stuurt zijn opdrachten met POST.")
        if headers.get_content_type() != JSON:
            return _error(415, "Het beheer stuurt zijn opdrachten als JSON.")
        try:
            request = json.loads(body)
        except ValueError:
            return _error(400, "Het beheer kreeg een opdracht die het niet begrijpt. Laad de pagina opnieuw.")
        refusals = self.allowlist.refusals(request)
        if refusals:
            return _error(403, " ".join(refusals))
        return forwarding.forward(self.repo, request, lambda checked: self._checked(checked["action"], self._send(checked)))

    def _send(self, request: dict) -> Reply:
        """`request`, as JSON, to decap-server."""
        connection = _SocketConnection(self.socket_path)
        try:
            connection.request("POST", "/api/v1", json.dumps(request).encode(), {"Content-Type": JSON})
            response = connection.getresponse()
            return Reply(response.status, response.getheader("Content-Type", JSON), response.read())
        except OSError:
            return _error(502, "decap-server is niet bereikbaar. Start het beheer opnieuw met make beheer.")
        finally:
            connection.close()

    def _checked(self, action: str, reply: Reply) -> Reply:
        """decap-server's answer, without the listed files the editor may not open."""
        if reply.status != 200 or action not in LISTINGS:
            return reply
        listing = self.allowlist.visible(action, json.loads(reply.body))
        return Reply(reply.status, f"{JSON}; charset=utf-8", json.dumps(listing).encode())


def _error(status: int, message: str) -> Reply:
    return Reply(status, JSON, json.dumps({"error": message}).encode())
