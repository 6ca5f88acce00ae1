"""``kg build`` when nothing changed since the last build into the same ``--out``: that build is kept.

A daily cron job also runs on days without a new digest (arXiv publishes nothing at weekends). Then
the inputs are the ones the last build read, byte for byte, and a clean build would write exactly
the files ``--out`` already holds. A year of digests takes about a minute to rebuild from the
cache; comparing takes the time to hash the inputs (under a second).

After each successful build the cache folder gets ``last-build.json``: the **build key** and, for
every file the build wrote, its size, modification time and inode. A later build whose key is the
same, into an ``--out`` whose written files are all still exactly those (none changed, added or
removed), leaves ``--out`` as it is and prints what the last build printed (its summary is
``summary.json``). Anything else, and the build runs as usual.

The build key hashes everything a build's bytes depend on:

* every input file's cache key (:func:`kg.cache.file_key`: content, path, Digest id, ``--date``,
  the input limit, the date-in-name check, the code version: every module and data file of
  ``kg`` and the Python version), the inputs as given and the input problems of expanding them;
* the version of every installed Python distribution (spaCy, networkx, matplotlib, pyvis...: the
  writers' bytes depend on them too);
* the options that choose what is written (``--no-extract``, ``--no-html``, ``--no-trends``,
  ``--no-import-files``, ``--date``).

Not seen: changes outside Python (the system's fonts in the trend charts). ``--no-cache`` always
builds afresh.
"""
from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kg.outdir import BUILD_ENTRIES

__all__ = ["MANIFEST", "build_key", "record", "unchanged"]

#: The file in the cache folder that describes the last build.
MANIFEST = "last-build.json"
_FORMAT = "kg-last-build 1"


def build_key(inputs: Sequence[str], date: Any, options: Mapping[str, object],
              cache_dir: str | os.PathLike[str] | None = None) -> str | None:
    """The key of a build of ``inputs`` with these options; ``None`` when an input cannot be hashed.

    ``cache_dir``: the build cache, whose content hashes of unchanged files are taken (:func:`kg.cache.recall_hashes`).
    """
    import importlib.metadata

    from kg.cache import _digest, _file_key as file_key, code_version, recall_hashes
    from kg.ingest.files import digest_ids, expand_inputs

    if cache_dir is not None:
        recall_hashes(cache_dir)

    version = code_version()
    files, missing = expand_inputs([os.fspath(i) for i in inputs])
    ids = digest_ids(files)
    dists = sorted({f"{d.metadata['Name']}=={d.version}".lower() for d in importlib.metadata.distributions()})
    parts = [_FORMAT, version, json.dumps(dict(sorted(options.items())), default=str), *map(str, inputs),
             *map(str, missing), *dists, str(len(files))]
    for path in files:
        key = file_key(path, ids[path], date, version)
        if key is None:
            return None
        parts += [path, key]
    return _digest(*parts)


def _written_files(out: Path) -> dict[str, list[int]] | None:
    """``{relative path: [size, mtime_ns, inode]}`` of every file a build writes in ``out``; ``None``: something else is there."""
    found: dict[str, list[int]] = {}
    for name in sorted(BUILD_ENTRIES):
        top = out / name
        if not os.path.lexists(top):
            continue
        paths = [top] if not top.is_dir() or top.is_symlink() else sorted(p for p in top.rglob("*"))
        for path in paths:
            st = path.lstat()
            if path.is_symlink() or not (path.is_file() or path.is_dir()):
                return None  # a build never writes a symlink, a FIFO...: someone else put it there
            if path.is_file():
                found[path.relative_to(out).as_posix()] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return found


def record(cache_dir: Path, out: Path, key: str | None, written: Mapping[str, Path]) -> None:
    """Describe the build just committed to ``out`` (or forget the last one when ``key`` is ``None``)."""
    manifest = Path(cache_dir) / MANIFEST
    with contextlib.suppress(OSError):
        manifest.unlink()
    if key is None:
        return
    with contextlib.suppress(OSError):
        files = _written_files(out)
        if files is None:
            return
        entry = {"format": _FORMAT, "key": key, "out": str(Path(out).absolute()), "files": files,
                 "written": {what: Path(path).relative_to(out).as_posix() for what, path in written.items()}}
        staging = manifest.with_suffix(".tmp")
        staging.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(staging, manifest)


def unchanged(cache_dir: Path, out: Path, key: str | None) -> tuple[dict[str, Any], dict[str, Path]] | None:
    """``(summary, written)`` of the last build when ``key`` is its key and ``out`` still holds its files exactly."""
    if key is None:
        return None
    try:
        entry = json.loads((Path(cache_dir) / MANIFEST).read_text(encoding="utf-8"))
        if (entry.get("format"), entry.get("key"), entry.get("out")) != (_FORMAT, key, str(Path(out).absolute())):
            return None
        if _written_files(Path(out)) != entry["files"]:
            return None
        summary = json.loads((Path(out) / "summary.json").read_text(encoding="utf-8"))
        written = {what: Path(out) / rel for what, rel in entry["written"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return summary, written
