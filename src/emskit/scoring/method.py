"""A significance method resolved to plain values, and the problems that make it unusable.

`significance:` in emskit.yaml is either a preset, a preset with some keys changed, or a method
written out; `by_condition` refines it per condition. Resolution turns all of these into one
`Method` per condition, so scoring and explanation never need to know where a key came from.
Keys written in the file replace the preset's (or, under `by_condition`, the default
method's); `overrides` are added to the inherited ones, because an organisation that adds an
override to the Chinese method still means "or legal = 5".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from emskit.model.config import Significance
from emskit.repo.positions import Loc
from emskit.scoring.arithmetic import format_number
from emskit.scoring.presets import PRESETS
from emskit.scoring.score_range import score_range
from emskit.vocabulary import CONDITIONS

Value = Decimal | str  # a number on the scale, or "no"/"yes"
YES_NO = ("no", "yes")


def as_number(value: Value) -> Decimal:
    """A criterion value in arithmetic: numbers as they are, no = 0, yes = 1."""
    if isinstance(value, str):
        return Decimal(1 if value == "yes" else 0)
    return value


def decimal(value: Any) -> Value:
    if value in YES_NO:
        return str(value)
    # str() first: Decimal(0.1) would carry the binary error of the float into the score.
    return Decimal(str(value))


@dataclass(frozen=True)
class Criterion:
    name: str
    values: tuple[Value, ...]
    label: Any = None  # Text
    # {value as written: Text}: what each value means; words, so no part of a verdict.
    meanings: Any = field(default=None, compare=False)

    @property
    def numbers(self) -> tuple[Decimal, ...]:
        return tuple(as_number(value) for value in self.values)


@dataclass(frozen=True)
class Term:
    criteria: tuple[str, ...]  # one criterion, or the factors of a product
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class When:
    criterion: str | None = None
    equals: Value | None = None
    at_least: Decimal | None = None
    at_most: Decimal | None = None
    fields: tuple[tuple[str, Any], ...] = ()  # (aspect field, required value)
    has: str | None = None  # a link kind the aspect must have


@dataclass(frozen=True)
class Override:
    when: When
    reason: Any  # Text
    loc: Loc


@dataclass(frozen=True)
class Method:
    name: str  # preset name, "<preset> (adjusted)" or "custom"
    criteria: tuple[Criterion, ...]
    aggregate: str | tuple[Term, ...]  # "sum" | "product" | "max" | weighted terms
    threshold: Decimal | None
    inclusive: bool
    overrides: tuple[Override, ...]
    loc: Loc  # where it is written in emskit.yaml
    condition: str | None = None  # set for a by_condition method

    def criterion(self, name: str) -> Criterion | None:
        return next((c for c in self.criteria if c.name == name), None)

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.criteria)

    def comparable(self) -> tuple[Any, ...]:
        """What decides verdicts, without where it is written: for 'did the method change'."""
        return (
            self.criteria,
            self.aggregate,
            self.threshold,
            self.inclusive,
            tuple((o.when, str(o.reason)) for o in self.overrides),
        )


@dataclass(frozen=True)
class MethodProblem:
    loc: Loc
    message: str
    at_key: bool = False


@dataclass
class Methods:
    """The default method and the per-condition ones; `for_condition` picks."""

    default: Method
    by_condition: dict[str, Method] = field(default_factory=dict)
    problems: list[MethodProblem] = field(default_factory=list)

    def for_condition(self, condition: str) -> Method:
        return self.by_condition.get(condition, self.default)

    def all(self) -> list[Method]:
        return [self.default, *(self.by_condition[c] for c in CONDITIONS if c in self.by_condition)]

    @property
    def usable(self) -> bool:
        return not self.problems


def resolve(significance: Significance) -> Methods:
    base_loc: Loc = ("significance",)
    default = _resolve_one(significance, None, base_loc, None)
    methods = Methods(default)
    for condition in CONDITIONS:
        if condition in significance.by_condition:
            loc = (*base_loc, "by_condition", condition)
            methods.by_condition[condition] = _resolve_one(
                significance.by_condition[condition], default, loc, condition
            )
    for method in methods.all():
        methods.problems.extend(method_problems(method))
    return methods


def _resolve_one(written: Any, parent: Method | None, loc: Loc, condition: str | None) -> Method:
    explicit = written.model_fields_set - {"by_condition", "preset"}
    if written.preset is not None:
        inherited = _from_data(PRESETS[written.preset], written.preset, loc)
        name = written.preset + (" (adjusted)" if explicit else "")
    elif parent is not None:
        inherited, name = (
            parent,
            parent.name + (" (adjusted)" if explicit and "(adjusted)" not in parent.name else ""),
        )
    else:
        inherited, name = None, "custom"
    own = _from_data(written.model_dump(exclude_unset=True, warnings=False), name, loc)
    criteria = own.criteria if "criteria" in explicit or inherited is None else inherited.criteria
    aggregate = (
        own.aggregate if "aggregate" in explicit or inherited is None else inherited.aggregate
    )
    threshold = (
        own.threshold if "threshold" in explicit or inherited is None else inherited.threshold
    )
    inclusive = (
        own.inclusive
        if "threshold_inclusive" in explicit or inherited is None
        else inherited.inclusive
    )
    overrides = (inherited.overrides if inherited else ()) + own.overrides
    return Method(name, criteria, aggregate, threshold, inclusive, overrides, loc, condition)


def _from_data(data: dict[str, Any], name: str, loc: Loc) -> Method:
    criteria = tuple(
        Criterion(
            key,
            tuple(decimal(v) for v in spec.get("values", ())),
            spec.get("label"),
            spec.get("meanings"),
        )
        for key, spec in (data.get("criteria") or {}).items()
    )
    raw_aggregate = data.get("aggregate") or ""
    aggregate: str | tuple[Term, ...]
    if isinstance(raw_aggregate, dict):
        aggregate = tuple(_term(term) for term in raw_aggregate.get("terms", ()))
    else:
        aggregate = raw_aggregate
    threshold = data.get("threshold")
    overrides = tuple(
        Override(_when(item["when"]), item.get("reason"), (*loc, "overrides", index))
        for index, item in enumerate(data.get("overrides") or ())
    )
    return Method(
        name,
        criteria,
        aggregate,
        None if threshold is None else Decimal(str(threshold)),
        data.get("threshold_inclusive", True),
        overrides,
        loc,
    )


def _term(term: dict[str, Any]) -> Term:
    factors = tuple(term.get("product") or ()) or (
        (term["criterion"],) if term.get("criterion") else ()
    )
    return Term(factors, Decimal(str(term.get("weight", 1))))


_COMPARISONS = ("criterion", "equals", "at_least", "at_most", "has")


def _when(data: dict[str, Any]) -> When:
    def number(key: str) -> Decimal | None:
        return None if data.get(key) is None else Decimal(str(data[key]))

    fields = tuple(
        sorted((k, v) for k, v in data.items() if k not in _COMPARISONS and v is not None)
    )
    equals = data.get("equals")
    return When(
        data.get("criterion"),
        None if equals is None else decimal(equals),
        number("at_least"),
        number("at_most"),
        fields,
        data.get("has"),
    )


# --- what makes a method unusable ------------------------------------------------------


def method_problems(method: Method) -> list[MethodProblem]:
    problems: list[MethodProblem] = []
    if not method.criteria or not method.aggregate or method.threshold is None:
        missing = [
            key
            for key, value in (
                ("criteria", method.criteria),
                ("aggregate", method.aggregate),
                ("threshold", method.threshold),
            )
            if not value and value != 0
        ]
        problems.append(
            MethodProblem(
                method.loc,
                f"the method has no {', '.join(missing)}: write "
                "them out, or name a preset (preset: multi-factor-cn)",
                True,
            )
        )
        return problems
    for criterion in method.criteria:
        problems += _scale_problems(method, criterion)
    if isinstance(method.aggregate, tuple):
        for index, term in enumerate(method.aggregate):
            problems += _term_problems(method, term, (*method.loc, "aggregate", "terms", index))
    for override in method.overrides:
        problems += _override_problems(method, override)
    if not problems:
        problems += _reach_problems(method)
    return problems


def _scale_problems(method: Method, criterion: Criterion) -> list[MethodProblem]:
    loc = (*method.loc, "criteria", criterion.name, "values")
    kinds = {isinstance(value, str) for value in criterion.values}
    if not criterion.values:
        return [
            MethodProblem(
                loc, f"criterion {criterion.name!r} has an empty scale: list the values it may take"
            )
        ]
    if len(kinds) > 1:
        return [
            MethodProblem(
                loc, f"criterion {criterion.name!r} mixes numbers and yes/no: use one or the other"
            )
        ]
    if len(set(criterion.values)) != len(criterion.values):
        return [MethodProblem(loc, f"criterion {criterion.name!r} lists a value twice")]
    return []


def _term_problems(method: Method, term: Term, loc: Loc) -> list[MethodProblem]:
    if not term.criteria:
        return [MethodProblem(loc, "a term needs 'criterion: NAME' or 'product: [NAME, NAME]'")]
    unknown = [name for name in term.criteria if method.criterion(name) is None]
    return [
        MethodProblem(
            loc, f"term uses unknown criterion {name!r}; the criteria are {', '.join(method.names)}"
        )
        for name in unknown
    ]


def _override_problems(method: Method, override: Override) -> list[MethodProblem]:
    when, loc = override.when, (*override.loc, "when")
    compares = when.equals is not None or when.at_least is not None or when.at_most is not None
    if when.criterion is None and not when.fields and when.has is None:
        return [
            MethodProblem(
                loc,
                "an override needs at least one condition in 'when', or it would "
                "make every aspect significant",
            )
        ]
    if when.criterion is None:
        return (
            [MethodProblem(loc, "equals, at_least and at_most need 'criterion: NAME'")]
            if compares
            else []
        )
    criterion = method.criterion(when.criterion)
    if criterion is None:
        return [
            MethodProblem(
                (*loc, "criterion"),
                f"override uses unknown criterion {when.criterion!r}; "
                f"the criteria are {', '.join(method.names)}",
            )
        ]
    if not compares:
        return [
            MethodProblem(loc, f"say what {when.criterion!r} must be: equals, at_least or at_most")
        ]
    if when.equals is not None and when.equals not in criterion.values:
        return [
            MethodProblem(
                (*loc, "equals"),
                f"{_show(when.equals)} is not on the scale of "
                f"{when.criterion!r} ({', '.join(map(_show, criterion.values))}): "
                "the override can never fire",
            )
        ]
    return []


def _reach_problems(method: Method) -> list[MethodProblem]:
    assert method.threshold is not None
    low, high = score_range(method)
    loc = (*method.loc, "threshold")
    if high < method.threshold or (high == method.threshold and not method.inclusive):
        return [
            MethodProblem(
                loc,
                f"threshold {_show(method.threshold)} is out of reach: the highest "
                f"possible score is {_show(high)}, so no aspect could be significant by score",
            )
        ]
    if low > method.threshold or (low == method.threshold and method.inclusive):
        return [
            MethodProblem(
                loc,
                f"threshold {_show(method.threshold)} is at or below the lowest possible "
                f"score {_show(low)}: every aspect would be significant",
            )
        ]
    return []


def _show(value: Value) -> str:
    return value if isinstance(value, str) else format_number(value)
