"""A controlled document's Markdown body as content blocks, through markdown-it (which rich
already brings): headings, paragraphs, list items and tables; inline markup is flattened."""

from __future__ import annotations

from emskit.documents.content import Block, Heading, Paragraph, Table


def markdown_blocks(text: str) -> list[Block]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    row: list[str] = []
    rows: list[tuple[str, ...]] = []
    headers: tuple[str, ...] = ()
    heading_level = 0
    in_list_item = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "list_item_open":
            in_list_item += 1
        elif kind == "list_item_close":
            in_list_item -= 1
        elif kind == "inline":
            content = token.content.replace("**", "").replace("`", "")
            parent = tokens[index - 1].type
            if parent in ("th_open", "td_open"):
                row.append(content)
            elif heading_level:
                blocks.append(Heading(content, max(heading_level, 2)))
                heading_level = 0
            else:
                blocks.append(Paragraph(("• " if in_list_item else "") + content))
        elif kind == "tr_close":
            if not headers:
                headers = tuple(row)
            else:
                rows.append(tuple(row) + ("",) * (len(headers) - len(row)))
            row = []
        elif kind == "table_close":
            blocks.append(Table(headers, tuple(rows)))
            headers, rows = (), []
    return blocks
