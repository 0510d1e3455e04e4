"""A controlled document's Markdown body as content blocks, through markdown-it (which rich
already brings): headings, paragraphs, list items, code and tables.

Inline markup is read from markdown-it's tokens, never cut out of the source with string
replacements: a link is its text (with the address in parentheses when it points outside
the repository), emphasis and strong are their plain text, code is its content, an image
its description. So no ``[x](y)``, ``**`` or ``_`` reaches a PDF, Word or HTML document.
"""

from __future__ import annotations

from typing import Any

from emskit.documents.content import Block, Heading, Paragraph, Table

BULLET = "• "  # what the writers turn into a bulleted item (PDF, Word, HTML)
_EXTERNAL = ("http://", "https://", "mailto:", "ftp://")


def markdown_blocks(text: str) -> list[Block]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    blocks: list[Block] = []
    row: list[str] = []
    rows: list[tuple[str, ...]] = []
    headers: tuple[str, ...] = ()
    heading_level = 0
    lists: list[list[int]] = []  # per open list: [next number] for ordered, [] for bullets
    item_open = False  # the next paragraph is the first of a list item: it takes the marker
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "bullet_list_open":
            lists.append([])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_open = True
        elif kind in ("fence", "code_block"):
            blocks.append(Paragraph(token.content.rstrip("\n")))
        elif kind == "inline":
            content = inline_text(token.children or [])
            parent = tokens[index - 1].type
            if parent in ("th_open", "td_open"):
                row.append(content)
            elif heading_level:
                blocks.append(Heading(content, max(heading_level, 2)))
                heading_level = 0
            else:
                marker = _marker(lists) if item_open and lists else ""
                item_open = False
                blocks.append(Paragraph(marker + content))
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


def _marker(lists: list[list[int]]) -> str:
    """A bullet for an unordered item, its number ('3. ') for an ordered one."""
    counter = lists[-1]
    if not counter:
        return BULLET
    counter[0] += 1
    return f"{counter[0] - 1}. "


def inline_text(children: list[Any]) -> str:
    """The plain text of one inline run: what a reader sees, none of the markup."""
    parts: list[str] = []
    links: list[tuple[str, int]] = []  # (address, where the link's text starts in parts)
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append("\n")  # settled below, once both sides are known
        elif kind == "hardbreak":
            parts.append("\r")
        elif kind == "image":
            parts.append(child.content or inline_text(child.children or []))
        elif kind == "link_open":
            links.append((str(child.attrGet("href") or ""), len(parts)))
        elif kind == "link_close" and links:
            address, start = links.pop()
            label = "".join(parts[start:])
            if address.startswith(_EXTERNAL) and address.removeprefix("mailto:") != label:
                parts.append(f" ({address})")
    return _join_lines("".join(parts))


def _join_lines(text: str) -> str:
    """A soft line break is a space between Latin words and nothing between Chinese
    characters (Chinese is written without spaces); a hard break stays a line break."""
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "\n":
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            out.append("" if _is_cjk(before) and _is_cjk(after) else " ")
        else:
            out.append("\n" if char == "\r" else char)
    return "".join(out).strip(" ")


def _is_cjk(char: str) -> bool:
    return bool(char) and ord(char) >= 0x2E80
