"""emskit gap in text (a table), JSON and Markdown; HTML comes from documents/gap_html.py
(jinja rendering lives in documents/)."""

from __future__ import annotations

from typing import TextIO

from emskit.clauses.assessment import GapResult
from emskit.documents.gap_html import render_html, title
from emskit.documents.gap_rows import document, evidence_text, summary_line
from emskit.escaping import markdown_cell, markdown_code
from emskit.report.json_out import write_json
from emskit.report.table import render_table

_MARK = {"met": "met", "partial": "PARTIAL", "missing": "MISSING", "not-applicable": "n/a"}


def render_text(result: GapResult, out: TextIO, numbering: str | None) -> None:
    doc = document(result, numbering)
    old = numbering == "2004"
    headers = ["clause", *(["2004"] if old else []), "title", "status", "why not met", "evidence"]
    rows = [
        [
            c["clause"],
            *([", ".join(c["iso2004"])] if old else []),
            c["title"],
            _MARK[c["status"]],
            "; ".join(c["reasons"]),
            evidence_text(c),
        ]
        for c in doc["clauses"]
    ]
    render_table(out, headers, rows, title=title(result))
    out.write(summary_line(result) + "\n")


def render_json(result: GapResult, out: TextIO, numbering: str | None) -> None:
    write_json(document(result, numbering), out)


def render_markdown(result: GapResult, out: TextIO, numbering: str | None) -> None:
    doc = document(result, numbering)
    old = numbering == "2004"
    lines = [
        f"# {markdown_cell(title(result))}",
        "",
        f"As of {doc['as_of']}. {markdown_cell(summary_line(result))}",
        "",
        "| clause |" + (" 2004 |" if old else "") + " title | status | why not met | evidence |",
        "| --- |" + (" --- |" if old else "") + " --- | --- | --- | --- |",
    ]
    for c in doc["clauses"]:
        cells = [
            markdown_cell(c["clause"]),
            *([markdown_cell(", ".join(c["iso2004"]))] if old else []),
            markdown_cell(c["title"]),
            markdown_cell(c["status"]),
            "<br>".join(markdown_cell(reason) for reason in c["reasons"]),
            "<br>".join(markdown_code(f"{e['file']}:{e['line']}") for e in c["evidence"][:10]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    out.write("\n".join(lines) + "\n")


__all__ = ["render_html", "render_json", "render_markdown", "render_text"]
