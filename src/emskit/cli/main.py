"""The emskit command. Commands import their core code lazily so that --help stays fast."""

from __future__ import annotations

import os
import sys
from typing import Annotated

# Typer's rich-formatted help pulls in rich.markdown and markdown-it on every run, which
# is about 90 ms, half the start-up budget of a command run on each commit. Plain click
# help reads as well and pipes cleanly; TYPER_USE_RICH=1 brings the boxes back.
os.environ.setdefault("TYPER_USE_RICH", "0")

import typer

from emskit import __version__
from emskit.cli import audit_time as audit_time_command
from emskit.cli import check as check_command
from emskit.cli import diff as diff_command
from emskit.cli import docs as docs_command
from emskit.cli import due as due_command
from emskit.cli import gap as gap_command
from emskit.cli import import_ as import_command
from emskit.cli import init as init_command
from emskit.cli import new as new_command
from emskit.cli import pack as pack_command
from emskit.cli import portfolio as portfolio_command
from emskit.cli import ready as ready_command
from emskit.cli import roadmap as roadmap_command
from emskit.cli import schema as schema_command
from emskit.cli import score as score_command
from emskit.cli import status as status_command
from emskit.cli.errors import DEBUG

app = typer.Typer(
    name="emskit",
    help="Keep an ISO 14001 environmental management system as plain text in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"emskit {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for internal errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Keep an ISO 14001 environmental management system as plain text in git."""
    DEBUG["on"] = debug


app.command("check")(check_command.check)
app.command("init")(init_command.init)
app.command("score")(score_command.score)
app.command("gap")(gap_command.gap)
app.command("due")(due_command.due)
app.command("ready")(ready_command.ready)
app.command("status")(status_command.status)
app.command("new")(new_command.new)
app.command("roadmap")(roadmap_command.roadmap)
app.command("audit-time")(audit_time_command.audit_time)
app.command("pack")(pack_command.pack)
app.add_typer(docs_command.app, name="docs")
app.command("schema")(schema_command.schema)
app.command("import")(import_command.import_)
app.command("portfolio")(portfolio_command.portfolio)
app.command("diff")(diff_command.diff)


def run() -> None:
    try:
        app(prog_name="emskit")  # the same usage line for the script and for python -m emskit
    except KeyboardInterrupt:
        print("emskit: interrupted", file=sys.stderr)
        sys.exit(130)
