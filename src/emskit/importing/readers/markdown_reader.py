"""Markdown pipe tables, several per file; the prose between them is kept for the method."""

from __future__ import annotations

import re

from emskit.importing.table import Grid, Source

_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")


def read_markdown(text: str, shown: str) -> Source:
    lines = text.split("\n")
    grids: list[Grid] = []
    prose: list[str] = []
    heading = ""
    current: list[tuple[int, list[str]]] | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("|"):
            if current is None:
                current = []
                grids.append(Grid(heading, current))
            if not _SEPARATOR.match(stripped):
                current.append((number, split_row(stripped)))
            continue
        current = None
        match = _HEADING.match(stripped)
        if match:
            heading = match.group(1).strip()
        prose.append(line)
    if not grids:
        catalogue = read_catalogue(text, shown)
        if catalogue is not None:
            return catalogue
    return Source(shown, grids, "\n".join(prose))


def split_row(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    return [clean_cell(cell) for cell in cells]


def clean_cell(cell: str) -> str:
    """Markdown emphasis and line breaks are presentation, not data."""
    text = re.sub(r"<br\s*/?>", "\n", cell.strip(), flags=re.IGNORECASE)
    text = re.sub(r"\*\*(.*?)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)__(.*?)__(?!\w)", r"\1", text)
    text = text.replace("\\|", "|")
    return "\n".join(part.strip() for part in text.split("\n")).strip()


_ENTRY = re.compile(r"^#{2,4}\s+\[(?P<title>[^\]]+)\]\([^)]*\)")
_BADGE = re.compile(r'<Badge\s+text="(?P<text>[^"]*)"\s+type="(?P<type>\w+)"\s*/>')
CATALOGUE_HEADER = ["法规名称", "状态", "实施日期", "有效期至", "发布机关", "文号", "要求"]


def read_catalogue(text: str, shown: str) -> Source | None:
    """A law catalogue written as headings with badges (status, '…施行', the authority, the
    document number) and the purpose as a quote: one row per heading."""
    rows: list[tuple[int, list[str]]] = [(0, list(CATALOGUE_HEADER))]
    current: list[str] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        entry = _ENTRY.match(line.strip())
        if entry:
            current = [entry.group("title").strip(), "", "", "", "", "", ""]
            rows.append((number, current))
        elif current is not None and "<Badge" in line:
            for badge in _BADGE.finditer(line):
                _badge(current, badge.group("text").strip(), badge.group("type"))
        elif current is not None and line.startswith(">") and not current[6]:
            current[6] = line.lstrip("> ").strip()
    return Source(shown, [Grid("", rows)], text) if len(rows) > 1 else None


def _badge(row: list[str], text: str, kind: str) -> None:
    if text.endswith("施行"):
        row[2] = text.removesuffix("施行").strip()
    elif text.startswith("有效期至"):
        row[3] = text.removeprefix("有效期至").strip()
        row[1] = row[1] or "有效"
    elif kind == "danger":
        row[4] = text
    elif kind == "note":
        row[5] = text
    elif kind == "tip" or text in ("有效", "失效", "废止", "尚未施行", "已修改"):
        row[1] = text
