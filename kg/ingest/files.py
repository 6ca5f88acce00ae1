"""File-level input handling: expand inputs to files, read bytes (``.gz`` too), decode text.

Nothing here raises on bad input: every difficulty becomes a :class:`~kg.records.Problem`.
"""
from __future__ import annotations

import datetime as dt
import glob
import gzip
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from kg.records import Problem, SourceRef

# Files a directory expansion picks up (a ".gz" on top of these is accepted too).
# Explicitly named files are always read, whatever their name.
DATA_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".jsonl", ".ndjson", ".json", ".xml", ".atom"})
# Documentation that sits next to the data in a folder is not input.
_DOC_NAME_RE = re.compile(r"^(readme|license|licence|changelog|contributing|notice)\b", re.IGNORECASE)
_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_GLOB_CHARS = frozenset("*?[")
_MAX_ENCODING_PROBLEMS = 5  # per file: beyond this one summary problem is enough


@dataclass(slots=True)
class TextFile:
    """A decoded input file: its text and the problems met while reading it."""

    path: str
    text: str
    problems: list[Problem] = field(default_factory=list)


def expand_inputs(inputs: list[str]) -> tuple[list[str], list[Problem]]:
    """Turn command-line inputs into the list of files to read.

    Directories are walked recursively in sorted order (hidden entries, documentation
    files such as ``README.md`` and files without a data suffix are left out); globs
    are expanded sorted; plain paths are kept as given. Each file appears once.

    Args:
        inputs: file paths, directory paths or glob patterns.

    Returns:
        ``(files, problems)``: the paths as strings (built from the input as given),
        and a "missing-input" problem for each input that matched nothing.
    """
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in inputs:
        given = str(given)
        if os.path.isdir(given):
            found = _walk(given)
        elif os.path.isfile(given):
            found = [given]
        elif _GLOB_CHARS & set(given):
            found = []
            for match in sorted(glob.glob(given, recursive=True)):
                found.extend(_walk(match) if os.path.isdir(match) else [match])
        else:
            found = []
        if not found:
            problems.append(Problem(SourceRef(given), "missing-input", "no such file, directory or matching file"))
        for path in found:
            add(path)
    return files, problems


def _walk(directory: str) -> list[str]:
    """Data files under ``directory``, recursively, in sorted path order."""
    out: list[str] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if _is_data_file(name):
                out.append(os.path.join(root, name))
    return out


def _is_data_file(name: str) -> bool:
    if name.startswith(".") or _DOC_NAME_RE.match(name):
        return False
    stem = name[:-3] if name.lower().endswith(".gz") else name
    return Path(stem).suffix.lower() in DATA_SUFFIXES


def read_text(path: str) -> TextFile:
    """Read and decode one file as UTF-8 (``.gz`` or gzip content is decompressed).

    Undecodable bytes become U+FFFD and each affected line is reported as a
    "bad-encoding" problem; a truncated gzip stream keeps what was decompressed and
    is reported as "truncated-file"; an unreadable file gives "unreadable-file".

    Args:
        path: the file path as given.

    Returns:
        The :class:`TextFile` (text ``""`` when nothing could be read).
    """
    problems: list[Problem] = []
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return TextFile(path, "", [Problem(SourceRef(path), "unreadable-file", exc.strerror or str(exc))])
    if data[:2] == b"\x1f\x8b":
        data, problem = _gunzip(path, data)
        if problem:
            problems.append(problem)
    text, encoding_problems = decode_utf8(path, data)
    if "\r" in text:  # Windows line ends: the readers split on "\n" only
        text = text.replace("\r\n", "\n")
    return TextFile(path, text, problems + encoding_problems)


def _gunzip(path: str, data: bytes) -> tuple[bytes, Problem | None]:
    """Decompress gzip data; on a damaged or truncated stream keep what came out."""
    try:
        return gzip.decompress(data), None
    except (EOFError, OSError, zlib.error):
        pass
    # Decompress incrementally to salvage the readable prefix of a truncated file.
    decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decomp.decompress(data)
    except zlib.error as exc:
        return b"", Problem(SourceRef(path), "bad-gzip", f"cannot decompress: {exc}")
    if out.rfind(b"\n") >= 0:
        out = out[: out.rfind(b"\n") + 1]  # a cut-off last line would be half a record
    return out, Problem(SourceRef(path), "truncated-file", "gzip stream ends early; read what came before the cut")


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
    """``"<parent folder name>/<file name without .gz>"``, e.g. ``"zh/2026-01-05.md"``."""
    p = Path(path)
    name = p.name[:-3] if p.name.lower().endswith(".gz") else p.name
    parent = p.resolve().parent.name if p.parent == Path(".") or p.parent.name in ("", ".", "..") else p.parent.name
    return f"{parent}/{name}" if parent else name


def date_in_text(text: str) -> dt.date | None:
    """The first valid ``YYYY-MM-DD`` in ``text`` (a file name, a heading), else ``None``."""
    for m in _DATE_RE.finditer(text):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None
