"""The Nu HTML checker (vnu.jar) over the whole built real site: no errors."""

from __future__ import annotations

import pytest

from tests.browser.gates import vnu_errors

pytestmark = pytest.mark.browser


def test_every_page_is_valid_html(site):
    errors = vnu_errors(site.output)
    assert not errors, f"{len(errors)} HTML error(s) (Nu HTML checker):\n" + "\n".join(errors)
