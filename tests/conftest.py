"""Shared test settings: fixtures folder is data, not tests."""
from pathlib import Path

collect_ignore_glob = ["fixtures/*", "neo4j/*"]  # neo4j/: the test server (Java) and its data

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[1] / "examples"
