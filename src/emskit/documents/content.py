"""A document as plain values: headings, paragraphs, key-value lists, tables and images.

Builders (registers.py, reports.py) produce these from the repository; renderers (html,
docx, xlsx, pdf, md) turn them into files. Neither side knows the other, so a new document
appears in every format at once and a new format serves every document.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


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


@dataclass
class Document:
    name: str  # file name without extension: "aspects-register"
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
