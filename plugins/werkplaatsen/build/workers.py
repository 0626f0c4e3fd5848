"""Work on every core: forked processes that share the parent's loaded site and each take a share.

A build loads the content once; the processes forked afterwards see all of it without copying
or pickling. Each takes every n-th task (the result never depends on how many there are) and can
work in two rounds with one message from the parent in between: round one renders and reports,
the parent decides something that needs every report (the stylesheet, say), round two uses it.
``WERKPLAATSEN_PROCESSEN`` sets the number of processes (1: all in this process, for debugging).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence

ENVIRONMENT_VARIABLE = "WERKPLAATSEN_PROCESSEN"
JOIN_TIMEOUT = 60  # seconds a process gets to finish after its last answer, before it is killed


def count() -> int:
    """How many processes to use: the setting, else one per core."""
    return max(1, int(os.environ.get(ENVIRONMENT_VARIABLE) or os.cpu_count() or 1))


class WorkerFailed(RuntimeError):
    """A forked process raised; the message holds its traceback."""


def in_shares(tasks: Sequence, first: Callable, second: Callable | None = None,
              decide: Callable | None = None, processes: int | None = None):
    """Run ``first(share)`` on every n-th task in n processes; return its reports in share order.

    ``first`` returns (report, kept): the report goes to the parent, what is kept stays in the
    process. With ``second``: the parent calls ``decide(reports)`` once every report is in, each
    process then runs ``second(kept, decision)``; returns (reports, decision, second results).
    """
    processes = min(processes or count(), max(1, len(tasks)))
    shares = [tasks[start::processes] for start in range(processes)]
    if processes == 1:
        report, kept = first(shares[0])
        if second is None:
            return [report]
        decision = decide([report])
        return [report], decision, [second(kept, decision)]
    context = multiprocessing.get_context("fork")
    pipes, children = [], []
    gc.freeze()  # the processes' collectors leave the loaded site alone, so they copy none of its memory
    try:
        for share in shares:
            parent_end, child_end = context.Pipe()
            # The child closes its copies of the parent's ends, so that the parent closing them ends it.
            child = context.Process(target=_child, args=(child_end, [*pipes, parent_end], share, first, second),
                                    daemon=True)
            child.start()
            child_end.close()
            pipes.append(parent_end)
            children.append(child)
    finally:
        gc.unfreeze()  # this process (the preview, say) lives on: it collects as before
    try:
        reports = [_receive(pipe) for pipe in pipes]
        if second is None:
            return reports
        decision = decide(reports)
        for pipe in pipes:
            pipe.send(decision)
        return reports, decision, [_receive(pipe) for pipe in pipes]
    finally:
        for pipe in pipes:
            pipe.close()  # a process still waiting for a decision stops
        for child in children:
            child.join(timeout=JOIN_TIMEOUT)
            if child.is_alive():
                child.kill()


def _child(pipe, parent_ends, share, first, second) -> None:
    for end in parent_ends:
        end.close()
    try:
        report, kept = first(share)
        pipe.send(("ok", report))
        if second is not None:
            pipe.send(("ok", second(kept, pipe.recv())))
    except BaseException:  # report everything to the parent, which raises it there
        pipe.send(("error", traceback.format_exc()))
    finally:
        pipe.close()
        os._exit(0)  # no atexit handlers or buffered output of the parent, twice


def _receive(pipe):
    try:
        status, value = pipe.recv()
    except EOFError:
        raise WorkerFailed("a build process stopped without an answer") from None
    if status == "error":
        raise WorkerFailed(value)
    return value
