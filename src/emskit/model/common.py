"""Reusable field types for every model of the repository format.

Validators here are plain functions (not unions) so that a bad value yields one clear
message at one location, and so that validation of 10,000 aspects stays fast.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import CoreSchema

from emskit.vocabulary import NAMED_PERIODS, PERIOD_PATTERN

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9-]*$"
_ID_RE = re.compile(ID_PATTERN)
_ID_MATCH = _ID_RE.fullmatch
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_PERIOD_RE = re.compile(PERIOD_PATTERN)


class Model(BaseModel):
    """Base of every file and record model: unknown keys are errors (a typo must not pass)."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=False)


def _text(value: Any) -> str | dict[str, str]:
    if type(value) is str:  # nearly every value: answered first (some 65,000 in a large EMS)
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError("expected text, or a map from language tag to text")
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, dict) and value:
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not isinstance(lang, str) or not _LANG_RE.fullmatch(lang):
                raise ValueError(f"{lang!r} is not a language tag (use e.g. en, zh-CN)")
            if not isinstance(text, (str, int, float)) or isinstance(text, bool):
                raise ValueError(f"the {lang} text must be a string")
            out[lang] = str(text)
        return out
    raise ValueError("expected text, or a map from language tag to text ({en: ..., zh-CN: ...})")


_TEXT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "propertyNames": {"pattern": _LANG_RE.pattern},
            "additionalProperties": {"type": "string"},
            "minProperties": 1,
        },
    ]
}

Text = Annotated[str | dict[str, str], PlainValidator(_text), WithJsonSchema(_TEXT_SCHEMA)]
"""Free text: a plain string, or ``{en: ..., zh-CN: ...}``."""


def text_in(text: Any, language: str) -> str:
    """A Text in one language: that language, else English, else the first one written."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(language) or text.get("en") or next(iter(text.values()), "")


def _id(value: Any) -> str:
    if not isinstance(value, str) or not _ID_MATCH(value):
        raise ValueError(
            f"{value!r} is not a valid id: use ASCII letters, digits and '-', starting with a letter"
        )
    return value


Id = Annotated[str, PlainValidator(_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]


@dataclass(frozen=True)
class RefTo:
    """Marks a field as a reference and names the kinds of record it may point to.

    Written as ``Annotated[str, Ref("site")]``: the marker also brings the validator and the
    JSON Schema of an id, so a reference needs nothing else beside it (and mypy reads the
    annotation as a plain ``str``).
    """

    kinds: tuple[str, ...]
    # When true a value that does not look like an id (contains spaces) is free text.
    text_allowed: bool = False

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return handler.generate_schema(_RefId)


def Ref(*kinds: str, text_allowed: bool = False) -> RefTo:
    """The marker of a reference to a record of one of ``kinds`` ("*": any kind)."""
    return RefTo(kinds, text_allowed)


PEOPLE = ("person", "role")

PersonRef = Annotated[str, Ref(*PEOPLE)]
"""A reference to a person or a role: who owns, approves, attends."""

AnyRef = Annotated[str, Ref("*")]
"""A reference to a record of any kind."""


def _ref(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("expected an id")
    return str(value)


# What a reference is to pydantic: any id-like value read as a string, schema "string".
_RefId = Annotated[str, PlainValidator(_ref), WithJsonSchema({"type": "string"})]


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a calendar date") from None
    raise ValueError(f"{value!r} is not a date: write YYYY-MM-DD")


Date = Annotated[
    dt.date, PlainValidator(_date), WithJsonSchema({"type": "string", "format": "date"})
]


def _period(value: Any) -> str:
    if isinstance(value, str) and _PERIOD_RE.fullmatch(value) and value != "P":
        return value
    raise ValueError(
        f"{value!r} is not a period: use an ISO 8601 duration (P12M, P1Y, P30D) "
        f"or one of {', '.join(NAMED_PERIODS)}"
    )


Period = Annotated[
    str, PlainValidator(_period), WithJsonSchema({"type": "string", "pattern": PERIOD_PATTERN})
]


# Past 10^15 a float no longer holds every integer, and a 400-digit integer cannot become a
# float at all: a bound in the schema keeps the arithmetic and the formatting exact.
LARGEST_NUMBER = 10**15


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    if abs(value) >= LARGEST_NUMBER:  # an int compared as an int: no float conversion
        # bit_length, not str(): str() of a 5,000-digit int is past Python's digit limit.
        digits = int(value.bit_length() * math.log10(2)) + 1 if isinstance(value, int) else 0
        shown = f"a number of about {digits} digits" if digits > 40 else str(value)
        raise ValueError(
            f"{shown} is too large: emskit reads numbers below 10^15 (scores, thresholds, "
            "values), which keeps every sum and product exact"
        )
    return value


Number = Annotated[
    float,
    PlainValidator(_number),
    WithJsonSchema(
        {"type": "number", "exclusiveMinimum": -LARGEST_NUMBER, "exclusiveMaximum": LARGEST_NUMBER}
    ),
]

ClauseList = list[str] | Literal["all"]


def clause_covered(clause: str, covered: Iterable[str] | str) -> bool:
    """Whether an audit or document that lists ``covered`` (clause numbers, or "all") covers
    ``clause``: listing 9 or 9.1 covers 9.1.2."""
    if covered == "all":
        return True
    return any(clause == c or clause.startswith(c + ".") for c in covered)


Evidence = list[str]
