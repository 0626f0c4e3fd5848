"""Deploy and rollback, for real on local folders, and the exact commands for a server over ssh."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import brotli
import pytest

from werkplaatsen.hosting import deploy as deploying
from werkplaatsen.hosting.deploy import KEEP, LOCK, DeployFailed, DeployTarget, deploy, rollback

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def built(folder: Path, minute: int = 0, production: bool = True, committed: bool = True) -> Path:
    """A small output/ as a build leaves it, with its _build.json."""
    folder.mkdir(parents=True)
    for name, text in {"index.html": f"<p>Gebouwd om 10:{minute:02}</p>\n", "theme/site.css": "body{}\n"}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    info = {"built_at": f"2030-09-01T10:{minute:02}+02:00", "commit": COMMIT, "content_committed": committed,
            "production": production, "next_change": None}
    (folder / "_build.json").write_text(json.dumps(info), encoding="utf-8")
    return folder


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys):
    """`python -m werkplaatsen.hosting.deploy ...` in this process (its exit code and what it printed)."""
    def run(*arguments: str) -> Result:
        code = deploying.main(list(arguments))
        printed = capsys.readouterr()
        return Result(code, printed.out, printed.err)
    return run


def live(target: Path) -> str:
    return os.readlink(target / "current")


def test_a_deploy_uploads_a_release_and_points_current_at_it(tmp_path, cli):
    target = tmp_path / "doel"
    result = cli("deploy", f"--target={target}", f"--output={built(tmp_path / 'output')}")
    assert result.returncode == 0, result.stderr
    assert live(target) == "releases/20300901T0800Z-0123456789ab"
    assert (target / "current" / "index.html").read_text() == "<p>Gebouwd om 10:00</p>\n"
    assert "staat live op" in result.stdout
    assert sorted(p.name for p in target.iterdir()) == ["current", "releases"], "the lock was not released"


def test_unchanged_files_are_hard_links_to_the_live_release(tmp_path):
    target = DeployTarget.parse(str(tmp_path / "doel"))
    deploy(built(tmp_path / "een", minute=0), target)
    deploy(built(tmp_path / "twee", minute=1), target)
    first, second = sorted((tmp_path / "doel" / "releases").iterdir())
    assert (first / "theme/site.css").stat().st_ino == (second / "theme/site.css").stat().st_ino
    assert (first / "index.html").stat().st_ino != (second / "index.html").stat().st_ino
    assert (second / "index.html").read_text() == "<p>Gebouwd om 10:01</p>\n"


def copies(release: Path) -> dict[str, int]:
    """The compressed copies of a release and their inodes (a copy taken from another release shares it)."""
    return {path.relative_to(release).as_posix(): path.stat().st_ino for path in release.rglob("*")
            if path.suffix in {".gz", ".br"}}


def test_a_deploy_compresses_only_the_files_that_changed_since_the_live_release(tmp_path, monkeypatch):
    target = DeployTarget.parse(str(tmp_path / "doel"))
    first = built(tmp_path / "een", minute=0)
    (first / "sessies").mkdir()
    (first / "sessies/index.html").write_text("<p>Ongewijzigd</p>\n" * 20)
    (first / "bestanden").mkdir()
    (first / "bestanden/verslag.pdf").write_bytes(b"%PDF-1.7")
    deploy(first, target)
    second = built(tmp_path / "twee", minute=1)
    shutil.copytree(first / "sessies", second / "sessies")
    compressed = []
    real = brotli.compress
    monkeypatch.setattr(brotli, "compress", lambda data, **options: compressed.append(data) or real(data, **options))
    message = deploy(second, target)
    old, new = sorted((tmp_path / "doel" / "releases").iterdir())
    assert sorted(copies(new)) == sorted(f"{name}{coding}" for name in ("_build.json", "index.html",
                                         "sessies/index.html", "theme/site.css") for coding in (".gz", ".br"))
    assert compressed == [(second / name).read_bytes() for name in ("_build.json", "index.html")], \
        "only the two files that changed are compressed again"
    assert "Gecomprimeerd: 2 van 4 tekstbestanden" in message
    shared = {name for name, inode in copies(new).items() if copies(old)[name] == inode}
    assert shared == {"sessies/index.html.gz", "sessies/index.html.br", "theme/site.css.gz", "theme/site.css.br"}
    for name in ("index.html", "sessies/index.html", "theme/site.css"):
        data = (new / name).read_bytes()
        assert gzip.decompress((new / f"{name}.gz").read_bytes()) == data
        assert brotli.decompress((new / f"{name}.br").read_bytes()) == data
    assert not (new / ".compressed-reused").exists()


def test_the_web_server_can_read_a_release_whatever_the_umask_of_the_build(tmp_path):
    output = built(tmp_path / "een", minute=0)
    (output / "index.html").chmod(0o600)  # as a build under umask 077 writes them
    output.chmod(0o700)
    deploy(output, DeployTarget.parse(str(tmp_path / "doel")))
    release = (tmp_path / "doel" / "current").resolve()
    assert release.stat().st_mode & 0o055 == 0o055 and (release / "index.html").stat().st_mode & 0o044 == 0o044


def test_current_is_never_missing_while_deploys_and_rollbacks_switch_it(tmp_path):
    target = DeployTarget.parse(str(tmp_path / "doel"))
    deploy(built(tmp_path / "output-0"), target)
    outputs = [built(tmp_path / f"output-{minute}", minute=minute) for minute in range(1, 4)]
    seen, stop = set(), threading.Event()

    def watch():
        while not stop.is_set():
            try:
                seen.add(os.readlink(tmp_path / "doel" / "current"))
            except FileNotFoundError:
                seen.add(None)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for output in outputs:
            deploy(output, target)
            rollback(target)
            deploy(output, target)
    finally:
        stop.set()
        watcher.join()
    assert None not in seen and len(seen) > 1, seen


def test_the_newest_five_releases_are_kept_and_never_the_live_one(tmp_path):
    target = DeployTarget.parse(str(tmp_path / "doel"))
    for minute in range(1, 8):
        deploy(built(tmp_path / f"output-{minute}", minute=minute), target)
    releases = sorted(p.name for p in (tmp_path / "doel" / "releases").iterdir())
    assert [name[:14] for name in releases] == [f"20300901T080{minute}Z" for minute in range(3, 8)]
    deploy(built(tmp_path / "output-0", minute=0), target)  # an older build, put live again
    remaining = sorted(p.name for p in (tmp_path / "doel" / "releases").iterdir())
    assert live(tmp_path / "doel") == f"releases/{remaining[0]}" and remaining[0].startswith("20300901T0800Z")
    assert remaining[1:] == releases, "a newer release was removed, or the live one counted among the five"


def test_the_same_build_deployed_again_gets_a_release_of_its_own(tmp_path):
    target = DeployTarget.parse(str(tmp_path / "doel"))
    output = built(tmp_path / "output")
    deploy(output, target)
    deploy(output, target)
    assert live(tmp_path / "doel") == "releases/20300901T0800Z-0123456789ab-2"


def test_rollback_points_current_at_the_release_before_it_and_says_so_when_there_is_none(tmp_path, cli):
    target = tmp_path / "doel"
    for minute in (0, 1):
        deploy(built(tmp_path / f"output-{minute}", minute=minute), DeployTarget.parse(str(target)))
    first = cli("rollback", f"--target={target}")
    assert first.returncode == 0 and live(target) == "releases/20300901T0800Z-0123456789ab", first.stderr
    assert "Teruggezet" in first.stdout
    second = cli("rollback", f"--target={target}")
    assert second.returncode == 1
    assert "Er is geen eerdere release" in second.stderr and live(target) == "releases/20300901T0800Z-0123456789ab"
    nothing = cli("rollback", f"--target={tmp_path / 'leeg'}")
    assert nothing.returncode == 1 and "Controleer of" in nothing.stderr


@pytest.mark.parametrize(("kind", "expected"), [
    ({"production": False}, "geen productiebuild"),
    ({"committed": False}, "niet in git vastgelegd"),
])
def test_a_build_that_is_not_ready_is_refused_unless_forced(tmp_path, kind, expected, cli):
    output, target = built(tmp_path / "output", **kind), tmp_path / "doel"
    refused = cli("deploy", f"--target={target}", f"--output={output}")
    assert refused.returncode == 1 and expected in refused.stderr and "FORCE=ja" in refused.stderr
    assert not target.exists(), "something was uploaded"
    forced = cli("deploy", f"--target={target}", f"--output={output}", "--force=ja")
    assert forced.returncode == 0, forced.stderr
    assert (target / "current" / "index.html").is_file()


def test_a_missing_build_or_build_info_is_refused(tmp_path, cli):
    target = tmp_path / "doel"
    missing = cli("deploy", f"--target={target}", f"--output={tmp_path / 'nergens'}")
    assert missing.returncode == 1 and "Er is geen gebouwde site" in missing.stderr
    output = built(tmp_path / "output")
    (output / "_build.json").unlink()
    no_info = cli("deploy", f"--target={target}", f"--output={output}")
    assert no_info.returncode == 1 and "_build.json ontbreekt" in no_info.stderr
    assert not target.exists()


def test_a_held_lock_stops_a_second_deploy(tmp_path, cli):
    target = tmp_path / "doel"
    (target / LOCK).mkdir(parents=True)
    result = cli("deploy", f"--target={target}", f"--output={built(tmp_path / 'output')}")
    assert result.returncode == 1 and "Er loopt al een deploy" in result.stderr
    assert not (target / "current").exists() and (target / LOCK).is_dir()


def test_a_failed_upload_changes_nothing_and_releases_the_lock(tmp_path):
    target = DeployTarget.parse(str(tmp_path / "doel"))
    deploy(built(tmp_path / "output-0"), target)

    def broken_rsync(command, consequence):
        if command[0] == "rsync":
            raise deploying.CommandFailed(f"rsync meldt een fout: verbinding verbroken\n{consequence}", 12)
        return deploying.run(command, consequence)

    with pytest.raises(DeployFailed, match="Er is niets live gezet: current wijst nog naar 20300901T0800Z"):
        deploy(built(tmp_path / "output-1", minute=1), target, runner=broken_rsync)
    assert live(tmp_path / "doel") == "releases/20300901T0800Z-0123456789ab"
    assert not (tmp_path / "doel" / LOCK).exists()


@pytest.mark.parametrize(("text", "host", "path"), [
    ("deploy@web.example.nl:/srv/werkplaatsen", "deploy@web.example.nl", "/srv/werkplaatsen"),
    ("web:~/sites/werkplaatsen", "web", "sites/werkplaatsen"),
    ("./a:b", None, str(Path("./a:b").absolute())),
    ("/srv/site", None, "/srv/site"),
])
def test_targets_are_read_as_rsync_reads_them(text, host, path):
    assert DeployTarget.parse(text) == DeployTarget(host, path)


@pytest.mark.parametrize("text", ["", "web:", "-oProxyCommand=touch x:pad", ":pad"])
def test_unusable_targets_are_refused_in_dutch(text):
    with pytest.raises(DeployFailed, match="TARGET"):
        DeployTarget.parse(text)


def test_the_exact_commands_for_a_server():
    server = DeployTarget("deploy@web.example.nl", "/srv/werk plaatsen")
    name, live_name = "20300901T0800Z-0123456789ab", "20300801T0800Z-fedcba987654"
    folder = "'/srv/werk plaatsen'"
    assert deploying.lock_and_list(server, create=True) == [
        "ssh", "--", "deploy@web.example.nl",
        "sh -c 'mkdir -p -- '\"'\"'/srv/werk plaatsen'\"'\"' && cd -- '\"'\"'/srv/werk plaatsen'\"'\"' && mkdir -p releases"
        " && { mkdir .deploy-bezig 2>/dev/null || exit 75; } && { readlink current || echo; } && ls -1A releases'"]
    assert deploying.read_manifest(server, live_name)[-1] == "sh -c " + deploying.shlex.quote(
        f"cd -- {folder} && {{ cat releases/{live_name}/.compressed.json 2>/dev/null || true; }}")
    assert deploying.upload(Path("/work/output"), Path("/tmp/kopieen"), server, name, live_name) == [
        "rsync", "--recursive", "--links", "--perms", "--chmod=Dgo+rx,Fgo+r", "--checksum", "--delete", f"--link-dest=../{live_name}",
        "/work/output/", "/tmp/kopieen/", f"deploy@web.example.nl:/srv/werk plaatsen/releases/.partial-{name}/"]
    assert deploying.link_copies(server, name, live_name)[-1] == "sh -c " + deploying.shlex.quote(
        f"cd -- {folder} && cd -- releases/{live_name} && xargs -0 -r cp -l -f --parents -t ../.partial-{name}"
        f" -- < ../.partial-{name}/.compressed-reused && rm -- ../.partial-{name}/.compressed-reused")
    assert deploying.point_current(server, name, uploaded=True)[-1] == "sh -c " + deploying.shlex.quote(
        f"cd -- {folder} && mv -- releases/.partial-{name} releases/{name}"
        f" && ln -sfn -- releases/{name} .current-{name} && mv -T -- .current-{name} current")
    assert deploying.remove(server, [live_name, ".partial-x"])[-1] == "sh -c " + deploying.shlex.quote(
        f"cd -- {folder} && rm -rf -- releases/{live_name} releases/.partial-x")
    assert deploying.unlock(server)[-1] == "sh -c " + deploying.shlex.quote(f"cd -- {folder} && rmdir -- .deploy-bezig")


STAND_IN_SSH = """#!/bin/sh
# Stands in for ssh: records the host, then runs the command on this machine as the server's shell would.
while [ $# -gt 0 ]; do
  case "$1" in --) shift; break ;; -l|-p|-o|-e) shift 2 ;; -*) shift ;; *) break ;; esac
done
echo "$1" >> "$(dirname "$0")/hosts"
shift
exec sh -c "$*"
"""


def test_a_remote_deploy_and_rollback_run_over_ssh(tmp_path, cli, monkeypatch):
    """The same steps over a stand-in ssh (this machine plays the server): rsync's remote mode included."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "ssh").write_text(STAND_IN_SSH)
    (bin_folder / "ssh").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    remote = f"deploy@web.example.nl:{tmp_path / 'server folder'}"
    for minute in (0, 1):
        result = cli("deploy", f"--target={remote}", f"--output={built(tmp_path / f'output-{minute}', minute=minute)}")
        assert result.returncode == 0, result.stderr
    assert live(tmp_path / "server folder") == "releases/20300901T0801Z-0123456789ab"
    assert cli("rollback", f"--target={remote}").returncode == 0
    assert live(tmp_path / "server folder") == "releases/20300901T0800Z-0123456789ab"
    hosts = set((bin_folder / "hosts").read_text().split())
    assert hosts == {"deploy@web.example.nl", "web.example.nl"}, hosts  # ours, and rsync's (-l deploy)


def test_releases_of_the_same_build_count_by_number_not_by_spelling():
    """name-10 is newer than name-2: pruning keeps the newest and a rollback goes one back."""
    base = "20300901T0800Z-0123456789ab"
    names = [base, *(f"{base}-{number}" for number in range(2, 12))]
    assert deploying.releases_to_remove(names, names[-1]) == names[:-KEEP]
    assert sorted(names, key=deploying.release_order) == names
