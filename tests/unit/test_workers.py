"""Work in forked processes: each takes every n-th task; a failure in one is raised in the parent."""

import gc
import time

import pytest

from werkplaatsen.build import workers


def squares(share):
    return [n * n for n in share], sum(share)


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_every_task_is_done_once_whatever_the_number_of_processes(processes):
    reports = workers.in_shares(list(range(10)), squares, processes=processes)
    assert sorted(n for report in reports for n in report) == [n * n for n in range(10)]


def test_the_second_round_gets_what_the_first_kept_and_the_parents_decision():
    reports, decision, results = workers.in_shares(
        list(range(6)), squares, second=lambda kept, total: kept * 100 + total, decide=lambda r: sum(map(sum, r)),
        processes=2)
    assert decision == sum(n * n for n in range(6))
    assert sorted(results) == [(0 + 2 + 4) * 100 + decision, (1 + 3 + 5) * 100 + decision]


def broken(share):
    if 3 in share:
        raise ValueError("taak 3 mislukt")
    return share, None


def test_a_failure_in_a_process_is_raised_with_its_traceback():
    with pytest.raises(workers.WorkerFailed, match="taak 3 mislukt"):
        workers.in_shares(list(range(6)), broken, second=lambda kept, d: None, decide=lambda r: None, processes=2)


def test_a_failing_decision_stops_the_processes_waiting_for_it(monkeypatch):
    def refuse(reports):
        raise RuntimeError("geen besluit")

    monkeypatch.setattr(workers, "JOIN_TIMEOUT", 5)
    start = time.monotonic()
    with pytest.raises(RuntimeError, match="geen besluit"):
        workers.in_shares(list(range(4)), squares, second=lambda kept, d: None, decide=refuse, processes=2)
    assert time.monotonic() - start < workers.JOIN_TIMEOUT, "a waiting process was left to time out"


def frozen_count(share):
    return [gc.get_freeze_count()], None


def test_the_workers_collectors_leave_the_loaded_site_alone_and_the_parent_collects_as_before():
    """Frozen while forking (the children copy none of the site's memory), unfrozen after (the preview lives on)."""
    kept = [object() for _ in range(1000)]  # what the build loaded before forking
    reports = workers.in_shares([1, 2], frozen_count, processes=2)
    assert all(count >= len(kept) for report in reports for count in report)
    assert gc.get_freeze_count() == 0
