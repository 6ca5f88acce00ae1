"""notebooks/trends.ipynb runs top to bottom on examples/ and is kept without outputs."""
from tests.notebooks import NOTEBOOKS, assert_stored_without_outputs, run_notebook

NOTEBOOK = NOTEBOOKS / "trends.ipynb"


def test_notebook_is_stored_without_outputs():
    assert_stored_without_outputs(NOTEBOOK)


def test_notebook_runs_top_to_bottom():
    outputs = run_notebook(NOTEBOOK)
    # the charts were drawn (the figures render as PNG) and the worked question printed its answer
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 2
    assert any("rose:" in o.get("text", "") for o in outputs)
