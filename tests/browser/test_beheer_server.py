"""`make beheer`'s servers stay on this computer, refuse other websites, and stop together."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.editor import Beheer, git, listening, other_addresses, process_name, reachable, scratch_repo
from tests.build.conftest import FIXTURE_CONTENT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("beheer")]


def process(beheer: Beheer, marker: str) -> int:
    [pid] = [pid for pid in beheer.processes() if marker in Path(f"/proc/{pid}/cmdline").read_text()]
    return pid


def test_decap_server_and_the_preview_listen_on_loopback_only(beheer):
    for marker in ("decap-server", "werkplaatsen.editor.local"):
        sockets = listening(process(beheer, marker))
        assert sockets, f"{marker} listens on nothing"
        assert {address for address, _ in sockets} == {"127.0.0.1"}, f"{marker} listens on {sockets}"
        for address in other_addresses():
            for _, port in sockets:
                assert not reachable(address, port), f"{marker} answers on {address}:{port}"


def post(url: str, headers: dict[str, str]) -> tuple[int, dict]:
    body = json.dumps({"action": "info"}).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_backend_answers_the_editor_on_this_computer_and_refuses_other_websites(beheer):
    api = beheer.url + "/api/v1"
    host = beheer.url.removeprefix("http://")
    status, answer = post(api, {"Origin": beheer.url})
    assert status == 200 and answer["type"] == "local_git", answer
    for headers in ({"Origin": "https://evil.example"}, {"Host": f"evil.example:{host.split(':')[1]}"},
                    {"Origin": "null"}):
        status, answer = post(api, headers)
        assert status == 403 and "Alleen het beheer op deze computer" in answer["error"], headers


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_stopping_make_beheer_stops_both_servers(tmp_path, how):
    """Ctrl+C (SIGINT to the terminal's process group) and SIGTERM to make: no process is left."""
    server = Beheer.start(scratch_repo(tmp_path / "site", FIXTURE_CONTENT))
    # The preview may be starting Pagefind (its search index) for a moment: count the others.
    deadline = time.monotonic() + 10
    while len(besides := [pid for pid in server.processes() if process_name(pid) != "pagefind"]) != 3:
        assert time.monotonic() < deadline, f"make, the preview and decap-server: {besides}"
        time.sleep(0.05)
    assert server.stop(how) == [], "processes left running"
    assert "Het beheer is gestopt." in "".join(server.output)
    assert git(server.repo, "status", "--porcelain") == ""
