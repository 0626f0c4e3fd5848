"""Peak memory of a process tree, read from /proc: the proportional set size (PSS), so memory that
forked processes share is counted once, not once per process. Pagefind's processes are summed
apart, so the build's own peak and Pagefind's can be reported side by side."""

from __future__ import annotations

import threading
from pathlib import Path

PAGEFIND = "pagefind"  # the name the kernel gives Pagefind's processes


class PeakMemory:
    """Samples a process and all its descendants until stopped: the peak of the whole tree, of the
    tree without Pagefind's processes, and of Pagefind's processes alone, in bytes."""

    def __init__(self, pid: int, interval: float = 0.02):
        self.pid, self.interval = pid, interval
        self.whole = self.without_pagefind = self.pagefind = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        while not self._done.wait(self.interval):
            own, pagefind = tree_memory(self.pid)
            self.whole = max(self.whole, own + pagefind)
            self.without_pagefind = max(self.without_pagefind, own)
            self.pagefind = max(self.pagefind, pagefind)

    def stop(self) -> PeakMemory:
        self._done.set()
        self._thread.join()
        return self


def tree_memory(root: int) -> tuple[int, int]:
    """Bytes of memory (PSS) of `root` and its descendants: (all but Pagefind's, Pagefind's)."""
    table = processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    own = pagefind = 0
    todo = [(root, False)]
    while todo:
        pid, under_pagefind = todo.pop()
        under_pagefind = under_pagefind or table.get(pid, (0, ""))[1] == PAGEFIND
        if under_pagefind:
            pagefind += _pss(pid)
        else:
            own += _pss(pid)
        todo += [(child, under_pagefind) for child in children.get(pid, [])]
    return own, pagefind


def processes() -> dict[int, tuple[int, str]]:
    """Every running process: its id -> (its parent's id, its name), from /proc."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, rest = (entry / "stat").read_text().rsplit(")", 1)
                table[int(entry.name)] = (int(rest.split()[1]), head.split("(", 1)[1])
            except (OSError, IndexError, ValueError):
                continue
    return table


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
