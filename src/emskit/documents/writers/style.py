"""What every format writer needs besides the content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from emskit.documents.writers.fonts import PdfFonts


@dataclass(frozen=True)
class Style:
    """What every format needs besides the content."""

    repo_root: Path
    language: str
    as_of: dt.date
    footer: str
    draft: str | None  # the DRAFT label in the pack's language, or None
    pdf_fonts: PdfFonts | None = None  # fonts subset to the pack's characters (see subset_fonts)
    paper: str = "A4"  # or "Letter" where the organisation's country uses it (widths.paper_for)
