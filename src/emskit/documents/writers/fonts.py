"""Cutting the PDF fonts down to the characters a set of documents uses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from emskit.documents.charts import CJK_FONT, LATIN_BOLD_FONT, LATIN_FONT
from emskit.documents.content import Document, Fields, Heading, Image, Paragraph, Table


@dataclass(frozen=True)
class PdfFonts:
    regular: Path
    bold: Path
    cjk: Path


def subset_fonts(documents: list[Document], folder: Path, extra: str = "") -> PdfFonts:
    """Cut the fonts down to the characters the pack uses, once: fpdf2 parses every font it is
    given for every PDF, and parsing the full CJK font 20 times took 19 s."""
    import logging

    from fontTools import subset  # type: ignore[import-untyped]  # fontTools ships no type hints

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" is harmless

    used = set("".join(document_text(d) for d in documents) + extra)
    text = "".join(sorted(used | set(" 0123456789.,;:-–—()/%[]·…•{nb}")))
    paths = {}
    for key, source in (
        ("regular", LATIN_FONT),
        ("bold", LATIN_BOLD_FONT),
        ("cjk", CJK_FONT),
    ):
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        font = subset.load_font(str(source), options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        target = folder / f"{key}.ttf"
        subset.save_font(font, str(target), options)
        paths[key] = target
    return PdfFonts(**paths)


def document_text(doc: Document) -> str:
    """Every character of a document's content (its page furniture aside)."""
    parts: list[str] = [doc.title]
    for block in doc.blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, Fields):
            parts += [f"{a}{b}" for a, b in block.pairs]
        elif isinstance(block, Table):
            parts += [str(c) for c in block.headers] + [str(c) for row in block.rows for c in row]
        elif isinstance(block, Image):
            parts.append(block.caption)
    return "".join(parts)
