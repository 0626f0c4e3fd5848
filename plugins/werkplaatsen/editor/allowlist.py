"""What the local browser editor may ask decap-server: content files and downloads, nothing else.

decap-server (npm, pinned) reads, writes and deletes any file inside the checkout it is given, and
commits the result: ``.git/config``, ``.ci/run``, the Makefile, the settings, templates and code
included. The forwarder (``gitserver``) therefore reads every request of the editor before it
passes it on and refuses, in Dutch:

- an action decap-server has that this editor does not use (the editorial workflow's branches
  and labels; ``make beheer`` saves straight to the current branch) or does not know;
- another branch than the one ``make beheer`` saves to (decap-server would check it out);
- any path outside ``content/<type>/<slug>.md`` for the known content types and
  ``content/bestanden/…`` with an allowed download or image extension (``filetypes.UPLOADS``);
  every path parameter of every action is read, a renamed file's new name included;
- a path that is not written plainly: an empty part, a part starting with a dot (``..``,
  ``.git``), a backslash, a percent sign or a control character;
- a path through a symbolic link, a file with a second name (a hard link: writing it would
  change the other name too) or anything that is not a plain file or folder.

What decap-server lists (the entries of a folder, the media library) is read back the same way:
what the editor may not open is not shown.
"""

from __future__ import annotations

import json
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model.contenttypes import BY_FOLDER
from ..model.fields import SLUG_PATTERN
from ..model.filetypes import FILES_PATH, UPLOADS, suffix
from ..model.routes import FILES_FOLDER

CONTENT = "content"
ALLOWED_LIST = ", ".join(sorted(UPLOADS))
OUTSIDE = ("Het beheer opent en bewaart alleen inhoud en bestanden: een .md-bestand in een map van "
           f"content/ (zoals content/sessies/sessie-1.md) of een bestand in {FILES_PATH} "
           f"van een van deze soorten: {ALLOWED_LIST}.")


def _entry(parts: list[str]) -> bool:
    """content/<type>/<slug>.md"""
    return (len(parts) == 3 and parts[0] == CONTENT and parts[1] in BY_FOLDER and parts[2].endswith(".md")
            and SLUG_PATTERN.fullmatch(parts[2].removesuffix(".md")) is not None)


def _entry_folder(parts: list[str]) -> bool:
    """content/<type>"""
    return len(parts) == 2 and parts[0] == CONTENT and parts[1] in BY_FOLDER


def _download(parts: list[str]) -> bool:
    """content/bestanden/…/<name>.<allowed extension>"""
    return len(parts) > 2 and parts[:2] == [CONTENT, FILES_FOLDER] and suffix(parts[-1]) in UPLOADS


def _media_folder(parts: list[str]) -> bool:
    """content/bestanden and its subfolders"""
    return len(parts) >= 2 and parts[:2] == [CONTENT, FILES_FOLDER]


@dataclass(frozen=True)
class PathRule:
    """What a path parameter must name: its rule, and whether that is a folder or a file."""

    fits: Callable[[list[str]], bool]
    folder: bool = False


ENTRY = PathRule(_entry)
ENTRY_FOLDER = PathRule(_entry_folder, folder=True)
DOWNLOAD = PathRule(_download)
MEDIA_FOLDER = PathRule(_media_folder, folder=True)
ENTRY_OR_DOWNLOAD = PathRule(lambda parts: _entry(parts) or _download(parts))

# Every action this editor uses, with where its paths are (a name followed by [] is a list of them)
# and what they must name; decap-server reads no other path of these actions. getDeployPreview
# carries no path: decap-server answers it with nothing.
ACTIONS: dict[str, dict[str, PathRule]] = {
    "info": {},
    "getDeployPreview": {},
    "entriesByFolder": {"folder": ENTRY_FOLDER},
    "entriesByFiles": {"files[].path": ENTRY},
    "getEntry": {"path": ENTRY},
    "persistEntry": {"entry.path": ENTRY, "entry.newPath": ENTRY, "dataFiles[].path": ENTRY,
                     "dataFiles[].newPath": ENTRY, "assets[].path": DOWNLOAD},
    "getMedia": {"mediaFolder": MEDIA_FOLDER},
    "getMediaFile": {"path": DOWNLOAD},
    "persistMedia": {"asset.path": DOWNLOAD},
    "deleteFile": {"path": ENTRY_OR_DOWNLOAD},
    "deleteFiles": {"paths[]": ENTRY_OR_DOWNLOAD},
}
# Listings decap-server answers, and the path of each item in them.
LISTINGS: dict[str, tuple[PathRule, Callable[[dict], object]]] = {
    "entriesByFolder": (ENTRY, lambda item: (item.get("file") or {}).get("path")),
    "getMedia": (DOWNLOAD, lambda item: item.get("path")),
}


def values(data: object, where: str) -> Iterator[object]:
    """What `where` ("dataFiles[].path") names in `data`; what is absent yields nothing."""
    name, _, rest = where.partition(".")
    key = name.removesuffix("[]")
    if not isinstance(data, dict) or key not in data:
        return
    found = data[key]
    for item in found if name.endswith("[]") and isinstance(found, list) else [found]:
        if rest:
            yield from values(item, rest)
        else:
            yield item


def _plain(path: str) -> bool:
    """Written as a plain relative path: no empty or dot part, no backslash, percent sign or control character."""
    if "\\" in path or "%" in path or any(unicodedata.category(sign) in ("Cc", "Cf", "Cs", "Zl", "Zp") for sign in path):
        return False
    return all(part and not part.startswith(".") for part in path.split("/"))


def quoted(value: object) -> str:
    """A value as the editor may see it: quoted, every invisible character written out."""
    return json.dumps(value, ensure_ascii=False)


class Allowlist:
    """The paths and actions decap-server may serve to the editor for `repo`, on `branch`."""

    def __init__(self, repo: Path, branch: str):
        self.repo = repo
        self.branch = branch

    def refusals(self, request: object) -> list[str]:
        """Every reason to refuse `request` (the editor's JSON), in Dutch; empty when it may pass."""
        if not isinstance(request, dict) or not isinstance(request.get("action"), str):
            return ["Het beheer kreeg een opdracht die het niet begrijpt. Laad de pagina opnieuw."]
        action, params = request["action"], request.get("params")
        if action not in ACTIONS:
            return [f"Het beheer voert de opdracht {quoted(action)} niet uit: het leest, bewaart en verwijdert "
                    "alleen inhoud en bestanden."]
        if action == "info":
            return []
        if not isinstance(params, dict):
            return [f"De opdracht {quoted(action)} mist haar gegevens. Laad de pagina opnieuw."]
        problems: list[str] = []
        if params.get("branch") != self.branch:
            problems.append(f"Het beheer bewaart alleen in de tak {quoted(self.branch)}, niet in "
                            f"{quoted(params.get('branch'))}. Wilt u in een andere tak werken? Stop het beheer, "
                            "kies de tak met git switch en start het opnieuw.")
        if action == "persistEntry" and not any(flag is False for flag in values(params, "options.useWorkflow")):
            problems.append("Het beheer op deze computer bewaart meteen, zonder workflow.")
        for where, kind in ACTIONS[action].items():
            problems += [problem for value in values(params, where) if (problem := self.problem(value, kind))]
        problems += self._moves(params)
        return list(dict.fromkeys(problems))

    def _moves(self, params: dict) -> list[str]:
        """A renamed entry stays in its folder (decap-server moves a folder's other files along otherwise)."""
        files = [*values(params, "entry"), *values(params, "dataFiles[]")]
        return [f"{quoted(item['newPath'])}: een item krijgt alleen een nieuwe naam in zijn eigen map "
                f"({quoted(item['path'].rsplit('/', 1)[0])})."
                for item in files
                if isinstance(item, dict) and isinstance(item.get("newPath"), str) and isinstance(item.get("path"), str)
                and item["newPath"].rsplit("/", 1)[0] != item["path"].rsplit("/", 1)[0]]

    def problem(self, path: object, kind: PathRule) -> str | None:
        """Why the editor may not use `path` as `kind`, in Dutch; None when it may."""
        if not isinstance(path, str):
            return f"{quoted(path)} is geen bestandsnaam."
        if not _plain(path) or not kind.fits(path.split("/")):
            return f"{quoted(path)} mag niet. {OUTSIDE}"
        return self._on_disk(path, kind)

    def _on_disk(self, path: str, kind: PathRule) -> str | None:
        """A link, a second name or a special file on the way to `path` (what does not exist yet is fine)."""
        here = self.repo
        parts = path.split("/")
        for number, part in enumerate(parts, start=1):
            here = here / part
            try:
                status = here.lstat()
            except FileNotFoundError:
                return None
            except OSError:
                return f"{quoted(path)} kan het beheer niet lezen."
            last = number == len(parts)
            if stat.S_ISLNK(status.st_mode):
                return (f"{quoted(path)}: {quoted('/'.join(parts[:number]))} is een snelkoppeling (symlink). "
                        "Het beheer volgt geen snelkoppelingen. Zet het echte bestand of de echte map daar.")
            if not last or kind.folder:
                if not stat.S_ISDIR(status.st_mode):
                    return f"{quoted(path)}: {quoted('/'.join(parts[:number]))} is geen map."
            elif not stat.S_ISREG(status.st_mode):
                return f"{quoted(path)} is geen gewoon bestand."
            elif status.st_nlink > 1:
                return (f"{quoted(path)} staat ook onder een andere naam op deze computer (een harde koppeling). "
                        "Het beheer wijzigt zo'n bestand niet. Maak er een gewone kopie van.")
        return None

    def visible(self, action: str, listing: object) -> object:
        """A listing decap-server answered, without the items the editor may not open."""
        if action not in LISTINGS or not isinstance(listing, list):
            return listing
        kind, path_of = LISTINGS[action]
        return [item for item in listing if isinstance(item, dict) and self.problem(path_of(item), kind) is None]
