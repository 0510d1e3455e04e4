"""The rule registry: one explicit table, in code order.

Each entry is a rule (code, name, default level, clauses, documentation) and the function
that checks it, or None where the loader does the checking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.repo import loading_rules as loading
from emskit.rule import Rule
from emskit.rules import (
    audit_nonconformity,
    changed_after_approval,
    cited_later,
    climate_change,
    date_order,
    duplicate_ids,
    empty_evidence,
    evidence,
    exceedance_handling,
    future_dates,
    incident_nonconformity,
    inspection_action,
    licences,
    limit_exceedance,
    missing_chinese,
    missing_content,
    msds,
    noncompliance_action,
    nonconformity_closure,
    not_yet_recorded,
    objective_target,
    overdue,
    policy_commitments,
    reevaluation,
    references,
    roadmap_steps,
    significance,
    significant_aspects,
    superseded_copies,
    waste_contractor,
    waste_storage,
    waste_transfers,
)

Check = Callable[[Analysis], Iterator[Finding]]


class Entry(NamedTuple):
    rule: Rule
    check: Check | None


REGISTRY: tuple[Entry, ...] = (
    Entry(loading.YAML_SYNTAX, None),
    Entry(loading.UNREADABLE_FILE, None),
    Entry(loading.SCHEMA, None),
    Entry(loading.MISSING_CONTENT, missing_content.check),
    Entry(loading.MISPLACED_FILE, None),
    Entry(loading.CSV_FORMAT, None),
    Entry(loading.PATH_OUTSIDE, None),
    Entry(duplicate_ids.RULE, duplicate_ids.check),
    Entry(references.WRONG_KIND, None),  # checked with dangling references
    Entry(references.RULE, references.check),
    Entry(evidence.RULE, evidence.check),
    Entry(evidence.OUTSIDE, None),  # checked with missing evidence
    Entry(empty_evidence.RULE, empty_evidence.check),
    Entry(date_order.RULE, date_order.check),
    Entry(cited_later.RULE, cited_later.check),
    Entry(future_dates.RULE, future_dates.check),
    Entry(not_yet_recorded.RULE, not_yet_recorded.check),
    Entry(policy_commitments.RULE, policy_commitments.check),
    Entry(climate_change.RULE, climate_change.check),
    Entry(significance.METHOD, significance.check),
    Entry(significance.SCORES, None),  # checked with the method
    Entry(significance.UNDOCUMENTED, None),  # checked with the method
    Entry(significant_aspects.RULE, significant_aspects.check),
    Entry(noncompliance_action.RULE, noncompliance_action.check),
    Entry(reevaluation.RULE, reevaluation.check),
    Entry(objective_target.RULE, objective_target.check),
    Entry(audit_nonconformity.RULE, audit_nonconformity.check),
    Entry(limit_exceedance.RULE, limit_exceedance.check),
    Entry(nonconformity_closure.RULE, nonconformity_closure.check),
    Entry(incident_nonconformity.RULE, incident_nonconformity.check),
    Entry(exceedance_handling.RULE, exceedance_handling.check),
    Entry(changed_after_approval.RULE, changed_after_approval.check),
    Entry(overdue.EVALUATION, overdue.check),
    Entry(overdue.EXPIRED, None),  # checked with overdue evaluations
    Entry(overdue.ITEM, None),
    Entry(overdue.CERTIFICATION, None),
    Entry(msds.RULE, msds.check),
    Entry(msds.OUTDATED, None),  # checked with missing MSDS
    Entry(msds.NOT_POSTED, None),
    Entry(waste_contractor.RULE, waste_contractor.check),
    Entry(waste_contractor.CATEGORY, None),  # checked with the contractor
    Entry(waste_transfers.RULE, waste_transfers.check),
    Entry(waste_transfers.MANIFEST, None),  # checked with the licence and contract
    Entry(waste_storage.RULE, waste_storage.check),
    Entry(inspection_action.RULE, inspection_action.check),
    Entry(superseded_copies.RULE, superseded_copies.check),
    Entry(licences.RULE, licences.check),
    Entry(licences.NO_ID, None),  # checked with the licences
    Entry(missing_chinese.RULE, missing_chinese.check),
    Entry(roadmap_steps.RULE, roadmap_steps.check),
)
RULES: tuple[Rule, ...] = tuple(entry.rule for entry in REGISTRY)
BY_CODE = {rule.code: rule for rule in RULES}
BY_NAME = {rule.name: rule for rule in RULES}


def find_rule(code_or_name: str) -> Rule | None:
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
