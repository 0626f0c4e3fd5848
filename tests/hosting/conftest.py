"""Hosting fixtures: a real nginx on a free loopback port (waited for, always stopped) and sites to serve."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import tiny_png
from werkplaatsen.hosting.nginx import CONFIG_FILE
from werkplaatsen.hosting.trial import Nginx, stage

# Kinds of files the real content does not have (yet), so every type is served at least once.
SAMPLES = {
    "bestanden/voorbeeld.png": tiny_png(),
    "bestanden/voorbeeld.webp": b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00",
    "agenda/sessies.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Werkplaatsen//NL\r\nEND:VCALENDAR\r\n",
    "sitemap.xml": b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n',
    "nieuws.atom": b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n',
}


@pytest.fixture(scope="session")
def built_site(site, tmp_path_factory) -> Path:
    """The real site (built once per session) plus a file of every other type: a build, without copies."""
    root = tmp_path_factory.mktemp("built") / "site"
    shutil.copytree(site.output, root)
    for name, data in SAMPLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.fixture(scope="session")
def hosted_site(built_site, tmp_path_factory) -> Path:
    """That build put in place as `make hosting` and `make deploy` do: a release with compressed copies."""
    current, _ = stage(built_site, tmp_path_factory.mktemp("hosted") / "doel")
    return current.resolve()


@pytest.fixture(scope="session")
def served(hosted_site, tmp_path_factory):
    """nginx with the committed hosting/nginx.conf serving the hosted site: one per session."""
    with Nginx(hosted_site, tmp_path_factory.mktemp("nginx-runtime"), brotli=True) as server:
        yield server


@pytest.fixture
def start_nginx(tmp_path):
    """Start more nginx servers in a test (other settings, other roots); all stop when it ends."""
    servers = []

    def start(root: Path, site_config: Path = CONFIG_FILE, brotli: bool = True) -> Nginx:
        server = Nginx(root, tmp_path / f"nginx-{len(servers)}", site_config=site_config, brotli=brotli)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def two_folders(tmp_path) -> tuple[Path, tuple[Path, Path]]:
    """A symlink `current` to the first of two small sites that differ, as a deploy target holds them."""
    folders = []
    for name in ("oud", "nieuw"):
        folder = tmp_path / "releases" / name
        folder.mkdir(parents=True)
        (folder / "_build.json").write_text(f'{{"release": "{name}"}}\n')
        (folder / "404.html").write_text("<!DOCTYPE html><title>Niet gevonden</title>\n")
        folders.append(folder)
    link = tmp_path / "current"
    link.symlink_to(folders[0])
    return link, tuple(folders)
