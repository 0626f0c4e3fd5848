"""The editor wiring really checks front matter: remark with the generated schemas."""

import shutil
import subprocess

from werkplaatsen.system.places import ROOT

REMARK = [str(ROOT / "node_modules" / ".bin" / "remark"), "--frail", "--quiet", "--no-stdout", "--no-color"]


def remark(path, cwd=ROOT):
    return subprocess.run([*REMARK, str(path)], cwd=cwd, capture_output=True, text=True, check=False)


def test_the_real_content_passes_the_editor_schemas():
    result = remark("content")
    assert result.returncode == 0, result.stderr


def test_a_misspelt_field_and_a_wrong_term_are_flagged(tmp_path):
    shutil.copy(ROOT / ".remarkrc.mjs", tmp_path)
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    folder = tmp_path / "content" / "sessies"
    folder.mkdir(parents=True)
    text = (ROOT / "content" / "sessies" / "ronde-2-sessie-1-samen-de-wijk-in.md").read_text(encoding="utf-8")
    (folder / "kapot.md").write_text(
        text.replace("samenvatting:", "samenvating:", 1).replace("vorm: fysiek", "vorm: fysik", 1), encoding="utf-8"
    )
    result = remark("content", cwd=tmp_path)
    assert result.returncode == 1
    assert "Must have required property 'samenvatting'" in result.stderr
    assert "allowed values: `fysiek`, `online`, `hybride`" in result.stderr
