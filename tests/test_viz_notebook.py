"""notebooks/explore.ipynb runs top to bottom on examples/ and is kept without outputs."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "explore.ipynb"


def test_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the notebook has code cells"
    assert all(c.outputs == [] and c.execution_count is None for c in code), "strip outputs before committing"


def test_notebook_runs_top_to_bottom() -> None:
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # run where the notebook lives, as a user opening it in Jupyter would
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    frames = [o for o in outputs if "<iframe srcdoc=" in o.get("data", {}).get("text/html", "")]
    assert len(frames) == 3  # co-authors, topics, ego network shown inline
    printed = "".join(o.get("text", "") for o in outputs)
    assert "communities, modularity" in printed and "bridges in the largest component" in printed
