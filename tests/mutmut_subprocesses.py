"""Under mutmut only (pyproject.toml loads it with -p): the build subprocesses of the tests.

1. mutmut runs a mutant only against the tests that called the mutated function while it
   collected its statistics, and it records those calls in the test process. The build tests run
   the real `python -m werkplaatsen.build` in a subprocess, so mutmut would never see them reach
   catalog.py, markup.py or status.py, and would skip those mutants as "no tests". While mutmut
   collects its statistics, a sitecustomize module on the subprocess's PYTHONPATH (`plugins/` in
   mutants/) writes down the functions each subprocess called, and this plugin adds them to the
   test that started it.
2. mutmut switches a mutant on through the environment variable MUTANT_UNDER_TEST, which a
   subprocess inherits, unless a test starts it with an environment of its own (test_bad_input.py
   does, to build as on a bare machine): this plugin adds mutmut's variables to it.
3. mutmut stops a test run that takes too long (a mutant that loops forever), but not the
   subprocesses it started: the same sitecustomize module ends a build whose test run is gone.

``python -m werkplaatsen.build`` runs build/__main__.py, which only calls build/atomic.py, so the
build's code runs under its own module name, the name mutmut matches.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

HITS = "MUTMUT_SUBPROCESS_HITS"
TEST_PROCESS = "MUTMUT_TEST_PROCESS"
PASSED_ON = ("MUTANT_UNDER_TEST", HITS, TEST_PROCESS)
SITECUSTOMIZE = '''\
"""Written by tests/mutmut_subprocesses.py for mutation testing; not part of the site."""
import atexit
import os
import sys
import threading
import time


def _save_mutmut_hits():
    state = sys.modules.get("mutmut.state")
    if state is None:
        return
    names = sorted(name for name in state.state()._stats if not name.startswith("__main__."))
    if names:
        path = os.path.join(os.environ["{hits}"], str(os.getpid()))
        with open(path + ".tmp", "w") as handle:
            handle.write("\\n".join(names))
        os.replace(path + ".tmp", path)


def _end_with_the_test_run(pid):
    while True:
        time.sleep(1)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(70)


if os.environ.get("MUTANT_UNDER_TEST") == "stats" and os.environ.get("{hits}"):
    atexit.register(_save_mutmut_hits)
if os.environ.get("{test_process}"):
    threading.Thread(target=_end_with_the_test_run, args=(int(os.environ["{test_process}"]),), daemon=True).start()
'''.format(hits=HITS, test_process=TEST_PROCESS)


def _collecting_stats() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


def _pass_mutmut_variables_on(popen_init):
    def init(self, *args, env=None, **kwargs):
        if env is not None:
            env = {**env, **{name: os.environ[name] for name in PASSED_ON if name in os.environ}}
        popen_init(self, *args, env=env, **kwargs)
    init.passes_mutmut_variables_on = True
    return init


def pytest_configure(config):
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    plugins = Path.cwd() / "plugins"
    if Path.cwd().name != "mutants" or not (plugins / "werkplaatsen").is_dir():
        raise pytest.UsageError("tests.mutmut_subprocesses only runs inside mutmut's mutants/ folder")
    sitecustomize = plugins / "sitecustomize.py"
    if not sitecustomize.is_file() or sitecustomize.read_text(encoding="utf-8") != SITECUSTOMIZE:
        written = plugins / f"sitecustomize.{os.getpid()}.tmp"
        written.write_text(SITECUSTOMIZE, encoding="utf-8")
        written.replace(sitecustomize)
    # mutmut runs pytest several times in one process: wrap Popen only once.
    if not hasattr(subprocess.Popen.__init__, "passes_mutmut_variables_on"):
        subprocess.Popen.__init__ = _pass_mutmut_variables_on(subprocess.Popen.__init__)
    os.environ[TEST_PROCESS] = str(os.getpid())
    if _collecting_stats():
        os.environ[HITS] = tempfile.mkdtemp(prefix="mutmut-hits-")


def pytest_unconfigure(config):
    if HITS in os.environ:
        shutil.rmtree(os.environ.pop(HITS), ignore_errors=True)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    """Before mutmut files this test's calls, add the calls of the subprocesses it started."""
    if not _collecting_stats() or HITS not in os.environ:
        return
    from mutmut.state import state

    for path in Path(os.environ[HITS]).iterdir():
        if path.suffix != ".tmp":
            state()._stats.update(path.read_text(encoding="utf-8").split())
            path.unlink()
