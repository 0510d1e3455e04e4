"""CSV with `,`, `;` or tab between fields; `;` and tab files may write decimal commas."""

from __future__ import annotations

import csv
import io
import re

from emskit.errors import UsageError
from emskit.importing.table import Grid, Source

_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")


def read_csv(text: str, shown: str) -> Source:
    delimiter = _delimiter(text)
    try:
        numbered = _numbered(text, delimiter)
    except csv.Error as error:
        raise UsageError(f"{shown}: not readable as CSV ({error})") from None
    decimal_comma = delimiter != "," and any(
        _DECIMAL_COMMA.match(cell.strip()) for _, cells in numbered[:200] for cell in cells
    )
    return Source(shown, [Grid("", numbered)], "", decimal_comma)


def _delimiter(text: str) -> str:
    """The separator that splits the first lines most evenly (quotes ignored)."""
    sample = [re.sub(r'"[^"]*"', "", line) for line in text.split("\n")[:20] if line.strip()]
    best, best_score = ",", -1
    for candidate in (",", ";", "\t"):
        counts = [line.count(candidate) for line in sample]
        if not counts or max(counts) == 0:
            continue
        score = sum(1 for c in counts if c == max(counts)) * 10 + max(counts)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _numbered(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Each non-empty row with the line it starts on: quoted cells may span lines."""
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            out.append((line, [cell.strip() for cell in cells]))
        line = reader.line_num + 1
    return out
