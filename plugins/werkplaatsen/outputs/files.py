"""Writing an output file so that whoever reads it meanwhile sees the old file or the new one.

The preview serves `.preview/site/` while it updates it: a page written in place can be read
half-written (a browser gets fewer bytes than its Content-Length). A new file written next to
the old one and renamed over it replaces it in one step; a reader that has the old file open
keeps reading the old file to its end. A file that already holds those bytes is left alone, so
the preview touches only what changed.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path


def replace_file(path: Path, data: bytes | str | Path) -> bool:
    """Give `path` the bytes, the text (UTF-8) or a copy of the file `data`, in one step.

    True when the file changed; False when it already held exactly that. A copy keeps the
    source's modification time, so an unchanged download (up to 50 MB) is recognised by its size
    and time, as rsync does, without reading it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # A temporary name of this process and thread: two writers of one path (test workers sharing
    # the compression cache, say) never rename each other's half-written file.
    new = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.nieuw")
    if isinstance(data, Path):
        if _same_copy(path, data):
            return False
        shutil.copy2(data, new)
    else:
        data = data.encode("utf-8") if isinstance(data, str) else data
        if path.is_file() and not path.is_symlink() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
        new.write_bytes(data)
    os.replace(new, path)
    return True


def _same_copy(path: Path, source: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    copy, original = path.stat(), source.stat()
    return (copy.st_size, copy.st_mtime_ns) == (original.st_size, original.st_mtime_ns)
