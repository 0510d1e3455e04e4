"""One answer per question per run: a judgement asked by check, gap and ready (and all three by
status) is computed once per Analysis and read by the others."""

from __future__ import annotations

import datetime as dt

from conftest import AS_OF, SAMPLE

from emskit.analysis import Analysis, once
from emskit.commands.check import check_findings
from emskit.commands.status import run_status
from emskit.judgements.aspects import aspect_shortfall, unaddressed_significant
from emskit.judgements.compliance import evaluation_shortfalls
from emskit.repo.loader import load_repository


def test_a_question_is_answered_once_per_analysis_and_per_record() -> None:
    calls: list[tuple[str, ...]] = []

    @once
    def question(ctx: Analysis, *records: object) -> list[str]:
        calls.append(tuple(type(r).__name__ for r in records))
        return ["answer"]

    repo = load_repository(SAMPLE)
    ctx = Analysis(repo, AS_OF)
    first, second = repo.records[0], repo.records[1]
    assert question(ctx) is question(ctx)
    assert question(ctx, first) is question(ctx, first)
    question(ctx, second)
    assert len(calls) == 3  # once for the analysis, once for each record asked about
    other = Analysis(repo, AS_OF)  # another run (another date, say): asked again
    question(other)
    assert len(calls) == 4


def test_the_judgements_check_gap_and_ready_share_are_kept() -> None:
    ctx = Analysis(load_repository(SAMPLE), AS_OF)
    assert evaluation_shortfalls(ctx) is evaluation_shortfalls(ctx)
    assert unaddressed_significant(ctx) is unaddressed_significant(ctx)
    assert ctx.significant_aspects() is ctx.significant_aspects()
    aspect = ctx.significant_aspects()[0]
    assert aspect_shortfall(ctx, aspect) is aspect_shortfall(ctx, aspect)


def test_status_says_what_check_gap_and_ready_say_on_their_own() -> None:
    """Shared answers change no verdict: status's errors are check's, run on a fresh analysis."""
    early = dt.date(2020, 1, 1)  # before most records: future dates (errors), nothing ready
    status = run_status(SAMPLE, early)
    alone = check_findings(Analysis(load_repository(SAMPLE), early))
    errors = [f for f in alone if f.severity.label == "error"]
    shown = [s for s in status.steps if s.source == "check"]
    assert len(errors) > 5
    assert [s.message for s in shown] == [f"{f.message} ({f.code})" for f in errors]
    assert [s.act for s in shown] == [f"{f.file}:{f.line}:{f.column}" for f in errors]


def test_keyword_options_are_part_of_the_question() -> None:
    calls: list[bool] = []

    @once
    def question(ctx: Analysis, recent_only: bool) -> list[bool]:
        calls.append(recent_only)
        return [recent_only]

    ctx = Analysis(load_repository(SAMPLE), AS_OF)
    assert question(ctx, recent_only=True) is question(ctx, recent_only=True)
    assert question(ctx, recent_only=False) == [False]
    assert calls == [True, False]
