"""`make serve` with other settings: the preview's server sends the headers file the settings name,
the same file the build copies into the site and takes the pages' <meta> policy from."""

from __future__ import annotations

import html
import re

from tests.build.preview_support import Running
from tests.support import copy_fixture_content, settings_file
from werkplaatsen.hosting.headers import HEADERS_FILE, headers_for, meta_policy, parse_headers_file

PAGE = "/sessies/gewoon/"


def test_the_preview_sends_the_headers_file_its_settings_name(tmp_path):
    """`--settings` naming another headers file: the server sends that file's headers, the same
    policy the pages carry in their <meta> element, not the default file's."""
    headers = tmp_path / "headers"
    headers.write_text(HEADERS_FILE.read_text(encoding="utf-8").replace("object-src 'none'", "object-src 'none'; media-src 'none'", 1),
                       encoding="utf-8")
    copy_fixture_content(tmp_path)
    settings_file(tmp_path / "conf.py", f"WERKPLAATSEN_HEADERS_FILE = {str(headers)!r}")
    preview = Running(tmp_path)
    try:
        status, sent, body = preview.page(PAGE)
    finally:
        preview.stop()
    rules = parse_headers_file(headers)
    assert status == 200 and "media-src 'none'" in sent["Content-Security-Policy"]
    assert [(name, sent[name]) for name, _ in headers_for(rules, PAGE)] == headers_for(rules, PAGE)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', body)
    assert html.unescape(meta[1]) == meta_policy(rules, PAGE)
