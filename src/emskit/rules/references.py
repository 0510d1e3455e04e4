"""Every reference names an existing record of a kind the field allows.

Links may be written on either side (an aspect listing its obligations, or an obligation
listing its aspects); each written link must resolve. Indicator ids in monitoring CSV
files are references too.

Passes::

    aspects:
      - {id: ASP-001, obligations: [OBL-003], ...}
    obligations:
      - {id: OBL-003, ...}

A finding bears on the clause of what the reference points at: a missing obligation on 6.1.3,
a missing control on 8.1 (a reference to any kind of record, on 7.5.3).

Fails (no OBL-099; ``obl-003`` differs in case; CTL-002 is a control, not an obligation)::

    aspects:
      - {id: ASP-001, obligations: [OBL-099, obl-003, CTL-002], ...}
"""

from collections.abc import Iterator
from operator import attrgetter

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.evaluation import Indicator
from emskit.repo.records import clauses_of_kinds
from emskit.repo.references import Reference
from emskit.repo.spelling import nearest
from emskit.rule import ERROR, Rule

WRONG_KIND = Rule(
    "EMS103",
    "wrong-reference-kind",
    ERROR,
    ("7.5.3",),
    """
A reference names a record that exists but is of a kind the field does not allow. Like a
dangling reference, the finding bears on the clause of the kind the field names.

Passes: ``controls: [CTL-002]`` where CTL-002 is a control.

Fails: ``controls: [OBJ-001]`` where OBJ-001 is an objective.
""",
)
RULE = Rule("EMS104", "dangling-reference", ERROR, ("7.5.3",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    index = ctx.index
    for ref in index.unresolved:  # the references that name no record, or the wrong kind
        targets = index.resolve(ref.value)
        if not targets:
            if ref.value not in ctx.left_out.ids:  # dated after a past as-of: not yet there
                yield _dangling(ctx, ref)
        else:
            yield WRONG_KIND.at(
                ref.file,
                ref.loc,
                f"{_who(ref)} names {ref.value} where {_a(_kinds(ref.to.kinds))} belongs, "
                f"but {ref.value} is {_a(targets[0].kind)}",
                ids=_ids(ref),
            ).with_(clauses=clauses_of_kinds(ref.to.kinds))
    known = {r.id for r in ctx.records("indicator", Indicator)}
    readings = ctx.repo.readings
    # The names read at C speed first: most repositories name only indicators they define.
    unknown = set(map(attrgetter("indicator"), readings)) - known
    for reading in readings if unknown else ():
        if reading.indicator in unknown:
            yield RULE.at(
                reading.file,
                (),
                f"reading names indicator {reading.indicator!r}, which "
                f"monitoring/indicators.yaml does not define",
                line=reading.line,
                column=1,
            ).with_(clauses=clauses_of_kinds(("indicator",)))


def _dangling(ctx: Analysis, ref: Reference) -> Finding:
    """The finding bears on the clause of what the reference points at (a missing obligation
    on 6.1.3, a missing control on 8.1)."""
    return _dangling_finding(ctx, ref).with_(clauses=clauses_of_kinds(ref.to.kinds))


def _dangling_finding(ctx: Analysis, ref: Reference) -> Finding:
    named = f"{_who(ref)} names {_kinds(ref.to.kinds)} {ref.value}"
    invalid = ctx.repo.invalid_ids.get(ref.value)
    if invalid is not None:
        file, loc = invalid
        line = ctx.repo.position(file, loc)[0]
        message = (
            f"{named}, defined at {file}:{line} but that record is invalid: "
            f"fix the schema findings there"
        )
        return RULE.at(ref.file, ref.loc, message, ids=_ids(ref))
    message = f"{named}, which does not exist"
    near = ctx.index.by_folded.get(ref.value.casefold())
    if near:
        message += f"; did you mean {near[0].id}? (ids match exactly, case included)"
    else:
        message += _suggestion(ctx, ref)
    return RULE.at(ref.file, ref.loc, message, ids=_ids(ref))


def _suggestion(ctx: Analysis, ref: Reference) -> str:
    """A person or role written by name instead of id, or an id with a typo."""
    kinds = ref.to.kinds
    if set(kinds) & {"person", "role", "*"}:
        wanted = ref.value.casefold().strip()
        for record in ctx.records("person") + ctx.records("role"):
            names = _names_of(record.model)
            if wanted in names:
                return f"; did you mean {record.id} ({ref.value})? references name the id"
    candidates = [
        record_id
        for record_id, records in ctx.index.by_id.items()
        if "*" in kinds or any(r.kind in kinds for r in records)
    ]
    found = nearest(ref.value, candidates)
    return f"; did you mean {found}?" if found else ""


def _names_of(model: object) -> set[str]:
    out: set[str] = set()
    for attribute in ("name", "title"):
        text = getattr(model, attribute, None)
        values = text.values() if isinstance(text, dict) else [text]
        out |= {value.casefold().strip() for value in values if isinstance(value, str)}
    return out


def _who(ref: Reference) -> str:
    if ref.source is None:
        return ref.file
    return f"{ref.source.kind} {ref.source.id}" if ref.source.id else ref.source.kind


def _ids(ref: Reference) -> tuple[str, ...]:
    return (ref.source.id,) if ref.source is not None and ref.source.id else ()


def _kinds(kinds: tuple[str, ...]) -> str:
    if "*" in kinds:
        return "record"
    return " or ".join(kinds)


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind
