"""The parts of the EMS that an auditor asks documented information for are present.

See ``repo/loading_rules.MISSING_CONTENT`` for the rule's documentation: empty files are reported by the
loader, absent parts here.
"""

import re
from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.placeholders import has_content
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
    if config is not None and not has_content(config.ems.scope):
        yield RULE.at(
            "emskit.yaml",
            ("ems", "scope"),
            "the EMS scope is still the placeholder: "
            "describe the activities, products, services and sites it covers",
        ).with_(clauses=("4.3",))
    yield from placeholders(ctx)


# `key: TODO...` or `- TODO...` outside comments: what `emskit new` leaves to fill in.
_PLACEHOLDER = re.compile(r'^[ \t]*(?:-[ \t]+)?(?:(?P<key>[A-Za-z_][\w-]*):[ \t]+)?"?TODO\b', re.M)


def placeholders(ctx: Analysis) -> Iterator[Finding]:
    """Values still holding a TODO placeholder (emskit.yaml's scope is reported above)."""
    for rel, source in sorted(ctx.repo.files.items()):
        text = source.text
        if not text or "TODO" not in text or rel == "emskit.yaml":
            continue
        for match in _PLACEHOLDER.finditer(text):
            line = text.count("\n", 0, match.start()) + 1 + source.line_offset
            what = f"'{match['key']}'" if match["key"] else "a list item"
            yield RULE.at(
                rel,
                message=f"{what} is still a placeholder (TODO): fill it in",
                line=line,
                column=match.start("key") - match.start() + 1 if match["key"] else 1,
            )
