"""System programs: found by setting, PATH or Debian's location; what is missing is named before apt runs,
installed as root or with sudo without a password, and otherwise the exact command is printed."""

from __future__ import annotations

import io
import os
import shlex
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from werkplaatsen.hosting import trial as hosting
from werkplaatsen.system import programs as system
from werkplaatsen.system.programs import Program

TOOL = Program("Testprogramma", "deze test", "TESTPROGRAMMA", ("testprogramma",), "/nonexistent/testprogramma",
               "testpakket")


def executable(path: Path, script: str = "#!/bin/sh\nexit 0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def world(tmp_path, monkeypatch):
    """A PATH of our own with an apt-get and (optionally) a sudo that log their calls, and one test program."""
    bin_folder = tmp_path / "bin"
    log = tmp_path / "calls.log"
    # apt's progress and debconf's notes, which a good run does not show
    executable(bin_folder / "apt-get", f'#!/bin/sh\necho "apt-get $*" >> {log}\necho Uitpakken...\n'
                                       'echo "debconf: delaying package configuration" >&2\n')
    monkeypatch.setenv("PATH", str(bin_folder))
    monkeypatch.delenv(TOOL.setting, raising=False)
    monkeypatch.setitem(system.PROGRAMS, "testprogramma", TOOL)
    monkeypatch.setattr(os, "geteuid", lambda: 1000)

    class World:
        bin = bin_folder

        @staticmethod
        def calls() -> list[str]:
            return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

        @staticmethod
        def sudo(works: bool) -> None:
            executable(bin_folder / "sudo", f'#!/bin/sh\necho "sudo $*" >> {log}\n'
                                            f'[ "$2" = true ] && exit {0 if works else 1}\nshift\nexec "$@"\n')

        @staticmethod
        def ensure() -> tuple[int, str, str]:
            out, err = io.StringIO(), io.StringIO()
            code = system.ensure(["testprogramma"], out=out, err=err)
            return code, out.getvalue(), err.getvalue()

    return World()


def test_a_program_is_found_by_its_setting_then_path_then_debians_location(tmp_path, monkeypatch):
    debian = executable(tmp_path / "debian" / "testprogramma")
    on_path = executable(tmp_path / "bin" / "testprogramma")
    configured = executable(tmp_path / "elders" / "mijnprogramma")
    monkeypatch.setitem(system.PROGRAMS, "testprogramma", replace(TOOL, debian=str(debian)))
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    monkeypatch.delenv(TOOL.setting, raising=False)
    assert system.locate("testprogramma") == str(debian)
    monkeypatch.setenv("PATH", str(on_path.parent))
    assert system.locate("testprogramma") == str(on_path)
    monkeypatch.setenv(TOOL.setting, str(configured))
    assert system.locate("testprogramma") == str(configured)
    monkeypatch.setenv(TOOL.setting, str(tmp_path / "weg"))
    with pytest.raises(system.Missing, match=f"TESTPROGRAMMA={tmp_path / 'weg'} bestaat niet"):
        system.locate("testprogramma")


def test_a_missing_program_names_its_package_and_its_setting(world):
    with pytest.raises(system.Missing) as missing:
        system.locate("testprogramma")
    assert str(missing.value) == ("Testprogramma ontbreekt (niet gevonden via PATH en niet in /nonexistent/testprogramma). "
                                  "Installeer het pakket testpakket, of geef de plek op met TESTPROGRAMMA=….")


def test_nothing_happens_when_everything_is_there(world):
    executable(world.bin / "testprogramma")
    assert world.ensure() == (0, "", "")
    assert world.calls() == []


def test_without_root_or_sudo_the_exact_command_for_root_is_printed_and_apt_is_not_called(world):
    code, out, err = world.ensure()
    assert code == 1
    assert out == ("Nodig voor deze test: Testprogramma (niet gevonden via PATH en niet in /nonexistent/testprogramma; "
                   "pakket testpakket).\n")
    assert err == ("Daarvoor zijn beheerdersrechten nodig. Voer dit uit als root (bijvoorbeeld na su -) en start daarna "
                   "opnieuw: apt-get update && apt-get install -y testpakket\n")
    assert world.calls() == []


def test_a_sudo_that_asks_for_a_password_is_not_used_but_named_in_the_command(world):
    world.sudo(works=False)
    code, _, err = world.ensure()
    command = "apt-get update && apt-get install -y testpakket"
    assert code == 1
    assert err == ("Daarvoor zijn beheerdersrechten nodig. Voer dit uit en start daarna opnieuw: "
                   f"sudo sh -c {shlex.quote(command)}\n")
    assert world.calls() == ["sudo -n true"]


def test_with_sudo_without_a_password_apt_runs_through_sudo_after_naming_what_is_missing(world):
    world.sudo(works=True)
    code, out, err = world.ensure()
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Nodig voor deze test: Testprogramma (niet gevonden via PATH en niet in /nonexistent/testprogramma; "
        "pakket testpakket).",
        "Installeren met apt: testpakket (eenmalig; dat duurt een paar minuten).",
    ]
    assert world.calls() == ["sudo -n true", "sudo -n apt-get update -qq", "apt-get update -qq",
                             "sudo -n apt-get install -y -qq testpakket", "apt-get install -y -qq testpakket"]


def test_as_root_apt_runs_directly(world, monkeypatch):
    world.sudo(works=True)
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert world.ensure()[0] == 0
    assert world.calls() == ["apt-get update -qq", "apt-get install -y -qq testpakket"]


def test_a_failing_apt_stops_with_the_command_it_ran(world, monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    executable(world.bin / "apt-get", "#!/bin/sh\necho Lezen...\necho 'E: Could not open lock file' >&2\nexit 100\n")
    code, _, err = world.ensure()
    assert code == 1
    assert err == ("Lezen...\nE: Could not open lock file\n"
                   "apt-get stopte met een fout (zie hierboven). Het commando was: apt-get update -qq\n")


def test_without_apt_it_says_to_use_the_systems_package_manager(world):
    (world.bin / "apt-get").unlink()
    code, _, err = world.ensure()
    assert code == 1
    assert err.startswith("Dit systeem heeft geen apt. Installeer testpakket met de pakketbeheerder van uw systeem")


def test_a_wrong_setting_is_named_and_nothing_is_installed(world, monkeypatch, tmp_path):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    monkeypatch.setenv(TOOL.setting, str(tmp_path / "weg"))
    code, out, err = world.ensure()
    assert (code, out) == (1, "")
    assert err == (f"TESTPROGRAMMA={tmp_path / 'weg'}: daar staat geen Testprogramma. Geef de juiste plek op, "
                   "of laat TESTPROGRAMMA weg.\n")
    assert world.calls() == []


def test_the_venv_module_counts_as_a_package_of_this_python():
    program = system.PROGRAMS["venv"]
    assert system.find("venv") is not None  # this Python made .venv, so it has it
    assert program.package == f"python{system.VERSION}-venv"


def test_the_hosting_code_uses_the_nginx_settings(tmp_path, monkeypatch):
    nginx = executable(tmp_path / "eigen" / "nginx")
    module, filter_module = tmp_path / "eigen" / "brotli.so", tmp_path / "eigen" / "brotli-filter.so"
    for path in (module, filter_module):
        path.write_bytes(b"")
    monkeypatch.setenv("NGINX", str(nginx))
    monkeypatch.setenv("NGINX_BROTLI_MODULE", str(module))
    monkeypatch.setenv("NGINX_BROTLI_FILTER_MODULE", str(filter_module))
    assert hosting.nginx_binary() == str(nginx)
    config = hosting.main_config(tmp_path / "site", 8080)
    assert f'load_module "{module}";\nload_module "{filter_module}";' in config
    assert "    brotli_static on;\n    brotli on;" in config
    monkeypatch.setenv("NGINX", str(tmp_path / "weg"))
    with pytest.raises(hosting.HostingFailed, match=f"NGINX={tmp_path / 'weg'} bestaat niet"):
        hosting.nginx_binary()
