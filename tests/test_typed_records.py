"""Typed record access: records(kind, Model) hands out only records holding that model, and a
reference field is an Annotated marker that the reference index still sees."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import ROOT, SAMPLE
from pydantic import ValidationError

from emskit.analysis import Analysis
from emskit.model.common import RefTo
from emskit.model.context import Person
from emskit.model.evaluation import Audit, Review
from emskit.model.planning import Aspect
from emskit.repo.loader import load_repository


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return Analysis(load_repository(SAMPLE), dt.date(2026, 12, 1))


def test_records_of_a_model_are_those_of_the_kind(analysis: Analysis) -> None:
    typed = analysis.records("aspect", Aspect)
    assert typed, "the sample organisation has aspects"
    assert typed == analysis.records("aspect")
    assert all(isinstance(r.model, Aspect) for r in typed)


def test_asking_for_the_wrong_model_is_a_bug_not_a_silent_empty_list(analysis: Analysis) -> None:
    with pytest.raises(TypeError, match=r"aspect '.+' holds a Aspect, not a Person"):
        analysis.records("aspect", Person)
    with pytest.raises(TypeError, match="not a Audit"):
        analysis.singleton("context", Audit)


def test_reference_fields_carry_their_target_kinds_and_validate_as_ids() -> None:
    chair = Review.model_fields["chair"]
    assert chair.annotation is str
    assert [m for m in chair.metadata if isinstance(m, RefTo)] == [RefTo(("person", "role"))]
    base = {"id": "MR-1", "date": "2026-01-10", "chair": 7}
    assert Review.model_validate(base).chair == "7"  # a number written as an id reads as text
    with pytest.raises(ValidationError, match="expected an id"):
        Review.model_validate({**base, "chair": True})


def test_ci_runs_the_readmes_test_command_after_lint_and_types() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert setup is not None
    test_line = setup.group(1).splitlines()[1]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert script[-1] == test_line
    checks = [line for line in script if line.startswith(".venv/bin/")]
    assert checks == [
        ".venv/bin/ruff check src tests benchmarks",
        ".venv/bin/ruff format --check src tests benchmarks",
        ".venv/bin/mypy",
    ]
