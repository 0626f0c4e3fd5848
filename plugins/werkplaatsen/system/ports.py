"""The port of a local server (`make serve`, `make beheer`, `make hosting`), checked before anything is built.

A taken port would otherwise show only after the first build, as a traceback. The check binds
127.0.0.1 as the servers do (with SO_REUSEADDR, so a port a stopped server just left counts as
free) and also asks [::1], where a browser may look first for "localhost".
"""

from __future__ import annotations

import socket

ANY = 0  # PORT=0: any free port (the tests use it)
SEARCH = 100  # how many ports after a taken one are tried for a suggestion


class PortProblem(SystemExit):
    """The port is no number or is taken; the message is one Dutch line with what to type instead.

    A SystemExit: the server commands let it through, and Python prints the line to stderr and
    stops with exit status 1, before anything is built."""


def parse(text: str, command: str, allow_any: bool = True) -> int:
    """PORT as typed, as a number; `PortProblem` when it is none."""
    lowest = ANY if allow_any else 1
    if not text.isascii() or not text.isdigit() or not lowest <= int(text) <= 65535:
        raise PortProblem(f"PORT={text} is geen poortnummer. Kies een getal van 1 tot 65535, "
                          f"bijvoorbeeld: make {command} PORT=8001")
    return int(text)


def is_free(port: int) -> bool:
    """True when a server of ours can listen on 127.0.0.1:`port` and nothing answers there on [::1]."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    try:
        with socket.create_connection(("::1", port), timeout=0.5):
            return False
    except OSError:
        return True


def claim(text: str, command: str, allow_any: bool = True) -> int:
    """PORT as typed, when it is a number and free now; `PortProblem` naming a free one otherwise."""
    port = parse(text, command, allow_any)
    if port == ANY or is_free(port):
        return port
    raise PortProblem(taken(port, command))


def taken(port: int, command: str) -> str:
    """The Dutch line for a port in use, with a free one to type instead."""
    candidates = [*range(port + 1, min(port + SEARCH, 65536)), *range(8000, 8000 + SEARCH)]
    suggestion = next((other for other in candidates if other != port and is_free(other)), ANY)
    return (f"Poort {port} is al in gebruik, door een ander programma of doordat make {command} al draait. "
            f"Kies een andere poort: make {command} PORT={suggestion}")
