"""Each hosting check, shown to fail: nginx runs with a deliberately broken copy of the generated
configuration (or one generated from a broken headers file), and the check of the broken rule must
report it. test_nginx.py shows the same checks pass on the real configuration."""

from __future__ import annotations

import re

import pytest

from tests.hosting.checks import (
    clean_url_problems,
    compression_problems,
    fetch_all,
    header_problems,
    policy_problems,
    probes,
    switch_problems,
    type_problems,
)
from werkplaatsen.hosting.headers import HEADERS_FILE, parse_headers_file
from werkplaatsen.hosting.nginx import CONFIG_FILE, site_config

RULES = parse_headers_file(HEADERS_FILE)


def replace(old: str, new: str):
    def change(text, tmp_path):
        assert old in text, f"{old!r} is no longer in hosting/nginx.conf: update this breakage"
        return text.replace(old, new)
    return change


def only_own_header_in_theme(text, tmp_path):
    """The classic mistake: the /theme/ location sets only its own header, and so loses all others."""
    block = re.search(r"location \^~ /theme/ \{\n(.*?)\n\}", text, re.S).group(1)
    return text.replace(block, "\n".join(line for line in block.splitlines() if "Cache-Control" in line))


def drifted_headers_file(text, tmp_path):
    """hosting/_headers without HSTS, without the theme's caching and without the download sandbox."""
    broken = re.sub(r"\n  Strict-Transport-Security: .*", "", HEADERS_FILE.read_text(encoding="utf-8"))
    (tmp_path / "_headers").write_text(broken.split("# Theme files")[0], encoding="utf-8")
    return site_config(parse_headers_file(tmp_path / "_headers"))


def without_types(text, tmp_path):
    return re.sub(r"\ntypes \{.*?\n\}\n", "\n", text, flags=re.S)


CHECKS = {
    "headers": lambda server, site: header_problems(fetch_all(server.url, probes(site)), RULES),
    "policy": lambda server, site: policy_problems(fetch_all(server.url, probes(site))),
    "types": lambda server, site: type_problems(fetch_all(server.url, probes(site))),
    "clean urls": lambda server, site: clean_url_problems(server.url, site),
    "compression": lambda server, site: compression_problems(server.url, site, probes(site)),
}

# name: (how the configuration breaks, the check that must notice, a fragment of its report)
BREAKAGES = {
    "add_header without always": (replace(" always;", ";"), "headers", "/bestaat-niet/ (404): content-security-policy"),
    "a location with only its own header": (only_own_header_in_theme, "headers", "/theme/site."),
    "a headers file that drifted": (drifted_headers_file, "policy", "Strict-Transport-Security is None"),
    "downloads not sandboxed": (drifted_headers_file, "policy", "a download with Content-Security-Policy"),
    "theme files not cached": (drifted_headers_file, "policy", "expected 'public, max-age=31536000, immutable'"),
    "no 404 page": (replace("error_page 403 404 =404 /404.html;\n", ""), "clean urls", "not the site's own 404 page"),
    "folders without redirect": (replace("location / {\n", "location / {\n    try_files $uri $uri/index.html =404;\n"),
                                 "clean urls", "/sessies: 200"),
    "no gzip copies": (replace("gzip_static on;", "gzip_static off;"), "compression",
                       "Accept-Encoding gzip was compressed per request"),
    "no Vary": (replace("gzip_vary on;", "gzip_vary off;"), "compression", "no Vary: Accept-Encoding"),
    "no types": (without_types, "types", "expected 'text/calendar; charset=utf-8'"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_the_check_reports_the_broken_rule(name, hosted_site, start_nginx, tmp_path):
    change, check, fragment = BREAKAGES[name]
    broken = change(CONFIG_FILE.read_text(encoding="utf-8"), tmp_path)
    config = tmp_path / "nginx.conf"
    config.write_text(broken, encoding="utf-8")
    problems = CHECKS[check](start_nginx(hosted_site, site_config=config), hosted_site)
    assert any(fragment in problem for problem in problems), problems


def test_without_the_brotli_module_only_brotli_is_missing(hosted_site, start_nginx):
    """Without the module nginx still serves the site, with the gzip copies; the check names what is lost."""
    problems = CHECKS["compression"](start_nginx(hosted_site, brotli=False), hosted_site)
    assert problems and all("Accept-Encoding br got Content-Encoding None" in problem for problem in problems), problems


def test_the_compression_check_reports_nginx_that_does_not_compress_a_file_without_copies(built_site, start_nginx,
                                                                                         tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(replace("gzip on;", "gzip off;")(CONFIG_FILE.read_text(encoding="utf-8"), tmp_path))
    for server, lost in ((start_nginx(built_site, site_config=config), "gzip"), (start_nginx(built_site, brotli=False),
                                                                                 "br")):
        problems = compression_problems(server.url, built_site, probes(built_site), copies=False)
        assert problems and all(f"Accept-Encoding {lost} got Content-Encoding None" in problem
                                for problem in problems), problems


@pytest.mark.parametrize(("old", "new", "fragment"), [
    ("open_file_cache off;", "open_file_cache max=100 inactive=60s;", "not that folder's file"),
    ("disable_symlinks off;", "disable_symlinks on;", ": 404, not that folder's file"),
])
def test_the_switch_check_reports_a_root_that_does_not_follow_the_symlink(old, new, fragment, two_folders,
                                                                          start_nginx, tmp_path):
    link, folders = two_folders
    config = tmp_path / "nginx.conf"
    config.write_text(replace(old, new)(CONFIG_FILE.read_text(encoding="utf-8"), tmp_path), encoding="utf-8")
    problems = switch_problems(start_nginx(link, site_config=config).url, link, folders)
    assert any(fragment in problem for problem in problems), problems
