"""The ``kg`` command line: a thin layer over the library API.

Each subcommand lives in a small module of this package and calls one public
function of :mod:`kg`; this module only builds the Typer app and turns
:class:`kg.errors.KgError` into one readable line (a traceback with ``--debug``).
"""
from __future__ import annotations

import sys

import typer

from kg.cli import options
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Turn daily arXiv digests into a research knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or warnings, only results and errors."),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
) -> None:
    """arxiv-kg: papers, authors, categories and methods from arXiv digests, as a graph."""
    options.STATE.quiet = quiet
    options.STATE.debug = debug


def _register() -> None:
    # Each module adds its commands to ``app``; imported here so ``kg.cli`` stays the entry point.
    from kg.cli import build_cmd  # noqa: F401
    for name in ("extract_cmd", "neo4j_cmd", "viz_cmd", "trends_cmd"):
        try:
            __import__(f"kg.cli.{name}")
        except ModuleNotFoundError as exc:  # a stage not written yet
            if exc.name != f"kg.cli.{name}":
                raise


_register()


def main() -> None:
    """Console-script entry point."""
    try:
        app(standalone_mode=False)
    except KgError as exc:
        if options.STATE.debug:
            raise
        options.error(str(exc))
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        options.error("aborted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # the promise: one line unless --debug
        if _is_usage_error(exc):
            options.error(f"{exc.format_message()} (see kg --help)")  # type: ignore[attr-defined]
            sys.exit(2)
        if options.STATE.debug:
            raise
        options.error(f"{type(exc).__name__}: {exc} (run with --debug for the traceback)")
        sys.exit(1)


def _is_usage_error(exc: Exception) -> bool:
    # Typer ships its own copy of click's exception classes, so test by shape, not by class.
    return hasattr(exc, "format_message") and hasattr(exc, "exit_code") and type(exc).__name__ in {
        "UsageError", "BadParameter", "MissingParameter", "NoSuchOption", "BadOptionUsage", "BadArgumentUsage",
    }
