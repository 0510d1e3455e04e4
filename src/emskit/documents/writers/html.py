"""A document as HTML, through the jinja2 template documents/document.html.j2."""

from __future__ import annotations

import base64
from typing import Any

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


def _blocks_for_template(doc: Document) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append({"kind": "heading", "text": block.text, "level": min(block.level, 6)})
        elif isinstance(block, Paragraph):
            parts = [{"item": item, "text": text} for item, text in paragraph_parts(block.text)]
            out.append({"kind": "paragraph", "text": block.text, "parts": parts})
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
    """On screen: the control header, the title block and the footer once. Printed: the
    header, the footer and "page x of y" in the page margins of every page (CSS @page), and
    the DRAFT mark, a fixed element, on every page too."""
    from markupsafe import Markup

    from emskit.documents.render import render_template

    text = control_text(doc, style)
    pairs = text.title_pairs(doc.control) if doc.control is not None else []
    page_css = " ".join(
        _css_string(value) if kind == "text" else f"counter({kind})"
        for kind, value in text.page_parts()
    )
    return render_template(
        style.repo_root,
        "documents/document.html.j2",
        {
            "doc": doc,
            "blocks": _blocks_for_template(doc),
            "language": style.language,
            "footer": style.footer,
            "draft": text.draft is not None,
            "draft_label": text.draft or "",
            "header": text.header,
            "control_pairs": [pairs[i : i + 2] for i in range(0, len(pairs), 2)],
            "paper": style.paper,
            "landscape": any(len(t.headers) > 6 for t in doc.tables),
            "css_header": Markup(
                _css_string(text.header + (f"  {text.draft}" if text.draft else ""))
            ),
            "css_footer": Markup(_css_string(text.footer)),
            "css_page": Markup(page_css),
        },
    ).encode("utf-8")


def _css_string(text: str) -> str:
    """A CSS string literal that cannot end the string, the rule or the <style> element:
    every character but letters and digits written as a hex escape (a space too: one after
    an escape would be taken as its end)."""
    body = "".join(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06X}" for ch in text)
    return f'"{body}"'
