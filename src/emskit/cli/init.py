"""emskit init: scaffold a new EMS repository."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.vocabulary import DEFAULT_EDITION, EDITIONS


def init(
    directory: Annotated[Path, typer.Argument(help="Where to create the repository.")] = Path("."),
    name: Annotated[
        str | None, typer.Option(help="The organisation's name (default: the folder's name).")
    ] = None,
    edition: Annotated[
        str,
        typer.Option(
            help="ISO 14001 edition: "
            + ", ".join(f'"{e}"' for e in EDITIONS[:-1])
            + f' or "{EDITIONS[-1]}".'
        ),
    ] = DEFAULT_EDITION,
    language: Annotated[
        str, typer.Option(help="Language of generated documents: en or zh-CN.")
    ] = "en",
    jurisdiction: Annotated[
        str | None, typer.Option(help="Country rules to apply, e.g. CN.")
    ] = None,
    preset: Annotated[
        str, typer.Option(help="Significance scoring preset.")
    ] = "likelihood-x-severity",
) -> None:
    """Scaffold a new EMS repository: every file of the layout, commented, with editor schema
    hints, and `git init` it unless it is already inside a git work tree."""
    run_command(lambda: _init(directory, name, edition, language, jurisdiction, preset))


def _init(
    directory: Path,
    name: str | None,
    edition: str,
    language: str,
    jurisdiction: str | None,
    preset: str,
) -> int:
    from emskit.commands.init import InitOptions, run_init

    options = InitOptions(name or directory.resolve().name, edition, language, jurisdiction, preset)
    result = run_init(directory, options)
    print(f"emskit: created {len(result.written)} files in {result.target}", file=sys.stderr)
    if result.skipped:
        names = ", ".join(sorted(p.relative_to(result.target).as_posix() for p in result.skipped))
        print(
            f"emskit: kept {len(result.skipped)} files already there (not overwritten): {names}",
            file=sys.stderr,
        )
    if result.git == "missing":
        print("emskit: git was not found; run 'git init' yourself", file=sys.stderr)
    elif result.git == "initialised":
        print(f"emskit: initialised a git repository in {result.target}", file=sys.stderr)
    print("emskit: next, fill in emskit.yaml and run 'emskit check'", file=sys.stderr)
    return 0
