"""emskit init: scaffold a new EMS repository."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from emskit.cli.errors import run_command


def init(
    directory: Annotated[Path, typer.Argument(help="Where to create the repository.")] = Path("."),
    name: Annotated[
        str | None, typer.Option(help="The organisation's name (default: the folder's name).")
    ] = None,
    edition: Annotated[
        str, typer.Option(help='ISO 14001 edition: "2015", "2015+A1:2024" or "2026".')
    ] = "2015+A1:2024",
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
    from emskit import git
    from emskit.errors import UsageError
    from emskit.scaffold import InitOptions, scaffold

    target = directory.resolve()
    options = InitOptions(name or target.name, edition, language, jurisdiction, preset)
    try:
        target.mkdir(parents=True, exist_ok=True)
        done = scaffold(target, options)
    except OSError as error:
        raise UsageError(f"{directory}: cannot write the repository ({error.strerror})") from None
    print(f"emskit: created {len(done.written)} files in {target}", file=sys.stderr)
    if done.skipped:
        names = ", ".join(sorted(p.relative_to(target).as_posix() for p in done.skipped))
        print(
            f"emskit: kept {len(done.skipped)} files already there (not overwritten): {names}",
            file=sys.stderr,
        )
    if not git.available():
        print("emskit: git was not found; run 'git init' yourself", file=sys.stderr)
    elif not git.in_work_tree(target):
        git.init_repository(target)
        print(f"emskit: initialised a git repository in {target}", file=sys.stderr)
    print("emskit: next, fill in emskit.yaml and run 'emskit check'", file=sys.stderr)
    return 0
