"""Every id is used once in the whole repository, ignoring case.

References would be ambiguous otherwise, and an auditor's cross-reference breaks.

Passes::

    aspects:
      - {id: ASP-001, ...}
      - {id: ASP-002, ...}

Fails (``asp-001`` differs only in case)::

    aspects:
      - {id: ASP-001, ...}
      - {id: asp-001, ...}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.rule import ERROR, Rule

RULE = Rule("EMS101", "duplicate-id", ERROR, ("7.5.3",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for records in ctx.index.by_folded.values():
        if len(records) < 2:
            continue
        first, *others = sorted(records, key=lambda r: (r.file, r.loc))
        for record in others:
            yield RULE.at(
                record.file,
                (*record.loc, "id"),
                f"id {record.id} is already used by {first.kind} {first.id} in {first.file}: "
                f"give this {record.kind} its own id",
                ids=(record.id,),
            )
