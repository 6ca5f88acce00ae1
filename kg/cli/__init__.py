"""The ``kg`` command line: a thin layer over the library API.

Each subcommand lives in a small module of this package and calls one public function of
:mod:`kg`; this module builds the Typer app and keeps the promises every command shares:

* ``--quiet`` and ``--debug`` work before or after the subcommand (``kg --quiet build x`` and
  ``kg build x --quiet``);
* the current folder's ``.env`` is read before a command runs (variables already set win);
* a :class:`kg.errors.KgError` is one readable line (a traceback with ``--debug``), a usage
  error one line with a hint;
* the exit code means something: 0 done, 1 failed, 2 usage error, 130 interrupted (Ctrl-C, one
  line saying what was left behind), and any ``typer.Exit`` code reaches the shell.
"""
from __future__ import annotations

import functools
import inspect
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import typer

from kg.cli import options
from kg.errors import KgError
from kg.safetext import terminal_text

app = typer.Typer(
    name="kg",
    help="Turn daily arXiv digests into a research knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

QUIET_HELP = "No progress bars or warnings, only results and errors."
DEBUG_HELP = "Show full tracebacks on errors."
INTERRUPTED = 130


@app.callback()
def _root(
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """arxiv-kg: papers, authors, categories and methods from arXiv digests, as a graph."""
    # Runs first in every invocation (also under typer's CliRunner): start from fresh state.
    options.STATE = options.CliState(quiet=quiet, debug=debug)


class _Interrupted(Exception):
    """Ctrl-C inside a command, carried past Typer (which would turn it into a bare exit code 130)."""


def _with_global_flags(callback: Callable[..., Any]) -> Callable[..., Any]:
    """``callback`` taking ``--quiet``/``--debug`` too, reading ``.env`` first and carrying Ctrl-C to :func:`run`."""

    @functools.wraps(callback)
    def command(*args: Any, kg_quiet: bool = False, kg_debug: bool = False, **kwargs: Any) -> Any:
        options.STATE.quiet = options.STATE.quiet or kg_quiet
        options.STATE.debug = options.STATE.debug or kg_debug
        options.load_env()
        try:
            return callback(*args, **kwargs)
        except KeyboardInterrupt as exc:
            raise _Interrupted() from exc

    flags = [
        inspect.Parameter("kg_quiet", inspect.Parameter.KEYWORD_ONLY, annotation=bool,
                          default=typer.Option(False, "--quiet", "-q", help=QUIET_HELP)),
        inspect.Parameter("kg_debug", inspect.Parameter.KEYWORD_ONLY, annotation=bool,
                          default=typer.Option(False, "--debug", help=DEBUG_HELP)),
    ]
    signature = inspect.signature(callback)
    command.__signature__ = signature.replace(parameters=[*signature.parameters.values(), *flags])  # type: ignore[attr-defined]
    command.__annotations__ = {**callback.__annotations__, "kg_quiet": bool, "kg_debug": bool}
    return command


def _add_global_flags(typer_app: typer.Typer) -> None:
    for info in typer_app.registered_commands:
        if info.callback is not None and not hasattr(info.callback, "__wrapped__"):
            info.callback = _with_global_flags(info.callback)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _add_global_flags(group.typer_instance)


def _register() -> None:
    # Each module adds its commands to ``app``; imported here so ``kg.cli`` stays the entry point.
    from kg.cli import build_cmd  # noqa: F401
    for name in ("extract_cmd", "neo4j_cmd", "viz_cmd", "trends_cmd"):
        try:
            __import__(f"kg.cli.{name}")
        except ModuleNotFoundError as exc:  # a stage not written yet
            if exc.name != f"kg.cli.{name}":
                raise
    _add_global_flags(app)


_register()


def main() -> None:
    """Console-script entry point: run ``kg`` with ``sys.argv`` and exit with its code."""
    sys.exit(run())


def run(argv: Sequence[str] | None = None) -> int:
    """Run ``kg`` with these arguments (``sys.argv[1:]`` when ``None``) and return the exit code."""
    options.STATE = options.CliState()
    try:
        code = app(args=None if argv is None else list(argv), prog_name="kg", standalone_mode=False)
    except _Interrupted as exc:
        return _interrupted(exc.__cause__)
    except (KeyboardInterrupt, typer.Abort) as exc:  # Ctrl-C before a command ran; EOF at a prompt
        return _interrupted(exc)
    except typer.Exit as exc:
        return exc.exit_code
    except KgError as exc:
        if options.STATE.debug:
            traceback.print_exception(exc)
        options.error(str(exc))
        return 1
    except Exception as exc:  # the promise: one line unless --debug
        if type(exc).__name__ == "NoArgsIsHelpError":  # `kg`, `kg viz`: the help (Typer already drew it with rich)
            print(exc.format_message(), end="")  # type: ignore[attr-defined]
            return 2
        if _is_usage_error(exc):
            options.error(_usage_line(exc))
            return 2
        if options.STATE.debug:
            traceback.print_exception(exc)
        options.error(f"{type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return 1
    # Without standalone mode Typer returns the code of a ``typer.Exit`` (its Ctrl-C is Exit(130)).
    code = code if type(code) is int else 0
    return _interrupted(None) if code == INTERRUPTED else code


def _interrupted(exc: BaseException | None) -> int:
    if options.STATE.debug and exc is not None:
        traceback.print_exception(exc)
    stderr_is_terminal = sys.stderr.isatty()
    # After the terminal echoed "^C", start a line of our own.
    print(("\n" if stderr_is_terminal else "") + f"kg: {terminal_text(options.STATE.interrupted)}", file=sys.stderr)
    return INTERRUPTED


def _is_usage_error(exc: Exception) -> bool:
    # Typer ships its own copy of click's exception classes, so test by shape, not by class.
    return hasattr(exc, "format_message") and hasattr(exc, "exit_code") and type(exc).__name__ in {
        "UsageError", "BadParameter", "MissingParameter", "NoSuchOption", "BadOptionUsage", "BadArgumentUsage",
    }


def _usage_line(exc: Exception) -> str:
    """``no such option: --qiet (did you mean --quiet?) (see kg build --help)``."""
    name = getattr(exc, "option_name", None)
    if type(exc).__name__ == "NoSuchOption" and name:
        close = list(getattr(exc, "possibilities", None) or [])  # difflib's order: closest first
        message = f"no such option: {name}" + (f" (did you mean {close[0]}?)" if close else "")
    else:
        message = exc.format_message().rstrip(".")  # type: ignore[attr-defined]
        message = message[:1].lower() + message[1:] if message[1:2].islower() else message
    ctx = getattr(exc, "ctx", None)
    return f"{message} (see {getattr(ctx, 'command_path', None) or 'kg'} --help)"
