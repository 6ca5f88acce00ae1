"""The README tells the truth: every command has help text and is named there (sqlite-utils' test_docs idea),
every command of its shell blocks is run, every ``kg ...`` it quotes exists with the options it shows, and the
``kg extract --jsonl`` format it documents is the one written."""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

import kg.cli

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: README placeholders and the real paths the test runs instead.
SUBSTITUTIONS = {
    "/path/to/corpus": "examples/",
    "more-digests/2026-01-29.md": "examples/digests/2026-01-28.md",
}
#: Commands of the shell blocks that this test does not run, and why (a new one must be added here, with a reason).
NOT_RUN = {
    "python3 -m venv .venv": "the install: .ci/run does it on a fresh clone, tests/test_packaging.py builds the wheel",
    ".venv/bin/pip install": "the install (as above)",
    "npm ci": "the install of the Cypher linter (as above)",
    ".venv/bin/python -m pytest": "the test suite itself (.ci/run runs it)",
    "cp .env.example .env": "a user's setup step (kg reading .env: tests/test_terminal_messages.py)",
    "set -a": "a user's shell setup",
    "docker compose": "no Docker engine on the CI machine (the Neo4j tests use a real server when NEO4J_URI is set)",
    "tests/neo4j/server": "the Neo4j test server: .ci/run starts and stops it around the suite "
                          "(and tests/integration/test_neo4j_bulk_import_live.py runs start/admin/stop)",
}
#: Commands that need a live Neo4j server: run when NEO4J_URI is set, skipped otherwise.
NEEDS_NEO4J = re.compile(r"^kg (load(?!.*--dry-run)|query(?!.*--list)|build .*--neo4j)")


def commands():
    root = typer.main.get_command(kg.cli.app)
    for name, cmd in root.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub_name, sub in subs.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, cmd


def shell_commands(readme: str = README) -> list[str]:
    """Every command of the README's ``bash`` blocks: continuation lines joined, comments dropped, ``&&`` split."""
    found: list[str] = []
    for block in re.findall(r"```bash\n(.*?)```", readme, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.sub(r"(^|\s+)#.*$", "", line).strip()
            found += [" ".join(part.split()) for part in line.split("&&") if part.strip()]
    return found


def _as_run(command: str) -> str:
    for placeholder, real in SUBSTITUTIONS.items():
        command = command.replace(placeholder, real)
    return command


#: Commands another test runs (in a terminal, progress bars on), so this one does not run them again.
RUN_ELSEWHERE = {".venv/bin/kg build examples/ --out out/": "tests/test_terminal.py"}
RUNNABLE = [c for c in shell_commands() if re.match(r"(\.venv/bin/)?kg ", c) and c not in RUN_ELSEWHERE]


def test_every_command_has_help_and_is_in_the_readme():
    names = []
    for name, cmd in commands():
        names.append(name)
        assert (cmd.help or "").strip(), f"kg {name} has no help text"
        assert f"`kg {name}" in README, f"kg {name} is not in the README"
    assert {"build", "extract", "load", "query", "trends", "viz coauthors", "viz topics", "viz ego", "export neo4j-import"} <= set(names)


def test_readme_starts_with_the_two_commands():
    first_block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    lines = [line for line in first_block.splitlines() if line and not line.startswith("#")]
    assert len(lines) == 2
    assert "kg build examples/" in lines[0]
    assert "pytest" in lines[1]
    for step in ("pip install", "'.[test]'", "npm ci", "python -m pytest"):
        assert step in lines[1]


def test_later_blocks_say_how_kg_is_found():
    # `kg` is on PATH only in an activated venv: the README says so before its first bare `kg`.
    first_bare = min(m.start() for m in re.finditer(r"(?m)^kg |`kg ", README))
    assert ". .venv/bin/activate" in README[:first_bare] and "`.venv/bin/kg`" in README[:first_bare]


def test_every_shell_command_is_run_or_has_a_reason_not_to_be():
    from tests.test_terminal import README_BUILD

    assert set(RUN_ELSEWHERE) == {README_BUILD} and README_BUILD in shell_commands()
    for command in shell_commands():
        if command not in RUNNABLE and command not in RUN_ELSEWHERE:
            assert any(command.startswith(prefix) for prefix in NOT_RUN), f"README command not run by any test: {command}"


@pytest.fixture(scope="module")
def readme_session(tmp_path_factory):
    """A folder where the README's commands run one after the other, as a user would type them."""
    cwd = tmp_path_factory.mktemp("readme")
    for name in ("examples", "tests"):
        (cwd / name).symlink_to(ROOT / name)
    (cwd / ".venv").symlink_to(Path(sys.prefix))  # `.venv/bin/kg` of the first block
    return cwd


@pytest.mark.parametrize("command", RUNNABLE)
def test_readme_command_runs(readme_session, command):
    if NEEDS_NEO4J.match(command.removeprefix(".venv/bin/")) and not os.environ.get("NEO4J_URI"):
        pytest.skip("needs a live Neo4j (set NEO4J_URI and NEO4J_PASSWORD)")
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(["bash", "-c", _as_run(command)], cwd=readme_session, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)
    assert proc.returncode == 0, f"{command}\n{proc.stderr[-2000:]}"


def _kg_spans(readme: str = README) -> list[str]:
    """Every inline ``kg ...`` the prose and tables quote (not the shell blocks: those are run)."""
    prose = re.sub(r"```.*?```", "", readme, flags=re.S)
    return [span for span in re.findall(r"`(kg [^`]+)`", prose)]


@pytest.mark.parametrize("span", sorted(set(_kg_spans())))
def test_every_quoted_command_exists_with_the_options_it_shows(span):
    words = shlex.split(span.replace("\\|", "|"))[1:]
    command = typer.main.get_command(kg.cli.app)
    path = ["kg"]
    while words and getattr(command, "commands", None) and words[0] in command.commands:
        command = command.commands[words[0]]
        path.append(words.pop(0))
    assert len(path) > 1 or words[0].startswith("-"), f"{span}: no such command"
    known = {opt for param in command.params for opt in [*param.opts, *param.secondary_opts]}
    known |= {"--help"} | ({"--quiet", "-q", "--debug"} if len(path) == 1 else set())
    for word in words:
        flag = word.strip("[]").split("=")[0]
        if flag.startswith("-"):
            assert flag in known, f"{span}: {' '.join(path)} has no option {flag}"


def _documented_example() -> list[dict]:
    block = re.search(r"### `kg extract --jsonl`.*?```json\n(.*?)```", README, re.S).group(1)
    decoder, objects, at = json.JSONDecoder(), [], 0
    while block[at:].strip():
        at += len(block[at:]) - len(block[at:].lstrip())
        obj, at = decoder.raw_decode(block, at)
        objects.append(obj)
    return objects


def _shape(value):
    """The keys of an extraction object at every level (values left out: the gazetteer may change them)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def test_the_documented_jsonl_format_is_the_one_written(readme_session):
    written = readme_session / "methods.jsonl"
    if not written.exists():
        test_readme_command_runs(readme_session, next(c for c in RUNNABLE if "methods.jsonl" in c))
    lines = {obj["id"]: obj for obj in map(json.loads, written.read_text(encoding="utf-8").splitlines())}
    examples = _documented_example()
    assert len(examples) == 2
    for example in examples:
        assert _shape(example) == _shape(lines[example["id"]]), example["id"]
    # Every field written anywhere in the file is explained in the section.
    section = README[README.index("### `kg extract --jsonl`"):README.index("### Methods, datasets and code links")]
    fields = set()
    for obj in lines.values():
        fields |= set(obj)
        for m in obj["methods"] + obj["summary_methods"]:
            fields |= set(m) | {f"`{s}`" for s in m["sources"]}
        for d in obj["datasets"]:
            fields |= set(d)
    for field in fields:
        assert (field if field.startswith("`") else f"`{field}`") in section, f"{field} is not documented"
