"""The local servers the tools start (nginx for `make hosting`, decap-server for `make beheer`)."""

from __future__ import annotations

import socket
import subprocess

STOP_TIMEOUT = 5  # seconds a server gets to stop cleanly before it is killed


def stop(process: subprocess.Popen | None) -> None:
    """Ask a server to stop; kill it if it does not within STOP_TIMEOUT. Nothing to do if it already stopped."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a server this project starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
