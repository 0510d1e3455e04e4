"""emskit check: load the repository, run every rule, settle levels, locate, sort.

load -> rules -> levels -> positions -> result.  Nothing here prints or reads the clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from emskit.check_result import CheckResult
from emskit.errors import UsageError
from emskit.finding import Finding, Severity

if TYPE_CHECKING:
    from emskit.analysis import Analysis
    from emskit.repo.document_history import DocumentHistories
    from emskit.repo.repository import Repository
    from emskit.rule import Rule
    from emskit.rules import Check

# A check answered from the cache imports nothing below: the rules, the models and the loader
# are imported by the functions that run them, so the second run costs reading the files.

OFF = None


def run_check(
    root: Path,
    as_of: dt.date,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    cache_dir: Path | None = None,
    today: dt.date | None = None,
    histories: DocumentHistories | None = None,
) -> CheckResult:
    """Check the repository; with ``cache_dir``, reuse the result of an identical earlier run
    (same files, options, dates and emskit), which then costs only reading the files. With
    ``today`` (the CLI reads the clock), a past ``as_of`` leaves out what is dated later.
    ``histories``: the documents' git history where the caller read it (a side of a diff);
    by default it is read from ``root`` at HEAD."""
    if cache_dir is None or histories is not None:
        return _run_check(root, as_of, select, ignore, today, histories)
    from emskit.commands import check_cache

    # An entry exists only for options that an earlier run accepted (the key holds them and
    # emskit's own files), so a hit needs no look at the rule table.
    options = ("select", *select, "ignore", *ignore, "today", str(today))
    key = check_cache.result_key(root, as_of, options)
    cached = check_cache.load(cache_dir, key) if key else None
    if cached is not None:
        edition, findings = cached
        return CheckResult(root, as_of, edition, findings)
    result = _run_check(root, as_of, select, ignore, today)
    if key:
        check_cache.store(cache_dir, key, result.edition, result.findings)
    return result


def _run_check(
    root: Path,
    as_of: dt.date,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    today: dt.date | None = None,
    histories: DocumentHistories | None = None,
) -> CheckResult:
    from emskit.analysis import Analysis
    from emskit.repo.loader import load_repository
    from emskit.rules import RULES

    _check_selectors(select + ignore)
    repo = load_repository(root)
    ctx = Analysis(repo, as_of, today=today, histories=histories)
    findings = check_findings(ctx, select, ignore)
    return CheckResult(root, as_of, repo.edition, findings, RULES)


def check_findings(
    ctx: Analysis,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    at_least: Severity | None = None,
) -> list[Finding]:
    """Every rule's findings on one analysis, settled, located and sorted; with ``at_least``
    only those at that level or above, and checks that cannot reach it are not run."""
    from emskit.clauses.editions import clauses_for

    repo = ctx.repo
    findings = list(repo.load_findings)
    levels, level_findings = _configured_levels(repo)
    findings += level_findings
    # Findings of rules switched off or not selected are dropped in _settle (one check
    # function may serve two rules, e.g. dangling and wrong-kind references).
    for check, rules in _checks():
        if at_least is None or any(_level(rule, levels) >= at_least for rule in rules):
            findings.extend(check(ctx))
    findings = _settle(findings, levels, select, ignore)
    if at_least is not None:
        findings = [f for f in findings if f.severity >= at_least]
    edition = repo.edition
    findings = [
        _placed(repo, finding, clauses_for(finding.clauses, edition)) for finding in findings
    ]
    findings.sort(key=Finding.sort_key)
    return findings


def _placed(repo: Repository, finding: Finding, clauses: tuple[str, ...]) -> Finding:
    """The finding located (its line and column looked up only now) with the clauses of the
    edition, in one copy: thousands of findings on a large repository."""
    if finding.line is not None:
        return finding if clauses == finding.clauses else finding.with_(clauses=clauses)
    line, column = repo.position(finding.file, finding.loc, finding.at_key)
    return finding.with_(line=line, column=column, clauses=clauses)


def _checks() -> list[tuple[Check, list[Rule]]]:
    """Each check function with the rules it reports: its own and the entries after it that
    have none (they are checked with it)."""
    from emskit.rules import REGISTRY

    out: list[tuple[Check, list[Rule]]] = []
    for entry in REGISTRY:
        if entry.check is not None:
            out.append((entry.check, [entry.rule]))
        elif out:
            out[-1][1].append(entry.rule)
    return out


def _level(rule: Rule, levels: dict[str, Severity | None]) -> int:
    level = levels.get(rule.code, rule.severity)
    return 0 if level is None else int(level)


def _check_selectors(codes: tuple[str, ...]) -> None:
    from emskit.rules import RULES

    for code in codes:
        if not any(
            rule.code.startswith(code.upper()) or rule.name == code.lower() for rule in RULES
        ):
            raise UsageError(
                f"--select/--ignore: no rule matches {code!r} (codes look like EMS104 "
                f"or a prefix like EMS1; names like dangling-reference){_rule_hint(code)}"
            )


def _rule_hint(word: str) -> str:
    from emskit.repo.spelling import did_you_mean
    from emskit.rules import RULES

    return did_you_mean(word, [name for rule in RULES for name in (rule.code, rule.name)])


def _matches(rule: Rule, selectors: tuple[str, ...]) -> bool:
    return any(rule.code.startswith(s.upper()) or rule.name == s.lower() for s in selectors)


def _configured_levels(repo: Repository) -> tuple[dict[str, Severity | None], list[Finding]]:
    from emskit.repo.loading_rules import SCHEMA
    from emskit.rules import find_rule

    levels: dict[str, Severity | None] = {}
    problems: list[Finding] = []
    raw = repo.raw_config.get("rules")
    if not isinstance(raw, dict):
        return levels, problems
    for key, level in raw.items():
        rule = find_rule(str(key))
        if rule is None:
            problems.append(
                SCHEMA.at(
                    "emskit.yaml",
                    ("rules", key),
                    f"rules: no rule is called {key!r}"
                    + (
                        _rule_hint(str(key))
                        or "; use a code (EMS104) or a name (dangling-reference)"
                    ),
                    at_key=True,
                )
            )
        elif level in ("error", "warning", "info"):
            levels[rule.code] = Severity.parse(level)
        elif level == "off":
            levels[rule.code] = OFF
    return levels, problems


def _settle(
    findings: list[Finding],
    levels: dict[str, Severity | None],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> list[Finding]:
    from emskit.rules import find_rule

    out = []
    for finding in findings:
        rule = find_rule(finding.code)
        assert rule is not None, finding.code
        if select and not _matches(rule, select):
            continue
        if ignore and _matches(rule, ignore):
            continue
        if rule.code in levels:
            level = levels[rule.code]
            if level is OFF:
                continue
            finding = finding.with_(severity=level)
        out.append(finding)
    return out
