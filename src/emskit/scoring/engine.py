"""Score one aspect with one method: the arithmetic, the threshold, the overrides.

The result keeps every intermediate value, so that `--explain` prints what was computed
rather than recomputing it a second way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from emskit.model.common import text_in
from emskit.model.planning import Aspect
from emskit.repo.positions import Loc
from emskit.repo.repository import Record
from emskit.scoring.arithmetic import format_number, product
from emskit.scoring.method import (
    Method,
    Override,
    Term,
    Value,
    as_number,
    decimal,
)

HasLink = Callable[[Record[Aspect], str], bool]  # (aspect, link kind) -> linked?


@dataclass(frozen=True)
class ScoreProblem:
    loc: Loc  # inside the aspect: ("scores", "legal") or ("scores",)
    message: str
    at_key: bool = False


@dataclass(frozen=True)
class TermValue:
    term: Term
    value: Decimal


@dataclass(frozen=True)
class Outcome:
    """The verdict on one aspect and how it was reached."""

    record: Record[Aspect]
    method: Method
    values: dict[str, Value]  # the aspect's scores, on the method's scales
    problems: tuple[ScoreProblem, ...]
    terms: tuple[TermValue, ...]  # weighted-sum terms, for explanation
    score: Decimal | None  # None when the scores are incomplete or off the scales
    above_threshold: bool | None
    override: Override | None  # the first override that fired
    checked_overrides: tuple[tuple[Override, bool], ...]

    @property
    def significant(self) -> bool | None:
        """The computed verdict; None when it cannot be computed."""
        if self.override is not None:
            return True
        return self.above_threshold

    @property
    def declared(self) -> bool | None:
        return self.record.model.significant

    @property
    def disagrees(self) -> bool:
        return (
            self.significant is not None
            and self.declared is not None
            and self.declared != self.significant
        )

    @property
    def reason(self) -> str:
        """Why the verdict is what it is, in one phrase: 'score 19 >= 17', 'override: ...'."""
        threshold = (
            format_number(self.method.threshold) if self.method.threshold is not None else ""
        )
        if self.above_threshold:
            return f"score {self.score_text} {'>=' if self.method.inclusive else '>'} {threshold}"
        if self.override is not None:
            return f"override: {text_in(self.override.reason, 'en')}"
        if self.score is None:
            return "not scored"
        return f"score {self.score_text} {'<' if self.method.inclusive else '<='} {threshold}"

    @property
    def score_text(self) -> str:
        return "" if self.score is None else format_number(self.score)


def score_aspect(record: Record[Aspect], method: Method, has_link: HasLink) -> Outcome:
    values, problems = _values(record.model.scores, method)
    terms: tuple[TermValue, ...] = ()
    score = above = None
    if not problems:
        score, terms = _aggregate(method, values)
        assert method.threshold is not None
        above = score >= method.threshold if method.inclusive else score > method.threshold
    checked = tuple((o, _fires(o, record, values, has_link)) for o in method.overrides)
    fired = next((o for o, hit in checked if hit), None)
    return Outcome(record, method, values, tuple(problems), terms, score, above, fired, checked)


def _values(scores: dict[str, Any], method: Method) -> tuple[dict[str, Value], list[ScoreProblem]]:
    values: dict[str, Value] = {}
    problems: list[ScoreProblem] = []
    for criterion in method.criteria:
        if criterion.name not in scores:
            problems.append(
                ScoreProblem(
                    ("scores",),
                    f"no score for {criterion.name!r}: the "
                    f"{method.name} method needs {', '.join(method.names)}",
                    True,
                )
            )
            continue
        value = decimal(scores[criterion.name])
        if value not in criterion.values:
            shown = ", ".join(
                v if isinstance(v, str) else format_number(v) for v in criterion.values
            )
            problems.append(
                ScoreProblem(
                    ("scores", criterion.name),
                    f"{criterion.name} = {scores[criterion.name]} is not on its scale ({shown})",
                )
            )
            continue
        values[criterion.name] = value
    for name in sorted(set(scores) - set(method.names)):
        problems.append(
            ScoreProblem(
                ("scores", name),
                f"{name!r} is not a criterion of the "
                f"{method.name} method ({', '.join(method.names)})",
                True,
            )
        )
    return values, problems


def _aggregate(method: Method, values: dict[str, Value]) -> tuple[Decimal, tuple[TermValue, ...]]:
    numbers = [as_number(values[name]) for name in method.names]
    if method.aggregate == "sum":
        return sum(numbers, Decimal(0)), ()
    if method.aggregate == "max":
        return max(numbers), ()
    if method.aggregate == "product":
        return product(numbers), ()
    assert isinstance(method.aggregate, tuple)
    terms = tuple(
        TermValue(term, term.weight * product(as_number(values[n]) for n in term.criteria))
        for term in method.aggregate
    )
    return sum((t.value for t in terms), Decimal(0)), terms


def _fires(
    override: Override, record: Record[Aspect], values: dict[str, Value], has_link: HasLink
) -> bool:
    when, aspect = override.when, record.model
    if when.criterion is not None:
        value = values.get(when.criterion)
        if value is None:
            return False
        if when.equals is not None and value != when.equals:
            return False
        if when.at_least is not None and as_number(value) < when.at_least:
            return False
        if when.at_most is not None and as_number(value) > when.at_most:
            return False
    if any(getattr(aspect, name, None) != wanted for name, wanted in when.fields):
        return False
    return when.has is None or has_link(record, when.has)
