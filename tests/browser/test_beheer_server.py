"""`make beheer`'s servers stay on this computer, refuse other websites, and stop together."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests.browser.editor import (Beheer, git, listening, other_addresses, reachable, scratch_repo, unix_sockets)
from tests.support import FIXTURE_CONTENT, process_name

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("beheer")]


def process(beheer: Beheer, marker: str) -> int:
    [pid] = [pid for pid in beheer.processes() if marker in Path(f"/proc/{pid}/cmdline").read_text()]
    return pid


def test_the_preview_listens_on_loopback_only_and_decap_server_on_a_private_socket_only(beheer):
    preview = listening(process(beheer, "werkplaatsen.editor.local"))
    assert preview and {address for address, _ in preview} == {"127.0.0.1"}, preview
    for address in other_addresses():
        for _, port in preview:
            assert not reachable(address, port), f"the preview answers on {address}:{port}"
    decap_server = process(beheer, "gitserver.js")
    assert listening(decap_server) == [], "decap-server listens on a TCP port"
    [socket_file] = unix_sockets(decap_server)
    folder = socket_file.parent.stat()
    assert stat.S_IMODE(folder.st_mode) == 0o700 and folder.st_uid == os.getuid(), "only this user opens its folder"


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_stopping_make_beheer_stops_both_servers(tmp_path, how):
    """Ctrl+C (SIGINT to the terminal's process group) and SIGTERM to make: no process is left."""
    server = Beheer.start(scratch_repo(tmp_path / "site", FIXTURE_CONTENT))
    # The preview may be starting Pagefind (its search index) for a moment: count the others.
    deadline = time.monotonic() + 10
    while len(besides := [pid for pid in server.processes() if process_name(pid) != "pagefind"]) != 3:
        assert time.monotonic() < deadline, f"make, the preview and decap-server: {besides}"
        time.sleep(0.05)
    [socket_file] = unix_sockets(process(server, "gitserver.js"))
    assert server.stop(how) == [], "processes left running"
    assert not socket_file.parent.exists(), "decap-server's socket folder is removed"
    assert "Het beheer is gestopt." in "".join(server.output)
    assert git(server.repo, "status", "--porcelain") == ""
