"""Change tracking belongs to whoever builds: a tracker records only within its `tracking` block,
also in the processes that block forks, and nothing is recorded outside one (a full build)."""

import pytest

from werkplaatsen.build import workers
from werkplaatsen.model import deps


def render_share(share):
    """What a worker process renders: each task reads its own key (see deps.read)."""
    tracker = deps.current()
    reads = []
    for task in share:
        with tracker.recording() as read:
            deps.read(("item", "sessie", task))
        reads.append(frozenset(read))
    return reads, None


def test_reads_are_recorded_only_within_the_tracking_block():
    tracker = deps.Tracker()
    with tracker.recording() as outside:
        deps.read(("now",))
    assert deps.current() is None and outside == set()  # no tracker is current: the read went nowhere
    with deps.tracking(tracker), tracker.recording() as inside:
        assert deps.current() is tracker
        deps.read(("now",))
    assert inside == {("now",)} and deps.current() is None


def test_the_tracker_is_no_longer_current_after_a_failed_update():
    with pytest.raises(ValueError), deps.tracking(deps.Tracker()):
        raise ValueError("update failed")
    assert deps.current() is None


def test_forked_workers_record_in_the_tracker_of_the_update_that_forked_them():
    with deps.tracking(deps.Tracker()):
        reports = workers.in_shares(["a", "b", "c"], render_share, processes=2)
    assert sorted(read for report in reports for reads in report for read in reads) == [
        ("item", "sessie", "a"), ("item", "sessie", "b"), ("item", "sessie", "c")]
