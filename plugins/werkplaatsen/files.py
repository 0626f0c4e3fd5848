"""Writing an output file so that whoever reads it meanwhile sees the old file or the new one.

The preview serves `.preview/site/` while it updates it: a page written in place can be read
half-written (a browser gets fewer bytes than its Content-Length). A new file written next to
the old one and renamed over it replaces it in one step; a reader that has the old file open
keeps reading the old file to its end.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def replace_file(path: Path, data: bytes | str | Path) -> Path:
    """Give `path` the bytes, the text (UTF-8) or a copy of the file `data`, in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = path.with_name(f".{path.name}.nieuw")
    if isinstance(data, Path):
        shutil.copyfile(data, new)
    else:
        new.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(new, path)
    return path
