"""emskit score for people: the table, one aspect explained, --write and --diff summaries."""

from __future__ import annotations

from typing import TextIO

from emskit.escaping import terminal_text
from emskit.model.common import text_in
from emskit.report.check_text import finding_line
from emskit.report.score_rows import criteria_columns, row
from emskit.report.table import render_table
from emskit.scoring.arithmetic import format_number
from emskit.scoring.compare import VerdictChange
from emskit.scoring.engine import Outcome
from emskit.scoring.explain import (
    formula,
    method_summary,
    substituted,
    threshold_text,
    value_text,
    when_text,
)
from emskit.scoring.results import DiffResult, ScoreResult, WriteResult, verdict_of

_VERDICT = {"significant": "SIGNIFICANT", "not-significant": "-", "unscored": "unscored"}


def render(result: ScoreResult, out: TextIO) -> None:
    criteria = criteria_columns(result)
    headers = ["id", "condition", *criteria, "score", "verdict", "declared", "override"]
    rows = []
    for outcome in result.outcomes:
        cells = row(outcome, criteria, result.language)
        cells["verdict"] = _VERDICT[cells["verdict"]]
        rows.append([cells[h] for h in headers])
    right = frozenset(range(2, 3 + len(criteria)))
    render_table(out, headers, rows, title=_title(result), right=right)
    _findings(result, out)
    out.write(_summary(result) + "\n")


def _title(result: ScoreResult) -> str:
    methods = result.scoring.methods
    assert methods is not None
    lines = [f"method {method_summary(methods.default)}"]
    lines += [f"  {m.condition}: {method_summary(m)}" for m in methods.all()[1:]]
    return "\n".join(lines)


def _findings(result: ScoreResult, out: TextIO) -> None:
    out.writelines(finding_line(finding) + "\n" for finding in result.findings)


def _summary(result: ScoreResult) -> str:
    if not result.usable:
        return (
            "emskit score: no aspect scored: the significance method in emskit.yaml cannot be "
            "used (see above)"
        )
    shown = result.outcomes
    significant = sum(1 for o in shown if o.significant)
    unscored = sum(1 for o in shown if o.significant is None)
    total = len(result.scoring.outcomes)
    text = f"emskit score: {significant} of {len(shown)} aspects significant"
    if len(shown) != total:
        text += f" (filtered from {total})"
    if unscored:
        text += f", {unscored} not scored"
    return text


def render_unusable(result: ScoreResult, out: TextIO) -> None:
    _findings(result, out)
    out.write(_summary(result) + "\n")


def render_explain(result: ScoreResult, outcome: Outcome, out: TextIO) -> None:
    aspect, method, lang = outcome.record.model, outcome.method, result.language
    line = result.repo.position(outcome.record.file, outcome.record.loc)[0]
    lines = [
        f"{outcome.record.id}  {text_in(aspect.aspect, lang)}",
        f"  activity   {text_in(aspect.activity, lang)}",
        f"  file       {outcome.record.file}:{line}",
        f"  condition  {aspect.condition}",
        f"  method     {method.name}"
        + (f" (for {method.condition} conditions)" if method.condition else ""),
        "",
    ]
    width = max(len(c.name) for c in method.criteria)
    for criterion in method.criteria:
        given = aspect.scores.get(criterion.name)
        value = (
            "(missing)"
            if given is None
            else value_text(outcome.values[criterion.name])
            if criterion.name in outcome.values
            else f"{given} (not on the scale)"
        )
        label = f"  {text_in(criterion.label, lang)}" if criterion.label else ""
        scale = ", ".join(value_text(v) for v in criterion.values)
        lines.append(f"  {criterion.name:<{width}}  {value:>5}   scale {scale}{label}")
    lines.append("")
    if outcome.score is None:
        lines += ["  score cannot be computed:"] + [f"    - {p.message}" for p in outcome.problems]
    else:
        lines += [f"  score = {formula(method)}", f"        = {substituted(outcome)}"]
        if outcome.terms:
            lines.append(f"        = {' + '.join(format_number(t.value) for t in outcome.terms)}")
        lines.append(f"        = {outcome.score_text}")
        relation = "yes" if outcome.above_threshold else "no"
        lines.append(
            f"  threshold  significant when score {threshold_text(method)}: {outcome.score_text} -> {relation}"
        )
    if outcome.checked_overrides:
        lines.append("  overrides (any one makes the aspect significant)")
        for override, fired in outcome.checked_overrides:
            reason = text_in(override.reason, lang)
            lines.append(
                f"    - when {when_text(override.when)}: {'FIRES' if fired else 'no'}"
                + (f"  ({reason})" if reason else "")
            )
    lines.append("")
    lines.append(f"  verdict    {verdict_of(outcome)} ({outcome.reason})")
    lines.append(f"  declared   {_declared(outcome)}")
    out.write(terminal_text("\n".join(lines)) + "\n")


def _declared(outcome: Outcome) -> str:
    declared = outcome.declared
    if declared is None:
        return "(no significant: in the file; 'emskit score --write' records the verdict)"
    text = f"significant: {str(declared).lower()}"
    if outcome.significant is None or declared == outcome.significant:
        return text + (" (agrees)" if outcome.significant is not None else "")
    note = outcome.record.model.significance_note
    if note:
        return text + f" (differs; documented: {text_in(note, 'en')})"
    return text + " (differs and has no significance_note: emskit check reports it)"


def render_write(result: WriteResult, out: TextIO) -> None:
    if result.blocked_by:
        out.writelines(finding_line(finding) + "\n" for finding in result.blocked_by)
        out.write("emskit score --write: nothing written; fix the problems above first\n")
        return
    out.writelines(
        terminal_text(
            f"{outcome.record.file}: {outcome.record.id} significant: "
            f"{str(outcome.significant).lower()} ({outcome.reason})"
        )
        + "\n"
        for outcome in result.changed
    )
    out.writelines(
        terminal_text(
            f"{outcome.record.file}: {outcome.record.id} kept significant: "
            f"{str(outcome.declared).lower()} (documented by its significance_note)"
        )
        + "\n"
        for outcome in result.kept
    )
    files = len(result.files)
    out.write(
        f"emskit score --write: {len(result.changed)} verdicts written in {files} "
        f"file{'s' if files != 1 else ''}\n"
    )


def render_diff(result: DiffResult, out: TextIO) -> None:
    became = [c for c in result.changes if c.became_significant]
    stopped = [c for c in result.changes if not c.became_significant]
    out.write(
        f"Significance since {result.ref}: {len(became)} became significant, "
        f"{len(stopped)} stopped being significant\n"
    )
    if result.before_method != result.after_method:
        out.write(f"Method: {result.before_method} -> {result.after_method}\n")
    for title, changes in (("Became significant", became), ("Stopped being significant", stopped)):
        if changes:
            out.write(f"\n{title}:\n")
            out.writelines(f"- {terminal_text(change_line(change))}\n" for change in changes)


def change_line(change: VerdictChange) -> str:
    """One changed verdict in a line: score --diff and emskit diff show it alike."""
    before = change.before.score_text if change.before and change.before.score is not None else "-"
    after = change.after.score_text if change.after and change.after.score is not None else "-"
    text = f"{change.id}: score {before} -> {after}; {change.cause}"
    details = change.data_changes + change.method_changes
    return text + (f" ({'; '.join(details)})" if details else "")
