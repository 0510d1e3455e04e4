"""emskit score: significance of every aspect, filtered and sorted; writing verdicts back;
comparing with a git ref.  Nothing here prints or reads the clock.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from emskit.analysis import Analysis
from emskit.errors import ConfigError, UsageError
from emskit.finding import Finding
from emskit.repo.loader import load_parts, load_repository
from emskit.repo.repository import Repository
from emskit.rules import significance as significance_rules
from emskit.scoring import LINK_PARTS, Scoring, needs_links
from emskit.scoring.compare import compare
from emskit.scoring.engine import Outcome
from emskit.scoring.method import resolve
from emskit.scoring.results import DiffResult, Filters, ScoreResult, WriteResult

NO_FILTERS = Filters()


def run_score(root: Path, as_of: dt.date, filters: Filters = NO_FILTERS) -> ScoreResult:
    repo = load_repository(root, {"aspects"})
    scoring, findings = _score(repo, as_of)
    outcomes = sorted((o for o in scoring.outcomes if filters.keep(o)), key=_by_score)
    language = repo.config.ems.language if repo.config else "en"
    return ScoreResult(root, as_of, repo, language, scoring, outcomes, findings)


def _score(repo: Repository, as_of: dt.date) -> tuple[Scoring, list[Finding]]:
    if repo.config is None:
        raise ConfigError(_config_problem(repo))
    if repo.config.significance is None:
        raise ConfigError(
            "emskit.yaml has no significance method to score with: add "
            "'significance: {preset: multi-factor-cn}' (or another preset), or "
            "write the method out"
        )
    if needs_links(resolve(repo.config.significance)):
        load_parts(repo, LINK_PARTS)
    ctx = Analysis(repo, as_of)
    findings = [repo.locate(f) for f in significance_rules.check(ctx)]
    findings.sort(key=Finding.sort_key)
    return ctx.scoring, findings


def _config_problem(repo: Repository) -> str:
    """Why emskit.yaml could not be read, located: the method cannot be trusted without it."""
    problems = [repo.locate(f) for f in repo.load_findings if f.file == "emskit.yaml"]
    problems.sort(key=Finding.sort_key)
    if not problems:
        return "emskit.yaml could not be read: run 'emskit check' to see why"
    first = problems[0]
    return (
        f"emskit.yaml:{first.line}:{first.column}: {first.message}; fix emskit.yaml "
        "('emskit check' lists every problem)"
    )


def _by_score(outcome: Outcome) -> tuple[int, Decimal, str]:
    if outcome.score is None:
        return (1, Decimal(0), outcome.record.id)
    return (0, -outcome.score, outcome.record.id)


def find_outcome(result: ScoreResult, aspect_id: str) -> Outcome:
    for outcome in result.scoring.outcomes:
        if outcome.record.id.casefold() == aspect_id.casefold():
            return outcome
    known = sorted(o.record.id for o in result.scoring.outcomes)
    from difflib import get_close_matches

    close = get_close_matches(aspect_id, known, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise UsageError(f"--explain {aspect_id}: no aspect has that id{hint}")


# --- --write ----------------------------------------------------------------------------


def write_verdicts(root: Path, as_of: dt.date) -> WriteResult:
    """Record computed verdicts as `significant:` in the aspect files. Nothing is written when
    the repository has YAML or schema errors or the method is unusable: a partial picture
    would write wrong verdicts."""
    from emskit.repo.yaml_writer import SetKey, edit_file

    repo = load_repository(root)
    scoring, findings = _score(repo, as_of)
    blockers = [
        repo.locate(f) for f in repo.load_findings if f.code in ("EMS001", "EMS002", "EMS003")
    ]
    blockers += [f for f in findings if f.code == significance_rules.METHOD.code]
    result = WriteResult(blocked_by=sorted(blockers, key=Finding.sort_key))
    if result.blocked_by:
        return result
    edits: dict[str, list[SetKey]] = {}
    for outcome in scoring.outcomes:
        aspect = outcome.record.model
        if outcome.significant is None or aspect.significant is outcome.significant:
            continue
        if aspect.significant is not None and aspect.significance_note:
            result.kept.append(outcome)  # a documented decision against the method
            continue
        edits.setdefault(outcome.record.file, []).append(
            SetKey(outcome.record.loc, "significant", outcome.significant, ("scores", "condition"))
        )
        result.changed.append(outcome)
    for rel in sorted(edits):
        # The edits were computed from the text loaded above: an edit made since then would
        # be lost (or the positions would be wrong), so the file must still hold that text.
        if edit_file(root / rel, edits[rel], expected=repo.files[rel].text):
            result.files.append(rel)
    return result


# --- --diff -----------------------------------------------------------------------------


def diff_verdicts(root: Path, ref: str, as_of: dt.date) -> DiffResult:
    from emskit import git

    after = run_score(root, as_of).scoring
    with tempfile.TemporaryDirectory(prefix="emskit-ref-") as folder:
        old_root = git.export_at(root, ref, Path(folder))
        if not (old_root / "emskit.yaml").is_file():
            raise UsageError(f"there was no emskit.yaml in this folder at {ref!r}")
        old_repo = load_repository(old_root, {"aspects"})
        # A method added since the ref is a change to report, not an error.
        before = _score(old_repo, as_of)[0] if _has_method(old_repo) else Scoring(None)
    return DiffResult(ref, compare(before, after), _method_name(before), _method_name(after))


def _has_method(repo: Repository) -> bool:
    return repo.config is not None and repo.config.significance is not None


def _method_name(scoring: Scoring) -> str:
    return scoring.methods.default.name if scoring.methods else "none"
