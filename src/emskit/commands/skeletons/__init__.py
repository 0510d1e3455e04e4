"""The kinds of record `emskit new` writes: where each lives, its id when the repository has
none yet, and the function that fills its skeleton."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from emskit.commands.skeletons import planned, simple
from emskit.commands.skeletons.context import Draft
from emskit.commands.skeletons.text import Skeleton
from emskit.repo.layout import ADDED_PARTS, DOCUMENTS, RECORD_FOLDERS, Part


@dataclass(frozen=True)
class Kind:
    name: str  # as typed: emskit new waste-transfer
    part: Part
    first_id: str  # the style when the repository has no record of the kind; YYYY is the year
    fill: Callable[[Draft, Skeleton], None]

    @property
    def folder(self) -> str:
        return self.part.pattern.split("/*")[0]


def _part(record_kind: str) -> Part:
    return next(
        p for p in (*RECORD_FOLDERS, *ADDED_PARTS, DOCUMENTS) if p.record_kind == record_kind
    )


KINDS = {
    kind.name: kind
    for kind in (
        Kind("audit", _part("audit"), "AUD-YYYY-01", planned.audit),
        Kind("review", _part("review"), "MR-YYYY-01", planned.review),
        Kind("nonconformity", _part("nonconformity"), "NC-YYYY-001", planned.nonconformity),
        Kind("evaluation", _part("evaluation"), "EVA-YYYY-01", planned.evaluation),
        Kind("training", _part("training"), "TRN-YYYY-001", simple.training),
        Kind("drill", _part("drill"), "DRL-YYYY-01", simple.drill),
        Kind("incident", _part("incident"), "INC-YYYY-001", simple.incident),
        Kind("inspection", _part("inspection"), "INS-YYYY-01", simple.inspection),
        Kind("waste-transfer", _part("waste-transfer"), "WT-YYYY-001", simple.waste_transfer),
        Kind("communication", _part("communication"), "COM-YYYY-001", simple.communication),
        Kind("document", DOCUMENTS, "DOC-001", simple.document),
    )
}
