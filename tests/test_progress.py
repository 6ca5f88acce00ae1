import io
import sys

import pytest

from kg.progress import SILENT, RichProgress, phase, wants_progress


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.setattr(sys, "stderr", FakeTTY())
    monkeypatch.delenv("CI", raising=False)
    assert wants_progress() is True
    assert wants_progress(quiet=True) is False
    monkeypatch.setenv("CI", "true")
    assert wants_progress() is False
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # piped
    assert wants_progress() is False


def test_silent_and_rich_progress_yield_every_item():
    assert list(SILENT.track(range(5))) == [0, 1, 2, 3, 4]
    with RichProgress() as bar:
        assert list(bar.track(iter(range(7)), total=7, description="x", unit="papers")) == list(range(7))


def test_consecutive_bars_in_one_display_are_each_drawn(monkeypatch):
    # The case that crashed every command on a terminal: a second bar after the first one finished.
    terminal = FakeTTY()
    monkeypatch.setattr(sys, "stderr", terminal)
    with RichProgress() as bar:
        assert list(bar.track(range(3), description="reading", unit="files")) == [0, 1, 2]
        assert list(bar.track(range(4), description="extracting", unit="papers")) == [0, 1, 2, 3]
        assert list(bar.track(iter("ab"), description="writing", unit="files")) == ["a", "b"]
    drawn = terminal.getvalue()
    for description in ("reading", "extracting", "writing"):
        assert description in drawn  # each drawn at least once, however short
    assert "0/3" in drawn and "0/4" in drawn


def test_phase_reports_one_step_and_lets_errors_through(monkeypatch):
    with phase(SILENT, "loading"):
        pass
    monkeypatch.setattr(sys, "stderr", FakeTTY())
    with RichProgress() as bar:
        with pytest.raises(ValueError), phase(bar, "loading"):
            raise ValueError("boom")
        assert not bar._progress.tasks  # the failed phase's bar is gone
        with phase(bar, "writing"):
            assert [t.description for t in bar._progress.tasks] == ["writing"]
        assert not bar._progress.tasks
