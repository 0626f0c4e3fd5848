"""A file's type is its last suffix, the same wherever it is asked (uploads, the editor's allowlist,
image fields, Markdown images); a name without one is no type of the table."""

import pytest

from werkplaatsen.model.filetypes import suffix


@pytest.mark.parametrize(("name", "expected"), [
    ("verslagen/Ronde-2.PDF", "pdf"),
    ("foto.jpeg", "jpeg"),
    ("archief.tar.gz", "gz"),
    ("pdf", ""),  # a file named like a type has no type
    ("map.v2/verslag", ""),  # a dot in a folder is no suffix
    (".pdf", ""),  # a hidden file
    ("verslag.", ""),
])
def test_the_suffix_of_a_name(name, expected):
    assert suffix(name) == expected
