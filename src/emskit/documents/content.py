"""A document as plain values: headings, paragraphs, key-value lists, tables and images.

Builders (registers.py, reports.py) produce these from the repository; renderers (html,
docx, xlsx, pdf, md) turn them into files. Neither side knows the other, so a new document
appears in every format at once and a new format serves every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


# A line of running text written as a list item: '- ', '* ' or '• ' (Markdown bodies and
# the organisation's own text, such as the policy's commitments, both write them).
LIST_ITEM = re.compile(r"^\s*[-*•]\s+")


def paragraph_parts(text: str) -> list[tuple[bool, str]]:
    """A paragraph as runs to place: (True, item) for each list item, its marker cut off, and
    (False, text) for the lines between them, kept together. Every writer places the same
    runs, so a list is a list in PDF, Word, HTML and Markdown alike, never a dash."""
    parts: list[tuple[bool, str]] = []
    for line in text.split("\n"):
        marker = LIST_ITEM.match(line)
        if marker:
            parts.append((True, line[marker.end() :]))
        elif parts and not parts[-1][0]:
            parts[-1] = (False, parts[-1][1] + "\n" + line)
        else:
            parts.append((False, line))
    return parts


@dataclass(frozen=True)
class Fields:
    """Label / value pairs: an application form, a document's front matter."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sheet: str | None = (
        None  # the register's sheet name in the Excel workbook; None: not a register
    )


@dataclass(frozen=True)
class Image:
    png: bytes
    caption: str


Block = Heading | Paragraph | Fields | Table | Image


@dataclass(frozen=True)
class DocumentControl:
    """What makes a document a controlled document (7.5.2, 7.5.3): the title block on its first
    page and the header and footer on every page. Every value is already in the pack's
    language; writers only place them (see documents/control.py for how they are found)."""

    organisation: str
    number: str  # the repository's own document id, or a stable generated one: EMS-REG-ASP
    revision: str  # the approved revision: how many times it was approved ("" if never)
    revision_date: str  # ISO date of that approval, or ""
    prepared_by: str  # "Name (Role)" from the repository's people, else the git name
    approved_by: str
    status: str  # e.g. approved / draft, said in the pack's language
    as_of: str  # ISO as-of date the pack was built for
    commit: str  # short commit, or "" outside git
    draft: bool = False  # DRAFT on every page


@dataclass
class Document:
    name: str  # file name without extension: "aspects-register"
    title: str
    blocks: list[Block] = field(default_factory=list)
    control: DocumentControl | None = None  # set by documents/control.py; None: uncontrolled

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
