"""Objectives, nonconformities and training records: one row, one record."""

from __future__ import annotations

from typing import Any

from emskit.importing.builders.common import Links, keep_unmapped, text_value
from emskit.importing.rows import Built, Row
from emskit.importing.values import ValueProblem, parse_quantity, split_list


def build_objective(row: Row, links: Links) -> Built | None:
    title = text_value(row.text("title"))
    if not title:
        row.problem("title", "no title: an objective needs what it sets out to do")
        return None
    record: dict[str, Any] = {"id": links.own_id(row), "title": title}
    built = Built(record, row.number)
    addresses, _ = links.referenced_ids(row.text("addresses"))
    if addresses:
        record["addresses"] = addresses
    elif row.text("addresses"):
        built.comments.append(f"addresses: {row.text('addresses')} (no record with that id yet)")
    target = _number(row, "target")
    by = row.date("by")
    if target is not None and by is not None:
        record["target"] = {"value": target, "by": by}
    else:
        built.comments.append("target: the file gives no target value and date")
    baseline = _number(row, "baseline")
    if baseline is not None:
        record["baseline"] = {"value": baseline}
    links.person(row, "owner", record, built)
    if row.text("resources"):
        record["resources"] = text_value(row.text("resources"))
    keep_unmapped(row, built)
    return built


def build_nonconformity(row: Row, links: Links) -> Built | None:
    description = text_value(row.text("description"))
    raised = row.date("raised")
    if not description or raised is None:
        row.problem("description" if not description else "raised", "a nonconformity needs a "
                    "description and the date it was raised")  # fmt: skip
        return None
    record: dict[str, Any] = {"id": links.own_id(row), "raised": raised}
    built = Built(record, row.number)
    source = row.text("source").strip().lower()
    known = ("audit", "evaluation", "incident", "complaint", "monitoring", "drill", "other")
    record["source"] = source if source in known else "other"
    if source and source not in known:
        built.comments.append(f"source: {row.text('source')}")
    record["description"] = description
    for target in ("requirement", "correction", "root_cause"):
        if row.text(target):
            record[target] = text_value(row.text(target))
    grade = row.text("grade").strip().lower()
    if grade in ("major", "minor"):
        record["grade"] = grade
    closed = row.date("closed_on")
    status = row.text("status").strip().lower()
    record["status"] = "closed" if closed or status in ("closed", "已关闭", "关闭") else "open"
    if closed:
        record["closed_on"] = closed
    keep_unmapped(row, built)
    return built


def build_training(row: Row, links: Links) -> Built | None:
    topic, date = text_value(row.text("topic")), row.date("date")
    if not topic or date is None:
        row.problem("topic" if not topic else "date", "a training record needs a topic and a date")
        return None
    record: dict[str, Any] = {"id": links.own_id(row), "date": date, "topic": topic}
    built = Built(record, row.number)
    trainer = " ".join(row.text("trainer").split())
    if trainer:  # an outside trainer may be named as text
        record["trainer"] = links.people.ids.get(trainer.casefold(), trainer)
    attendees = []
    for name in split_list(row.text("attendees")):
        found = links.people.resolve(name, f"{row.context.file}:{row.number}")
        if found:
            attendees.append(found)
        else:
            built.comments.append(f"attendee: {name} (no person of that name yet)")
    if attendees:
        record["attendees"] = attendees
    assessment = row.text("assessment").strip().lower()
    if assessment in ("passed", "pass", "合格", "通过"):
        record["assessment"] = "passed"
    elif assessment in ("failed", "fail", "不合格"):
        record["assessment"] = "failed"
    keep_unmapped(row, built)
    return built


def _number(row: Row, target: str) -> int | float | None:
    text = row.text(target)
    if not text:
        return None
    try:
        value = parse_quantity(text, row.context.decimal_comma).value
    except ValueProblem as error:
        row.problem(target, str(error))
        return None
    return int(value) if value == value.to_integral() else float(value)
