"""What each output of the site read, so the preview re-renders only what an edit can change.

While the preview renders a page (or a calendar, a feed), every input it reads is recorded as a
key: an item (``("item", kind, slug)``), its HTML, its backlinks, the list of items of a type, a
vocabulary term, a download, a template, the clock. The site's computed indexes (sorted lists,
filters, related items, statuses) are *queries*: a page records the query, not everything the
query read, and the query keeps its own reads and a signature of its result. After an edit:

1. the preview compares the new content with the old and lists the keys that changed;
2. every query that read a changed key is computed again; if its result differs (by signature),
   the query's key changed too (a query that read another query first decides that one, so
   each is asked at most once);
3. every output that read a changed key is rendered again; all others are left as they are.

The build owns the tracking: the preview makes a ``Tracker`` for each update and makes it the
current one for that update (``with tracking(tracker)``); a full build makes none, records
nothing and pays only a check per read. The reads happen deep in the model (an item's field, a
vocabulary term, a query), reached from templates through Jinja, so the tracker is not passed
through every call: it is a context variable, set and reset only by ``tracking``. That keeps it
out of the model's signatures, and a forked worker process renders with its parent's tracker.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from enum import Enum

from .contenttypes import ContentType, Facet

Key = tuple


class Tracker:
    """The reads of the output being rendered, and every query's result and reads."""

    def __init__(self):
        self.frames: list[set] = []
        self.queries: dict[Key, tuple[object, frozenset]] = {}  # key -> (signature of its result, its reads)

    def read(self, key: Key) -> None:
        if self.frames:
            self.frames[-1].add(key)

    def recording(self) -> _Frame:
        return _Frame(self)


class _Frame:
    def __init__(self, tracker: Tracker):
        self.tracker, self.reads = tracker, set()

    def __enter__(self) -> set:
        self.tracker.frames.append(self.reads)
        return self.reads

    def __exit__(self, *exc) -> None:
        self.tracker.frames.pop()


_current: ContextVar[Tracker | None] = ContextVar("tracker", default=None)


@contextmanager
def tracking(tracker: Tracker) -> Iterator[Tracker]:
    """Record reads and queries in `tracker` within the block (the preview, for one update)."""
    token = _current.set(tracker)
    try:
        yield tracker
    finally:
        _current.reset(token)


def current() -> Tracker | None:
    """The tracker recording now, or None (a full build)."""
    return _current.get()


def read(key: Key) -> None:
    """Note that the output being rendered depends on `key` (no effect in a full build)."""
    tracker = _current.get()
    if tracker is not None:
        tracker.read(key)


def query(method: Callable) -> Callable:
    """A cached computation on the site whose result is compared, not what it read.

    The result is cached per arguments on the instance (like functools.cached_property), in a
    full build as well. In the preview, the call is recorded as a read of the query's key, and the
    query keeps its own reads and the signature of its result.
    """
    name = method.__qualname__  # "Site.status": the class tells the preview where to ask again

    @functools.wraps(method)
    def wrapper(self, *args):
        key = ("query", name, *(signature(argument) for argument in args))
        cache = self.__dict__.setdefault("_queries", {})
        if key in cache:
            read(key)
            return cache[key]
        tracker = _current.get()
        if tracker is None:
            cache[key] = value = method(self, *args)
            return value
        read(key)
        with tracker.recording() as reads:
            value = method(self, *args)
        cache[key] = value
        tracker.queries[key] = (signature(value), frozenset(reads))
        return value

    return wrapper


def query_property(method: Callable) -> property:
    """A query without arguments, read as an attribute (site.sessions)."""
    return property(query(method))


def signature(value) -> object:
    """A comparable, picklable stand-in for a value: items by their key, records by their fields."""
    if hasattr(value, "dep_key"):  # a catalog item
        return value.dep_key
    if isinstance(value, (str, int, float, bool, type(None), date, datetime, time, Enum)):
        return value
    if isinstance(value, (ContentType, Facet)):  # fixed for the life of the process
        return (type(value).__name__, value.name)
    if isinstance(value, (list, tuple)):
        return tuple(signature(element) for element in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(signature(element) for element in value)
    if isinstance(value, dict):
        return tuple((signature(k), signature(v)) for k, v in value.items())
    if dataclasses.is_dataclass(value):
        return (type(value).__name__, *(signature(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if "owner_key" in getattr(value, "__dict__", {}):  # a view into an item's record: the item and its values
        return (value.__dict__["owner_key"], value.__dict__["_record"])
    raise TypeError(f"no signature for {type(value).__name__}")


def changed_queries(queries: dict[Key, tuple[object, frozenset]], changed: set,
                    evaluate: Callable[[Key], object]) -> set:
    """The keys of the queries (from an earlier build) whose result is different now.

    A query is asked again only if something it read changed; what it read may be other queries,
    which are decided first. evaluate(key) asks a query on the new site and returns its signature,
    or raises KeyError when it cannot be asked any more (about an item that is gone).
    """
    decided: dict[Key, bool] = {}

    def different(key: Key) -> bool:
        if key not in decided:
            old_signature, reads = queries[key]
            inputs = any(different(read) if read in queries else read in changed for read in reads)
            try:
                decided[key] = inputs and evaluate(key) != old_signature
            except KeyError:
                decided[key] = True
        return decided[key]

    return {key for key in queries if different(key)}
