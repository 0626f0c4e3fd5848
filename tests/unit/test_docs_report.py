"""`make docs` says which generated files it wrote, and leaves the current ones alone."""

from __future__ import annotations

from werkplaatsen.editor import __main__ as editor
from werkplaatsen.editor import generate
from werkplaatsen.hosting import nginx


def test_make_docs_names_what_it_regenerated_and_counts_the_rest(tmp_path, monkeypatch, capsys):
    current, stale, missing = tmp_path / "actueel.md", tmp_path / "oud.json", tmp_path / "nieuw" / "config.yml"
    current.write_text("zo hoort het\n", encoding="utf-8")
    stale.write_text("{}\n", encoding="utf-8")
    files = {current: "zo hoort het\n", stale: '{"a": 1}\n', missing: "a: 1\n"}
    monkeypatch.setattr(generate, "generated_files", lambda: files)
    monkeypatch.setattr(editor, "ROOT", tmp_path)
    before = current.stat().st_mtime_ns
    assert editor.main(["docs"]) == 0
    assert capsys.readouterr().out == "Opnieuw gemaakt uit het model: oud.json, nieuw/config.yml (1 ander was al actueel).\n"
    assert {path: path.read_text(encoding="utf-8") for path in files} == files
    assert current.stat().st_mtime_ns == before
    assert editor.main(["docs"]) == 0
    assert capsys.readouterr().out == "De 3 bestanden uit het model waren al actueel.\n"


def test_make_docs_says_whether_nginx_conf_changed(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(nginx, "CONFIG_FILE", tmp_path / "nginx.conf")
    assert nginx.main() == 0
    assert capsys.readouterr().out == "Opnieuw gemaakt uit hosting/_headers: hosting/nginx.conf.\n"
    assert nginx.main() == 0
    assert capsys.readouterr().out == "hosting/nginx.conf was al actueel (uit hosting/_headers).\n"
