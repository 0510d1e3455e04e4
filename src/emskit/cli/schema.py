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
    from emskit.atomic import write_text
    from emskit.cli.options import output_path
    from emskit.errors import UsageError
    from emskit.schema_export import all_schemas, dump

    out = output_path(text)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, body in all_schemas().items():
            write_text(out / name, dump(body))
    except OSError as error:
        raise UsageError(f"{out}: cannot write the schemas ({error.strerror})") from None
    return 0
