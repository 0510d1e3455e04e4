"""A document as Markdown."""

from __future__ import annotations

from emskit.documents.content import (
    Document,
    Fields,
    Heading,
    Image,
    Paragraph,
    Table,
    paragraph_parts,
)
from emskit.documents.writers.control import control_text
from emskit.documents.writers.style import Style
from emskit.escaping import markdown_cell, markdown_text
from emskit.words import word


def to_markdown(doc: Document, style: Style) -> bytes:
    md = markdown_text
    text = control_text(doc, style)
    lines = [f"# {md(doc.title)}", ""] + ([f"**{md(text.draft)}**", ""] if text.draft else [])
    if doc.control is not None:  # the title block
        pairs = text.title_pairs(doc.control)
        lines += ["| " + " | ".join(markdown_cell(k) for k, _ in pairs) + " |"]
        lines += ["|" + " --- |" * len(pairs)]
        lines += ["| " + " | ".join(markdown_cell(v) for _, v in pairs) + " |", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * min(block.level, 6)} {markdown_cell(block.text)}", ""]
        elif isinstance(block, Paragraph):
            lines += _paragraph(block.text)
        elif isinstance(block, Fields):
            lines += [f"- **{md(label)}**: {markdown_cell(value)}" for label, value in block.pairs]
            lines += [""]
        elif isinstance(block, Table):
            lines += [
                "| " + " | ".join(markdown_cell(str(h)) for h in block.headers) + " |",
                "|" + " --- |" * len(block.headers),
            ]
            lines += [
                "| " + " | ".join(markdown_cell(str(c)) for c in row) + " |" for row in block.rows
            ] + [""]
        elif isinstance(block, Image):
            chart = word("chart-elsewhere", style.language)
            lines += [f"*{md(block.caption)}* {md(chart)}", ""]
    lines += ["---", md(" · ".join(p for p in (text.header, style.footer) if p)), ""]
    return "\n".join(lines).encode("utf-8")


def _paragraph(text: str) -> list[str]:
    """Plain lines escaped (a '4.1' or '#' the organisation wrote means nothing), list items
    as Markdown list items, a blank line after a list so the next line does not join it."""
    lines: list[str] = []
    for item, part in paragraph_parts(text):
        if item:
            lines.append(f"- {markdown_cell(part)}")
        else:
            lines += ([""] if lines else []) + [markdown_text(part), ""]
    return lines if lines[-1:] == [""] else [*lines, ""]
