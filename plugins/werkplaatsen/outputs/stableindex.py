"""Put Pagefind 1.5.2's filter files in a fixed order, so two builds give the same index.

Pagefind 1.5.2 writes the values of each filter, and the list of filters in its ``.pf_meta``
file, in the order of a randomly seeded hash map: every build gets other bytes and other file
names. Upstream fixed this after 1.5.2 ("completion of deterministic output", pagefind#1124);
remove this module once a release with that fix is pinned. Everything else Pagefind writes is
already the same for the same pages.

The files are gzip-compressed CBOR behind a ``pagefind_dcd`` signature. Only the order of array
items varies, so the items are sorted as they are, by their bytes. The filter files then get new
names from their content (in Pagefind's form), and the ``.pf_meta`` file, renamed the same way,
and ``pagefind-entry.json`` point at the new names.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
META_FILTERS = 3  # the fields of .pf_meta: version, pages, index_chunks, filters, sorts, meta_fields
FILTER_VALUES = 1  # the fields of .pf_filter: filter name, values


def stabilize(bundle: Path) -> None:
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        prefix = language["hash"].split("_")[0]
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_file)
        start, end = _items(meta, 0)[1][META_FILTERS]
        content, filters = _items(meta, start)
        renamed = []
        for item_start, _ in filters:
            (name_start, name_end), (hash_start, _) = _items(meta, item_start)[1]
            old = bundle / "filter" / f"{_text_value(meta, hash_start)}.pf_filter"
            new = _write(old.parent, "{}.pf_filter", prefix, 7, _sorted_values(_read(old)))
            old.unlink()
            renamed.append(meta[item_start:name_end] + _text(new))
        meta_file.unlink()
        meta = meta[:content] + b"".join(sorted(renamed)) + meta[end:]
        language["hash"] = _write(bundle, "pagefind.{}.pf_meta", prefix, 10, meta)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _sorted_values(data: bytes) -> bytes:
    start, end = _items(data, 0)[1][FILTER_VALUES]
    content, values = _items(data, start)
    return data[:content] + b"".join(sorted(data[a:b] for a, b in values)) + data[end:]


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind index file")
    return data[len(SIGNATURE):]


def _write(folder: Path, name: str, prefix: str, length: int, data: bytes) -> str:
    """Write `data` under a name made from its content; return that name's hash part."""
    digest = f"{prefix}_{hashlib.sha256(data).hexdigest()[:length]}"
    (folder / name.format(digest)).write_bytes(gzip.compress(SIGNATURE + data, mtime=0))
    return digest


# Just enough CBOR: Pagefind's index files hold unsigned integers, text and arrays.

def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """(major type, argument, where the content starts) of the item at `at`."""
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _end(data: bytes, at: int) -> int:
    major, argument, position = _head(data, at)
    if major == 0:
        return position
    if major == 3:
        return position + argument
    if major == 4:
        for _ in range(argument):
            position = _end(data, position)
        return position
    raise ValueError(f"unexpected CBOR major type {major} in a Pagefind index file")


def _items(data: bytes, at: int) -> tuple[int, list[tuple[int, int]]]:
    """Where the content of the array at `at` starts, and (start, end) of each of its items."""
    _, count, position = _head(data, at)
    content, items = position, []
    for _ in range(count):
        items.append((position, _end(data, position)))
        position = items[-1][1]
    return content, items


def _text_value(data: bytes, at: int) -> str:
    _, length, content = _head(data, at)
    return data[content:content + length].decode("utf-8")


def _text(value: str) -> bytes:
    raw = value.encode("utf-8")
    return (bytes([0x60 | len(raw)]) if len(raw) < 24 else bytes([0x78, len(raw)])) + raw
