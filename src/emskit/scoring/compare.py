"""Which aspects changed verdict between two scorings, and whether the data or the method moved.

This is the paragraph a consultant pastes into a pull request: "ASP-014 became significant
because its frequency went from 3 to 5; ASP-020 stopped being significant because the
threshold went from 17 to 18".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emskit.model.common import text_in
from emskit.scoring import Scoring
from emskit.scoring.arithmetic import format_number
from emskit.scoring.engine import Outcome
from emskit.scoring.method import Method

# The aspect fields a verdict can depend on (scores directly; the rest through overrides).
_INPUT_FIELDS = ("condition", "category", "tense", "control", "beneficial")
_LINK_FIELDS = ("obligations", "controls", "objectives", "indicators")


@dataclass(frozen=True)
class VerdictChange:
    id: str
    before: Outcome | None  # None: the aspect did not exist at the ref
    after: Outcome | None  # None: the aspect no longer exists
    data_changes: tuple[str, ...]
    method_changes: tuple[str, ...]

    @property
    def became_significant(self) -> bool:
        return bool(self.after and self.after.significant)

    @property
    def cause(self) -> str:
        """added | removed | data | method | both | neither (a link seen from the other side)."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        if self.data_changes and self.method_changes:
            return "both"
        return "data" if self.data_changes else "method" if self.method_changes else "neither"


def compare(before: Scoring, after: Scoring) -> list[VerdictChange]:
    old = {o.record.id: o for o in before.outcomes}
    new = {o.record.id: o for o in after.outcomes}
    changes = []
    for aspect_id in sorted(old.keys() | new.keys()):
        was, now = old.get(aspect_id), new.get(aspect_id)
        if _verdict(was) == _verdict(now):
            continue
        data = _data_changes(was, now) if was and now else ()
        method = _method_changes(was.method, now.method) if was and now else ()
        changes.append(VerdictChange(aspect_id, was, now, data, method))
    return changes


def _verdict(outcome: Outcome | None) -> bool:
    return bool(outcome and outcome.significant)


def _data_changes(was: Outcome, now: Outcome) -> tuple[str, ...]:
    a, b = was.record.model, now.record.model
    out = [
        f"scores.{name} {_show(a.scores.get(name))} -> {_show(b.scores.get(name))}"
        for name in sorted(a.scores.keys() | b.scores.keys())
        if a.scores.get(name) != b.scores.get(name)
    ]
    out += [
        f"{name} {_show(getattr(a, name))} -> {_show(getattr(b, name))}"
        for name in _INPUT_FIELDS
        if getattr(a, name) != getattr(b, name)
    ]
    out += [
        f"{name} {'linked' if getattr(b, name) else 'unlinked'}"
        for name in _LINK_FIELDS
        if bool(getattr(a, name)) != bool(getattr(b, name))
    ]
    return tuple(out)


def _method_changes(was: Method, now: Method) -> tuple[str, ...]:
    if was.comparable() == now.comparable():
        return ()
    out = []
    if was.name != now.name:
        out.append(f"method {was.name} -> {now.name}")
    if (was.threshold, was.inclusive) != (now.threshold, now.inclusive):
        out.append(f"threshold {_threshold(was)} -> {_threshold(now)}")
    if was.aggregate != now.aggregate:
        out.append("aggregation changed")
    for name in sorted(set(was.names) | set(now.names)):
        old, new = was.criterion(name), now.criterion(name)
        if old is None or new is None:
            out.append(f"criterion {name} {'added' if old is None else 'removed'}")
        elif old.values != new.values:
            out.append(f"scale of {name} changed")
    if [(o.when, text_in(o.reason, "en")) for o in was.overrides] != [
        (o.when, text_in(o.reason, "en")) for o in now.overrides
    ]:
        out.append("overrides changed")
    return tuple(out) or ("method changed",)


def _threshold(method: Method) -> str:
    if method.threshold is None:
        return "none"
    return f"{'>=' if method.inclusive else '>'} {format_number(method.threshold)}"


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
