"""The words of document control every format prints the same way: the title block's pairs,
the header line (organisation, number, revision), the footer (page x of y, the generated line
with the as-of date and commit) and the DRAFT label. Formats only place them."""

from __future__ import annotations

from dataclasses import dataclass

from emskit.documents.content import Document, DocumentControl
from emskit.documents.writers.style import Style
from emskit.escaping import terminal_text
from emskit.words import word

NONE = "—"


@dataclass(frozen=True)
class ControlText:
    language: str
    title: str
    control: DocumentControl | None
    footer: str  # the generated line: emskit version, commit, as-of date
    draft: str | None  # the DRAFT label, or None

    @property
    def header(self) -> str:
        """The line on top of every page of a controlled document; "" when uncontrolled."""
        c = self.control
        if c is None:
            return ""
        # A generated document has no revision: its header says none ("Rev. —" says nothing).
        revision = word("doc.header-revision", self.language, revision=c.revision)
        parts = (c.organisation, c.number, revision if c.revision else "")
        return " · ".join(terminal_text(p) for p in parts if p)

    def page(self, page: str, pages: str) -> str:
        """'Page 2 of 5' in the pack's language; the numbers may be field codes or aliases."""
        return word("doc.page", self.language, page=page, pages=pages)

    def page_parts(self) -> list[tuple[str, str]]:
        """'Page {page} of {pages}' cut into ("text", ...) and ("page" | "pages", "") parts,
        for formats that count pages themselves (Word fields, CSS counters)."""
        marked = self.page("\0page\0", "\0pages\0")
        parts: list[tuple[str, str]] = []
        for index, piece in enumerate(marked.split("\0")):
            if index % 2:
                parts.append((piece, ""))
            elif piece:
                parts.append(("text", piece))
        return parts

    def title_pairs(self, control: DocumentControl) -> list[tuple[str, str]]:
        """The title block: label and value pairs, in reading order."""
        language = self.language
        revision = control.revision or NONE
        if control.revision and control.revision_date:
            revision = word(
                "doc.revision-on", language, revision=revision, date=control.revision_date
            )
        pairs = [
            (word("organization", language), control.organisation),
            (word("doc.number", language), control.number),
            (word("title", language), self.title),
            (word("revision", language), revision),
            (word("doc.prepared-by", language), control.prepared_by or NONE),
            (word("approved-by", language), control.approved_by or NONE),
            (word("status", language), control.status or NONE),
        ]
        return [(terminal_text(k), terminal_text(v)) for k, v in pairs]

    def all_text(self) -> str:
        """Every character the page furniture may print (for the PDF font subset)."""
        parts = [self.header, self.page("0123456789", "0123456789"), self.footer, self.draft or ""]
        if self.control is not None:
            parts += [f"{k}{v}" for k, v in self.title_pairs(self.control)]
        return "".join(parts)


def control_text(doc: Document, style: Style) -> ControlText:
    draft = style.draft
    if draft is None and doc.control is not None and doc.control.draft:
        draft = word("draft", style.language)
    return ControlText(style.language, doc.title, doc.control, style.footer, draft)
