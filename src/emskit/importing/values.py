"""Cell text to values: dates in the forms registers use, numbers with their units kept.

Nothing here guesses silently: a date that could be read two ways is ambiguous unless the
column or --date-format settles it; a number with a unit or a '<LOR' marker keeps its
original text for the record's note.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DATE_FORMATS = ("DMY", "MDY", "YMD")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_CN = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")  # 1/27/11: 2011, as 17-Jun-25
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_NAMED_MONTH = re.compile(r"^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s,]+(\d{2}|\d{4})$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}  # fmt: skip
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0, counting its 1900 leap-year bug
_QUANTITY = re.compile(r"^(?P<q>[<>≤≥]=?|~)?\s*(?P<n>[-+]?[\d\s.,']*\d)\s*(?P<u>[^\d\s].*)?$")


class ValueProblem(ValueError):
    """A cell that cannot be read; the message says why and what to do."""


def slashed_order(texts: list[str]) -> str | None:
    """Whether a column's d/m/yyyy dates are day-first or month-first, if its values say."""
    day_first = month_first = False
    for text in texts:
        match = _SLASHED.match(text.strip())
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12
            month_first |= second > 12
    if day_first != month_first:
        return "DMY" if day_first else "MDY"
    return None


def parse_date(text: str, order: str | None = None, serials: bool = True) -> dt.date:
    text = text.strip()
    try:
        for pattern in (_ISO, _YMD, _CN):
            match = pattern.match(text)
            if match:
                return dt.date(*(int(g) for g in match.groups()[:3]))
        match = _DOTTED.match(text)
        if match:  # dots are written day first wherever they are used
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = _SLASHED.match(text)
        if match:
            first, second, year = (int(g) for g in match.groups())
            year += 2000 if len(match.group(3)) == 2 else 0
            if order is None and first <= 12 and second <= 12 and first != second:
                raise ValueProblem(
                    f"date {text!r} could be day/month or month/day; give --date-format DMY or MDY"
                )
            day, month = (first, second) if order == "DMY" else (second, first)
            return dt.date(year, month, day)
        match = _NAMED_MONTH.match(text)
        if match and match.group(2)[:3].lower() in _MONTHS:  # 17-Jun-25, 3 July 2025
            year = int(match.group(3))
            year += 2000 if year < 100 else 0
            return dt.date(year, _MONTHS[match.group(2)[:3].lower()], int(match.group(1)))
        match = _MONTH.match(text)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), 1)
        if serials and _SERIAL.match(text) and 20000 <= float(text) <= 80000:
            return _EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    except ValueError as error:
        if isinstance(error, ValueProblem):
            raise
        raise ValueProblem(f"{text!r} is not a date that exists ({error})") from None
    raise ValueProblem(
        f"{text!r} is not a date (YYYY-MM-DD, D.M.YYYY, M/D/YYYY, YYYY/M/D, YYYY年M月D日 "
        "17-Jun-25 or an Excel serial)"
    )


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    qualifier: str = ""  # '<' for a value below the limit of reporting, '>' above a range
    unit: str = ""
    text: str = ""  # the cell as written, for the note when it was not a plain number

    @property
    def plain(self) -> bool:
        return not self.qualifier and not self.unit


def parse_quantity(text: str, decimal_comma: bool = False) -> Quantity:
    raw = text.strip()
    compact = raw.replace("\u00a0", " ")
    match = _QUANTITY.match(compact)
    if not match:
        raise ValueProblem(f"{raw!r} is not a number")
    number = _number(match.group("n"), decimal_comma)
    if number is None:
        raise ValueProblem(f"{raw!r} is not a number (is the decimal separator right?)")
    return Quantity(number, match.group("q") or "", (match.group("u") or "").strip(), raw)


def _number(text: str, decimal_comma: bool) -> Decimal | None:
    digits = text.replace(" ", "").replace("'", "")
    if decimal_comma or re.match(r"^[-+]?\d{1,3}(\.\d{3})+,\d+$", digits):
        digits = digits.replace(".", "").replace(",", ".")
    elif re.match(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$", digits):
        digits = digits.replace(",", "")
    elif "," in digits:
        return None  # '1,5' in a comma file: a decimal comma or a list? Not ours to guess
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


_YES = {"y", "yes", "true", "1", "x", "是", "√", "✓", "ja", "j"}
_NO = {"n", "no", "false", "0", "否", "×", "-", "nej"}


def parse_yes_no(text: str) -> bool:
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueProblem(f"{text!r} is not yes or no (Y/N)")


def is_yes_no(text: str) -> bool:
    return text.strip().lower() in (_YES | _NO) - {"0", "1", "-"}


def split_list(text: str) -> list[str]:
    return [part.strip(" -•") for part in re.split(r"[,;\n、，；]", text) if part.strip(" -•")]
