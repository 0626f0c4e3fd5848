"""PORT for the local servers: a number, free on 127.0.0.1 and [::1], or one Dutch line saying what to type."""

from __future__ import annotations

import re
import socket

import pytest

from werkplaatsen.system import ports
from werkplaatsen.system.processes import free_port


def listening(family: int, host: str) -> socket.socket:
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind((host, 0))
    server.listen()
    return server


@pytest.mark.parametrize("typed", ["acht", "-1", "65536", "80 80", "８０００", ""])
def test_a_port_that_is_no_number_is_refused_in_one_line(typed):
    with pytest.raises(ports.PortProblem) as problem:
        ports.claim(typed, "serve")
    assert str(problem.value) == (f"PORT={typed} is geen poortnummer. Kies een getal van 1 tot 65535, "
                                  "bijvoorbeeld: make serve PORT=8001")


def test_port_zero_means_any_port_only_where_allowed():
    assert ports.claim("0", "beheer") == 0
    with pytest.raises(ports.PortProblem, match="PORT=0 is geen poortnummer"):
        ports.claim("0", "hosting", allow_any=False)


def test_a_free_port_is_taken_as_typed():
    port = free_port()
    assert ports.claim(str(port), "serve") == port


def test_a_taken_port_is_named_with_a_free_one_to_type_instead():
    with listening(socket.AF_INET, "127.0.0.1") as server:
        port = server.getsockname()[1]
        with pytest.raises(ports.PortProblem) as problem:
            ports.claim(str(port), "beheer")
    message = str(problem.value)
    assert "\n" not in message
    match = re.fullmatch(rf"Poort {port} is al in gebruik, door een ander programma of doordat make beheer al draait\. "
                         r"Kies een andere poort: make beheer PORT=(\d+)", message)
    assert match, message
    suggestion = int(match.group(1))
    assert suggestion != port and ports.is_free(suggestion)


def test_a_port_a_browser_finds_on_ipv6_localhost_counts_as_taken():
    with listening(socket.AF_INET6, "::1") as server:
        assert not ports.is_free(server.getsockname()[1])
