"""The hosting rules as checks on a running server: each returns its problems (none: the rule holds).

test_nginx.py runs every check against nginx with the generated configuration;
test_checks_catch_breakage.py runs each one against a deliberately broken configuration and must
see it complain, so no check can only pass. The expected values are written out here, not taken
from the code under test.
"""

from __future__ import annotations

import gzip
import http.client
import os
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import brotli

from werkplaatsen.hosting.headers import Rules, headers_for
from werkplaatsen.model.routes import ASSETS_URL, FILES_URL

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
                    "X-Frame-Options", "Cross-Origin-Opener-Policy", "Strict-Transport-Security")
HSTS = "max-age=31536000; includeSubDomains"
IMMUTABLE = "public, max-age=31536000, immutable"
SANDBOX = "sandbox; default-src 'none'"
# Content-Type by file extension, as browsers and feed readers need it.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".ics": "text/calendar; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".xml", ".ics", ".atom", ".txt"}
MISSING = ("/bestaat-niet/", f"{ASSETS_URL}bestaat-niet.css", f"{FILES_URL}bestaat-niet.pdf", ASSETS_URL)
CODECS = {"gzip": gzip.decompress, "br": brotli.decompress}


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes


def get(base: str, path: str, headers: dict[str, str] | None = None) -> Response:
    """One GET without following redirects (http.client, loopback only)."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def file_for(root: Path, path: str) -> Path:
    return root / (path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/"))


def probes(root: Path) -> list[str]:
    """One URL per kind of file the site serves (two pages, a redirect), then the missing ones."""
    paths = ["/", "/sessies/", "/sessies", "/robots.txt", "/.well-known/security.txt", "/_build.json"]
    for suffix in TYPES:
        if suffix not in {".html", ".json", ".txt"}:
            first = min(path for path in root.rglob(f"*{suffix}") if path.is_file())
            paths.append("/" + first.relative_to(root).as_posix())
    return paths + list(MISSING)


def fetch_all(base: str, paths: list[str]) -> dict[str, Response]:
    return {path: get(base, path) for path in paths}


def header_problems(responses: dict[str, Response], rules: Rules) -> list[str]:
    """Exactly the headers hosting/_headers gives each path, once each; a 404 shows /404.html and gets its headers."""
    names = {name.lower() for _, headers in rules for name, _ in headers}
    problems = []
    for path, response in responses.items():
        expected = dict(headers_for(rules, "/404.html" if response.status == 404 else path))
        for name in sorted(names):
            wanted = next(([value] for key, value in expected.items() if key.lower() == name), [])
            served = response.headers.get_all(name) or []
            if served != wanted:
                problems.append(f"{path} ({response.status}): {name} is {served}, expected {wanted}")
    return problems


def policy_problems(responses: dict[str, Response]) -> list[str]:
    """The promises of issue 7, whatever hosting/_headers says: security headers everywhere, caching, sandbox."""
    problems = []
    for path, response in responses.items():
        header = response.headers.get
        missing = [name for name in SECURITY_HEADERS if not header(name)]
        if missing:
            problems.append(f"{path} ({response.status}): no {', '.join(missing)}")
        if header("Strict-Transport-Security") != HSTS:
            problems.append(f"{path}: Strict-Transport-Security is {header('Strict-Transport-Security')!r}")
        if header("X-Content-Type-Options") != "nosniff":
            problems.append(f"{path}: X-Content-Type-Options is {header('X-Content-Type-Options')!r}")
        if response.status == 200 and path.startswith(ASSETS_URL) and header("Cache-Control") != IMMUTABLE:
            problems.append(f"{path}: Cache-Control is {header('Cache-Control')!r}, expected {IMMUTABLE!r}")
        if (header("Content-Type") or "").startswith("text/html") and header("Cache-Control") != "no-cache":
            problems.append(f"{path}: an HTML page with Cache-Control {header('Cache-Control')!r}")
        if response.status == 200 and path.startswith(FILES_URL) and header("Content-Security-Policy") != SANDBOX:
            problems.append(f"{path}: a download with Content-Security-Policy {header('Content-Security-Policy')!r}")
    return problems


def type_problems(responses: dict[str, Response]) -> list[str]:
    problems = []
    for path, response in responses.items():
        wanted = TYPES.get(file_for(Path("/"), path).suffix)
        if response.status == 200 and response.headers.get("Content-Type") != wanted:
            problems.append(f"{path}: Content-Type {response.headers.get('Content-Type')!r}, expected {wanted!r}")
    return problems


def clean_url_problems(base: str, root: Path) -> list[str]:
    """/x redirects to /x/, /x/ is x/index.html, a missing page (or folder without index.html) is /404.html with 404."""
    problems = []
    redirect = get(base, "/sessies")
    if (redirect.status, redirect.headers.get("Location")) != (301, "/sessies/"):
        problems.append(f"/sessies: {redirect.status} to {redirect.headers.get('Location')!r}, expected 301 to '/sessies/'")
    page = get(base, "/sessies/")
    if (page.status, page.body) != (200, (root / "sessies" / "index.html").read_bytes()):
        problems.append(f"/sessies/: {page.status}, not sessies/index.html")
    not_found = (root / "404.html").read_bytes()
    for path in MISSING:
        response = get(base, path)
        if (response.status, response.body) != (404, not_found):
            problems.append(f"{path}: {response.status}, {'the site' if response.body == not_found else 'not the site'}"
                            "'s own 404 page; expected 404 with /404.html")
    return problems


def compression_problems(base: str, root: Path, paths: list[str], encodings=tuple(CODECS),
                         copies: bool = True) -> list[str]:
    """Each text file is sent compressed in every encoding the browser accepts, unpacks to the file,
    with Vary: Accept-Encoding. `copies`: the site was deployed, so each is sent as a finished
    copy (with a Content-Length), not compressed per request (chunked)."""
    problems = []
    for path in paths:
        file = file_for(root, path)
        if file.suffix not in COMPRESSED or not file.is_file():
            continue
        data = file.read_bytes()
        plain = get(base, path)
        if plain.body != data or plain.headers.get("Content-Encoding"):
            problems.append(f"{path}: without Accept-Encoding not the file as it is")
        responses = {"none": plain}
        for encoding in encodings:
            response = responses[encoding] = get(base, path, {"Accept-Encoding": encoding})
            if response.headers.get("Content-Encoding") != encoding:
                problems.append(f"{path}: Accept-Encoding {encoding} got Content-Encoding "
                                f"{response.headers.get('Content-Encoding')!r}")
            elif CODECS[encoding](response.body) != data:
                problems.append(f"{path}: the {encoding} body does not unpack to the file")
            elif copies and response.headers.get("Content-Length") != str(len(response.body)):
                problems.append(f"{path}: Accept-Encoding {encoding} was compressed per request, not sent from "
                                "the deploy's copy")
        for encoding, response in responses.items():
            if "Accept-Encoding" not in (response.headers.get("Vary") or ""):
                problems.append(f"{path} (Accept-Encoding {encoding}): no Vary: Accept-Encoding")
    return problems


def point(link: Path, folder: Path) -> None:
    """Switch a symlink as a deploy does: a new link under a temporary name, renamed over the old one."""
    temporary = link.with_name(link.name + ".new")
    temporary.symlink_to(folder)
    os.replace(temporary, link)


def switch_problems(base: str, link: Path, folders: tuple[Path, Path], path: str = "/_build.json") -> list[str]:
    """Served through a symlinked root, the response right after a switch comes from the new folder."""
    problems = []
    for folder in (*folders, folders[0]):
        point(link, folder)
        for attempt in range(3):  # the first request after a switch must already be the new file
            response = get(base, path)
            if (response.status, response.body) != (200, file_for(folder, path).read_bytes()):
                problems.append(f"{path} after switching to {folder.name}, request {attempt + 1}: "
                                f"{response.status}, not that folder's file")
    return problems
