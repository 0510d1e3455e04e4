"""The one context every judgement reads: the repository, the as-of date, the edition assessed
against, and the indexes built from them once per run (references, scores, the calendar).

Rules, clause evidence, readiness, the calendar and the documents all take an Analysis, so a
question ("is this aspect significant?", "what is due?") has one answer in a run.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, overload

from pydantic import BaseModel

from emskit.model.context import Person, Role
from emskit.model.evaluation import Audit
from emskit.model.planning import Aspect
from emskit.repo.as_of import NOTHING_LEFT_OUT, LeftOut, as_it_stood
from emskit.repo.collection import paused_collection
from emskit.repo.document_history import DocumentHistories, read_document_histories
from emskit.repo.references import Index
from emskit.repo.repository import M, Record, Repository, of_model

if TYPE_CHECKING:
    from emskit.calendar.due_item import DueItem
    from emskit.scoring import Scoring


ADDRESSED_BY = ("control", "objective", "indicator")

P = ParamSpec("P")
T = TypeVar("T")


def audit_last_day(audit: Audit) -> dt.date:
    """An audit's last day (its end, or its only day): "after the audit" means after it."""
    return audit.end or audit.date


@dataclass
class Analysis:
    repo: Repository
    as_of: dt.date
    # The edition assessed against: the repository's unless a gap run asks for another.
    edition: str = ""
    # The real today, where the caller read the clock (the CLI). Before it, a past as-of date
    # leaves out what had not happened yet (repo/as_of.py); after it, nothing can be dated.
    today: dt.date | None = None
    left_out: LeftOut = NOTHING_LEFT_OUT
    # The documents' git history where the caller read it (a pack from a commit, each side
    # of a diff); None: read from the repository's own folder at HEAD when first asked.
    histories: DocumentHistories | None = None
    # The answers of the questions asked once per run (see ``once``), by question and record.
    answers: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if not self.edition:
            self.edition = self.repo.edition
        if self.today is not None:
            self.repo, self.left_out = as_it_stood(self.repo, self.as_of, self.today)

    @property
    def latest_possible(self) -> dt.date:
        """The last day anything can have happened on: today where known, else the as-of
        date."""
        return self.today if self.today is not None else self.as_of

    @cached_property
    def index(self) -> Index:
        with paused_collection():  # some 100,000 references on a large repository
            return Index(self.repo)

    @cached_property
    def document_histories(self) -> DocumentHistories:
        """The controlled documents' approvals and changes in git (not known outside git)."""
        if self.histories is None:
            self.histories = read_document_histories(self.repo.root, self.records("document"))
        return self.histories

    @cached_property
    def by_kind(self) -> dict[str, list[Record]]:
        return self.repo.by_kind()

    # Each accessor takes the model its caller reads, and then returns records typed with it:
    # ``ctx.records("aspect", Aspect)`` is a list[Record[Aspect]] whose fields mypy checks.
    # Without one the records hold any model (for code that reads no field, or reads fields
    # by name).

    @overload
    def records(self, kind: str) -> list[Record]: ...
    @overload
    def records(self, kind: str, model: type[M]) -> list[Record[M]]: ...
    def records(self, kind: str, model: type[BaseModel] | None = None) -> list[Record]:
        return of_model(self.by_kind.get(kind, []), model)

    @overload
    def singleton(self, name: str) -> Record | None: ...
    @overload
    def singleton(self, name: str, model: type[M]) -> Record[M] | None: ...
    def singleton(self, name: str, model: type[BaseModel] | None = None) -> Record | None:
        record = self.repo.singletons.get(name)
        return of_model([record], model)[0] if record else None

    @overload
    def linked(self, record: Record, kind: str) -> list[Record]: ...
    @overload
    def linked(self, record: Record, kind: str, model: type[M]) -> list[Record[M]]: ...
    def linked(
        self, record: Record, kind: str, model: type[BaseModel] | None = None
    ) -> list[Record]:
        return of_model(self.index.linked(record, kind), model)

    @cached_property
    def scoring(self) -> Scoring:
        from emskit.scoring import score_repository

        return score_repository(self.repo, lambda: self.index)

    @cached_property
    def due_items(self) -> list[DueItem]:
        from emskit.certification.cycle import all_due_items

        return all_due_items(self.repo, self.as_of)

    def calendar(self, kind: str) -> list[DueItem]:
        """The EMS calendar's items of one kind: one reading of dates for gap, due, ready and
        check."""
        return [item for item in self.due_items if item.kind == kind]

    def is_significant(self, aspect: Record) -> bool:
        """The computed verdict (emskit score); the declared one where it cannot be computed."""
        return self.scoring.is_significant(aspect)

    def is_addressed(self, aspect: Record) -> bool:
        """A significant aspect is addressed by a linked control, objective or indicator."""
        return any(self.index.linked(aspect, kind) for kind in ADDRESSED_BY)

    def significant_aspects(self) -> list[Record]:
        """The significant aspects in register order (one list per run: do not change it)."""
        key = ("significant-aspects",)
        if key not in self.answers:
            aspects = self.records("aspect", Aspect)
            self.answers[key] = [r for r in aspects if self.is_significant(r)]
        answer: list[Record] = self.answers[key]
        return answer

    def top_management(self) -> set[str]:
        roles = {r.id for r in self.records("role", Role) if r.model.top_management}
        people = {p.id for p in self.records("person", Person) if roles & set(p.model.roles)}
        return people | roles


def once(question: Callable[P, T]) -> Callable[P, T]:
    """A judgement answered once per analysis: ``question(ctx)`` or ``question(ctx, record)``.

    check, gap and ready ask many of the same questions (is every obligation evaluated at its
    frequency? is this significant aspect addressed?), and `emskit status` asks them all in
    one run: the first asking computes the answer, the others read it. Arguments after the
    analysis are records (or other values held for the whole run) and count by identity,
    kept alive with the answer; keyword arguments are plain values (``recent_only=True``)
    and count by value. The answer is shared: callers read it and never change it.
    """

    @functools.wraps(question)
    def answer(*args: P.args, **kwargs: P.kwargs) -> T:
        ctx = args[0]
        assert isinstance(ctx, Analysis), "once: (analysis, *records, **options)"
        key = (question, *map(id, args[1:]), *sorted(kwargs.items()))
        answers = ctx.answers
        if key not in answers:
            # The records are kept with the answer (an id is unique only while its object
            # lives), the analysis not: it would hold itself.
            answers[key] = (args[1:], question(*args, **kwargs))
        result: T = answers[key][1]
        return result

    return answer
