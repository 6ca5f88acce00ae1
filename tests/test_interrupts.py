"""Ctrl-C during a library's bare ``except:`` (as in spaCy's import chain) is not lost."""

import os
import signal
import threading

import pytest

from kg.interrupts import ctrl_c_held


def _swallowing_library_code() -> str:
    try:
        os.kill(os.getpid(), signal.SIGINT)  # Python runs the handler before the next bytecode
        return "not reached without a hold"
    except:  # noqa: E722 - what srsly does around its optional C parser
        return "swallowed"


def test_without_a_hold_a_bare_except_swallows_ctrl_c():
    assert _swallowing_library_code() == "swallowed"  # why the hold exists


def test_ctrl_c_inside_the_block_is_raised_after_it():
    with pytest.raises(KeyboardInterrupt):
        with ctrl_c_held():
            assert _swallowing_library_code() == "not reached without a hold"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_no_ctrl_c_no_exception_and_the_handler_is_restored():
    with ctrl_c_held():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_sigint_stays_ignored():
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with ctrl_c_held():
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_outside_the_main_thread_it_does_nothing():
    seen: list[BaseException] = []

    def work() -> None:
        try:
            with ctrl_c_held():
                pass
        except BaseException as exc:  # pragma: no cover - would be a failure
            seen.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == []
