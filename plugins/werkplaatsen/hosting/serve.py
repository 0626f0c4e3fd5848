"""A loopback HTTP server for a built site that sends the production headers from hosting/_headers.

The preview (`make serve`, `make beheer`) and the browser tests use it. It behaves like the
static host: a directory URL serves its index.html, a missing file serves the site's Dutch
/404.html with status 404, and every response carries exactly the headers that hosting/_headers
assigns to the path (plus any `extra_headers` a test asks for), so a CSP problem shows in the
preview, not after publishing. The path both the file and the headers are chosen from is the
one the server opens (``site_path``: decoded and normalised, as nginx matches it), so
``/sessies/..%2fbestanden/x.pdf`` is a download with the downloads' sandbox policy.

It listens on 127.0.0.1 and serves only this computer's own pages: every request, static files
included, must name it as ``127.0.0.1:<port>`` or ``localhost:<port>`` (a page of another website
whose name was made to point here, DNS rebinding, is refused) and may carry no ``Origin`` but its
own. Host, Origin, method and Content-Length are all checked before any body is read; only a
POST to a route has one, of at most MAX_REQUEST_BYTES. `routes` answer a few paths with a
function instead of a file (the local browser editor's backend, see werkplaatsen.editor.local),
under the same headers. ``banner`` gives what to put at the top of every HTML page while it
says something (the preview's problems, see werkplaatsen.build.problems): it goes right after the
<body> tag; files on disk stay as built.
"""

from __future__ import annotations

import http.server
import io
import json
import os
import posixpath
import sys
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from pathlib import Path

from ..model.filetypes import MEDIA_TYPES
from ..model.routes import NOT_FOUND_URL
from .headers import HEADERS_FILE, Rules, headers_for, parse_headers_file

HTML = f"{MEDIA_TYPES['html']}; charset=utf-8"  # the pages, also the 404 page and a page with the banner

# decap-server (the editor's API) accepts no larger body; a larger one is refused before it is read.
MAX_REQUEST_BYTES = 50 * 1024 * 1024
LOOPBACK_NAMES = ("127.0.0.1", "localhost")
ERROR_PAGE = '<!DOCTYPE html>\n<html lang="nl"><meta charset="utf-8"><title>%(code)d</title><p>%(explain)s</p></html>\n'


@dataclass(frozen=True)
class Reply:
    """What a route answers: status, media type and body."""

    status: int
    content_type: str
    body: bytes


# (method, request headers, request body) -> Reply
Route = Callable[[str, Message, bytes], Reply]


def site_path(raw: str) -> str:
    """The URL path of what a request names, as this server opens it and as nginx matches it.

    Query and fragment dropped, percent-decoded, ``.`` and ``..`` resolved (never above the root),
    repeated slashes merged, a trailing slash kept: ``/sessies/..%2fbestanden/x.pdf`` is
    ``/bestanden/x.pdf``. The file served and the headers sent are both chosen from this path.
    """
    path = raw.split("?", 1)[0].split("#", 1)[0]
    parts = [part for part in posixpath.normpath(urllib.parse.unquote(path)).split("/") if part not in ("", ".", "..")]
    trailing = "/" if parts and path.endswith("/") else ""
    return "/" + "/".join(parts) + trailing


def with_banner(page: bytes, banner: bytes) -> bytes:
    """`page` with `banner` right after its <body> tag (at the top when it has none)."""
    start = page.find(b"<body")
    end = page.find(b">", start) + 1 if start >= 0 else 0
    return page[:end] + banner + page[end:]


def _handler(directory: Path, rules: Rules, extra_headers: list[tuple[str, str]], routes: dict[str, Route],
             banner: Callable[[], bytes | None]):
    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        error_message_format = ERROR_PAGE

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(directory), **kwargs)

        served_path = None  # the file actually sent, when it is not the requested one (the 404 page)

        def parse_request(self) -> bool:
            return super().parse_request() and self._admitted()

        def handle_expect_100(self) -> bool:
            """Ask for the body (Expect: 100-continue) only of a request that will be read."""
            return self._admitted() and super().handle_expect_100()

        def _admitted(self) -> bool:
            """True when the request may be read and answered; otherwise it is refused here."""
            refusal = self._refusal()
            if refusal:
                self._refuse(*refusal)
            return refusal is None

        def _refusal(self) -> tuple[HTTPStatus, str | None] | None:
            """Why this request is refused, judged on its headers alone: Host, Origin, method and length."""
            port = self.server.server_address[1]
            hosts = self.headers.get_all("Host") or []
            origins = self.headers.get_all("Origin") or []
            lengths = self.headers.get_all("Content-Length") or []
            path = site_path(self.path)
            host = hosts[0].lower() if len(hosts) == 1 else None
            if host not in {f"{name}:{port}" for name in LOOPBACK_NAMES}:  # another name: DNS rebinding
                return HTTPStatus.FORBIDDEN, f"Deze server is alleen bereikbaar op http://localhost:{port}/."
            if len(origins) > 1 or (origins and origins[0] != f"http://{host}"):
                return HTTPStatus.FORBIDDEN, "Alleen pagina's van deze server zelf mogen dit vragen."
            if "\0" in path:
                return HTTPStatus.NOT_FOUND, None
            if "Transfer-Encoding" in self.headers or len(lengths) > 1 or (self.command == "POST" and not lengths):
                return HTTPStatus.LENGTH_REQUIRED, "Stuur een verzoek met één Content-Length."
            if self.command != "POST":
                return None if lengths in ([], ["0"]) else (HTTPStatus.BAD_REQUEST, "Alleen POST mag iets meesturen.")
            if path not in routes:
                return HTTPStatus.METHOD_NOT_ALLOWED, "Hier kunt u alleen iets opvragen (GET), niet sturen."
            if not (lengths[0].isascii() and lengths[0].isdigit()):
                return HTTPStatus.BAD_REQUEST, "Stuur een verzoek met een geldige Content-Length."
            if int(lengths[0]) > MAX_REQUEST_BYTES:
                return HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"Een verzoek mag hoogstens {MAX_REQUEST_BYTES >> 20} MB zijn."
            return None

        def _refuse(self, status: HTTPStatus, message: str | None) -> None:
            """Answer `status` with `message` in Dutch (as JSON on a route) and close: an unread body stays unread."""
            self.close_connection = True
            if site_path(self.path) in routes and message:
                self._reply(Reply(status, MEDIA_TYPES["json"], json.dumps({"error": message}).encode()))
            else:
                self.send_error(status, explain=message)

        def do_GET(self):
            if not self._route():
                super().do_GET()

        def do_HEAD(self):
            if not self._route():
                super().do_HEAD()

        def do_POST(self):
            self._route()

        def _route(self) -> bool:
            """Answer with the route of this path, if it has one (a body only with POST: _admitted checked it)."""
            route = routes.get(site_path(self.path))
            if route is None:
                return False
            body = self.rfile.read(int(self.headers["Content-Length"])) if self.command == "POST" else b""
            self._reply(route(self.command, self.headers, body))
            return True

        def _reply(self, reply: Reply) -> None:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.body)

        def send_head(self):
            """A page with the banner, while there is one; anything else as SimpleHTTPRequestHandler sends it."""
            insert = banner()
            path = self.translate_path(self.path)
            if os.path.isdir(path) and path.endswith("/"):
                path = os.path.join(path, "index.html")
            try:
                body = with_banner(Path(path).read_bytes(), insert) if insert and path.endswith(".html") else None
            except OSError:  # no such page (or it went): the 404 page, with the banner
                body = None
            if body is None:
                return super().send_head()
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

        def translate_path(self, path: str) -> str:
            """The file of `path`: its site_path, below the served directory (a trailing slash kept)."""
            return os.path.join(directory, site_path(path).lstrip("/"))

        def end_headers(self):
            path = self.served_path or site_path(getattr(self, "path", "/"))
            for name, value in headers_for(rules, path) + extra_headers:
                self.send_header(name, value)
            super().end_headers()

        def list_directory(self, path):  # a directory without index.html does not exist
            self.send_error(404)
            return None

        def send_error(self, code, message=None, explain=None):
            page = directory / NOT_FOUND_URL.lstrip("/")
            if code != 404 or not page.is_file():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            if (insert := banner()) is not None:
                body = with_banner(body, insert)
            self.served_path = NOT_FOUND_URL  # its headers, as nginx sends them, not those of the missing path
            try:
                self.send_response(404)
                self.send_header("Content-Type", HTML)
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
                 routes: dict[str, Route] | None = None, banner: Callable[[], bytes | None] = lambda: None):
        self.directory = Path(directory)
        self.rules = parse_headers_file(headers_file) if headers_file else []
        handler = _handler(self.directory, self.rules, list(extra_headers or []), dict(routes or {}), banner)
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
