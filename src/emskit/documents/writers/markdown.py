"""A document as Markdown."""

from __future__ import annotations

from emskit.documents.content import Document, Fields, Heading, Image, Paragraph, Table
from emskit.documents.writers.style import Style


def to_markdown(doc: Document, style: Style) -> bytes:
    lines = [f"# {doc.title}", ""] + ([f"**{style.draft}**", ""] if style.draft else [])
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * min(block.level, 6)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            lines += [block.text, ""]
        elif isinstance(block, Fields):
            lines += [f"- **{label}**: {value}" for label, value in block.pairs] + [""]
        elif isinstance(block, Table):
            lines += [
                "| " + " | ".join(map(_markdown_cell, block.headers)) + " |",
                "|" + " --- |" * len(block.headers),
            ]
            lines += ["| " + " | ".join(map(_markdown_cell, row)) + " |" for row in block.rows] + [
                ""
            ]
        elif isinstance(block, Image):
            lines += [f"*{block.caption}* (chart in the PDF, Word and HTML versions)", ""]
    lines += ["---", style.footer, ""]
    return "\n".join(lines).encode("utf-8")


def _markdown_cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
