"""A document as HTML, through the jinja2 template documents/document.html.j2."""

from __future__ import annotations

import base64
from typing import Any

from emskit.documents.content import Document, Fields, Heading, Image, Paragraph, Table
from emskit.documents.writers.style import Style


def _blocks_for_template(doc: Document) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append({"kind": "heading", "text": block.text, "level": min(block.level, 6)})
        elif isinstance(block, Paragraph):
            out.append({"kind": "paragraph", "text": block.text})
        elif isinstance(block, Fields):
            out.append({"kind": "fields", "pairs": block.pairs})
        elif isinstance(block, Table):
            out.append({"kind": "table", "headers": block.headers, "rows": block.rows})
        elif isinstance(block, Image):
            out.append(
                {
                    "kind": "image",
                    "caption": block.caption,
                    "data": base64.b64encode(block.png).decode(),
                }
            )
    return out


def to_html(doc: Document, style: Style) -> bytes:
    from emskit.documents.render import render_template

    return render_template(
        style.repo_root,
        "documents/document.html.j2",
        {
            "doc": doc,
            "blocks": _blocks_for_template(doc),
            "language": style.language,
            "footer": style.footer,
            "draft": style.draft is not None,
            "draft_label": style.draft or "",
        },
    ).encode("utf-8")
