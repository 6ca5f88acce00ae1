"""The build cache: what an unchanged input file read to, and what an unchanged paper extracted to.

``kg build`` runs every day over a folder that grows by a day. With a cache, a re-run reads
and extracts only what is new: each input file's reading (records, digest, problems) is kept
under the file's content hash, each paper's extraction under the hash of the text the
extractor sees. Everything after that (merge, graph, every output) is made afresh, so a
cached build writes the same bytes as a clean one.

Keys, so that nothing stale is ever reused:

* a file: its content (SHA-256), the path as given (records name it), its Digest id (unique
  among the build's files, :func:`kg.ingest.files.digest_ids`), ``--date``, the input limit
  (``KG_MAX_INPUT_MB``), whether the date in its name is in range today, and the
  **code version**: a hash of every module and data file of the ``kg`` package (readers,
  records, gazetteers, extractor code...) and the Python version;
* a paper: every field of the merged paper except when and where it was listed (the
  extractor reads its text, never its dates), the code version, spaCy's version and the
  pipeline's own config and data (a ``data_dir`` gazetteer outside the package is hashed too).

Change a gazetteer entry or a line of extractor code and the keys change by themselves; there
is no version number to remember to bump. Entries not used by a build are dropped at its end,
so the cache holds one build's worth.

Storage: one SQLite file (``cache.sqlite``, values pickled) and the inputs' content hashes by file
stamp (``hashes.json``, :func:`recall_hashes`); a cache that cannot be opened or
read is reported and the build goes on without it (a problem with the cache never fails a
build, and never changes its result).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.records import Paper, PaperExtraction

__all__ = ["BuildCache", "CacheStats", "code_version", "default_cache_dir"]

_PACKAGE = Path(__file__).resolve().parent
_SCHEMA = "kg-cache 1"


def default_cache_dir(out_dir: str | os.PathLike[str]) -> Path:
    """The cache of a ``--out`` folder: a hidden folder beside it (``out/`` -> ``.out.kg-cache/``).

    Beside, not inside: the output folder is replaced as a whole by each build.
    """
    out = Path(out_dir).absolute()
    return out.parent / f".{out.name}.kg-cache"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every file of the installed ``kg`` package (code and data) and the Python version.

    >>> len(code_version())
    64
    """
    digest = hashlib.sha256(f"{_SCHEMA} {sys.version}".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def extractor_version(nlp: Any) -> str:
    """The code version plus what makes this pipeline itself: spaCy, its config, a gazetteer outside ``kg``."""
    import spacy

    digest = hashlib.sha256(f"{code_version()} spacy {spacy.__version__}".encode())
    digest.update(nlp.config.to_str().encode())
    for name in nlp.pipe_names:
        data_dir = nlp.get_pipe_config(name).get("data_dir")
        if data_dir:
            for path in sorted(Path(data_dir).rglob("*")):
                if path.is_file():
                    digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(slots=True)
class CacheStats:
    """What a build took from the cache and what it had to do."""

    files_reused: int = 0
    files_read: int = 0
    papers_reused: int = 0
    papers_extracted: int = 0
    problems: list[str] = field(default_factory=list)  # why the cache was not (fully) used

    def __str__(self) -> str:
        return (f"cache: {self.files_reused} file(s) reused, {self.files_read} read; "
                f"{self.papers_reused} paper(s) reused, {self.papers_extracted} extracted")


class BuildCache:
    """A cache folder: file readings and paper extractions by content key (see the module docstring)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.stats = CacheStats()
        self._used: dict[str, set[str]] = {"files": set(), "extractions": set()}
        self._new: dict[str, list[tuple[str, bytes]]] = {"files": [], "extractions": []}
        self._db: sqlite3.Connection | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.folder / "cache.sqlite", timeout=30)
            with self._db:
                for table in self._used:
                    self._db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._disable(f"cannot open the build cache in {self.folder}: {exc}")
        if self._db is not None:
            recall_hashes(self.folder)

    # ------------------------------------------------------------------ storage

    def _disable(self, why: str) -> None:
        self.stats.problems.append(why)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def _get_many(self, table: str, keys: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if self._db is None or not keys:
            return found
        try:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                part = keys[start:start + 500]
                marks = ",".join("?" * len(part))
                for key, blob in self._db.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", part):
                    with contextlib.suppress(Exception):  # an unreadable entry is a miss
                        found[key] = pickle.loads(blob)
        except sqlite3.Error as exc:
            self._disable(f"cannot read the build cache in {self.folder}: {exc}")
            return {}
        return found

    def _has_many(self, table: str, keys: Sequence[str]) -> set[str]:
        """The ``keys`` with an entry (the values are not read)."""
        found: set[str] = set()
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                part = keys[start:start + 500]
                marks = ",".join("?" * len(part))
                found.update(key for (key,) in self._db.execute(f"SELECT key FROM {table} WHERE key IN ({marks})", part))
        except sqlite3.Error as exc:
            self._disable(f"cannot read the build cache in {self.folder}: {exc}")
            return set()
        return found

    def _put(self, table: str, key: str, value: Any) -> None:
        self._put_pickled(table, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _put_pickled(self, table: str, key: str, blob: bytes) -> None:
        self._used[table].add(key)
        if self._db is not None:
            self._new[table].append((key, blob))

    def save(self) -> None:
        """Store what this build made and drop what it did not use (call after a successful build)."""
        if self._db is None:
            return
        try:
            with self._db:
                for table, rows in self._new.items():
                    self._db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
                    self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                    self._db.execute("DELETE FROM used")
                    self._db.executemany("INSERT OR IGNORE INTO used (key) VALUES (?)", ((k,) for k in self._used[table]))
                    self._db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM used)")
            if self._wasted() > 0.5:  # a build that used much less than the one before
                self._db.execute("VACUUM")
        except sqlite3.Error as exc:
            self._disable(f"cannot write the build cache in {self.folder}: {exc}")
        for rows in self._new.values():
            rows.clear()
        if self._db is not None:
            keep_hashes(self.folder, _USED_STAMPS)
        _USED_STAMPS.clear()

    def _wasted(self) -> float:
        assert self._db is not None
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
        return free / pages if pages else 0.0

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def __enter__(self) -> BuildCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading

    def unread(self, paths: Sequence[str], ids: dict[str, str], date: dt.date | None) -> list[str]:
        """The ``paths`` (Digest ids in ``ids``) whose reading is not in the cache: the ones :meth:`reader` reads."""
        version = code_version()
        keys = {path: _file_key(path, ids[path], date, version) for path in paths}
        found = self._has_many("files", [key for key in keys.values() if key is not None])
        return [path for path, key in keys.items() if key not in found]

    def reader(self, read_file: Callable[..., Any], date: dt.date | None,
               read_pickled: Callable[[str, str], bytes] | None = None) -> Callable[[str, str], Any]:
        """``read_file(path, date=date, digest_id=digest_id)`` through the cache (same result, problems included).

        ``read_pickled(path, digest_id)``: the pickled result of a file not in the cache, from the
        workers that read it (:class:`kg.ingest.ahead.ReadAhead`); stored as it is.
        """
        version = code_version()

        def read(path: str, digest_id: str) -> Any:
            key = _file_key(path, digest_id, date, version)
            if key is not None:
                hit = self._get_many("files", [key]).get(key)
                if hit is not None:
                    self._used["files"].add(key)
                    self.stats.files_reused += 1
                    return hit
            self.stats.files_read += 1
            if read_pickled is not None:
                blob = read_pickled(path, digest_id)
                if key is not None:
                    self._put_pickled("files", key, blob)
                return pickle.loads(blob)
            result = read_file(path, date=date, digest_id=digest_id)
            if key is not None:
                self._put("files", key, result)
            return result

        return read

    # ------------------------------------------------------------------ extraction

    def extract(self, papers: Sequence[Paper], nlp: Any, run: Callable[[list[Paper]], list[PaperExtraction]]) -> list[PaperExtraction]:
        """The extraction of each paper, in order: cached ones reused, the rest made by ``run(missing)``."""
        version = extractor_version(nlp)
        keys = [_paper_key(version, p) for p in papers]
        found = self._get_many("extractions", keys)
        missing = [i for i, key in enumerate(keys) if key not in found]
        made = run([papers[i] for i in missing]) if missing else []
        out: list[PaperExtraction | None] = [found.get(key) for key in keys]
        for i, ex in zip(missing, made, strict=True):
            out[i] = ex
            self._put("extractions", keys[i], ex)
        self._used["extractions"].update(found)
        self.stats.papers_reused += len(papers) - len(missing)
        self.stats.papers_extracted += len(missing)
        return out  # type: ignore[return-value]  (every slot is filled)


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _paper_key(version: str, p: Paper) -> str:
    """Everything of a paper but when and where it was listed (which the extractor never reads)."""
    summary = p.summary
    parts = [version, p.arxiv_id, p.title, p.abstract, p.comment, p.translated_title, p.primary_category, p.url, p.doi,
             p.version, str(len(p.categories)), *p.categories, str(len(p.keywords)), *p.keywords,
             str(len(p.authors)), *p.authors]
    if summary is not None:
        parts += [summary.language, summary.tldr, summary.motivation, summary.method, summary.result,
                  summary.conclusion, str(len(summary.extra)), *(x for pair in summary.extra for x in pair)]
    return _digest(*parts)


#: Content hashes already made by this process, by the file's identity and change stamps: kg build hashes
#: its inputs twice (kg.reuse, then the reader) and a file rewritten in between has a new ctime.
_HASHED: dict[tuple[int, ...], str] = {}
#: The stamps hashed when the file was already this old (seconds): only those are kept for later builds.
_SETTLED = 2.0
#: The stamps of _HASHED that were settled when hashed (or recalled): the ones keep_hashes keeps.
_SETTLED_STAMPS: set[tuple[int, ...]] = set()
#: The stamps of the files this process keyed, in order (what keep_hashes keeps).
_USED_STAMPS: list[tuple[int, ...]] = []
HASHES = "hashes.json"


def recall_hashes(folder: str | os.PathLike[str]) -> None:
    """Take the content hashes a previous build kept in ``folder`` (:func:`keep_hashes`) as known.

    A daily build otherwise hashes every input again (a year: 333 MB, 0.4 s) to find them
    unchanged. A stamp is (device, inode, size, mtime, ctime in ns): any write to a file changes
    its ctime, which no program can set back, so a file with the same stamp has the same content.
    Only stamps that were already :data:`_SETTLED` seconds old when hashed are kept (the clock
    ticks coarser than a nanosecond: a file written twice within one tick could keep its stamp).
    An unreadable table is ignored (everything is hashed, as without it).
    """
    import json

    try:
        entries = json.loads((Path(folder) / HASHES).read_text(encoding="utf-8"))
        if entries.get("format") != _SCHEMA:
            return
        for stamp, content in entries["hashes"]:
            if isinstance(content, str) and len(stamp) == 5 and all(type(x) is int for x in stamp):
                _HASHED.setdefault(tuple(stamp), content)
                _SETTLED_STAMPS.add(tuple(stamp))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return


def keep_hashes(folder: str | os.PathLike[str], stamps: Sequence[tuple[int, ...]]) -> None:
    """Write the settled ones of ``stamps`` (with their hashes) for :func:`recall_hashes` (replacing the table)."""
    import json

    kept = [[list(stamp), _HASHED[stamp]] for stamp in dict.fromkeys(stamps) if stamp in _SETTLED_STAMPS]
    path = Path(folder) / HASHES
    staging = path.with_name(f".{HASHES}.tmp")
    with contextlib.suppress(OSError):
        staging.write_text(json.dumps({"format": _SCHEMA, "hashes": kept}), encoding="utf-8")
        os.replace(staging, path)


def _file_key(path: str, digest_id: str, date: dt.date | None, version: str) -> str | None:
    """The key of one input file, ``None`` when it must not or cannot be read (the reader then reports why).

    The file is opened as the readers open it (:func:`kg.ingest.files.open_input`: regular files
    within the input limit only), so hashing never blocks on a FIFO nor reads a device forever.
    """
    from kg.ingest.files import InputFileError, date_in_text, max_input_bytes, open_input

    try:
        with open_input(path) as fh:
            st = os.fstat(fh.fileno())
            stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            content = _HASHED.get(stamp)
            if content is None:
                # the time before reading: a write during the read is newer than it
                if time.time() - max(st.st_mtime_ns, st.st_ctime_ns) / 1e9 >= _SETTLED:
                    _SETTLED_STAMPS.add(stamp)
                content = _HASHED[stamp] = hashlib.file_digest(fh, "sha256").hexdigest()
            _USED_STAMPS.append(stamp)
    except (InputFileError, OSError):
        return None
    name_date = date_in_text(Path(path).name)  # in range today (tomorrow is the last digest date)
    return _digest(version, content, path, digest_id, date.isoformat() if date else "", str(max_input_bytes()),
                   name_date.isoformat() if name_date else "")

