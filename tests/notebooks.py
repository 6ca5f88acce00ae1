"""Helpers for the notebook tests: notebooks are stored without outputs and run top to bottom."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"


def assert_stored_without_outputs(path: Path) -> None:
    """Fail unless every code cell of the notebook has no outputs and no execution count."""
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the notebook has code cells"
    assert all(c.outputs == [] and c.execution_count is None for c in code), "strip outputs before committing"


def run_notebook(path: Path) -> list[dict]:
    """Execute the notebook where it lives (as a user opening it in Jupyter would); return every output.

    Fails when any cell raised.
    """
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return outputs
