"""The preview drives the build only through the generator's public methods, and the build drives
Pelican and Jinja only through theirs (issue 18, "one way to build").

No module of the build stage (generator, preview, workers, check) touches a private name
(``._name``) of another object: not the generator's, not Pelican's, not Jinja's. A class may use
its own private names, not those it inherits. The scan reads the source (ast), so it holds for
every path, also those no test runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

from werkplaatsen.system.places import ROOT

BUILD = ROOT / "plugins" / "werkplaatsen" / "build"
PUBLIC_DESPITE_THE_NAME = {"os._exit"}  # documented: leave a forked process without cleaning up


def _own_names(cls: ast.ClassDef) -> set[str]:
    """The names a class defines itself: its methods and attributes, and what it assigns to self."""
    names = {node.name for node in cls.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    names |= {target.id for node in cls.body if isinstance(node, (ast.Assign, ast.AnnAssign))
              for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
              if isinstance(target, ast.Name)}
    names |= {node.attr for node in ast.walk(cls) if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
              and isinstance(node.value, ast.Name) and node.value.id == "self"}
    return names


def private_uses(source: str) -> list[str]:
    """Every `x._name` in `source` that is not a class's use of its own name, as "line: expression"."""
    tree = ast.parse(source)
    own: dict[int, set[str]] = {}  # id of an Attribute node -> the names its class defines
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        names = _own_names(cls)
        for node in ast.walk(cls):
            own[id(node)] = names
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_") or node.attr.startswith("__"):
            continue
        if isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr in own.get(id(node), set()):
            continue
        found.add((node.lineno, ast.unparse(node)))
    return [f"{line}: {expression}" for line, expression in sorted(found)]


def test_the_build_touches_no_private_state_of_the_generator_pelican_or_jinja():
    uses = {f"{module.name}:{use}" for module in sorted(BUILD.glob("*.py"))
            for use in private_uses(module.read_text(encoding="utf-8"))
            if use.split(": ", 1)[1] not in PUBLIC_DESPITE_THE_NAME}
    assert uses == set()


def test_the_scan_sees_a_private_attribute_of_another_object_and_an_inherited_one():
    source = ("class Preview:\n"
              "    def update(self):\n"
              "        self._mine()\n"
              "        self.generator._templates.clear()\n"
              "    def _mine(self):\n"
              "        pass\n"
              "class PreviewGenerator(WerkplaatsenGenerator):\n"
              "    def write_rest(self):\n"
              "        self._print_summary()\n")
    assert private_uses(source) == ["4: self.generator._templates", "9: self._print_summary"]
