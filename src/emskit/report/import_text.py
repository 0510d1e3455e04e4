"""The text report of emskit import: the mapping, what is written, and what needs a person."""

from __future__ import annotations

from typing import Any

from emskit.scoring.arithmetic import format_number


def import_lines(result: Any, dry_run: bool) -> list[str]:
    lines = [f"{result.file}: {result.kind} from table {result.table or '(first)'!s}", "columns:"]
    for header, target in result.mapping.columns.items():
        lines.append(f"  {header} -> {target}")
    lines.extend(_differences(result))
    if result.unresolved:
        lines.append(f"names not linked to a person or role ({len(result.unresolved)}):")
        lines.extend(f"  {name} ({len(w)} row(s))" for name, w in result.unresolved.items())
    lines.extend(f"note: {note}" for note in result.notes)
    what = f"{result.records} record(s)"
    if result.kind == "readings":
        what = f"{result.records} indicator(s), {result.readings} reading(s)"
    verb = "would write" if dry_run else "wrote"
    for planned in result.files:
        if planned.state != "unchanged":
            lines.append(f"{verb} {planned.rel} ({planned.state})")
    changed = any(p.state != "unchanged" for p in result.files)
    lines.append(f"{what}; {'' if changed else 'nothing changed; '}"
                 f"{len(result.problems)} row problem(s)")  # fmt: skip
    return lines


def _differences(result: Any) -> list[str]:
    if not result.compared:
        return []
    out = [f"verdicts: {result.compared - len(result.differences)} of {result.compared} rows "
           "agree with emskit's scoring"]  # fmt: skip
    for d in result.differences:
        theirs = "?" if d.register_score is None else format_number(d.register_score)
        ours = "?" if d.score is None else format_number(d.score)
        out.append(
            f"  {d.id} (row {d.row}): register {theirs} {_verdict(d.register_significant)}, "
            f"emskit {ours} {_verdict(d.significant)}"
        )
    return out


def _verdict(value: bool | None) -> str:
    return {True: "significant", False: "not significant", None: "unscored"}[value]


def problem_lines(result: Any) -> list[str]:
    return [str(problem) for problem in result.problems]
