"""The parts of the EMS that an auditor asks documented information for are present.

See ``repo/loading_rules.MISSING_CONTENT`` for the rule's documentation: empty files are reported by the
loader, absent parts here.
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.repo.layout import DOCUMENTS, LIST_FOLDERS, RECORD_FOLDERS, SINGLE_FILES
from emskit.repo.loading_rules import MISSING_CONTENT as RULE

# Record folders whose absence an auditor would notice at stage 1.
_EXPECTED_RECORDS = ("evaluations", "audits", "reviews")


def check(ctx: Analysis) -> Iterator[Finding]:
    present = {source.part for source in ctx.repo.files.values()}
    parts = [*SINGLE_FILES, *LIST_FOLDERS, DOCUMENTS]
    parts += [part for part in RECORD_FOLDERS if part.name in _EXPECTED_RECORDS]
    for part in parts:
        if part.name in present:
            continue
        where = part.pattern if "*" not in part.pattern else part.pattern.split("/*")[0] + "/"
        clauses = ", ".join(part.clauses)
        yield RULE.at(
            where.rstrip("/"),
            message=f"no {part.name} yet: add {where} ({clauses})",
            line=1,
            column=1,
        ).with_(clauses=part.clauses)
    config = ctx.repo.config
    if config is not None and _is_placeholder(config.ems.scope):
        yield RULE.at(
            "emskit.yaml",
            ("ems", "scope"),
            "the EMS scope is still the placeholder: "
            "describe the activities, products, services and sites it covers",
        ).with_(clauses=("4.3",))


def _is_placeholder(text: object) -> bool:
    values = text.values() if isinstance(text, dict) else [text]
    return any(str(value).lstrip().upper().startswith("TODO") for value in values)
