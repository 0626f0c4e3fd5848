"""Stopping the servers the local tools start (nginx for `make hosting`, decap-server for `make beheer`)."""

from __future__ import annotations

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
