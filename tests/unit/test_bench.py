"""The benchmark's own logic (bench/): counting what a build wrote, stopping a run whose builds
skipped content, the references' environments, peak memory per part of a process tree, and the
targets' verdicts. The bench itself runs in `make bench`, not here."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bench import environments, memory, run
from bench.environments import STAMP, Environment
from bench.pages import Count, TooFewPages, check, count, shortfalls
from bench.report import table, targets
from bench.run import Contestant, race
from bench.synthetic import ContentFile, site_page
from werkplaatsen.model.vocabulary import VOCABULARY_FILE
from werkplaatsen.system.places import ROOT
CORPUS = [ContentFile("sessies", "sessie-1"), ContentFile("sessies", "sessie-2"), ContentFile("casussen", "casus-1")]


def _write(root: Path, *paths: str) -> None:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x", encoding="utf-8")


# --- counting ------------------------------------------------------------------------------------

def test_count_reads_html_pages_item_pages_and_files_through_the_output_link(tmp_path):
    build = tmp_path / "output.builds" / "1"
    _write(build, "index.html", "sessies/sessie-1/index.html", "casussen/casus-1/index.html", "404.html",
           "robots.txt", "feeds/nieuws.atom", "theme/site.css")
    (tmp_path / "output").symlink_to(build)  # our build's output is a link to the finished build
    written = count(tmp_path / "output", map(site_page, CORPUS))
    assert written == Count(pages=4, item_pages=2, files=7)


def test_an_item_page_that_is_a_folder_or_elsewhere_does_not_count(tmp_path):
    (tmp_path / "sessies" / "sessie-1" / "index.html").mkdir(parents=True)
    _write(tmp_path, "sessie-2.html", "casussen/casus-1.html")
    assert count(tmp_path, map(site_page, CORPUS)) == Count(pages=2, item_pages=0, files=2)


def test_each_builder_names_the_page_of_an_item_where_it_writes_it():
    from bench.references import hugo_page, pelican_page
    item = ContentFile("berichten", "bericht-3")
    assert site_page(item) == "nieuws/bericht-3/index.html"  # the site's URL of its type
    assert pelican_page(item) == "berichten-bericht-3.html"
    assert hugo_page(item) == "berichten/bericht-3/index.html"


# --- the reference check -------------------------------------------------------------------------

def test_builds_with_a_page_per_item_pass_the_check():
    counts = {"plain Pelican": Count(pages=5, item_pages=3, files=5), "ours": Count(pages=3, item_pages=3, files=9)}
    assert shortfalls(counts, 3) == []
    check(counts, 3)


@pytest.mark.parametrize("short", [Count(pages=5, item_pages=2, files=9), Count(pages=2, item_pages=3, files=9)])
def test_a_build_with_fewer_item_pages_or_pages_than_items_stops_the_run_naming_it(short):
    counts = {"ours": Count(pages=9, item_pages=3, files=9), "plain Pelican": short}
    with pytest.raises(TooFewPages) as stopped:
        check(counts, 3)
    message = str(stopped.value)
    assert f"plain Pelican wrote {short.pages} HTML pages and {short.item_pages} of the 3 item pages" in message
    assert "ours" not in message.split("not valid:")[1].split(".")[0]
    assert stopped.value.code  # SystemExit with a message: a non-zero exit status


def _writer(*paths: str) -> list[str]:
    """A fake build: a command that writes these files under the folder given as its argument."""
    script = ("import pathlib, sys\n"
              f"for path in {list(paths)!r}:\n"
              "    target = pathlib.Path(sys.argv[1], path)\n"
              "    target.parent.mkdir(parents=True, exist_ok=True)\n"
              "    target.write_text('<p>x</p>')\n")
    return [sys.executable, "-c", script]


def _contestant(tmp_path: Path, label: str, *paths: str) -> Contestant:
    output = tmp_path / label.replace(" ", "-")
    return Contestant(label, label, output, [_writer(*paths) + [str(output)]], {}, site_page)


def test_a_run_whose_reference_builds_too_few_pages_fails(tmp_path):
    complete = _contestant(tmp_path, "ours", *map(site_page, CORPUS))
    skipping = _contestant(tmp_path, "plain Pelican", "index.html")  # Pelican without its Markdown reader
    with pytest.raises(TooFewPages, match=r"plain Pelican wrote 1 HTML pages and 0 of the 3 item pages"):
        race([complete, skipping], CORPUS, rounds=3)
    assert skipping.seconds and len(complete.seconds) == 1  # stopped in the first round, not after all


def test_a_run_whose_builds_are_complete_times_each_build_every_round_each_round_led_by_the_next(tmp_path):
    racing = [_contestant(tmp_path, name, *map(site_page, CORPUS)) for name in ("ours", "pelican", "hugo")]
    order = []
    for contestant in racing:
        contestant.timed = (lambda original, name: lambda: (order.append(name), original()))(contestant.timed,
                                                                                            contestant.name)
    race(racing, CORPUS, rounds=3)
    assert [len(contestant.seconds) for contestant in racing] == [3, 3, 3]
    assert order == ["ours", "pelican", "hugo", "pelican", "hugo", "ours", "hugo", "ours", "pelican"]


def test_a_timed_build_starts_from_an_empty_output(tmp_path):
    contestant = _contestant(tmp_path, "ours", *map(site_page, CORPUS))
    _write(contestant.output.with_name("ours.builds"), "old/index.html")
    _write(contestant.output, "stale.html")
    contestant.timed()
    assert not (contestant.output / "stale.html").exists()
    assert not contestant.output.with_name("ours.builds").exists()


def test_a_build_that_fails_stops_the_run_with_its_errors(tmp_path):
    failing = Contestant("ours", "ours", tmp_path / "out", [[sys.executable, "-c", "import sys; sys.exit('kapot')"]],
                         {}, site_page)
    with pytest.raises(SystemExit, match="kapot"):
        failing.timed()


# --- the references' environments ----------------------------------------------------------------

TOOL = Environment("tool", ("tool==1.0",), ("bin/python", "bin/tool"))


def _complete_environment(folder: Path) -> None:
    _write(folder, "bin/tool")
    (folder / "bin" / "python").symlink_to(sys.executable)
    (folder / STAMP).write_text(TOOL.fingerprint(), encoding="utf-8")


def test_an_environment_with_its_stamp_and_programs_is_complete(tmp_path):
    _complete_environment(tmp_path / "tool")
    assert TOOL.complete(tmp_path / "tool")
    assert TOOL.program(tmp_path / "tool", "bin/tool") == tmp_path / "tool" / "bin" / "tool"


@pytest.mark.parametrize("damage", ["no stamp", "other pins", "no program", "interpreter gone"])
def test_an_environment_made_from_other_pins_or_missing_a_part_is_not_complete(tmp_path, damage):
    folder = tmp_path / "tool"
    _complete_environment(folder)
    if damage == "no stamp":  # an install stopped half-way: the stamp is written last
        (folder / STAMP).unlink()
    elif damage == "other pins":
        (folder / STAMP).write_text(Environment("tool", ("tool==2.0",), TOOL.programs).fingerprint())
    elif damage == "no program":
        (folder / "bin" / "tool").unlink()
    else:
        (folder / "bin" / "python").unlink()
        (folder / "bin" / "python").symlink_to(tmp_path / "gone" / "python3")
    assert not TOOL.complete(folder)


def test_ready_reuses_a_complete_environment_and_remakes_one_that_is_not(tmp_path, monkeypatch):
    made = []

    def make(folder):
        made.append(folder)
        shutil.rmtree(folder, ignore_errors=True)
        _complete_environment(folder)

    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    folder = TOOL.ready(make=make)
    assert folder == tmp_path / "cache" / "tool" and made == [folder]
    assert TOOL.ready(make=make) == folder and len(made) == 1  # complete: reused
    (folder / STAMP).unlink()
    TOOL.ready(make=make)
    assert len(made) == 2  # not complete: made again


def test_the_cache_lies_outside_the_repository_unless_told(monkeypatch, tmp_path):
    monkeypatch.delenv("BENCH_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert environments.cache_folder() == tmp_path / "werkplaatsen-bench"
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "elders"))
    assert environments.cache_folder() == tmp_path / "elders"


def _pins(text: str) -> dict[str, str]:
    return {re.sub(r"\[.*\]", "", name).lower(): version
            for name, version in re.findall(r"^([A-Za-z0-9_.\[\]-]+)==(\S+)", text, re.MULTILINE)}


def test_the_references_install_exactly_their_pins_and_the_project_s_own_pelican_and_pagefind():
    pins = _pins(environments.PINS.read_text(encoding="utf-8"))
    project = _pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    for environment in (environments.PELICAN, environments.HUGO_PAGEFIND):
        for name, version in _pins("\n".join(environment.requirements)).items():
            assert pins[name] == version
            if name in project:
                assert project[name] == version, f"the reference's {name} differs from requirements.txt"
    assert {"pelican", "pagefind", "markdown", "hugo"} <= pins.keys()


# --- memory --------------------------------------------------------------------------------------

def test_pagefind_s_processes_and_their_children_are_counted_apart_from_the_rest_of_the_tree(tmp_path):
    shutil.copy(shutil.which("dash"), tmp_path / "pagefind")  # a shell the kernel names "pagefind"
    shell = f"import subprocess; subprocess.run([{str(tmp_path / 'pagefind')!r}, '-c', 'sleep 30; :'])"
    parent = subprocess.Popen([sys.executable, "-c", shell])  # python -> "pagefind" -> sleep
    try:
        deadline = time.monotonic() + 60  # a loaded machine may take long to start them
        while not (shell := _child(parent.pid)) or not any(up == shell for up, _ in memory.processes().values()):
            assert time.monotonic() < deadline, "the processes did not start"
            time.sleep(0.02)
        own, pagefind = memory.tree_memory(parent.pid)
        below = memory.tree_memory(shell)
    finally:
        parent.kill()
        parent.wait()
    assert own > pagefind > 0  # a Python interpreter takes more than a shell and sleep
    # The shell's child, sleep, counts as Pagefind's. PSS shifts by a page or two between
    # two readings (shared pages are split over whatever else runs), so the totals match
    # within 5%; counting sleep as "own" would make below's first number non-zero.
    assert below[0] == 0
    assert below[1] == pytest.approx(pagefind, rel=0.05)


def _child(pid: int) -> int | None:
    return next((child for child, (parent, name) in memory.processes().items()
                 if parent == pid and name == memory.PAGEFIND), None)


def test_the_peaks_are_the_highest_samples_of_the_tree_of_the_rest_and_of_pagefind(monkeypatch):
    samples = iter([(10, 5), (30, 0), (12, 20), (20, 0)])
    done = threading.Event()

    def sample(pid):
        try:
            return next(samples)
        except StopIteration:
            done.set()
            return (0, 0)

    monkeypatch.setattr(memory, "tree_memory", sample)
    peak = memory.PeakMemory(1, interval=0.001)
    assert done.wait(60)
    peak.stop()
    assert (peak.whole, peak.without_pagefind, peak.pagefind) == (32, 30, 20)


# --- targets -------------------------------------------------------------------------------------

def _size(ratio_pelican: float, ratio_hugo: float, peak: float, first_view: float) -> dict:
    return {"items": 1000, "ours_per_pelican": ratio_pelican, "ours_per_hugo_pagefind": ratio_hugo,
            "ours": {"seconds": 10.0, "pages": 1257, "files": 6580, "peak_mib": peak, "pagefind_peak_mib": 300.0},
            "pelican": {"seconds": 4.0, "pages": 1014, "peak_mib": 50.0},
            "hugo_pagefind": {"seconds": 2.0, "pages": 1012, "peak_mib": 120.0},
            "first_view": {"page": "/zoeken/index.html", "first_view_kb": first_view, "html_kb": 2.0}}


def _verdicts(results: dict) -> dict[str, bool | None]:
    return {target.name: target.met for target in targets(results)}


def test_targets_are_met_at_or_below_their_limits_and_missed_above_them():
    results = {"sizes": {"1000": _size(1.0, 1.2, 100.0, 29.9), "5000": _size(0.9, 0.8, 250.0, 20.0)},
               "preview": {"items": 1000, "repeats": 5, "hugo_server_s": 0.45,
                           "ours_s": {"sessie": 0.45, "casus": 0.5, "vocabulary": 0.46, "template": 0.2}}}
    verdicts = _verdicts(results)
    assert verdicts["cold build at 1,000 items at most 1.0× plain Pelican"] is True
    assert verdicts["cold build at 1,000 items at most 1.0× Hugo + Pagefind (the goal beyond it)"] is False
    assert verdicts["cold build at 5,000 items at most 1.0× plain Pelican"] is True
    assert verdicts["cold build at 5,000 items at most 1.0× Hugo + Pagefind (the goal beyond it)"] is True
    assert verdicts["peak memory of the Python build at 5,000 items at most 250 MiB"] is True
    preview = "shown within 0.5 s and no slower than hugo server"
    assert verdicts[f"preview, a session saved, {preview}"] is True
    assert verdicts[f"preview, a casus saved, {preview}"] is False  # slower than hugo server
    assert verdicts[f"preview, a vocabulary label saved, {preview}"] is False
    assert verdicts[f"preview, a template saved, {preview}"] is True
    assert verdicts["first view of the heaviest page under 30 KB (gzip)"] is True
    results["sizes"]["5000"] = _size(1.01, 0.8, 251.0, 30.0)
    results["preview"]["ours_s"]["template"] = 0.51
    results["preview"]["hugo_server_s"] = 0.9
    verdicts = _verdicts(results)
    assert verdicts["cold build at 5,000 items at most 1.0× plain Pelican"] is False
    assert verdicts["peak memory of the Python build at 5,000 items at most 250 MiB"] is False
    assert verdicts[f"preview, a template saved, {preview}"] is False  # over 0.5 s
    assert verdicts[f"preview, a casus saved, {preview}"] is True
    assert verdicts["first view of the heaviest page under 30 KB (gzip)"] is False


def test_targets_of_sizes_not_run_are_not_measured_rather_than_met_or_missed():
    found = targets({"sizes": {"100": _size(0.5, 0.5, 10.0, 10.0)}})
    unmeasured = [target for target in found if target.met is None]
    assert len(unmeasured) == len(found) - 1  # all but the first view, which every size measures
    assert all(target.line().startswith("– ") and "not measured (BENCH_SIZES has no" in target.line()
               for target in unmeasured)


def test_the_table_has_a_row_per_size_with_both_ratios_and_the_preview_per_kind_of_save():
    results = {"sizes": {"1000": _size(2.5, 5.0, 141.0, 20.0)},
               "preview": {"items": 1000, "repeats": 5, "hugo_server_s": 0.49,
                           "ours_s": {"sessie": 0.86, "casus": 1.5, "vocabulary": 1.82, "template": 1.67}}}
    printed = table(results)
    assert ("| 1,000 | 10.00 s (1,257 pages, 6,580 files) | 4.00 s (1,014 pages) | 2.00 s (1,012 pages) "
            "| 2.50× | 5.00× | 141, 300, 50, 120 MiB |") in printed
    assert "| vocabulary label | 1.82 s | 0.49 s |" in printed
    assert "(median of 5)" in printed


# --- settings and the figures of one size --------------------------------------------------------

def test_sizes_default_to_100_1000_and_5000_and_rounds_are_never_fewer_than_3():
    assert run.sizes({}) == [100, 1000, 5000]
    assert run.sizes({"BENCH_SIZES": "100,1000"}) == [100, 1000]
    assert run.rounds({}) == 3 and run.rounds({"BENCH_ROUNDS": "1"}) == 3 and run.rounds({"BENCH_ROUNDS": "5"}) == 5


def test_the_first_view_is_the_heaviest_public_page_with_what_it_loads_not_the_editors_page(tmp_path):
    _write(tmp_path, "theme/site.css")
    (tmp_path / "theme" / "site.css").write_text("body { color: red }\n" * 50)
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="/theme/site.css"><p>home</p>')
    (tmp_path / "over").mkdir()
    (tmp_path / "over" / "index.html").write_text("<p>" + "over ons " * 40 + "</p>")
    (tmp_path / "beheer").mkdir()
    (tmp_path / "beheer" / "index.html").write_text("".join(f"<p>{n}</p>" for n in range(5000)))
    view = run.first_view(tmp_path)
    assert view["page"] == "/index.html"
    assert view["html_kb"] < view["first_view_kb"]  # the stylesheet counts


def _peaks(*runs: tuple[int, int]):
    """Stands in for PeakMemory: each run sampled gets the next peaks, in MiB (whole tree, Pagefind's)."""
    remaining = iter(runs)

    class Peaks:
        def __init__(self, pid):
            whole, pagefind = (value * run.MIB for value in next(remaining))
            self.whole, self.without_pagefind, self.pagefind = whole, whole - pagefind, pagefind

        def stop(self):
            return self

    return Peaks


def test_a_size_s_figures_hold_medians_ratios_pages_and_each_part_s_peak(tmp_path, monkeypatch):
    content = tmp_path / "content"
    for item in CORPUS:
        _write(content, f"{item.folder}/{item.slug}.md")
    pages = [site_page(item) for item in CORPUS]
    fakes = [_contestant(tmp_path, "ours", *pages), _contestant(tmp_path, "pelican", *pages),
             _contestant(tmp_path, "hugo_pagefind", *pages)]
    fakes[2].commands.append(_writer("pagefind/pagefind-entry.json") + [str(fakes[2].output)])  # a second step
    monkeypatch.setattr(run, "contestants", lambda *_: fakes)
    # sampled in turn: ours; Pelican; Hugo, then Pagefind on its output
    monkeypatch.setattr(run, "PeakMemory", _peaks((300, 100), (50, 0), (80, 0), (120, 120)))
    figures = run.cold_builds(content, tmp_path, {})
    ours, pelican, hugo = figures["ours"], figures["pelican"], figures["hugo_pagefind"]
    assert figures["items"] == 3 and len(ours["rounds_s"]) == 3
    assert ours["seconds"] == sorted(ours["rounds_s"])[1]
    assert figures["ours_per_pelican"] == ours["seconds"] / pelican["seconds"]
    assert figures["ours_per_hugo_pagefind"] == ours["seconds"] / hugo["seconds"]
    assert (ours["pages"], ours["item_pages"], ours["files"]) == (3, 3, 3) and hugo["files"] == 4
    assert hugo["seconds"] == sorted(a + b for a, b in fakes[2].steps)[1]
    assert (ours["peak_mib"], ours["pagefind_peak_mib"], ours["tree_peak_mib"]) == (200, 100, 300)
    assert pelican["peak_mib"] == 50
    assert (hugo["peak_mib"], hugo["hugo_peak_mib"], hugo["pagefind_peak_mib"]) == (120, 80, 120)  # the larger step
    assert figures["first_view"]["page"].endswith("index.html")


def test_a_preview_edit_adds_its_marker_and_stops_the_run_when_its_text_is_gone(tmp_path):
    from bench.preview_edits import EDITS, HUGO_SESSION
    from bench.references import hugo_site
    from bench.synthetic import generate
    assert EDITS["sessie"].applied("samenvatting: Een sessie.\n", "m1") == "samenvatting: Een sessie. m1\n"
    assert EDITS["template"].applied("{% block main %}x", "m2") == "{% block main %}<!-- m2 -->x"
    theme = (ROOT / "theme" / "templates" / "sessie.html").read_text(encoding="utf-8")
    vocabulary = VOCABULARY_FILE.read_text(encoding="utf-8")
    assert EDITS["template"].old in theme and EDITS["vocabulary"].old in vocabulary  # what the bench edits is there
    content = generate(tmp_path, items=100)
    for edit in (EDITS["sessie"], EDITS["casus"]):
        assert edit.old in (tmp_path / edit.file).read_text(encoding="utf-8")
    assert HUGO_SESSION.old in (hugo_site(content, tmp_path / "hugo") / HUGO_SESSION.file).read_text(encoding="utf-8")
    with pytest.raises(SystemExit, match="no longer holds 'samenvatting: Een sessie.'"):
        EDITS["sessie"].applied("samenvatting: Iets anders.\n", "m3")
