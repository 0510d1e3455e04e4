"""emskit new KIND: write the next record of a kind from a commented, pre-filled skeleton."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, RepoOption, as_of_date, repository_root

KIND_HELP = (
    "audit, review, nonconformity, evaluation, training, drill, incident, inspection, "
    "waste-transfer, communication or document."
)


def new(
    kind: Annotated[str, typer.Argument(help=f"The kind of record: {KIND_HELP}")],
    record_id: Annotated[
        str | None,
        typer.Option("--id", help="The new record's id (default: the next free one)."),
    ] = None,
    from_id: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="ID",
            help="The record it comes from: a nonconformity's audit (AUD-1/AF-02), incident "
            "or evaluation; an audit's programme entry; a drill's scenario; a transfer's stream.",
        ),
    ] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Write a new record from a commented skeleton with the next free id, pre-filled from
    the repository (obligations due for an evaluation, the programme entry of an audit, the
    inputs and open actions for a review). Prints the path; never overwrites a file.
    """
    run_command(lambda: _new(kind, record_id, from_id, repo, as_of))


def _new(kind, record_id, from_id, repo, as_of) -> int:  # type: ignore[no-untyped-def]
    from emskit.commands.new import run_new

    result = run_new(repository_root(repo), kind, as_of_date(as_of), record_id, from_id)
    print(result.path)
    for note in result.notes:
        print(f"emskit new: {note}", file=sys.stderr)
    print(
        f"emskit new: fill in the TODOs of {result.path}, then run 'emskit check'", file=sys.stderr
    )
    return 0
