"""Compliance obligations from legal registers, law lists and assurance calendars."""

from __future__ import annotations

import re
from typing import Any

from emskit.importing.builders.common import Links, keep_unmapped, text_value
from emskit.importing.rows import Built, Row

_TYPES = {"legal": "legal", "law": "legal", "permit": "permit", "licence": "permit",
          "license": "permit", "法律": "legal", "法规": "legal", "许可": "permit"}  # fmt: skip
_STATUS = {
    "applicable": "applicable", "active": "applicable", "in force": "applicable",
    "有效": "applicable", "现行有效": "applicable", "已修改": "applicable",
    "not applicable": "not-applicable", "not-applicable": "not-applicable", "n/a": "not-applicable",
    "repealed": "not-applicable", "失效": "not-applicable", "废止": "not-applicable",
    "pending": "pending", "not yet in force": "pending", "尚未施行": "pending",
    "尚未生效": "pending",
}  # fmt: skip
_FREQUENCIES = {
    "annual": "annual", "annually": "annual", "yearly": "annual", "每年": "annual",
    "年度": "annual", "six-monthly": "semiannual", "semiannual": "semiannual",
    "semi-annual": "semiannual", "half-yearly": "semiannual", "半年": "semiannual",
    "quarterly": "quarterly", "每季度": "quarterly", "季度": "quarterly",
    "monthly": "monthly", "每月": "monthly", "biennial": "biennial", "triennial": "triennial",
}  # fmt: skip
_PERIOD = re.compile(r"^P\d+[YMWD]$")


def build_obligation(row: Row, links: Links, frequency: str) -> Built | None:
    title = text_value(row.text("title"))
    if not title:
        row.problem("title", "no title: an obligation needs the name of the law or permit")
        return None
    record: dict[str, Any] = {"id": links.own_id(row)}
    built = Built(record, row.number)
    record["type"] = _TYPES.get(row.text("type").strip().lower(), "legal")
    if row.text("type") and row.text("type").strip().lower() not in _TYPES:
        built.comments.append(f"type: {row.text('type')}")
    record["title"] = title
    for target in ("authority", "jurisdiction", "reference"):
        if row.text(target):
            record[target] = text_value(row.text(target))
    requirement = text_value(row.text("requirement"))
    record["requirement"] = requirement or title
    if not requirement:
        built.comments.append("requirement: the file gives none; the title stands in for it")
    status = _status(row, built)
    if status != "applicable":
        record["status"] = status
    for target in ("effective", "expires"):
        date = row.date(target)
        if date:
            record[target] = date
    record["evaluation_frequency"] = _frequency(row, frequency, built)
    links.person(row, "owner", record, built)
    keep_unmapped(row, built)
    return built


def _status(row: Row, built: Built) -> str:
    text = row.text("status").strip().lower()
    if not text:
        return "applicable"
    if text not in _STATUS:
        built.comments.append(f"status: {row.text('status')} (read as applicable)")
    return _STATUS.get(text, "applicable")


def _frequency(row: Row, default: str, built: Built) -> str:
    text = row.text("evaluation_frequency").strip()
    found = _FREQUENCIES.get(text.lower()) or (text if _PERIOD.match(text) else None)
    if text and found is None:
        row.problem(
            "evaluation_frequency",
            f"frequency {text!r} is not a period (annual, quarterly, monthly, P6M, ...)",
        )
    return found or default
