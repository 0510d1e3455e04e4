"""Aspects with the register's criteria as scores, and its own score and verdict kept aside."""

from __future__ import annotations

from typing import Any

from emskit.importing.builders.common import Links, keep_unmapped, text_value
from emskit.importing.rows import Built, Row
from emskit.importing.values import ValueProblem, is_yes_no, parse_quantity, parse_yes_no

_CONDITIONS = {
    "normal": "normal", "routine": "normal", "正常": "normal", "n": "normal",
    "abnormal": "abnormal", "non-routine": "abnormal", "异常": "abnormal", "a": "abnormal",
    "emergency": "emergency", "紧急": "emergency", "e": "emergency",
}  # fmt: skip


def build_aspect(row: Row, links: Links) -> Built | None:
    record: dict[str, Any] = {"id": links.own_id(row)}
    built = Built(record, row.number)
    for target in ("department", "activity", "aspect", "impact"):
        if row.text(target):
            record[target] = text_value(row.text(target))
    for target in ("activity", "aspect", "impact"):
        if target not in record:
            row.problem(target, f"no {target}: an aspect needs activity, aspect and impact")
            return None
    record["condition"] = _condition(row)
    links.site(row, record, built)
    scores = _scores(row)
    if scores is None:
        return None
    if scores:
        record["scores"] = scores
    _register(row, built)
    if "significant" in built.register:
        record["significant"] = built.register["significant"]
    links.person(row, "owner", record, built)
    reviewed = row.date("reviewed")
    if reviewed:
        record["reviewed"] = reviewed
    objectives, says_more = links.referenced_ids(row.text("objectives"))
    if objectives:
        record["objectives"] = objectives
    if says_more:
        built.comments.append(f"objectives: {' '.join(row.text('objectives').split())}")
    keep_unmapped(row, built)
    return built


def _condition(row: Row) -> str:
    text = row.text("condition").strip().lower()
    if not text:
        return "normal"
    found = _CONDITIONS.get(text)
    if found is None:
        row.problem("condition", f"condition {text!r} is not normal, abnormal or emergency")
        return "normal"
    return found


def _scores(row: Row) -> dict[str, Any] | None:
    scores: dict[str, Any] = {}
    for criterion, header in sorted(row.mapping.criteria().items()):
        target = f"score:{criterion}"
        text = row.text(target)
        if not text:
            continue
        try:
            if is_yes_no(text):
                scores[criterion] = "yes" if parse_yes_no(text) else "no"
            else:
                quantity = parse_quantity(text)
                if not quantity.plain:
                    raise ValueProblem(f"score {text!r} is not a plain number")
                value = quantity.value
                scores[criterion] = int(value) if value == value.to_integral() else float(value)
        except ValueProblem as error:
            row.problem(target, f"{header}: {error}")
            return None
    return scores


def _register(row: Row, built: Built) -> None:
    score, verdict = row.text("register:score"), row.text("register:significant")
    if score:
        try:
            built.register["score"] = parse_quantity(score).value
        except ValueProblem as error:
            row.problem("register:score", str(error))
    if verdict:
        try:
            built.register["significant"] = parse_yes_no(verdict)
        except ValueProblem as error:
            row.problem("register:significant", str(error))
