"""An import-linter contract for what the layers contract cannot see: the names an import takes.

``private_names``: no module imports a name that starts with ``_`` (or a module whose name does)
from another stage package. A private name is free to change with its own stage; a stage that
needs it from another should get it made public there. Within a stage, private names may be
shared. What the contract sees is the import statement (``from ..model.fields import _text``),
not an attribute reached through a module (``fields._text``).
"""

from __future__ import annotations

import ast
import importlib.util
from functools import cache
from pathlib import Path

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@cache
def _imported_names(path: Path) -> dict[int, list[str]]:
    """Line number of each `from … import` statement in a file -> the names it takes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.lineno: [alias.name for alias in node.names]
            for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


class PrivateNamesContract(Contract):
    type_name = "private_names"

    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        broken = []
        for container in self.containers:  # type: ignore[attr-defined]
            folder = Path(importlib.util.find_spec(container).origin).parent
            for importer in sorted(graph.find_descendants(container)):
                for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                    if not imported.startswith(container + ".") or _stage(importer, container) == _stage(imported, container):
                        continue
                    broken.extend(_reaches(graph, folder, container, importer, imported))
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, imported, line, names in check.metadata["broken"]:
            output.print_error(f"{importer} (line {line}) imports {', '.join(names)} from {imported}: "
                               "make it public in its stage, or keep the code that needs it there.")
            output.new_line()


def _stage(module: str, container: str) -> str:
    return module[len(container) + 1:].split(".")[0]


def _source(folder: Path, container: str, module: str) -> Path:
    parts = module[len(container) + 1:].split(".")
    path = folder.joinpath(*parts)
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _reaches(graph: ImportGraph, folder: Path, container: str, importer: str, imported: str) -> list:
    found = []
    names_by_line = _imported_names(_source(folder, container, importer))
    for detail in graph.get_import_details(importer=importer, imported=imported):
        line = detail["line_number"]
        if _private(imported.rsplit(".", 1)[1]):
            found.append((importer, imported, line, [imported]))
            continue
        private = [name for name in names_by_line.get(line, []) if _private(name)]
        if private:
            found.append((importer, imported, line, private))
    return found
