import io
import sys

from kg.progress import SILENT, RichProgress, wants_progress


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
