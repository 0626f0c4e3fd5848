"""`make hosting`, `make deploy` and `make rollback` as people run them: values arrive as typed."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import socket
import subprocess
import time

import brotli
import pytest

from tests.hosting.checks import get
from werkplaatsen.system.places import ROOT
from werkplaatsen.system.processes import free_port


def make(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *arguments], cwd=ROOT, capture_output=True, text=True,
                          check=False, timeout=120)


def test_make_hosting_serves_a_site_with_nginx_until_it_is_stopped(built_site):
    port = free_port()
    process = subprocess.Popen(["make", "--no-print-directory", "hosting", f"PORT={port}", f"SITE={built_site}"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        printed = ""
        deadline = time.monotonic() + 60
        while "Stoppen: Ctrl+C" not in printed and time.monotonic() < deadline and process.poll() is None:
            if select.select([process.stdout], [], [], 1)[0]:
                printed += process.stdout.readline()
        assert f"draait met nginx op http://127.0.0.1:{port}/" in printed, printed
        response = get(f"http://127.0.0.1:{port}", "/")
        assert response.status == 200 and response.headers["Server"] == "nginx"
        assert response.body == (built_site / "index.html").read_bytes()
        assert "Gecomprimeerd:" in printed, printed
        packed = get(f"http://127.0.0.1:{port}", "/", {"Accept-Encoding": "br"})
        assert brotli.decompress(packed.body) == response.body and packed.headers["Content-Length"]
        process.send_signal(signal.SIGTERM)  # to make only, as `kill` does: it must reach nginx too
        process.communicate(timeout=10)
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever a failure above left of this test's processes
        process.communicate(timeout=10)


def test_make_deploy_and_rollback_pass_target_and_force_as_typed(tmp_path):
    marker = tmp_path / "uitgevoerd"
    hostile = f'$(touch {marker}) `touch {marker}` "x" it\'s $HOME ; touch {marker}'
    rollback = make("rollback", f"TARGET={tmp_path / hostile}")
    assert rollback.returncode and f"Controleer of {tmp_path / hostile} bestaat" in rollback.stderr, rollback.stderr
    deploy = make("deploy", f"TARGET={tmp_path / 'doel'}", f"FORCE={hostile}")
    assert deploy.returncode and f"FORCE={hostile} begrijp ik niet" in deploy.stderr, deploy.stderr
    assert not marker.exists(), "part of a value was run as a command"
    assert not (tmp_path / "doel").exists()
