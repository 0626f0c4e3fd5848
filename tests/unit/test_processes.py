"""processes.stop: a server stops when asked, is killed when it will not, and may already be gone."""

import signal
import subprocess
import sys
import time

from werkplaatsen.system import processes

IGNORES_SIGTERM = ("import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                   "print('klaar', flush=True); time.sleep(60)")


def test_a_server_that_stops_when_asked_is_not_killed():
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    processes.stop(server)
    assert server.returncode == -signal.SIGTERM


def test_a_server_that_ignores_the_request_is_killed_after_the_timeout(monkeypatch):
    monkeypatch.setattr(processes, "STOP_TIMEOUT", 0.5)
    with subprocess.Popen([sys.executable, "-c", IGNORES_SIGTERM], stdout=subprocess.PIPE, text=True) as server:
        assert server.stdout.readline().strip() == "klaar"  # the handler is in place
        started = time.monotonic()
        processes.stop(server)
    assert server.returncode == -signal.SIGKILL
    assert time.monotonic() - started < 10


def test_a_server_that_already_stopped_or_never_started_is_left_alone():
    server = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    server.wait()
    processes.stop(server)
    processes.stop(None)
    assert server.returncode == 3
