"""hosting/nginx.conf is generated from hosting/_headers, and what nginx cannot follow is refused in Dutch."""

from __future__ import annotations

import re

import pytest

from werkplaatsen.hosting.headers import HEADERS_FILE, parse_headers_file
from werkplaatsen.hosting.nginx import CONFIG_FILE, ConfigError, site_config
from werkplaatsen.model.filetypes import MEDIA_TYPES, UPLOADS
from werkplaatsen.hosting.precompress import TEXT_SUFFIXES


def test_the_committed_config_is_generated_from_the_headers_file():
    assert CONFIG_FILE.read_text(encoding="utf-8") == site_config(parse_headers_file(HEADERS_FILE)), \
        "hosting/nginx.conf is out of date: run make docs"


@pytest.mark.parametrize(("rule", "expected"), [
    ("/*.pdf\n  X-A: b\n", "kan nginx niet volgen"),
    ("/sessies/index.html\n  X-A: b\n", "kan nginx niet volgen"),
    ("/a*/\n  X-A: b\n", "kan nginx niet volgen"),
    ("/x/*\n  X-A: kost $5\n", "een $"),
    ("/x/*\n  X A: b\n", "geen geldige naam"),
])
def test_rules_nginx_cannot_follow_are_refused_in_dutch(tmp_path, rule, expected):
    headers_file = tmp_path / "_headers"
    headers_file.write_text(HEADERS_FILE.read_text(encoding="utf-8") + rule)
    with pytest.raises(ConfigError, match=re.escape(expected)):
        site_config(parse_headers_file(headers_file))


def test_every_type_the_site_can_publish_has_a_content_type():
    assert {suffix.lstrip(".") for suffix in TEXT_SUFFIXES} | set(UPLOADS) <= set(MEDIA_TYPES)
