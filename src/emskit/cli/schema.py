"""emskit schema: write the JSON Schemas of the repository format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from emskit.cli.errors import run_command


def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the schemas into.")] = Path(
        "schemas"
    ),
) -> None:
    """Write one JSON Schema per file kind (emskit.yaml, aspects, audits...) to --out.

    Editors that read `# yaml-language-server: $schema=...` hints validate as you type.
    """
    run_command(lambda: _schema(out))


def _schema(out: Path) -> int:
    from emskit.commands.schema import write_schemas

    write_schemas(out)
    return 0
