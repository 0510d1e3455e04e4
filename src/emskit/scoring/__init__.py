"""Significance of environmental aspects (6.1.2): methods, presets, scoring, comparison.

`score_repository` is the one entry point: `emskit check`, `emskit score` and the documents
all ask it, so every part of emskit agrees on which aspects are significant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from emskit.model.planning import Aspect
from emskit.repo.repository import Record, Repository
from emskit.scoring.engine import Outcome, score_aspect
from emskit.scoring.method import MethodProblem, Methods, resolve

# What `has:` overrides may link aspects to; loaded only for methods that have one.
LINK_PARTS = frozenset({"obligations", "controls", "objectives", "indicators"})


@dataclass
class Scoring:
    methods: Methods | None  # None: emskit.yaml has no (valid) significance method
    outcomes: list[Outcome] = field(default_factory=list)
    _by_record: dict[int, Outcome] = field(default_factory=dict, repr=False)

    @property
    def problems(self) -> list[MethodProblem]:
        return self.methods.problems if self.methods else []

    def outcome(self, record: Record) -> Outcome | None:
        return self._by_record.get(id(record))

    def is_significant(self, record: Record) -> bool:
        """The computed verdict; the declared one where it cannot be computed."""
        outcome = self.outcome(record)
        if outcome is not None and outcome.significant is not None:
            return outcome.significant
        return bool(record.model.significant)


def score_repository(repo: Repository, index: Callable[[], Any] | None = None) -> Scoring:
    """Score every aspect. ``index`` gives the repository's reference Index (repo.references);
    it is asked for only if an override needs to know whether an aspect has links."""
    config = repo.config
    if config is None or config.significance is None:
        return Scoring(None)
    methods = resolve(config.significance)
    scoring = Scoring(methods)
    if not methods.usable:
        return scoring
    links = _Links(repo, index)
    for record in repo.of_kind("aspect", Aspect):
        outcome = score_aspect(record, methods.for_condition(record.model.condition), links.has)
        scoring.outcomes.append(outcome)
        scoring._by_record[id(record)] = outcome
    return scoring


def needs_links(methods: Methods | None) -> bool:
    return methods is not None and any(o.when.has for m in methods.all() for o in m.overrides)


class _Links:
    """Whether an aspect is linked to a kind of record, from either side, built on first use."""

    _KINDS: ClassVar[dict[str, str]] = {
        "obligations": "obligation",
        "controls": "control",
        "objectives": "objective",
        "indicators": "indicator",
    }

    def __init__(self, repo: Repository, index: Callable[[], Any] | None) -> None:
        self._repo, self._provide = repo, index
        self._index: Any = None

    def has(self, record: Record, link: str) -> bool:
        if getattr(record.model, link, None):
            return True
        if self._index is None:
            if self._provide is not None:
                self._index = self._provide()
            else:
                from emskit.repo.references import Index

                self._index = Index(self._repo)
        return bool(self._index.linked(record, self._KINDS[link]))
