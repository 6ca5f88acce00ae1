"""Exceptions the CLI turns into one readable line (tracebacks only with ``--debug``)."""


class KgError(Exception):
    """A failure the user can act on; its message is shown as one line."""


class InputError(KgError):
    """Nothing usable could be read from the given inputs."""
