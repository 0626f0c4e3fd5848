"""What `make beheer` changes in the editor's requests on their way to decap-server.

- ``persistEntry`` (a save): every content file in it is written over the file on disk by
  ``untouched.keep``, so the commit changes only the fields the editor changed.
- ``getMedia`` (the media library): decap-server lists the files of one folder, not of its
  subfolders, while downloads live in content/bestanden/<subfolder>/. The listing is asked for the
  folder and for each folder below it, and joined, so the library shows every file there is.

Everything else, and anything that is not what these expect, passes unchanged: decap-server
answers it as before.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from ..hosting.serve import Reply
from ..model.contenttypes import BY_FOLDER, ContentType
from ..model.filetypes import MEDIA_TYPES
from ..reading import frontmatter
from .untouched import keep

Send = Callable[[dict], Reply]  # passes a request on to decap-server


def forward(repo: Path, request: dict, send: Send) -> Reply:
    """Pass one request of the editor (read from its JSON) to decap-server, rewritten where this module says so."""
    action, params = request.get("action"), request.get("params")
    if action == "persistEntry" and isinstance(params, dict):
        for data_file in params.get("dataFiles") or []:
            _keep_untouched(repo, data_file)
    elif action == "getMedia" and isinstance(params, dict) and isinstance(params.get("mediaFolder"), str):
        return _every_folder(repo, request, send)
    return send(request)


def _keep_untouched(repo: Path, data_file) -> None:
    if not isinstance(data_file, dict) or not isinstance(data_file.get("raw"), str):
        return
    original, kind = _content_file(repo, data_file.get("path"))
    if original is not None:
        data_file["raw"] = keep(original, data_file["raw"], list(kind.schema.model_fields))


def _content_file(repo: Path, path) -> tuple[bytes | None, ContentType | None]:
    """The bytes of an existing content file at `path` (content/<type folder>/<name>.md) and its type."""
    if not isinstance(path, str):
        return None, None
    parts = Path(path).parts
    if len(parts) != 3 or parts[0] != "content" or parts[1] not in BY_FOLDER or not parts[2].endswith(".md"):
        return None, None
    file = repo.joinpath(*parts)
    if file.is_symlink() or not file.is_file():
        return None, None
    with file.open("rb") as handle:
        original = handle.read(frontmatter.MAX_BYTES + 1)
    return original, BY_FOLDER[parts[1]]


def _every_folder(repo: Path, request: dict, send: Send) -> Reply:
    """decap-server's listing of the folder and of every folder below it, as one list."""
    folder = request["params"]["mediaFolder"]
    files = []
    for subfolder in [folder, *_subfolders(repo, folder)]:
        reply = send({**request, "params": {**request["params"], "mediaFolder": subfolder}})
        if reply.status != 200:
            return reply
        files += [file for file in json.loads(reply.body) if not str(file.get("name", "")).startswith(".")]
    return Reply(200, MEDIA_TYPES["json"], json.dumps(files).encode())


def _subfolders(repo: Path, folder: str) -> list[str]:
    """The folders below `folder` in content/, as paths from the repository, without following links."""
    top = repo / folder
    content = (repo / "content").resolve()
    if top.is_symlink() or not top.is_dir() or not top.resolve().is_relative_to(content):
        return []
    found = []
    for here, directories, _ in os.walk(top):
        directories[:] = sorted(name for name in directories
                                if not name.startswith(".") and not (Path(here) / name).is_symlink())
        found += [(Path(here) / name).relative_to(repo).as_posix() for name in directories]
    return sorted(found)
