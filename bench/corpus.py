"""Where the benchmarks find their input: the command line, else the shared corpus beside the checkout."""
from __future__ import annotations

from pathlib import Path

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_inputs(argv: list[str], subfolder: str = "") -> list[str]:
    """The inputs to measure: ``argv`` when given, else ``../shared/corpus/<subfolder>`` when it exists.

    Prints why there is nothing to measure and returns ``[]`` otherwise.
    """
    if argv:
        return argv
    default = SHARED_CORPUS / subfolder if subfolder else SHARED_CORPUS
    if default.exists():
        return [str(default)]
    print(f"no corpus given and {default} not found; nothing to measure")
    return []
