"""Options shared by several commands, with their parsing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

RepoOption = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        help="The EMS repository (default: the nearest folder upwards holding emskit.yaml).",
        show_default=False,
        file_okay=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Compute time-dependent results as of this date, YYYY-MM-DD (default: today).",
        show_default=False,
    ),
]


def today() -> dt.date:
    """The real today: the clock, or ``EMSKIT_TODAY`` (YYYY-MM-DD) where a test or a
    reproducible run fixes it. The one place emskit reads the clock."""
    import os

    from emskit.errors import UsageError

    fixed = os.environ.get("EMSKIT_TODAY")
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise UsageError(f"EMSKIT_TODAY {fixed!r}: write the date as YYYY-MM-DD") from None


def say_left_out(left_out: tuple[int, dt.date | None, frozenset[str]], as_of: dt.date) -> None:
    """The one info line of a past --as-of: how many records were left out as not yet
    existing (check reports it as EMS204; gap and ready on standard error)."""
    import sys

    from emskit.words import word

    count, latest, _ = left_out
    if count:
        message = word("dated.left-out", count=count, as_of=as_of, latest=latest)
        print(f"emskit: info: {message}", file=sys.stderr)


def as_of_date(text: str | None) -> dt.date:
    from emskit.errors import UsageError

    if text is None:
        return today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of {text!r}: write the date as YYYY-MM-DD") from None


def repository_root(repo: Path | None) -> Path:
    from emskit.repo.root import find_root

    return find_root(repo, Path.cwd())


def output_path(text: str, option: str = "--out") -> Path:
    """An output path as typed: an empty one is refused, not read as "." (which would write
    into the current folder, possibly over the repository itself)."""
    from emskit.errors import UsageError

    if not text.strip():
        raise UsageError(f"{option} is empty: name the file or folder to write")
    return Path(text)
