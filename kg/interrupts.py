"""Ctrl-C that third-party code cannot swallow.

Importing spaCy runs library code with bare ``except:`` clauses (``srsly`` probing for its C YAML
parser, ``spacy.util.is_package``): a KeyboardInterrupt raised inside one of them is caught and lost, and
the build runs on as if Ctrl-C had never been pressed. :func:`ctrl_c_held` records the signal instead
and raises it once the block is over, where our own code sees it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["ctrl_c_held"]


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Run the block with SIGINT recorded, not raised; raise KeyboardInterrupt after it if one came.

    A no-op outside the main thread and when SIGINT is not Python's default handler (ignored by the
    parent shell, as for background jobs, or handled by the caller): that choice is left alone.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    pressed: list[int] = []

    def record(signum: int, frame: Any) -> None:
        pressed.append(signum)

    signal.signal(signal.SIGINT, record)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if pressed:
        raise KeyboardInterrupt
