"""Every command is documented: it has help text and the README names it (sqlite-utils' test_docs idea)."""
import re
from pathlib import Path

import typer.main

import kg.cli

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def commands():
    root = typer.main.get_command(kg.cli.app)
    for name, cmd in root.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub_name, sub in subs.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, cmd


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
