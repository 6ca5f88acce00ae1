"""The ``--out`` folder of ``kg build``: written as a whole or not at all, one build at a time.

Promises (issue 14):

* **Atomic.** A build writes into a fresh hidden folder beside ``--out``
  (``.out.kg-new-XXXX``) and swaps it in at the end with one ``renameat2(RENAME_EXCHANGE)``
  (Linux); the previous build is then deleted. Stopped at any point (Ctrl-C, SIGKILL, a full
  disk), ``--out`` holds the previous complete build: every file in it comes from one build.
  Where an atomic exchange is not available, the old folder is renamed away and the new one
  renamed in: ``--out`` is then missing for an instant, never mixed.
* **One build at a time.** A lock on ``--out`` (``flock`` on ``.out.kg-lock`` beside it, removed
  at the end; the system releases the lock when the process ends, however it ends, and a file
  left by a killed build is simply locked again) makes a second concurrent build fail at once
  with a one-line error naming the folder.
* **No symlink in ``--out`` is followed.** Nothing is written into the old folder; a symlink left
  in it (``summary.json -> elsewhere``) is replaced, its target untouched. (``--out`` itself may
  be a symlink to a folder: the folder it names is the one replaced.)
* **Unrelated files are left alone.** Entries of ``--out`` that ``kg build`` does not write
  (:data:`BUILD_ENTRIES`) are carried into the new folder as they are (hard links, symlinks
  kept as symlinks). Entries ``kg build`` writes are always the new build's: one turned off
  (``--no-html``) is removed, not kept from an older build.

Leftovers of a killed build (hidden ``.out.kg-new-*`` / ``.out.kg-old-*`` folders beside
``--out``) are removed by the next build, after carrying back any unrelated file they hold.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError

__all__ = ["BUILD_ENTRIES", "OutputBusy", "OutputFolder"]

#: What ``kg build`` writes in ``--out``: anything else there belongs to someone else.
BUILD_ENTRIES = frozenset({"graph.graphml", "graph.json", "summary.json", "neo4j-import", "coauthors.html",
                           "topics.html", "trends"})
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputBusy(KgError):
    """Another build holds the lock on this ``--out``."""


# Locks this process holds: folder -> [descriptor, depth]. write_outputs inside a CLI build reuses
# the CLI's lock (a second flock on the same file from this process would conflict with the first).
_HELD: dict[Path, list[int]] = {}


class OutputFolder:
    """``--out`` while a build runs: ``with OutputFolder(out) as folder:`` locks it, :meth:`replace` writes it.

    Args:
        out: the output folder (created on commit if missing; its parent is created at once).

    Raises:
        OutputBusy: on entering, when another process is building into the same folder.
        KgError: ``out`` exists and is not a folder.
    """

    def __init__(self, out: str | os.PathLike[str]) -> None:
        given = Path(out).absolute()
        self.path = Path(os.path.realpath(given)) if given.is_symlink() else given
        self.shown = f"{str(out).rstrip('/')}/"

    # ------------------------------------------------------------------ lock

    @property
    def lock_path(self) -> Path:
        return self.path.parent / f".{self.path.name}.kg-lock"

    def __enter__(self) -> OutputFolder:
        held = _HELD.get(self.path)
        if held is not None:
            held[1] += 1
        else:
            _HELD[self.path] = [self._lock(), 1]
            self._clean_leftovers()
        return self

    def __exit__(self, *exc: object) -> None:
        held = _HELD[self.path]
        held[1] -= 1
        if held[1] == 0:
            del _HELD[self.path]
            # Removed while still locked: a process that opened the old file finds, once it has the
            # lock, that the name no longer leads to it, and tries again (see _lock).
            with contextlib.suppress(OSError):
                os.unlink(self.lock_path)
            with contextlib.suppress(OSError):
                fcntl.flock(held[0], fcntl.LOCK_UN)
            os.close(held[0])

    def _lock(self) -> int:
        if self.path.exists() and not self.path.is_dir():
            raise KgError(f"--out {self.shown.rstrip('/')} is a file, not a folder")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(100):
            fd = self._try_lock()
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.lock_path, follow_symlinks=False))
            except OSError:
                same = False
            if same:
                return fd
            os.close(fd)  # the holder removed the file as we locked it: lock the new one
        raise KgError(f"cannot lock {self.shown}: the lock file keeps changing")

    def _try_lock(self) -> int:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise KgError(f"cannot lock {self.shown}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise OutputBusy(f"another kg build is writing {self.shown} (lock {self.lock_path.name} is held); "
                                 "wait for it or choose another --out") from None
            raise KgError(f"cannot lock {self.shown}: {exc.strerror or exc}") from None
        return fd

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def replace(self) -> Iterator[Path]:
        """A fresh staging folder to write the whole build into; swapped in for ``--out`` when the block ends.

        If the block raises (Ctrl-C included), the staging folder is removed and ``--out`` is
        left exactly as it was.
        """
        with self:
            staging = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.kg-new-", dir=self.path.parent))
            try:
                yield staging
                self._commit(staging)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise

    def _commit(self, staging: Path) -> None:
        if not self.path.exists():
            os.rename(staging, self.path)
            return
        _carry_unrelated(self.path, staging, link=True)
        leftover = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.kg-old-", dir=self.path.parent))
        old = leftover / "out"
        if _exchange(staging, self.path):
            os.rename(staging, old)  # the previous build, now at the staging name: marked old for a later cleanup
        else:
            os.rename(self.path, old)
            os.rename(staging, self.path)
        _carry_unrelated(old, self.path, link=False)  # a file added to --out while this build ran
        shutil.rmtree(leftover, ignore_errors=True)

    def _clean_leftovers(self) -> None:
        """Tidy up after a build that was killed (the lock says none is running now).

        A previous build renamed away (the non-atomic fallback) goes back to ``--out`` if that is
        missing; unrelated files in leftovers go back to ``--out``; then the leftovers are removed.
        """
        for left in sorted(self.path.parent.glob(f".{glob_escape(self.path.name)}.kg-[no][el][wd]-*")):
            if left.is_symlink() or not left.is_dir():
                continue
            old = left / "out"  # only an old- folder has one: a previous build (a new- one is a build never swapped in)
            if old.is_dir() and not old.is_symlink():
                if not os.path.lexists(self.path):
                    os.rename(old, self.path)
                else:
                    _carry_unrelated(old, self.path, link=False)
            shutil.rmtree(left, ignore_errors=True)


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _carry_unrelated(src: Path, dst: Path, *, link: bool) -> None:
    """Put each entry of ``src`` that ``kg build`` does not write into ``dst`` (when ``dst`` lacks it).

    ``link``: hard-link files (``src`` stays as it is); otherwise entries are moved. Symlinks
    are carried as symlinks, never followed.
    """
    try:
        entries = list(os.scandir(src))
    except OSError:
        return
    for entry in entries:
        if entry.name in BUILD_ENTRIES or os.path.lexists(dst / entry.name):
            continue
        target = dst / entry.name
        if not link:
            with contextlib.suppress(OSError):
                os.rename(entry.path, target)
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), target)
        elif entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry.path, target)


def _link_or_copy(src: str, dst: str | os.PathLike[str]) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2(RENAME_EXCHANGE)``); ``False`` when not supported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))
