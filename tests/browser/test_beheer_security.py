"""`make beheer` serves this editor only.

Requests with a forged Host or Origin, sent straight at every TCP port and Unix socket its
processes listen on, and saves aimed outside content/ through the editor's own route, are all
refused and leave the checkout as it was: no file changed, no commit. A save of a content file
or a download still commits, and runs nothing a tampered .git/ names.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser.editor import Beheer, git, listening, scratch_repo, tampered, unix_sockets
from tests.support import FIXTURE_CONTENT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("beheer")]

BRANCH = "main"
SESSION = "content/sessies/gewoon.md"
# Files outside content/ that a save must never reach, committed in the scratch checkout.
PROTECTED = {".ci/run": "#!/bin/sh\nmake test\n", "Makefile": "test:\n\ttrue\n", "pelicanconf.py": "SITENAME = 'x'\n",
             "publishconf.py": "from pelicanconf import *\n", "theme/templates/base.html": "<!DOCTYPE html>\n",
             "plugins/werkplaatsen/hosting/serve.py": "# code\n", ".gitattributes": "* text=auto\n"}


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """`make beheer` of its own (these tests plant links and hooks) on the fixture content plus PROTECTED."""
    repo = scratch_repo(tmp_path_factory.mktemp("beheer-security") / "site", FIXTURE_CONTENT)
    for name, text in PROTECTED.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "Code en instellingen")
    server = Beheer.start(repo)
    yield server
    server.stop()


def call(target: int | Path, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> tuple[int, bytes]:
    """One request with exactly `headers` (no Host unless given) to a loopback port or a socket file.

    Sent in one piece: a server that refuses on the headers alone may close before it reads the body.
    """
    if method == "POST":
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body)), **headers}
    else:
        body = b""
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    message = f"{method} {path} HTTP/1.1\r\n{head}Connection: close\r\n\r\n".encode("latin-1") + body
    family, address = ((socket.AF_UNIX, str(target)) if isinstance(target, Path)
                       else (socket.AF_INET, ("127.0.0.1", target)))
    with socket.socket(family, socket.SOCK_STREAM) as connection:
        connection.settimeout(30)
        connection.connect(address)
        connection.sendall(message)
        response = http.client.HTTPResponse(connection, method=method)
        response.begin()
        return response.status, response.read()


def port_of(beheer: Beheer) -> int:
    return int(beheer.url.rsplit(":", 1)[1])


def own(beheer: Beheer) -> dict[str, str]:
    """The headers of the editor's own page."""
    return {"Host": f"localhost:{port_of(beheer)}", "Origin": f"http://localhost:{port_of(beheer)}"}


def request(action: str, **params) -> dict:
    return {"branch": BRANCH, "action": action, "params": {"branch": BRANCH, **params}}


def persist(path: str, raw: str, **extra) -> dict:
    return request("persistEntry", dataFiles=[{"slug": "x", "path": path, "raw": raw, **extra}], assets=[],
                   options={"commitMessage": "Opgeslagen", "useWorkflow": False, "status": "draft"})


def edited_session(repo: Path, summary: str) -> str:
    text = (repo / SESSION).read_text(encoding="utf-8")
    return text.replace("samenvatting: Samenvatting van gewoon.", f"samenvatting: {summary}")


def snapshot(repo: Path) -> dict[str, bytes]:
    """Every file of the checkout, .git/ included (links as their target), but the preview's output and git's
    index and its lock file (any `git status` may refresh the index, through the lock)."""
    state = {}
    for folder, folders, files in os.walk(repo):
        for name in folders + files:
            path = Path(folder) / name
            relative = path.relative_to(repo).as_posix()
            if relative.startswith(".preview/") or relative in (".preview", ".git/index", ".git/index.lock"):
                continue
            if path.is_symlink():
                state[relative] = b"-> " + os.readlink(path).encode()
            elif path.is_file():
                state[relative] = path.read_bytes()
    return state


def unchanged_after(repo: Path, send) -> tuple[int, bytes]:
    """Send a request; the checkout must be exactly as before (no file changed, no commit)."""
    before = snapshot(repo)
    status, body = send()
    after = snapshot(repo)
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert changed == [], f"the checkout changed: {changed}"
    return status, body


def listeners(beheer: Beheer) -> tuple[list[int], list[Path]]:
    """Every TCP port and Unix socket the processes of `make beheer` listen on."""
    ports, sockets = [], []
    for pid in beheer.processes():
        try:
            ports += [port for _, port in listening(pid)]
            sockets += unix_sockets(pid)
        except FileNotFoundError:  # a short-lived helper (Pagefind) that has ended
            continue
    return ports, sockets


def test_forged_host_and_origin_are_refused_at_every_port_and_socket(guarded):
    repo, port = guarded.repo, port_of(guarded)
    ports, sockets = listeners(guarded)
    assert ports == [port] and len(sockets) == 1, (ports, sockets)
    save = json.dumps(persist(SESSION, edited_session(repo, "Vervalst."))).encode()
    forged = [{"Host": f"evil.example:{port}"}, {"Host": "evil.example"}, {"Host": f"127.0.0.1:{port + 1}"},
              {"Host": f"localhost:{port}", "Origin": "http://evil.example"},
              {"Host": f"localhost:{port}", "Origin": "http://localhost:3000"},
              {"Host": f"127.0.0.1:{port}", "Origin": "null"}, {}]
    for target in ports:
        for headers in forged:
            for method, path in (("POST", "/api/v1"), ("GET", "/beheer/config.yml"), ("GET", "/sessies/gewoon/"),
                                 ("GET", "/bestanden/werkblad.pdf")):
                status, body = unchanged_after(repo, lambda: call(target, method, path, headers, save))
                assert status == 403, (target, headers, method, path, status)
                assert b"Sessie gewoon" not in body and b"%PDF" not in body and b"backend" not in body
    [socket_file] = sockets
    for headers in [{"Host": f"localhost:{port}"}, {"Host": "evil.example"}, {},
                    {"Host": "decap-server", "Origin": f"http://localhost:{port}"},
                    {"Host": "decap-server", "Origin": "http://evil.example"}]:
        status, _ = unchanged_after(repo, lambda: call(socket_file, "POST", "/api/v1", headers, save))
        assert status == (403 if headers else 400), (socket_file, headers)  # Node refuses HTTP/1.1 without Host
    status, body = call(socket_file, "POST", "/api/v1", {"Host": "decap-server"}, b'{"action": "info"}')
    assert status == 200 and json.loads(body)["type"] == "local_git", "the socket is decap-server, and answers its own"


TARGETS = [".git/config", ".git/hooks/post-commit", ".ci/run", "Makefile", "pelicanconf.py", "publishconf.py",
           "theme/templates/base.html", "plugins/werkplaatsen/hosting/serve.py", ".gitattributes", "content/../x",
           "content/../Makefile", "content/sessies/../../.git/config", "content/%2e%2e/Makefile",
           "content%2f..%2f.git%2fconfig", "content/sessies/..%2f..%2fMakefile.md", "content\\..\\Makefile",
           "./Makefile", "content/sessies/link.md", "content/bestanden/git/config.pdf", "content/sessies/tweede-naam.md",
           "content/bestanden/x.html"]
RAW = "---\ntitel: x\n---\n"


def changed(sent: dict, **params) -> dict:
    """`sent` with some of its parameters replaced."""
    return {**sent, "params": {**sent["params"], **params}}


ACTIONS = {
    "persistEntry": lambda path: persist(path, RAW),
    "persistEntry (new name)": lambda path: persist(SESSION, RAW, newPath=path),
    "persistEntry (file)": lambda path: changed(persist(SESSION, RAW), assets=[
        {"path": path, "content": base64.b64encode(b"%PDF-1.4").decode(), "encoding": "base64"}]),
    "persistMedia": lambda path: request("persistMedia", asset={"path": path, "content": "JVBERi0=",
                                                                "encoding": "base64"}, options={"commitMessage": "x"}),
    "deleteFiles": lambda path: request("deleteFiles", paths=[path], options={"commitMessage": "x"}),
    "getEntry": lambda path: request("getEntry", path=path),
    "getMediaFile": lambda path: request("getMediaFile", path=path),
}


@contextmanager
def planted(repo: Path, symlinks: dict[str, str], hard_links: dict[str, str]) -> Iterator[None]:
    """Links in content/ to what lies outside it (relative targets), and second names of files outside it."""
    made = [repo / name for name in (*symlinks, *hard_links)]
    for name, target in symlinks.items():
        (repo / name).symlink_to(target, target_is_directory=(repo / name).parent.joinpath(target).is_dir())
    for name, target in hard_links.items():
        os.link(repo / target, repo / name)
    try:
        yield
    finally:
        for path in made:
            path.unlink()


@pytest.fixture
def links(guarded):
    """A link to a file and to a folder outside content/, and a second name of the Makefile."""
    with planted(guarded.repo, {"content/sessies/link.md": "../../.git/config", "content/bestanden/git": "../../.git"},
                 {"content/sessies/tweede-naam.md": "Makefile"}):
        yield


@pytest.mark.parametrize("action", ACTIONS)
def test_saves_and_reads_aimed_outside_content_are_refused_through_the_editors_route(guarded, links, action):
    repo = guarded.repo
    secret = (repo / ".git" / "config").read_bytes()
    for target in TARGETS:
        body = json.dumps(ACTIONS[action](target)).encode()
        status, answer = unchanged_after(repo, lambda: call(port_of(guarded), "POST", "/api/v1", own(guarded), body))
        assert status == 403, (action, target, answer)
        error = json.loads(answer)["error"]
        assert json.dumps(target, ensure_ascii=False) in error, error
        assert secret not in answer and base64.b64encode(secret) not in answer


def test_listings_through_the_editors_route_leave_out_links(guarded):
    """decap-server lists what a folder holds, through links too; what the editor may not open is left out."""
    secret = (guarded.repo / ".git" / "config").read_bytes()
    with planted(guarded.repo, {"content/sessies/link.md": "../../.git/config",
                                "content/bestanden/link.pdf": "../../.git/config"},
                 {"content/sessies/tweede-naam.md": "Makefile", "content/bestanden/tweede-naam.pdf": "Makefile"}):
        for listing, shown in [(request("entriesByFolder", folder="content/sessies", extension="md", depth=1),
                                lambda item: item["file"]["path"]),
                               (request("getMedia", mediaFolder="content/bestanden"), lambda item: item["path"])]:
            status, answer = call(port_of(guarded), "POST", "/api/v1", own(guarded), json.dumps(listing).encode())
            assert status == 200, answer
            paths = {shown(item) for item in json.loads(answer)}
            assert SESSION in paths or "content/bestanden/werkblad.pdf" in paths, paths
            assert not {path for path in paths if "link" in path or "tweede-naam" in path}, paths
            assert secret not in answer and base64.b64encode(secret) not in answer
            assert b"test:" not in answer and base64.b64encode(PROTECTED["Makefile"].encode()) not in answer


@pytest.mark.parametrize("route", ["/api/v1", "/api%2fv1", "/api/%76%31", "/beheer/../api/v1", "/api/./v1"])
def test_every_spelling_of_the_route_and_of_a_path_is_checked(guarded, route):
    """The route under another spelling is the same route, and a path written with JSON escapes is still read."""
    body = b'{"branch": "main", "action": "persistEntry", "params": {"branch": "main", "dataFiles": [{"slug": "x", ' \
           b'"path": "content/\\u002e\\u002e/Makefile", "raw": "x"}], "assets": [], "options": {"commitMessage": ' \
           b'"x", "useWorkflow": false, "status": "draft"}}}'
    status, answer = unchanged_after(guarded.repo, lambda: call(port_of(guarded), "POST", route, own(guarded), body))
    assert status == 403 and '"content/../Makefile"' in json.loads(answer)["error"], answer


def test_the_route_takes_json_by_post_only(guarded):
    """A form of another page could send text/plain without asking first; the editor sends JSON by POST."""
    save = json.dumps(persist(SESSION, edited_session(guarded.repo, "Als tekst."))).encode()
    for content_type, status in [("text/plain", 415), ("application/x-www-form-urlencoded", 415),
                                 ("multipart/form-data; boundary=x", 415)]:
        answer = unchanged_after(guarded.repo, lambda: call(port_of(guarded), "POST", "/api/v1",
                                                            {**own(guarded), "Content-Type": content_type}, save))
        assert answer[0] == status, content_type
    assert unchanged_after(guarded.repo, lambda: call(port_of(guarded), "GET", "/api/v1", own(guarded)))[0] == 405
    assert call(port_of(guarded), "POST", "/api/v1", own(guarded), b"{niet: json")[0] == 400


@pytest.mark.parametrize("wrong", [
    request("unpublishedEntries"),
    request("updateUnpublishedEntryStatus", collection="sessies", slug="gewoon", newStatus="pending_review"),
    request("publishUnpublishedEntry", collection="sessies", slug="gewoon"),
    changed(persist(SESSION, RAW), branch="andere-tak"),
    changed(persist(SESSION, RAW), options={"commitMessage": "x", "useWorkflow": True, "status": "draft"}),
])
def test_the_workflow_and_other_branches_are_refused(guarded, wrong):
    """decap-server's workflow writes branches and .git/config; another branch would be checked out."""
    body = json.dumps(wrong).encode()
    status, _ = unchanged_after(guarded.repo, lambda: call(port_of(guarded), "POST", "/api/v1", own(guarded), body))
    assert status == 403


def commits(repo: Path) -> list[str]:
    return git(repo, "-c", "core.fsmonitor=false", "rev-list", "HEAD").split()


def preview_shows(beheer: Beheer, path: str, words: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(beheer.url + path, timeout=10) as response:  # noqa: S310 - loopback only
            if words in response.read().decode("utf-8"):
                return
        time.sleep(0.2)
    raise AssertionError(f"the preview never showed {words!r} on {path}")


def test_a_save_of_content_and_a_download_commits_and_runs_nothing_of_a_tampered_checkout(guarded, tmp_path):
    repo, markers = guarded.repo, tmp_path / "markers"
    with tampered(repo, markers):
        before = commits(repo)
        save = json.dumps(persist(SESSION, edited_session(repo, "Echt opgeslagen."))).encode()
        status, answer = call(port_of(guarded), "POST", "/api/v1", own(guarded), save)
        assert status == 200, answer
        upload = json.dumps(request("persistMedia", asset={
            "path": "content/bestanden/nieuw/programma.pdf", "content": base64.b64encode(b"%PDF-1.4 nieuw").decode(),
            "encoding": "base64"}, options={"commitMessage": "Bestand toegevoegd"})).encode()
        status, answer = call(port_of(guarded), "POST", "/api/v1", own(guarded), upload)
        assert status == 200, answer
        preview_shows(guarded, "/sessies/gewoon/", "Echt opgeslagen.")  # the preview's build ran git, too
        assert commits(repo)[2:] == before, "two commits"
        assert git(repo, "-c", "core.fsmonitor=false", "show", "--name-only", "--format=", "HEAD~1").split() == [SESSION]
        assert (repo / "content/bestanden/nieuw/programma.pdf").read_bytes() == b"%PDF-1.4 nieuw"
        assert sorted(marker.name for marker in markers.iterdir()) == [], "a hook or the monitor ran"
        # The tampering is live: plain git in this checkout runs the monitor.
        subprocess.run(["git", "-C", str(repo), "status"], capture_output=True, check=True)
        assert (markers / "fsmonitor").exists()
    shutil.rmtree(markers)
