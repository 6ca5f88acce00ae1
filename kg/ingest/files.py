"""File-level input handling: expand inputs to files, open them safely, read bytes (``.gz`` too), decode text.

Nothing here raises on bad input: every difficulty becomes a :class:`~kg.records.Problem`.

Reading is bounded (issue 14):

* only **regular files** are read: a FIFO, a device (a symlink to ``/dev/zero``), a socket is
  skipped with a "not-a-regular-file" problem. Files are opened non-blocking and checked with
  ``fstat`` on the open descriptor, so a FIFO never blocks ``open()`` and a file swapped for
  something else between the check and the read is still caught;
* a file larger than the input limit, or a gzip stream that decompresses to more than it, is
  skipped with a "too-large" problem, never read whole into memory. The limit is
  :data:`DEFAULT_MAX_INPUT_MB` (512 MiB) per file, set with the ``KG_MAX_INPUT_MB`` environment
  variable (see :func:`max_input_bytes`);
* a directory that cannot be listed is an "unreadable-dir" problem, not a silent gap.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from kg.records import Problem, SourceRef

# Files a directory expansion picks up (a ".gz" on top of these is accepted too).
# Explicitly named files are always read, whatever their name.
DATA_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".rst", ".org", ".adoc", ".asciidoc", ".jsonl", ".ndjson", ".json", ".xml", ".atom", ".html", ".htm"})
# Files of other names are read from a folder when their first bytes hold arXiv papers: a fork may
# publish in a markup the list does not name (".adoc", ".textile", no suffix). Code, styles, data
# formats and binaries are never digests and are not opened.
_NEVER_DIGEST_SUFFIXES = frozenset({
    ".py", ".pyc", ".js", ".mjs", ".cjs", ".ts", ".css", ".scss", ".sass", ".less", ".sh", ".bat", ".ps1", ".lock",
    ".map", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp", ".tif", ".tiff", ".pdf", ".zip", ".tar",
    ".tgz", ".bz2", ".xz", ".zst", ".7z", ".whl", ".so", ".dll", ".exe", ".bin", ".pkl", ".pickle", ".npy", ".npz",
    ".parquet", ".arrow", ".feather", ".sqlite", ".db", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp4", ".webm",
    ".mp3", ".wav", ".ogg", ".gz",
})
_SNIFF_BYTES = 65536
_SNIFF_PAPERS = 2  # arXiv links or ids in the first bytes that make an unlisted file a digest
_SNIFF_RE = re.compile(rb"arxiv\.org/(?:abs|pdf|html)/|arxiv[ _:-]*(?:id)?[ \t:]*\d{4}\.\d{4,5}", re.IGNORECASE)
# Documentation that sits next to the data in a folder is not input.
_DOC_NAME_RE = re.compile(r"^(readme|license|licence|changelog|contributing|notice)\b", re.IGNORECASE)
_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_GLOB_CHARS = frozenset("*?[")
_MAX_ENCODING_PROBLEMS = 5  # per file: beyond this one summary problem is enough

#: The input limit per file (compressed size on disk, and decompressed size of a gzip stream), in MiB.
DEFAULT_MAX_INPUT_MB = 512
#: Digest dates before arXiv existed are not dates of a digest (``0001-01-19.md``, ``1026-01-19.md``).
FIRST_DATE = dt.date(1991, 1, 1)
_CHUNK = 1 << 20
_STEP = 16 << 20  # decompressed bytes per step: the output grows in place, never a second copy of it
# BOMs, longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def max_input_bytes() -> int:
    """The input limit in bytes: ``KG_MAX_INPUT_MB`` MiB (default :data:`DEFAULT_MAX_INPUT_MB`).

    >>> max_input_bytes() >= 1 << 20
    True
    """
    raw = os.environ.get("KG_MAX_INPUT_MB", "")
    try:
        mb = float(raw) if raw.strip() else DEFAULT_MAX_INPUT_MB
    except ValueError:
        mb = DEFAULT_MAX_INPUT_MB
    return max(1, int(mb * (1 << 20)))


def last_date() -> dt.date:
    """The latest acceptable digest date: tomorrow (UTC), since a digest may be dated ahead of a time zone."""
    return dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1)


def sane_date(day: dt.date | None) -> dt.date | None:
    """``day`` when it lies in :data:`FIRST_DATE` .. tomorrow, else ``None``."""
    return day if day is not None and FIRST_DATE <= day <= last_date() else None


@dataclass(slots=True)
class TextFile:
    """A decoded input file: its text and the problems met while reading it."""

    path: str
    text: str
    problems: list[Problem] = field(default_factory=list)


class InputFileError(Exception):
    """An input that must not (or cannot) be read: ``kind`` and ``message`` make its problem."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message


_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def open_input(path: str) -> BinaryIO:
    """Open an input file for reading: regular files only, within the size limit, never blocking.

    Every reader and the build cache open inputs through this one function.

    Raises:
        InputFileError: "not-a-regular-file", "too-large" or "unreadable-file".
    """
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputFileError("unreadable-file", exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "not a regular file")
            raise InputFileError("not-a-regular-file", f"{what}, not a regular file; not read")
        limit = max_input_bytes()
        if info.st_size > limit:
            raise InputFileError("too-large", f"{info.st_size} bytes, over the input limit of {_mb(limit)} "
                                              "(KG_MAX_INPUT_MB); not read")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except InputFileError:
        os.close(fd)
        raise
    except OSError as exc:
        os.close(fd)
        raise InputFileError("unreadable-file", exc.strerror or str(exc)) from None


def _mb(n: int) -> str:
    return f"{n / (1 << 20):g} MiB"


def expand_inputs(inputs: list[str]) -> tuple[list[str], list[Problem]]:
    """Turn command-line inputs into the list of files to read.

    Directories are walked recursively in sorted order (hidden entries, documentation
    files such as ``README.md`` and files without a data suffix are left out); globs
    are expanded sorted; plain paths are kept as given. Each real file appears once,
    however it was named (``./x/``, ``../p/x``, a symlink, a hard link: files are compared by
    device and inode).

    Args:
        inputs: file paths, directory paths or glob patterns.

    Returns:
        ``(files, problems)``: the paths as strings (built from the input as given);
        a "missing-input" problem for each input that matched nothing (a folder without
        digest files says so), an "unreadable-dir" problem for each folder that could not be listed.
    """
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[object] = set()

    def add(path: str) -> None:
        key = _identity(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in inputs:
        given = str(given)
        if os.path.isdir(given):
            found = _walk(given, problems)
            if not found and not any(p.kind == "unreadable-dir" and p.source.path == given for p in problems):
                problems.append(Problem(SourceRef(given), "missing-input", _why_no_files(given)))
            for path in found:
                add(path)
            continue
        if os.path.lexists(given):
            found = [given]  # a file, or something that is not one: open_input says which
        elif _GLOB_CHARS & set(given):
            found = []
            for match in sorted(glob.glob(given, recursive=True)):
                found.extend(_walk(match, problems) if os.path.isdir(match) else [match])
        else:
            found = []
        if not found:
            problems.append(Problem(SourceRef(given), "missing-input", "no such file, directory or matching file"))
        for path in found:
            add(path)
    return files, problems


def _identity(path: str) -> object:
    """What makes two paths one file: device and inode (a symlink or hard link is the same file), else the resolved path."""
    try:
        info = os.stat(path)  # stat, not open: never blocks, not even on a FIFO
    except OSError:
        return os.path.realpath(path)
    return (info.st_dev, info.st_ino)


def _why_no_files(directory: str) -> str:
    """Why a folder gave no input: empty, or only files of other kinds."""
    folder = directory.rstrip("/") + "/"
    try:
        with os.scandir(directory) as it:
            others = sum(1 for e in it if not e.name.startswith("."))
    except OSError:
        others = 0
    if not others:
        return f"no digest files in {folder} (the folder is empty)"
    suffixes = ", ".join(sorted(DATA_SUFFIXES))
    return f"no digest files in {folder} (nothing ending in {suffixes} or .gz among its {others} entries)"


def _walk(directory: str, problems: list[Problem]) -> list[str]:
    """Data files under ``directory``, recursively, in sorted path order; unlistable folders become problems."""
    out: list[str] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else directory
        problems.append(Problem(SourceRef(where), "unreadable-dir",
                                f"cannot list this folder ({exc.strerror or exc}); its files were not read"))

    for root, dirs, names in os.walk(directory, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if _is_data_file(name) or _holds_papers(root, name):
                out.append(os.path.join(root, name))
    return out


def _holds_papers(root: str, name: str) -> bool:
    """True for a text file of an unlisted kind whose first bytes link two or more arXiv papers
    (format detection then picks its reader, or reports it as of an unknown format)."""
    if name.startswith(".") or _DOC_NAME_RE.match(name) or Path(name).suffix.lower() in _NEVER_DIGEST_SUFFIXES:
        return False
    path = os.path.join(root, name)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError:
        return False  # not a file the walk can open: not a digest it would have read
    return b"\x00" not in head and len(_SNIFF_RE.findall(head)) >= _SNIFF_PAPERS


def _is_data_file(name: str) -> bool:
    if name.startswith(".") or _DOC_NAME_RE.match(name):
        return False
    stem = name[:-3] if name.lower().endswith(".gz") else name
    return Path(stem).suffix.lower() in DATA_SUFFIXES


def read_text(path: str) -> TextFile:
    """Read and decode one file (``.gz`` or gzip content is decompressed), within the input limit.

    Text is UTF-8 unless a BOM says UTF-16 or UTF-32. Undecodable bytes become U+FFFD and
    each affected line is reported as a "bad-encoding" problem; a truncated gzip stream keeps
    what was decompressed and is reported as "truncated-file"; a file that is not a regular
    file, is over the limit or cannot be opened gives one problem and no text.

    Args:
        path: the file path as given.

    Returns:
        The :class:`TextFile` (text ``""`` when nothing could be read).
    """
    problems: list[Problem] = []
    limit = max_input_bytes()
    try:
        with open_input(path) as fh:
            data = fh.read(limit + 1)
            if data[:2] == b"\x1f\x8b":
                data, problem = _gunzip(path, data, fh, limit)
                if problem:
                    problems.append(problem)
    except InputFileError as exc:
        return TextFile(path, "", [Problem(SourceRef(path), exc.kind, exc.message)])
    except OSError as exc:
        return TextFile(path, "", [Problem(SourceRef(path), "unreadable-file", exc.strerror or str(exc))])
    if len(data) > limit:  # the file grew past the limit after it was opened
        return TextFile(path, "", [Problem(SourceRef(path), "too-large", f"over the input limit of {_mb(limit)} (KG_MAX_INPUT_MB); not read")])
    text, encoding_problems = decode_text(path, data)
    if "\r" in text:  # Windows line ends: the readers split on "\n" only
        text = text.replace("\r\n", "\n")
    return TextFile(path, text, problems + encoding_problems)


def _gunzip(path: str, head: bytes, fh: BinaryIO, limit: int) -> tuple[bytes, Problem | None]:
    """Decompress a gzip file (``head`` read so far, the rest from ``fh``) as a stream, at most ``limit`` bytes out.

    Concatenated gzip members are all read. A damaged or truncated stream keeps what came out
    (up to the last complete line); output over ``limit`` raises "too-large" (a gzip bomb).

    Raises:
        InputFileError: the decompressed size would pass ``limit``.
    """
    out = bytearray()
    decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    data, error = head, None
    while True:
        if not data:
            data = fh.read(_CHUNK)
            if not data:
                break  # the input has ended
        if decomp.eof:  # a member ended: what follows is another member or zero padding
            if not data.strip(b"\0"):
                data = b""
                continue
            decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            # max_length bounds each step's output: a bomb never expands in memory past the limit
            out += decomp.decompress(data, min(_STEP, limit + 1 - len(out)))
        except zlib.error as exc:
            error = str(exc)
            break
        if len(out) > limit:
            raise InputFileError("too-large", f"decompresses to more than the input limit of {_mb(limit)} "
                                              "(KG_MAX_INPUT_MB); not read")
        data = decomp.unused_data if decomp.eof else decomp.unconsumed_tail
    if decomp.eof and error is None:
        return bytes(out), None
    if not out and error is not None:
        return b"", Problem(SourceRef(path), "bad-gzip", f"cannot decompress: {error}")
    cut = out.rfind(b"\n")
    data = bytes(out[: cut + 1]) if cut >= 0 else bytes(out)  # a cut-off last line would be half a record
    return data, Problem(SourceRef(path), "truncated-file", "gzip stream ends early; read what came before the cut")


def decode_text(path: str, data: bytes) -> tuple[str, list[Problem]]:
    """Decode file bytes: UTF-16/UTF-32 when a BOM says so, else UTF-8 (see :func:`decode_utf8`)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8":
                break
            try:
                return data[len(bom):].decode(encoding), []
            except UnicodeDecodeError as exc:
                return data[len(bom):].decode(encoding, errors="replace"), [
                    Problem(SourceRef(path), "bad-encoding", f"invalid {encoding.upper()} at byte {exc.start + len(bom)}; "
                                                             "replaced by U+FFFD")]
    return decode_utf8(path, data)
def decode_utf8(path: str, data: bytes) -> tuple[str, list[Problem]]:
    """Decode UTF-8 (a BOM is dropped); report each line holding undecodable bytes.

    Args:
        path: the file path, for the problems.
        data: the raw bytes.

    Returns:
        ``(text, problems)``: the text with U+FFFD for bad bytes, and one
        "bad-encoding" problem per affected line (at most a few, then a summary).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    bad_lines = _bad_utf8_lines(data)
    problems = [
        Problem(SourceRef(path, line), "bad-encoding", "bytes that are not UTF-8 were replaced by U+FFFD")
        for line in bad_lines[:_MAX_ENCODING_PROBLEMS]
    ]
    if len(bad_lines) > _MAX_ENCODING_PROBLEMS:
        problems.append(
            Problem(SourceRef(path, bad_lines[_MAX_ENCODING_PROBLEMS]), "bad-encoding",
                    f"{len(bad_lines) - _MAX_ENCODING_PROBLEMS} more lines with bytes that are not UTF-8")
        )
    return data.decode("utf-8", errors="replace"), problems


def _bad_utf8_lines(data: bytes) -> list[int]:
    """1-based numbers of the lines holding invalid UTF-8 (decoded line by line only on this slow path)."""
    return [i for i, raw in enumerate(data.split(b"\n"), 1) if not _is_utf8(raw)]


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def digest_id(path: str) -> str:
    """``"<parent folder name>/<file name without .gz>"`` of the real file, e.g. ``"zh/2026-01-05.md"``.

    The path is resolved first (``./x/``, ``../p/x`` and a symlink to the folder give the
    same id). :func:`digest_ids` lengthens the ids of different files that would share one.
    """
    parts = _id_parts(path)
    return "/".join(parts[-2:])


def digest_ids(paths: list[str]) -> dict[str, str]:
    """The Digest id of each file: the shortest tail of its resolved path, two parts at least, unique among ``paths``.

    Usually ``"<folder>/<name>"``; ``a/data/2026-01-19.md`` and ``b/data/2026-01-19.md`` get
    ``"a/data/2026-01-19.md"`` and ``"b/data/2026-01-19.md"``. Ids hold no absolute path and no
    machine-specific part, so a build of the same inputs gives the same ids on any machine.

    >>> digest_ids(["/r/a/data/2026-01-19.md", "/r/b/data/2026-01-19.md", "/r/zh/x.md.gz"])
    {'/r/a/data/2026-01-19.md': 'a/data/2026-01-19.md', '/r/b/data/2026-01-19.md': 'b/data/2026-01-19.md', '/r/zh/x.md.gz': 'zh/x.md'}
    """
    parts = {p: _id_parts(p) for p in paths}
    depth = {p: 2 for p in paths}
    while True:
        groups: dict[tuple[str, ...], list[str]] = {}
        for p in paths:
            groups.setdefault(tuple(parts[p][-depth[p]:]), []).append(p)
        grow = [p for same in groups.values() if len({os.path.realpath(q) for q in same}) > 1
                for p in same if depth[p] < len(parts[p])]
        if not grow:
            return {p: "/".join(parts[p][-depth[p]:]) for p in paths}
        for p in grow:
            depth[p] += 1


def _id_parts(path: str) -> list[str]:
    real = Path(os.path.realpath(path))
    name = real.name[:-3] if real.name.lower().endswith(".gz") else real.name
    return [part for part in real.parent.parts if part not in ("/", "")] + [name]


def date_in_text(text: str) -> dt.date | None:
    """The first valid ``YYYY-MM-DD`` in ``text`` (a file name, a heading), else ``None``.

    Only dates from :data:`FIRST_DATE` to tomorrow count (:func:`dates_out_of_range` names the others).
    """
    for m in _DATE_RE.finditer(text):
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if sane_date(day):
            return day
    return None


def dates_out_of_range(text: str) -> list[str]:
    """The valid ``YYYY-MM-DD`` dates in ``text`` that lie outside :data:`FIRST_DATE` .. tomorrow."""
    out = []
    for m in _DATE_RE.finditer(text):
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if sane_date(day) is None:
            out.append(m.group(0))
    return out
