"""Run the real ``kg`` console script in a pseudo-terminal, as a person at a terminal would.

The child gets a fresh pty as its controlling terminal (stdin, stdout and stderr), a window of
120x40, ``TERM=xterm-256color`` and no ``CI`` (CI sets ``CI=true``, which turns progress bars off:
these tests are about the terminal path, so the child must not inherit it). Writing ``b"\\x03"``
to the terminal is a real Ctrl-C: the line discipline sends SIGINT to the foreground process group.
"""
from __future__ import annotations

import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The console script pip installed beside this interpreter (the venv's ``kg``), else the one on PATH.
KG = str(Path(sys.executable).with_name("kg")) if Path(sys.executable).with_name("kg").exists() else shutil.which("kg")

#: A CSI/OSC escape sequence or a bare control character other than newline (rich's cursor moves, colours).
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]|[\x00-\x09\x0b-\x1f]")

#: What a rich bar is drawn with (a finished stretch, and the half cells at its ends).
BAR = "━"


@dataclass
class TerminalRun:
    """What a person would have seen: the exit code and everything drawn on the terminal."""

    args: list[str]
    returncode: int
    raw: str  # the bytes written to the terminal, decoded (escape sequences kept)
    seconds: float

    @property
    def text(self) -> str:
        """The output with escape sequences removed and ``\\r`` turned into line breaks (each redraw a line)."""
        return _ESCAPES.sub("", self.raw.replace("\r\n", "\n").replace("\r", "\n"))

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.text.split("\n") if line.strip()]

    def bars(self, description: str) -> list[str]:
        """Every redraw of the bar called ``description`` (a line starting with it and holding bar cells)."""
        return [line for line in self.lines() if line.startswith(description) and BAR in line]

    def explain(self) -> str:
        return f"kg {' '.join(self.args)} -> {self.returncode} after {self.seconds:.1f}s; terminal showed:\n" + "\n".join(self.lines()[-40:])


def terminal_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a person's shell: no CI, a real TERM, no forced or disabled colour."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"CI", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES", "PYTEST_CURRENT_TEST"}}
    env["TERM"] = "xterm-256color"
    env.update(extra or {})
    return env


def _become_terminal_session() -> None:  # runs in the child between fork and exec
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def run_in_terminal(
    args: Sequence[str],
    cwd: Path,
    *,
    timeout: float = 180,
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
    when: Callable[[str], bool] | None = None,
    then: bytes = b"\x03",
) -> TerminalRun:
    """Run ``kg ARGS`` in a new pty and collect what it drew until it exits.

    Args:
        stdout: send standard output to this file instead of the terminal (``kg ... > file``).
        when, then: once ``when(output so far)`` is true, type ``then`` (default Ctrl-C) once.
        timeout: kill the whole process group and fail after this many seconds (never hang).
    """
    assert KG, "the kg console script is not installed (pip install -e .)"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out_file = open(stdout, "wb") if stdout else None
    started = time.monotonic()
    try:
        proc = subprocess.Popen(
            [KG, *map(str, args)], cwd=cwd, env=terminal_env(env), stdin=slave,
            stdout=out_file or slave, stderr=slave, close_fds=True, preexec_fn=_become_terminal_session,
        )
    finally:
        os.close(slave)
        if out_file:
            out_file.close()
    chunks: list[bytes] = []
    typed = when is None
    try:
        while True:
            if time.monotonic() - started > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise AssertionError(f"kg {' '.join(map(str, args))} did not finish in {timeout}s:\n"
                                     + b"".join(chunks).decode("utf-8", "replace")[-3000:])
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: every copy of the slave side is closed, the child is gone
                    data = b""
                if not data:
                    break
                chunks.append(data)
                if not typed and when(b"".join(chunks).decode("utf-8", "replace")):
                    os.write(master, then)
                    typed = True
            elif proc.poll() is not None and not select.select([master], [], [], 0.2)[0]:
                break
        returncode = proc.wait(timeout=max(1.0, timeout - (time.monotonic() - started)))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)
    return TerminalRun([str(a) for a in args], returncode, b"".join(chunks).decode("utf-8", "replace"),
                       time.monotonic() - started)
