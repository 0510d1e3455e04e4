"""One reader per input format, chosen by the file's extension."""

from __future__ import annotations

from pathlib import Path

from emskit.errors import UsageError
from emskit.importing.table import Source


def read_source(path: Path, shown: str, sheet: str | None = None) -> Source:
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            from emskit.importing.readers.xlsx_reader import read_xlsx

            return read_xlsx(path, shown, sheet)
        if sheet is not None and suffix not in (".md", ".markdown"):
            raise UsageError(
                f"--sheet is for xlsx workbooks and Markdown sections; {shown} is neither"
            )
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{shown}: cannot be read ({error.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{shown}: byte {error.start} is not UTF-8; save the file as UTF-8 and import again"
        ) from None
    text = text.replace("\r\n", "\n")
    if suffix in (".md", ".markdown"):
        from emskit.importing.readers.markdown_reader import read_markdown

        return _section(read_markdown(text, shown), sheet)
    if suffix in (".json", ".yaml", ".yml"):
        from emskit.importing.readers.records_reader import read_records

        return read_records(text, shown, suffix)
    if suffix in (".csv", ".tsv", ".txt"):
        from emskit.importing.readers.csv_reader import read_csv

        return read_csv(text, shown)
    raise UsageError(
        f"{shown}: unknown file type {suffix or '(none)'}; "
        "import reads .xlsx, .csv, .tsv, .md, .json and .yaml"
    )


def _section(source: Source, heading: str | None) -> Source:
    """A workbook rendered as Markdown: its sheets are the tables under each heading."""
    if heading is None:
        return source
    grids = [g for g in source.grids if g.name.strip() == heading.strip()]
    if not grids:
        names = sorted({g.name for g in source.grids if g.name})
        raise UsageError(f"{source.path}: no table under a heading {heading!r}; "
                         f"the headings are {', '.join(names)}")  # fmt: skip
    return Source(source.path, grids, source.text, source.decimal_comma)
