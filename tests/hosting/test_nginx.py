"""nginx with the generated hosting/nginx.conf keeps every hosting rule, checked on real responses."""

from __future__ import annotations

import pytest

from tests.hosting.checks import (
    SANDBOX,
    clean_url_problems,
    compression_problems,
    fetch_all,
    get,
    header_problems,
    policy_problems,
    probes,
    switch_problems,
    type_problems,
)
from werkplaatsen.hosting.headers import HEADERS_FILE, parse_headers_file
from werkplaatsen.hosting.nginx import site_config
from werkplaatsen.hosting.precompress import MANIFEST
from werkplaatsen.model.routes import FILES_URL


@pytest.fixture(scope="module")
def responses(served, hosted_site):
    return fetch_all(served.url, probes(hosted_site))


def test_every_response_type_carries_exactly_the_headers_of_the_headers_file(responses):
    statuses = {path: response.status for path, response in responses.items()}
    assert sorted(set(statuses.values())) == [200, 301, 404], statuses
    assert header_problems(responses, parse_headers_file(HEADERS_FILE)) == []


def test_security_headers_caching_and_the_download_sandbox(responses):
    assert policy_problems(responses) == []
    assert any(path.startswith(FILES_URL) and r.headers["Content-Security-Policy"] == SANDBOX
               for path, r in responses.items())


def test_every_file_type_has_its_content_type(responses):
    assert type_problems(responses) == []
    assert {r.headers["Content-Type"] for r in responses.values() if r.status == 200} >= {
        "text/calendar; charset=utf-8", "application/json", "image/webp", "application/atom+xml; charset=utf-8"}


def test_clean_urls_and_the_dutch_404_page(served, hosted_site):
    assert clean_url_problems(served.url, hosted_site) == []
    assert "niet gevonden" in get(served.url, "/bestaat-niet/").body.decode().lower()


def test_the_deploy_s_gzip_and_brotli_copies_are_sent(served, hosted_site):
    assert compression_problems(served.url, hosted_site, probes(hosted_site)) == []


def test_a_site_without_copies_is_compressed_per_request(built_site, start_nginx):
    """A build served as it is (no deploy made copies): nginx compresses every text file itself."""
    server = start_nginx(built_site)
    assert compression_problems(server.url, built_site, probes(built_site), copies=False) == []


def test_a_switched_root_symlink_takes_effect_at_the_next_request(two_folders, start_nginx):
    link, folders = two_folders
    assert switch_problems(start_nginx(link).url, link, folders) == []


def test_any_number_of_folder_rules_each_with_the_merged_headers(tmp_path, start_nginx):
    """Any folder can have a rule of its own (as /archief/* has); nested folders work the same way."""
    headers_file = tmp_path / "_headers"
    headers_file.write_text(HEADERS_FILE.read_text(encoding="utf-8")
                            + "/archief/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n"
                            + "/archief/intern/*\n  X-Robots-Tag: noindex\n")
    rules = parse_headers_file(headers_file)
    config = tmp_path / "nginx.conf"
    config.write_text(site_config(rules))
    root = tmp_path / "site"
    for page in ("index.html", "404.html", "archief/index.html", "archief/intern/index.html", "theme/x.css"):
        (root / page).parent.mkdir(parents=True, exist_ok=True)
        (root / page).write_text("<!DOCTYPE html><title>x</title>\n")
    server = start_nginx(root, site_config=config)
    responses = fetch_all(server.url, ["/", "/archief/", "/archief/intern/", "/archief/intern/weg", "/theme/x.css"])
    assert header_problems(responses, rules) == []
    assert responses["/archief/intern/"].headers["Content-Security-Policy"] == "default-src 'self'; frame-ancestors 'none'"
    assert responses["/archief/intern/"].headers["X-Robots-Tag"] == "noindex"
    assert responses["/archief/intern/"].headers["Strict-Transport-Security"]
    assert "X-Robots-Tag" not in responses["/archief/"].headers


def test_configuration_is_not_served_and_the_build_record_is(served, hosted_site):
    """_headers is for other hosts and the deploy's list of compressed copies for the next deploy, not
    for visitors; _build.json is public for monitoring (README)."""
    for name in ("_headers", MANIFEST):
        assert (hosted_site / name).is_file()
        hidden = get(served.url, f"/{name}")
        assert hidden.status == 404 and hidden.body == (hosted_site / "404.html").read_bytes(), name
    record = get(served.url, "/_build.json")
    assert record.status == 200 and record.headers["Content-Type"] == "application/json"


def test_many_byte_ranges_get_the_whole_file_once(served, hosted_site):
    pdf = next(path for path in sorted((hosted_site / "bestanden").rglob("*.pdf")))
    path, size = "/" + pdf.relative_to(hosted_site).as_posix(), pdf.stat().st_size
    many = get(served.url, path, {"Range": "bytes=" + ",".join(f"{n}-{n}" for n in range(0, 1700, 2))})
    assert many.status == 200 and len(many.body) == size
    one = get(served.url, path, {"Range": "bytes=0-9"})
    assert one.status == 206 and one.body == pdf.read_bytes()[:10]
