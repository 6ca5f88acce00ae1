"""notebooks/explore.ipynb runs top to bottom on examples/ and is kept without outputs."""
from tests.notebooks import NOTEBOOKS, assert_stored_without_outputs, run_notebook

NOTEBOOK = NOTEBOOKS / "explore.ipynb"


def test_notebook_is_stored_without_outputs() -> None:
    assert_stored_without_outputs(NOTEBOOK)


def test_notebook_runs_top_to_bottom() -> None:
    outputs = run_notebook(NOTEBOOK)
    frames = [o for o in outputs if "<iframe srcdoc=" in o.get("data", {}).get("text/html", "")]
    assert len(frames) == 3  # co-authors, topics, ego network shown inline
    printed = "".join(o.get("text", "") for o in outputs)
    assert "communities, modularity" in printed and "bridges in the largest component" in printed
    assert "Frames(papers=619, authors=" in printed  # the pandas section (kg.frames)
    assert "read back by networkx" in printed and "probably stand for several people" in printed
