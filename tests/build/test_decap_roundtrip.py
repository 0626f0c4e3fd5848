"""An edit in the browser editor may change quoting, never a value: every content file read by Decap
and written back reads the same with the site's own front matter reader.

Decap reads YAML 1.2, the reader reads every value as text; they disagree on a plain value such
as `9.30` (1.2: the number 9.3). The real content must hold none.
"""

from __future__ import annotations

import shutil
import subprocess

from werkplaatsen.reading import frontmatter
from werkplaatsen.system.places import ROOT

SCRIPT = ROOT / "tests" / "build" / "decap_yaml.js"


def values_changed_by_decap(content) -> list[str]:
    """Every field whose value differs after Decap's round trip, as 'file: field'."""
    copy = content.parent / "decap"
    shutil.copytree(content, copy)
    files = sorted(copy.rglob("*.md"))
    subprocess.run(["node", str(SCRIPT), *map(str, files)], cwd=ROOT, check=True)
    changed = []
    for after in files:
        before = content / after.relative_to(copy)
        old, _ = frontmatter.read(str(before), before.read_bytes())
        new, _ = frontmatter.read(str(after), after.read_bytes())
        changed += [f"{before.name}: {name}" for name in old.data.keys() | new.data.keys()
                    if old.data.get(name) != new.data.get(name)]
        assert old.body.strip() == new.body.strip(), before
    return changed


def test_decap_keeps_every_value_of_the_real_content(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("bestanden"))
    assert values_changed_by_decap(tmp_path / "content") == []


def test_a_value_that_yaml_1_2_reads_as_a_number_is_caught(tmp_path):
    folder = tmp_path / "content" / "sessies"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("---\ntitel: A\nagenda:\n  - tijd: 9.30\n    onderdeel: Start\nnummer: 3\n---\nTekst\n")
    assert values_changed_by_decap(tmp_path / "content") == ["a.md: agenda"]
