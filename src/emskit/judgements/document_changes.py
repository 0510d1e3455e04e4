"""Who changed a controlled document, and was it changed after its approval (7.5.2, 7.5.3)?

git knows an author by name and e-mail; the repository knows people. A person lists the
addresses they commit under (``people[].git``), so a commit of theirs is shown as theirs; any
other author is shown by the name git recorded. check (EMS350), gap 7.5 and the master list
ask here, so they name the same documents and the same people.
"""

from __future__ import annotations

from emskit.analysis import Analysis, once
from emskit.model.context import Person
from emskit.model.support import Document
from emskit.repo.document_history import Change, DocumentHistory
from emskit.repo.repository import Record


@once
def people_by_email(ctx: Analysis) -> dict[str, Record[Person]]:
    """Each git address a person listed, case-folded, to the person (the first who lists it)."""
    out: dict[str, Record[Person]] = {}
    for person in ctx.records("person", Person):
        for email in person.model.git:
            out.setdefault(email.strip().casefold(), person)
    return out


def author_of(ctx: Analysis, email: str) -> Record[Person] | None:
    """The person who commits under ``email``, where a person lists it."""
    return people_by_email(ctx).get(email.strip().casefold())


def history_of(ctx: Analysis, document: Record) -> DocumentHistory | None:
    return ctx.document_histories.get(document.file)


@once
def changed_after_approval(ctx: Analysis) -> list[tuple[Record[Document], Change]]:
    """The approved documents (a draft is expected to change) whose content changed in a
    commit dated after their ``approved_on`` without that commit approving them again, with
    the last such change. Empty outside git: there is nothing to judge by."""
    out = []
    for document in ctx.records("document", Document):
        history = history_of(ctx, document)
        change = history.changed_after_approval if history else None
        if change is not None and document.model.status == "approved":
            out.append((document, change))
    return out
