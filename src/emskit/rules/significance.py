"""The significance method and each aspect's scores (6.1.2).

Three rules share one scoring pass:

EMS401 significance-method: the method in emskit.yaml can be used: criteria, aggregate and
threshold present, scales not empty, terms and overrides naming known criteria, a threshold
some aspect could reach.

Passes::

    significance: {criteria: {severity: {values: [1, 2, 3]}}, aggregate: sum, threshold: 2}

Fails::

    significance: {criteria: {severity: {values: [1, 2, 3]}}, aggregate: sum, threshold: 4}

EMS402 aspect-scores: every aspect has a value on the scale for each criterion of its method,
and no score for a criterion the method does not have.

Passes::

    scores: {likelihood: 4, severity: 5}          # with preset likelihood-x-severity

Fails::

    scores: {likelihood: 4, severity: 6}          # 6 is not on the 1-5 scale

EMS403 significance-undocumented: a declared ``significant:`` that disagrees with the computed
verdict carries a ``significance_note`` saying why; that note is what an auditor asks for.

Passes::

    scores: {likelihood: 2, severity: 3}
    significant: true
    significance_note: Neighbours complained twice in 2025

Fails::

    scores: {likelihood: 2, severity: 3}
    significant: true                             # computed: 6 < 15, not significant
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.planning import Aspect
from emskit.repo.layout import CONFIG_FILE
from emskit.rule import ERROR, Rule

_DOC = __doc__ or ""
METHOD = Rule("EMS401", "significance-method", ERROR, ("6.1.2",), _DOC)
SCORES = Rule("EMS402", "aspect-scores", ERROR, ("6.1.2",), _DOC)
UNDOCUMENTED = Rule("EMS403", "significance-undocumented", ERROR, ("6.1.2",), _DOC)


def check(ctx: Analysis) -> Iterator[Finding]:
    scoring = ctx.scoring
    if scoring.methods is None:
        yield from _scores_without_method(ctx)
        return
    for problem in scoring.problems:
        yield METHOD.at(CONFIG_FILE, problem.loc, problem.message, at_key=problem.at_key)
    for outcome in scoring.outcomes:
        record = outcome.record
        for score_problem in outcome.problems:
            yield SCORES.at(
                record.file,
                (*record.loc, *score_problem.loc),
                f"{record.id}: {score_problem.message}",
                ids=(record.id,),
                at_key=score_problem.at_key,
            )
        if outcome.disagrees and not record.model.significance_note:
            verdict = "significant" if outcome.significant else "not significant"
            yield UNDOCUMENTED.at(
                record.file,
                (*record.loc, "significant"),
                f"{record.id} is declared significant: {str(outcome.declared).lower()} but the "
                f"{outcome.method.name} method computes {verdict} ({outcome.reason}): add a "
                "significance_note saying why, or run 'emskit score --write'",
                ids=(record.id,),
            )


def _scores_without_method(ctx: Analysis) -> Iterator[Finding]:
    scored = [record for record in ctx.records("aspect", Aspect) if record.model.scores]
    if scored:
        yield METHOD.at(
            CONFIG_FILE,
            (),
            f"{len(scored)} aspects have scores but emskit.yaml has no "
            "significance method to read them: add 'significance: {preset: NAME}' or "
            "write the method out",
            line=1,
            column=1,
            ids=(scored[0].id,),
        )
