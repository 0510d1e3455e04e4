"""Monitoring CSV files are read column by column when they are clean; the result is the
row-by-row reading's, value for value and line for line, and any file that needs a word
about a row is read row by row."""

from __future__ import annotations

import csv
import io

import pytest

from emskit.repo import readings


def one_by_one(text: str) -> tuple[list[readings.Reading], list[str]]:
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = [name.strip() for name in next(rows)]
    problems: list = []
    out = readings._rows(rows, header, "monitoring/data/x.csv", problems)
    return out, [f"{p.line}:{p.column}: {p.message}" for p in problems]


def both(text: str) -> tuple[list[readings.Reading], list[str]]:
    got, problems = readings.read_readings(text, "monitoring/data/x.csv")
    return got, [f"{p.line}:{p.column}: {p.message}" for p in problems]


CLEAN = "date,indicator,value,site,note\n" + "".join(
    f"2026-0{1 + i % 9}-1{i % 10},IND-{i % 7}, {i * 0.5},SITE-{i % 3},n{i}\n" for i in range(50)
)

TEXTS = {
    "clean": CLEAN,
    "no site or note": "indicator,value,date\nIND-1,3,2026-01-02\nIND-2,1e3,2026-01-03\n",
    "no final newline": "date,indicator,value\n2026-01-02,IND-1,4",
    "blank line": "date,indicator,value\n2026-01-02,IND-1,4\n\n2026-01-03,IND-1,5\n",
    "bad date": "date,indicator,value\n2026-01-02,IND-1,4\n2026-13-02,IND-1,4\n",
    "not a date": "date,indicator,value\n2.1.2026,IND-1,4\n",
    "bad value": "date,indicator,value\n2026-01-02,IND-1,<0.5\n",
    "infinite": "date,indicator,value\n2026-01-02,IND-1,inf\n",
    "decimal comma": "date,indicator,value\n2026-01-02,IND-1,1,5\n",
    "quoted": 'date,indicator,value,note\n2026-01-02,IND-1,4,"a, b"\n2026-01-03,IND-1,5,"x\ny"\n',
    "crlf": "date,indicator,value\r\n2026-01-02,IND-1,4\r\n2026-01-03,IND-1,5\r\n",
    "short row": "date,indicator,value,site\n2026-01-02,IND-1,4\n",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_reading_at_once_gives_what_row_by_row_gives(name: str) -> None:
    text = TEXTS[name]
    assert both(text) == one_by_one(text)


def test_the_clean_file_is_read_at_once_with_its_lines() -> None:
    got, problems = both(CLEAN)
    assert problems == [] and len(got) == 50
    assert got[3] == readings.Reading(
        readings.dt.date(2026, 4, 13), "IND-3", 1.5, "SITE-0", "n3", "monitoring/data/x.csv", 5
    )
    assert readings._rows_at_once(csv.reader(io.StringIO(CLEAN)), [], "x") is None
