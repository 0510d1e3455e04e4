"""No holder keeps a superseded controlled copy of a document (7.5.3).

Each entry of ``documents/distribution.yaml`` issues the version of a document approved on
``approved_on`` to the holders in ``to``; ``withdraws`` names the version it replaces at those
holders. A holder still holding a version older than the document's current ``approved_on``,
never withdrawn, holds a superseded copy.

Passes::

    issues:
      - {document: DOC-WI-02, approved_on: 2026-03-02, to: [Wastewater plant]}
      - {document: DOC-WI-02, approved_on: 2026-09-10, to: [Wastewater plant], withdraws: 2026-03-02}

Fails::

    issues:
      - {document: DOC-WI-02, approved_on: 2026-03-02, to: [Wastewater plant, EHS office]}
      - {document: DOC-WI-02, approved_on: 2026-09-10, to: [Wastewater plant], withdraws: 2026-03-02}
"""

import datetime as dt
from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.common import text_in
from emskit.model.support import Distribution, Document
from emskit.repo.positions import Loc
from emskit.rule import ERROR, Rule

RULE = Rule("EMS610", "superseded-copy-held", ERROR, ("7.5.3",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    record = ctx.singleton("distribution", Distribution)
    if record is None:
        return
    current = {
        d.id: d.model.approved_on for d in ctx.records("document", Document) if d.model.approved_on
    }
    # (document, holder, version) -> where the copy was issued
    held: dict[tuple[str, str, dt.date], Loc] = {}
    for index, issue in enumerate(record.model.issues):
        for position, holder in enumerate(issue.to):
            name = text_in(holder, "en")
            if issue.withdraws is not None:
                held.pop((issue.document, name, issue.withdraws), None)
            held[(issue.document, name, issue.approved_on)] = (
                *record.loc,
                "issues",
                index,
                "to",
                position,
            )
    for (document, holder, version), loc in sorted(held.items(), key=lambda item: item[1]):
        latest = current.get(document)
        if latest is not None and version < latest:
            yield RULE.at(
                record.file,
                loc,
                f"{holder} still holds {document} as approved on {version}, superseded by the "
                f"version of {latest}: issue the current one with 'withdraws: {version}'",
                ids=(document,),
            )
