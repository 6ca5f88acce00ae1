"""A wheel (non-editable install) carries everything the package reads at run time."""
import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(importlib.util.find_spec("setuptools") is None, reason="setuptools not installed in this environment")
def test_wheel_contains_data_and_cypher_files(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    [wheel] = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in (ROOT / "kg" / "data").iterdir():
        assert f"kg/data/{data.name}" in names
    for cypher in (ROOT / "cypher").rglob("*.cypher"):
        assert f"kg/cypher/{cypher.relative_to(ROOT / 'cypher').as_posix()}" in names
    assert "kg/py.typed" in names
