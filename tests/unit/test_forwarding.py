"""What `make beheer` changes in the editor's requests to decap-server (werkplaatsen.editor.forwarding)."""

from __future__ import annotations

import json
import os

from werkplaatsen.editor.forwarding import forward
from werkplaatsen.hosting.serve import Reply


class DecapServer:
    """Records what reaches decap-server; lists a folder as decap-server does: its own files only."""

    def __init__(self, repo):
        self.repo = repo
        self.received: list[dict] = []

    def __call__(self, request: dict) -> Reply:
        self.received.append(request)
        if request["action"] != "getMedia":
            return Reply(200, "application/json", b'{"message": "entry persisted"}')
        folder = self.repo / request["params"]["mediaFolder"]
        files = [{"path": f"{request['params']['mediaFolder']}/{path.name}", "name": path.name}
                 for path in sorted(folder.iterdir()) if path.is_file()]
        return Reply(200, "application/json", json.dumps(files).encode())


def media(repo, folder: str = "content/bestanden") -> tuple[Reply, DecapServer]:
    server = DecapServer(repo)
    request = {"action": "getMedia", "params": {"branch": "main", "mediaFolder": folder}}
    return forward(repo, request, server), server


def test_the_library_lists_every_file_below_the_media_folder_but_no_hidden_files_or_linked_folders(tmp_path):
    files = tmp_path / "content" / "bestanden"
    for name in ("los.pdf", "verslagen/a.pdf", "verslagen/2019/b.pdf", "werkbladen/c.pdf", "werkbladen/.gitkeep",
                 ".verborgen/d.pdf", "../buiten/e.pdf"):
        (files / name).parent.mkdir(parents=True, exist_ok=True)
        (files / name).write_bytes(b"%PDF-1.4")
    os.symlink(tmp_path / "content" / "buiten", files / "link")
    reply, server = media(tmp_path)
    assert reply.status == 200
    assert [file["path"] for file in json.loads(reply.body)] == [
        "content/bestanden/los.pdf", "content/bestanden/verslagen/a.pdf", "content/bestanden/verslagen/2019/b.pdf",
        "content/bestanden/werkbladen/c.pdf"]
    assert [request["params"]["mediaFolder"] for request in server.received] == [
        "content/bestanden", "content/bestanden/verslagen", "content/bestanden/verslagen/2019",
        "content/bestanden/werkbladen"], "each folder is asked of decap-server itself"


def test_a_media_folder_outside_content_is_asked_as_it_is_and_a_refusal_passes_on(tmp_path):
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    reply, server = media(tmp_path, ".git")
    assert [request["params"]["mediaFolder"] for request in server.received] == [".git"]

    def refuses(request: dict) -> Reply:
        return Reply(422, "application/json", b'{"error": "nee"}')
    (tmp_path / "content" / "bestanden" / "a").mkdir(parents=True)
    request = {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "content/bestanden"}}
    assert forward(tmp_path, request, refuses) == \
        Reply(422, "application/json", b'{"error": "nee"}')


def save(repo, path: str, raw: str) -> dict:
    server = DecapServer(repo)
    request = {"action": "persistEntry", "params": {"branch": "main", "assets": [], "options": {},
                                                    "dataFiles": [{"path": path, "raw": raw, "slug": "x"}]}}
    forward(repo, request, server)
    [sent] = server.received
    return sent["params"]["dataFiles"][0]


def test_a_save_of_an_existing_content_file_keeps_its_untouched_fields_in_the_models_order(tmp_path):
    folder = tmp_path / "content" / "casussen"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("---\n# noot\ntitel: A\nbijgewerkt: 2019-01-01\n---\nTekst\n", encoding="utf-8")
    sent = save(tmp_path, "content/casussen/a.md", "---\ntitel: A\nwijk: Noord\nbijgewerkt: 2019-01-01\n---\nTekst\n")
    assert sent["raw"] == "---\n# noot\ntitel: A\nwijk: Noord\nbijgewerkt: 2019-01-01\n---\nTekst\n"
    assert sent["path"] == "content/casussen/a.md" and sent["slug"] == "x", "the rest of the request is as it was"


def test_a_new_file_a_file_outside_the_content_types_and_a_linked_file_are_saved_as_decap_wrote_them(tmp_path):
    raw = "---\ntitel: B\n---\nTekst\n"
    outside = tmp_path / "elders.md"
    outside.write_text("---\n# noot\ntitel: A\n---\nTekst\n", encoding="utf-8")
    (tmp_path / "content" / "casussen").mkdir(parents=True)
    os.symlink(outside, tmp_path / "content" / "casussen" / "link.md")
    for path in ("content/casussen/nieuw.md", "elders.md", "content/casussen/link.md", "content/../elders.md",
                 "content/bestanden/x.md", 7):
        assert save(tmp_path, path, raw)["raw"] == raw, path


def test_requests_it_does_not_know_pass_unchanged(tmp_path):
    for request in ({}, {"action": "persistEntry"}, {"action": "getMedia", "params": {"mediaFolder": 1}},
                    {"action": "persistEntry", "params": {"dataFiles": [1, {"path": "x"}]}}, {"action": "info"}):
        def record(sent: dict, expected=json.loads(json.dumps(request))) -> Reply:
            assert sent == expected
            return Reply(200, "application/json", b"{}")
        assert forward(tmp_path, request, record).status == 200
