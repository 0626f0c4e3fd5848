"""A loopback HTTP server for a built site that sends the production headers from hosting/_headers.

The preview (`make serve`) and the browser tests use it. It behaves like the static host: a
directory URL serves its index.html, a missing file serves the site's Dutch /404.html with status
404, and every response carries exactly the headers that hosting/_headers assigns to the path
(plus any `extra_headers` a test asks for), so a CSP problem shows in the preview, not after
publishing. `routes` answer a few paths with a function instead of a file (the local browser
editor's backend, see werkplaatsen.editor.local), under the same headers.
"""

from __future__ import annotations

import http.server
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from pathlib import Path

from .headers import HEADERS_FILE, Rules, headers_for, parse_headers_file

MAX_REQUEST_BYTES = 100_000_000  # a larger request body to a route (the editor's API: a 50 MB download, base64) is refused


@dataclass(frozen=True)
class Reply:
    """What a route answers: status, media type and body."""

    status: int
    content_type: str
    body: bytes


# (method, request headers, request body) -> Reply
Route = Callable[[str, Message, bytes], Reply]


def _handler(directory: Path, rules: Rules, extra_headers: list[tuple[str, str]], routes: dict[str, Route]):
    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(directory), **kwargs)

        served_path = None  # the file actually sent, when it is not the requested one (the 404 page)

        def do_GET(self):
            if not self._route():
                super().do_GET()

        def do_HEAD(self):
            if not self._route():
                super().do_HEAD()

        def do_POST(self):
            if not self._route():
                self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

        def _route(self) -> bool:
            """Answer with the route of this path, if it has one."""
            route = routes.get(self.path.split("?", 1)[0])
            if route is None:
                return False
            length = self.headers.get("Content-Length") or "0"
            if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
                self.send_error(HTTPStatus.BAD_REQUEST)
                return True
            body = self.rfile.read(int(length))
            reply = route(self.command, self.headers, body)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.body)
            return True

        def end_headers(self):
            path = self.served_path or self.path.split("?", 1)[0].split("#", 1)[0]
            for name, value in headers_for(rules, path) + extra_headers:
                self.send_header(name, value)
            super().end_headers()

        def list_directory(self, path):  # a directory without index.html does not exist
            self.send_error(404)
            return None

        def send_error(self, code, message=None, explain=None):
            page = directory / "404.html"
            if code != 404 or not page.is_file():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.served_path = "/404.html"  # its headers, as nginx sends them, not those of the missing path
            try:
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
            finally:
                self.served_path = None  # the next request on this connection gets its own headers
            if self.command != "HEAD":
                self.wfile.write(body)
            return None

        def log_message(self, format, *args):  # keep the test output quiet
            pass

    return Handler


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients (browsers, LinkChecker) drop keep-alive connections at will: not an error.
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """Serve `directory` on 127.0.0.1 at a free port, in a background thread."""

    def __init__(self, directory: Path, headers_file: Path | None = HEADERS_FILE,
                 extra_headers: list[tuple[str, str]] | None = None, port: int = 0,
                 routes: dict[str, Route] | None = None):
        self.directory = Path(directory)
        self.rules = parse_headers_file(headers_file) if headers_file else []
        handler = _handler(self.directory, self.rules, list(extra_headers or []), dict(routes or {}))
        self.httpd = _QuietServer(("127.0.0.1", port), handler)
        self.port = self.httpd.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.host}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, name=f"site-server-{self.host}",
                                        daemon=True)

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def page_url(self, html_file: Path) -> str:
        """The URL of a built file, as visitors use it (`/x/` for `x/index.html`)."""
        relative = html_file.relative_to(self.directory).as_posix()
        if relative == "index.html":
            return self.url + "/"
        if relative.endswith("/index.html"):
            return f"{self.url}/{relative[: -len('index.html')]}"
        return f"{self.url}/{relative}"
