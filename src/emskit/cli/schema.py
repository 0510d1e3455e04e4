"""emskit schema: write the JSON Schemas of the repository format."""

from __future__ import annotations

from typing import Annotated

import typer

from emskit.cli.errors import run_command


def schema(
    out: Annotated[
        str, typer.Option("--out", help="Folder to write the schemas into.")
    ] = "schemas",
) -> None:
    """Write one JSON Schema per file kind (emskit.yaml, aspects, audits...) to --out.

    Editors that read `# yaml-language-server: $schema=...` hints validate as you type.
    """
    run_command(lambda: _schema(out))


def _schema(text: str) -> int:
    from emskit.cli.options import output_path
    from emskit.commands.schema import write_schemas

    write_schemas(output_path(text))
    return 0
