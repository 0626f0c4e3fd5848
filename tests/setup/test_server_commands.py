"""Every server command takes PORT, checks it before it builds, and says where it runs as soon as it serves."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.support import FIXTURE_CONTENT, make
from werkplaatsen.system.places import ROOT

TAKEN = ("Poort {port} is al in gebruik, door een ander programma of doordat make {command} al draait. "
         "Kies een andere poort: make {command} PORT=")


@pytest.fixture
def taken_port():
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


@pytest.mark.parametrize("command", ["serve", "beheer", "hosting"])
def test_a_taken_port_stops_the_command_with_one_dutch_line(command, taken_port):
    result = make(ROOT, command, f"PORT={taken_port}", timeout=120)
    assert result.returncode
    ours = [line for line in result.stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]
    assert len(ours) == 1, result.stderr
    assert ours[0].startswith(TAKEN.format(port=taken_port, command=command)), result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_the_preview_checks_the_port_before_it_builds(tmp_path, taken_port):
    output = tmp_path / "voorbeeld"
    result = subprocess.run([sys.executable, "-m", "werkplaatsen.build.preview", "--port", str(taken_port), "--content",
                             str(FIXTURE_CONTENT), "--output", str(output)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith(TAKEN.format(port=taken_port, command="serve")), result.stderr
    assert result.stdout == "" and not output.exists()


def test_make_serve_takes_port_and_says_where_and_how_to_stop_once_the_first_build_is_served(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(["make", "--no-print-directory", "-C", str(ROOT), "serve", f"PORT={port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    try:
        announced = f"De voorbeeldweergave draait op http://localhost:{port}/ (stoppen: Ctrl+C)\n"
        deadline = time.monotonic() + 240
        while announced not in lines and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert announced in lines, "".join(lines)
        before = lines[:lines.index(announced)]
        # Announced right after the first build, not after a second update.
        assert sum(line.startswith("Bijgewerkt:") for line in before) == 1, "".join(before)
        with urllib.request.urlopen(f"http://localhost:{port}/", timeout=10) as response:
            assert response.status == 200 and b"<html" in response.read()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in the terminal reaches the whole group
        process.wait(timeout=30)
        reader.join(timeout=10)
        process.stdout.close()
