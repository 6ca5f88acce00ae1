"""kg.pipeline.trim_heap: glibc's malloc_trim where there is one, nothing elsewhere."""
import ctypes

import kg.pipeline


def test_trim_heap_can_be_called_again_and_again():
    for _ in range(3):
        assert kg.pipeline.trim_heap() is None


def test_trim_heap_does_nothing_without_malloc_trim(monkeypatch):
    def no_libc(*args, **kwargs):
        raise OSError("libc.so.6: cannot open shared object file (simulated: musl, macOS)")

    monkeypatch.setattr(ctypes, "CDLL", no_libc)
    kg.pipeline._malloc_trim.cache_clear()
    try:
        assert kg.pipeline._malloc_trim() is None
        kg.pipeline.trim_heap()
    finally:
        kg.pipeline._malloc_trim.cache_clear()


def test_trim_heap_does_nothing_when_the_c_library_has_no_malloc_trim(monkeypatch):
    class Library:  # a libc without the function: the attribute lookup fails as ctypes' does
        def __getattr__(self, name):
            raise AttributeError(name)

    monkeypatch.setattr(ctypes, "CDLL", lambda *args, **kwargs: Library())
    kg.pipeline._malloc_trim.cache_clear()
    try:
        kg.pipeline.trim_heap()
    finally:
        kg.pipeline._malloc_trim.cache_clear()
