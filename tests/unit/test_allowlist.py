"""The allowlist of `make beheer`'s backend: content files and downloads pass, nothing else does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkplaatsen.editor.allowlist import ACTIONS, DOWNLOAD, ENTRY, Allowlist
from werkplaatsen.model.contenttypes import BY_FOLDER
from werkplaatsen.model.filetypes import UPLOADS

BRANCH = "main"
OPTIONS = {"commitMessage": "Opgeslagen", "useWorkflow": False, "status": "draft"}
RAW = "---\ntitel: Nieuw\n---\n"
PDF = "JVBERi0xLjQK"  # %PDF-1.4, base64


def checkout(root: Path) -> Path:
    """A checkout with content, a download, code, git's files, and links that lead out of content/."""
    for name, text in [("content/sessies/sessie-1.md", RAW), ("content/bestanden/verslag.pdf", "%PDF-1.4"),
                       ("content/bestanden/werkbladen/blad.pdf", "%PDF-1.4"), ("content/bestanden/.gitkeep", ""),
                       (".git/config", "[core]\n"), ("Makefile", "all:\n"), ("notities.txt", "eigen notities")]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "content/sessies/link.md").symlink_to("../../.git/config")
    (root / "content/bestanden/git").symlink_to("../../.git", target_is_directory=True)
    (root / "content/bestanden/map.pdf").mkdir()
    os.link(root / "notities.txt", root / "content/sessies/tweede-naam.md")
    os.mkfifo(root / "content/sessies/pijp.md")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return checkout(tmp_path / "site")


def request(action: str, **params) -> dict:
    return {"branch": BRANCH, "action": action, "params": {"branch": BRANCH, **params}}


def persist(path: str = "content/sessies/sessie-1.md", **entry) -> dict:
    return request("persistEntry", dataFiles=[{"slug": "x", "path": path, "raw": RAW, **entry}], assets=[],
                   options=OPTIONS)


# What Decap CMS sends while an editor works, shaped as decap-cms-backend-proxy sends it.
EDITOR_REQUESTS = [
    {"action": "info"},
    request("entriesByFolder", folder="content/sessies", extension="md", depth=1),
    request("entriesByFiles", files=[{"path": "content/sessies/sessie-1.md", "label": "Sessie"}]),
    request("getEntry", path="content/sessies/sessie-1.md"),
    persist(),
    persist("content/sessies/nieuw.md"),
    persist(newPath="content/sessies/sessie-1-nieuw.md"),
    request("persistEntry", dataFiles=[{"slug": "x", "path": "content/berichten/nieuws.md", "raw": RAW}],
            assets=[{"path": "content/bestanden/nieuws/foto.JPG", "content": "/9j/", "encoding": "base64"}],
            options=OPTIONS),
    request("getMedia", mediaFolder="content/bestanden"),
    request("getMedia", mediaFolder="content/bestanden/werkbladen"),
    request("getMediaFile", path="content/bestanden/werkbladen/blad.pdf"),
    request("persistMedia", asset={"path": "content/bestanden/nieuw.pdf", "content": PDF, "encoding": "base64"},
            options={"commitMessage": "Bestand toegevoegd"}),
    request("deleteFiles", paths=["content/sessies/sessie-1.md", "content/bestanden/verslag.pdf"],
            options={"commitMessage": "Verwijderd"}),
    request("deleteFile", path="content/bestanden/verslag.pdf", options={"commitMessage": "Verwijderd"}),
    request("getDeployPreview", collection="sessies", slug="sessie-1"),
]


@pytest.mark.parametrize("editor_request", EDITOR_REQUESTS, ids=lambda r: r["action"])
def test_what_the_editor_sends_passes(repo, editor_request):
    assert Allowlist(repo, BRANCH).refusals(editor_request) == []


OUTSIDE = [
    ".git/config", ".git/hooks/post-commit", ".ci/run", "Makefile", "pelicanconf.py", "publishconf.py",
    "theme/templates/base.html", "plugins/werkplaatsen/hosting/serve.py", "package.json", ".gitattributes", "README.md",
    "content/../Makefile", "content/sessies/../../.git/config", "content/sessies/../sessie-1.md",
    "content/./sessies/sessie-1.md", "./content/sessies/sessie-1.md", "content//sessies/sessie-1.md",
    "content/%2e%2e/Makefile", "content%2f..%2f.git%2fconfig", "content/sessies/%2e%2e%2f%2e%2e%2fMakefile.md",
    "content\\..\\.git\\config", "content/sessies/..\\..\\Makefile.md", "/etc/passwd", "content/sessies/.verborgen.md",
    "content/sessies/sessie-1.md\x00.pdf", "content/sessies/sessie\u2028-1.md", "content/sessies/Sessie-1.md",
    "content/sessies/sessie-1.html", "content/onbekend/sessie-1.md", "content/sessie-1.md", "content/bestanden/x.html",
    "content/bestanden/x.svg", "content/bestanden/x.pdf.js", "content/bestanden", "content/bestanden/.gitkeep",
    "content/bestanden/git/config.pdf", "content/sessies/link.md", "content/sessies/tweede-naam.md",
    "content/sessies/pijp.md", "content/bestanden/map.pdf", "content/bestanden/verslag.pdf/x.pdf",
    "content/bestanden/%2e%2e/verslag.pdf", "content/bestanden/100%.pdf", "content/bestanden/a\\b.pdf",
    "content/bestanden/gpj.\u202epdf", "content/bestanden/x\x7f.pdf", "content/bestanden/x\ud800.pdf",
]
OUTSIDE_FOLDERS = [
    ".git", ".git/hooks", ".ci", "theme", "plugins", "content", "", "content/..", "content/sessies/..",
    "content/bestanden/../..", "content/%2e%2e", "content\\..", "/etc", "content/bestanden/", "content/sessies/",
    "content/bestanden/git", "content/bestanden/git/hooks", "content/bestanden/verslag.pdf",
]
# Every path parameter of every action, with a path aimed outside: (action, request for that path).
AIMED = {
    "persistEntry": lambda path: persist(path),
    "persistEntry (newPath)": lambda path: persist(newPath=path),
    "persistEntry (entry)": lambda path: request("persistEntry", entry={"slug": "x", "path": path, "raw": RAW},
                                                 assets=[], options=OPTIONS),
    "persistEntry (asset)": lambda path: request(
        "persistEntry", dataFiles=[{"slug": "x", "path": "content/sessies/sessie-1.md", "raw": RAW}],
        assets=[{"path": path, "content": PDF, "encoding": "base64"}], options=OPTIONS),
    "persistMedia": lambda path: request("persistMedia", asset={"path": path, "content": PDF, "encoding": "base64"},
                                         options={"commitMessage": "x"}),
    "deleteFile": lambda path: request("deleteFile", path=path, options={"commitMessage": "x"}),
    "deleteFiles": lambda path: request("deleteFiles", paths=["content/sessies/sessie-1.md", path],
                                        options={"commitMessage": "x"}),
    "getEntry": lambda path: request("getEntry", path=path),
    "entriesByFiles": lambda path: request("entriesByFiles", files=[{"path": path}]),
    "getMediaFile": lambda path: request("getMediaFile", path=path),
}
AIMED_AT_FOLDERS = {
    "entriesByFolder": lambda path: request("entriesByFolder", folder=path, extension="md", depth=1),
    "getMedia": lambda path: request("getMedia", mediaFolder=path),
}


def test_every_action_the_editor_uses_is_aimed_at_in_these_tests():
    aimed = {name.split(" ")[0] for name in (*AIMED, *AIMED_AT_FOLDERS)}
    assert aimed == set(ACTIONS) - {"info", "getDeployPreview"}


@pytest.mark.parametrize("action", [*AIMED, *AIMED_AT_FOLDERS])
def test_every_path_parameter_outside_content_and_downloads_is_refused_in_dutch(repo, action):
    allowlist = Allowlist(repo, BRANCH)
    aimed, paths = (AIMED[action], OUTSIDE) if action in AIMED else (AIMED_AT_FOLDERS[action], OUTSIDE_FOLDERS)
    for path in paths:
        refusals = allowlist.refusals(aimed(path))
        assert refusals, (action, path)
        assert any(word in " ".join(refusals) for word in ("mag niet", "snelkoppeling", "harde koppeling",
                                                              "geen gewoon bestand", "geen map", "eigen map")), refusals


@pytest.mark.parametrize("wrong", [
    *(request(action, collection="sessies", slug="sessie-1") for action in (
        "unpublishedEntries", "unpublishedEntry", "publishUnpublishedEntry", "deleteUnpublishedEntry",
        "updateUnpublishedEntryStatus", "unpublishedEntryDataFile", "unpublishedEntryMediaFile", "getNotes",
        "bestaatNiet")),
    {"params": {"branch": BRANCH}}, {"action": None}, {"action": "getEntry"}, [], "info",
])
def test_an_action_the_editor_does_not_use_or_without_its_data_is_refused(repo, wrong):
    assert Allowlist(repo, BRANCH).refusals(wrong)


def test_a_link_is_named_as_a_link(repo):
    allowlist = Allowlist(repo, BRANCH)
    assert '"content/sessies/link.md" is een snelkoppeling' in allowlist.problem("content/sessies/link.md", ENTRY)
    assert '"content/bestanden/git" is een snelkoppeling' in allowlist.problem("content/bestanden/git/x.pdf", DOWNLOAD)


def test_another_branch_the_workflow_and_a_move_to_another_folder_are_refused(repo):
    allowlist = Allowlist(repo, BRANCH)
    other_branch = persist()
    other_branch["params"]["branch"] = "andere-tak"
    assert "andere-tak" in " ".join(allowlist.refusals(other_branch))
    for workflow in (True, "false", 0, None):
        with_workflow = persist()
        with_workflow["params"]["options"] = {**OPTIONS, "useWorkflow": workflow}
        assert "workflow" in " ".join(allowlist.refusals(with_workflow)), workflow
    assert "eigen map" in " ".join(allowlist.refusals(persist(newPath="content/casussen/sessie-1.md")))


def test_entries_come_from_a_content_type_folder_and_media_from_downloads(repo):
    allowlist = Allowlist(repo, BRANCH)
    assert allowlist.refusals(AIMED_AT_FOLDERS["entriesByFolder"]("content/bestanden"))
    assert allowlist.refusals(AIMED_AT_FOLDERS["getMedia"]("content/sessies"))


def test_every_problem_is_named_at_once(repo):
    several = request("deleteFiles", paths=[".git/config", "Makefile", "content/sessies/link.md"],
                      options={"commitMessage": "x"})
    several["params"]["branch"] = "andere-tak"
    refusals = Allowlist(repo, BRANCH).refusals(several)
    assert len(refusals) == 4
    for named in ('".git/config"', '"Makefile"', '"content/sessies/link.md"', '"andere-tak"'):
        assert named in " ".join(refusals)


def test_listings_leave_out_what_the_editor_may_not_open(repo):
    allowlist = Allowlist(repo, BRANCH)
    entries = [{"data": "…", "file": {"path": path}} for path in
               ("content/sessies/sessie-1.md", "content/sessies/link.md", "content/sessies/tweede-naam.md")]
    assert allowlist.visible("entriesByFolder", entries) == entries[:1]
    media = [{"path": path, "name": path.rsplit("/", 1)[1]} for path in
             ("content/bestanden/verslag.pdf", "content/bestanden/.gitkeep", "content/bestanden/git")]
    assert allowlist.visible("getMedia", media) == media[:1]
    assert allowlist.visible("getEntry", {"data": "x"}) == {"data": "x"}


SEGMENTS = ["content", "bestanden", "sessies", "casussen", "..", ".", "", ".git", "config", "hooks", "sessie-1.md",
            "link.md", "git", "verslag.pdf", "x.PDF", "werkbladen", "%2e%2e", "..%2f", "a\\..", "Makefile", "x.md",
            "\u2028", "map.pdf", "tweede-naam.md", "blad.pdf"]


@settings(derandomize=True, max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=6),
       kind=st.sampled_from([ENTRY, DOWNLOAD]))
def test_a_path_that_passes_lands_in_content_or_downloads_and_nowhere_else(tmp_path_factory, parts, kind):
    """Whatever path passes, the file system resolves it inside content/<type>/ or content/bestanden/."""
    root = tmp_path_factory.getbasetemp() / "allowlist-checkout"
    if not root.exists():
        checkout(root)
    path = "/".join(parts)
    if Allowlist(root, BRANCH).problem(path, kind) is not None:
        return
    resolved = Path(os.path.realpath(root / path)).relative_to(root.resolve())
    assert resolved.as_posix() == path, "no link, no dot, no encoded step"
    if kind is ENTRY:
        assert resolved.parent.parent.name == "content" and resolved.parent.name in BY_FOLDER
        assert resolved.suffix == ".md"
    else:
        assert resolved.parts[:2] == ("content", "bestanden") and resolved.suffix.lower().lstrip(".") in UPLOADS
    assert not (root / path).is_symlink() and (not (root / path).exists() or os.stat(root / path).st_nlink == 1)
