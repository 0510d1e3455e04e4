"""One error handler for every command: expected errors exit with their code, bugs with 3."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable

import typer

ISSUES_URL = "https://github.com/emskit/emskit/issues"
DEBUG = {"on": False}


def run_command(body: Callable[[], int]) -> None:
    """Run a command's body and exit with its code, never with a traceback unless --debug."""
    from emskit.errors import EmskitError

    try:
        code = body()
    except EmskitError as error:
        from emskit.escaping import terminal_text

        print(f"emskit: {terminal_text(str(error))}", file=sys.stderr)
        code = error.exit_code
    except KeyboardInterrupt:
        print("emskit: interrupted", file=sys.stderr)
        code = 130
    except BrokenPipeError:
        code = 0  # the reader (head, less) went away: nothing left to say
        sys.stdout = open("/dev/null", "w")  # noqa: SIM115 - silences the flush at exit
    except typer.Exit:
        raise
    except Exception as error:
        if DEBUG["on"]:
            traceback.print_exc()
        where = traceback.extract_tb(error.__traceback__)[-1]
        print(
            f"emskit: internal error ({type(error).__name__} at {where.filename.rsplit('/', 1)[-1]}"
            f":{where.lineno}). This is a bug: please report it at {ISSUES_URL} with the output "
            "of the same command run with --debug.",
            file=sys.stderr,
        )
        code = 3
    raise typer.Exit(code)
