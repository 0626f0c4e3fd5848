"""Writing an output file so that whoever reads it meanwhile sees the old file or the new one.

The preview serves `.preview/site/` while it updates it: a page written in place can be read
half-written (a browser gets fewer bytes than its Content-Length). A new file written next to
the old one and renamed over it replaces it in one step; a reader that has the old file open
keeps reading the old file to its end. A file that already holds those bytes is left alone, so
the preview compresses again only what changed.
"""

from __future__ import annotations

import os
from pathlib import Path


def replace_file(path: Path, data: bytes | str | Path) -> bool:
    """Give `path` the bytes, the text (UTF-8) or a copy of the file `data`, in one step.

    True when the file changed; False when it already held exactly that.
    """
    if isinstance(data, Path):
        data = data.read_bytes()
    elif isinstance(data, str):
        data = data.encode("utf-8")
    if path.is_file() and not path.is_symlink() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    new = path.with_name(f".{path.name}.nieuw")
    new.write_bytes(data)
    os.replace(new, path)
    return True
