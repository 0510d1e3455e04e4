"""The errors a user can cause, under one base class.

Each maps to an exit code in one place (``cli/main.py``); anything that is not an
``EmskitError`` is a bug and exits 3.
"""


class EmskitError(Exception):
    """An expected problem; its message is shown to the user as it is."""

    exit_code = 2


class UsageError(EmskitError):
    """The command could not run as asked (bad option, missing repository...)."""


class RepositoryNotFound(UsageError):
    pass


class ConfigError(UsageError):
    """emskit.yaml is missing, unreadable, or of an unknown format version."""
