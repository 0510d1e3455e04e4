"""The auditor's casebook for what went wrong: incidents, penalties, authority inspections,
exceedances and nonconformities. Each case is a copy of the sample organisation changed the
way real records go wrong, and the verdict an auditor would give it (ready, gap and check),
with the reason asserted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casebook import Mutation, clause, mutated, verdict
from conftest import AS_OF, SAMPLE, appended, findings, remove_path, replace_in

from emskit.commands.check import run_check
from emskit.commands.gap import run_gap
from emskit.commands.ready import run_ready

INDICATORS = "monitoring/indicators.yaml"
READINGS = "monitoring/data/2026.csv"
WINDOW = "in the 12 months from 2025-11-22 to 2026-11-22"


def messages(root: Path, code: str, as_of: dt.date = AS_OF) -> list[tuple[str, str]]:
    return [(f.file, f.message) for f in run_check(root, as_of).findings if f.code == code]


def record(rel: str, text: str) -> Mutation:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    return apply


# --- the sample: its incidents raised, its inspection passed, no exceedance ---------------


def test_the_sample_is_clean_on_every_subject_of_this_casebook() -> None:
    verdicts = {v.id: v for v in run_ready(SAMPLE, AS_OF).verdicts}
    assert verdicts["no-pollution-incident"].status == "pass"
    assert verdicts["no-failed-inspection"].status == "pass"
    assert verdicts["no-failed-inspection"].ids == ["INS-2026-01"]
    exceedances = verdicts["exceedances-handled"]
    assert (exceedances.status, exceedances.message) == (
        "not-applicable",
        f"no reading outside a limit {WINDOW}",
    )
    clauses = {c.clause.number: c.status for c in run_gap(SAMPLE, AS_OF).clauses}
    assert clauses["8.1"] == clauses["10.2"] == "met"
    assert not [f for f in findings(SAMPLE) if f.code in ("EMS340", "EMS341", "EMS342")]


# --- pollution and penalties, in the 12 months before as-of -------------------------------


def test_an_administrative_penalty_without_pollution_fails(tmp_path: Path) -> None:
    # A CNY 200,000 fine from the environment bureau: no pollution, but a penalty.
    root = mutated(
        tmp_path,
        replace_in(
            "records/incidents/INC-2026-001.yaml",
            "reported_to_authority: false\npenalty: false",
            "reported_to_authority: true\npenalty: true",
        ),
    )
    rule = verdict(root, "no-pollution-incident")
    assert rule.status == "fail"
    assert rule.message == (
        f"INC-2026-001 on 2026-02-17 ended in an administrative penalty, {WINDOW}"
    )
    assert rule.ids == ["INC-2026-001"]


def test_a_penalty_decided_at_an_inspection_fails(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        record(
            "records/inspections/INS-2026-02.yaml",
            "id: INS-2026-02\ndate: 2026-09-10\nauthority: Suzhou Xiangcheng EEB\n"
            "type: enforcement\nresult: observations\n"
            "findings: Fine of CNY 200,000 for VOC treatment records not kept\n"
            "penalty: true\naction: NC-2026-004\n",
        ),
    )
    rule = verdict(root, "no-pollution-incident")
    assert rule.status == "fail"
    assert (
        f"authority inspection INS-2026-02 on 2026-09-10 decided an administrative penalty, {WINDOW}"
        in rule.message
    )


DECEMBER_POLLUTION = record(
    "records/incidents/INC-2026-003.yaml",
    "id: INC-2026-003\ndate: 2026-12-20\ntype: pollution\n"
    "description: Oily water reached the storm drain from the east yard\npollution: true\n"
    "reported_to_authority: true\naspects: [ASP-019]\n",
)


def test_a_pollution_incident_of_20_december_still_counts_on_10_january(tmp_path: Path) -> None:
    # The CN "none in the current year" read as the calendar year forgot it on 1 January.
    root = mutated(tmp_path, DECEMBER_POLLUTION)
    rule = verdict(root, "no-pollution-incident", dt.date(2027, 1, 10))
    assert rule.status == "fail"
    assert rule.message == (
        "INC-2026-003 on 2026-12-20 was a pollution incident, "
        "in the 12 months from 2026-01-10 to 2027-01-10"
    )


def test_the_window_is_the_same_outside_china(tmp_path: Path) -> None:
    root = mutated(
        tmp_path, DECEMBER_POLLUTION, replace_in("emskit.yaml", "  jurisdiction: CN\n", "")
    )
    assert verdict(root, "no-pollution-incident", dt.date(2027, 1, 10)).status == "fail"
    # ...and a year and a day later it no longer counts.
    later = verdict(root, "no-pollution-incident", dt.date(2027, 12, 21))
    assert later.status == "pass", later.message


# --- authority inspections --------------------------------------------------------------


FAILED = replace_in("records/inspections/INS-2026-01.yaml", "result: passed", "result: failed")


def test_a_failed_inspection_with_no_action_fails(tmp_path: Path) -> None:
    root = mutated(tmp_path, FAILED)
    rule = verdict(root, "no-failed-inspection")
    assert rule.status == "fail"
    assert rule.message == (
        f"authority inspection INS-2026-01 on 2026-06-18 failed, {WINDOW}, and names no action "
        "(the nonconformity raised for it)"
    )
    assert [file for file, _ in messages(root, "EMS609")] == [
        "records/inspections/INS-2026-01.yaml"
    ]


def test_a_failed_inspection_whose_action_is_open_fails(tmp_path: Path) -> None:
    root = mutated(
        tmp_path, FAILED, appended("records/inspections/INS-2026-01.yaml", "action: NC-2026-004\n")
    )
    rule = verdict(root, "no-failed-inspection")
    assert rule.status == "fail"
    assert "its action NC-2026-004 is not closed" in rule.message


def test_a_failed_inspection_corrected_and_closed_is_noted(tmp_path: Path) -> None:
    root = mutated(
        tmp_path, FAILED, appended("records/inspections/INS-2026-01.yaml", "action: NC-2026-003\n")
    )
    rule = verdict(root, "no-failed-inspection")
    assert rule.status == "warn"
    assert "corrected under NC-2026-003, closed on 2026-09-16" in rule.message
    assert run_ready(root, AS_OF).ready


def test_no_inspection_in_the_window_is_not_applicable(tmp_path: Path) -> None:
    root = mutated(tmp_path, remove_path("records/inspections"))
    rule = verdict(root, "no-failed-inspection")
    assert (rule.status, rule.message) == ("not-applicable", f"no authority inspection {WINDOW}")


# --- exceedances: a pH reading above the permit limit, its nonconformity still open ------


def _ph(obligation: str) -> tuple[Mutation, ...]:
    return (
        replace_in(
            INDICATORS,
            "equipment:\n",
            "  - {id: IND-PH, name: pH at the wastewater outlet, unit: pH, frequency: quarterly, "
            f"limit: {{min: 6, max: 9}}, aspects: [ASP-013], obligations: [{obligation}], "
            "equipment: [EQ-01], owner: ROLE-MAINT}\nequipment:\n",
        ),
        appended(READINGS, "2026-05-31,IND-PH,7.8,SITE-SZ,\n2026-08-31,IND-PH,9.6,SITE-SZ,\n"),
        record(
            "records/nonconformities/NC-2026-007.yaml",
            "id: NC-2026-007\nraised: 2026-09-02\nsource: monitoring\n"
            "source_ref: IND-PH@2026-08-31\ndescription: Outlet pH 9.6 against the limit 6-9\n"
            'requirement: OBL-007\ngrade: minor\ncorrection: Dosing pump reset\nroot_cause: "Acid '
            'dosing pump ran dry: no low-level alarm on the acid tank"\ncorrective_actions:\n'
            "  - {what: Fit a low-level alarm on the acid tank, who: ROLE-MAINT, due: 2026-12-31}\n"
            "status: open\n",
        ),
    )


def test_a_ph_reading_over_the_permit_limit_with_its_nonconformity_open(tmp_path: Path) -> None:
    root = mutated(tmp_path, *_ph("OBL-007"))
    rule = verdict(root, "exceedances-handled")
    assert rule.status == "fail"
    # CN: the exceedance becomes an objective with a programme; none is on IND-PH or OBL-007.
    assert (
        "IND-PH read 9.6 on 2026-08-31, outside its limit ≤ 9 pH (handled by NC-2026-007), but "
        "no active objective is set on IND-PH or its obligations" in rule.message
    )
    assert "its nonconformity NC-2026-007 is still open" in rule.message
    # The quarterly evaluation a month later rated the permit compliant, the NC still open.
    compliance = verdict(root, "compliance-evaluation")
    assert compliance.status == "fail"
    assert (
        "EVA-2026-Q3 (2026-09-29) evaluated OBL-007 compliant after IND-PH@2026-08-31 "
        "(2026-08-31) breached it, with no nonconformity for the breach closed by then"
        in compliance.message
    )
    gap = clause(root, "10.2")
    assert gap.status == "partial"
    assert any("no active objective is set on IND-PH" in r for r in gap.reasons), gap.reasons
    assert clause(root, "9.1.2").status == "partial"
    [(file, message)] = messages(root, "EMS342")
    assert file == READINGS and "no active objective" in message


def test_a_ph_exceedance_with_an_objective_is_handled_and_the_open_nc_noted(
    tmp_path: Path,
) -> None:
    # The sewer agreement (OBL-011) sets the pH limit; OBJ-004 addresses it.
    root = mutated(tmp_path, *_ph("OBL-011"))
    rule = verdict(root, "exceedances-handled")
    assert rule.status == "warn"
    assert rule.message == (
        "IND-PH read 9.6 on 2026-08-31, outside its limit ≤ 9 pH; its nonconformity NC-2026-007 "
        "is still open"
    )
    assert not messages(root, "EMS342")


def test_an_exceedance_nobody_handled_fails_everywhere(tmp_path: Path) -> None:
    root = mutated(tmp_path, appended(READINGS, "2026-11-05,IND-COD,540,SITE-SZ,\n"))
    reason = (
        "IND-COD read 540 on 2026-11-05, outside its limit ≤ 500 mg/L, and neither an exceedance "
        "incident within 30 days nor a monitoring nonconformity names it"
    )
    rule = verdict(root, "exceedances-handled")
    assert (rule.status, rule.message) == ("fail", reason)
    assert reason in clause(root, "10.2").reasons
    assert messages(root, "EMS342") == [(READINGS, reason)]


# --- 8.1: the RTO run at 720 °C, neighbours complaining, no nonconformity ------------------


def test_a_breach_of_operating_criteria_without_a_nonconformity(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        remove_path("records/nonconformities/NC-2026-006.yaml"),
        replace_in("records/incidents/INC-2026-002.yaml", "nonconformity: NC-2026-006\n", ""),
    )
    unraised = (
        "INC-2026-002 (2026-04-08, complaint) breached the operating criteria of CTL-005 and no "
        "nonconformity names it"
    )
    gap = clause(root, "8.1")
    assert gap.status == "partial"
    assert any(r.startswith(unraised) for r in gap.reasons), gap.reasons
    [(file, message)] = messages(root, "EMS341")
    assert file == "records/incidents/INC-2026-002.yaml" and message.startswith(unraised)
    # ...and the obligations it breached were evaluated compliant afterwards.
    compliance = verdict(root, "compliance-evaluation")
    assert compliance.status == "fail"
    assert (
        "EVA-2026-Q2 (2026-05-19) evaluated OBL-007 compliant after INC-2026-002 (2026-04-08) "
        "breached it" in compliance.message
    )
    assert "EVA-2026-02 (2026-10-14) evaluated OBL-010 compliant after INC-2026-002" in (
        compliance.message
    )
    assert any("evaluated OBL-007 compliant after INC-2026-002" in r for r in gap.reasons)
    assert clause(root, "9.1.2").status == "partial"


def test_a_spill_named_from_the_nonconformity_side_counts(tmp_path: Path) -> None:
    # The link may be written on either record: NC-2026-005's source_ref names INC-2026-001.
    root = mutated(
        tmp_path,
        replace_in("records/incidents/INC-2026-001.yaml", "nonconformity: NC-2026-005\n", ""),
    )
    assert not messages(root, "EMS341")
    root2 = mutated(
        tmp_path / "2",
        replace_in("records/incidents/INC-2026-001.yaml", "nonconformity: NC-2026-005\n", ""),
        replace_in(
            "records/nonconformities/NC-2026-005.yaml", "source_ref: INC-2026-001", "source_ref: X"
        ),
    )
    [(file, message)] = messages(root2, "EMS341")
    assert file == "records/incidents/INC-2026-001.yaml"
    assert message.startswith("INC-2026-001 (2026-02-17, spill) has no nonconformity naming it")


# --- 10.2: closed on 20 November, effectiveness checked on 25 November -------------------


def test_a_nonconformity_closed_before_its_effectiveness_check(tmp_path: Path) -> None:
    nc = "records/nonconformities/NC-2026-004.yaml"
    root = mutated(
        tmp_path,
        replace_in(nc, "due: 2026-12-15}", "due: 2026-12-15, done_on: 2026-11-10}"),
        replace_in(
            nc,
            "status: open",
            "effectiveness: {checked_on: 2026-11-25, effective: true, by: PER-LIU}\n"
            "status: closed\nclosed_on: 2026-11-20",
        ),
    )
    as_of = dt.date(2026, 11, 30)
    reason = (
        "NC-2026-004 was closed on 2026-11-20, before its effectiveness was checked on 2026-11-25"
    )
    assert messages(root, "EMS340", as_of) == [(nc, reason)]
    gap = clause(root, "10.2", as_of)
    assert gap.status == "partial" and reason in gap.reasons
    rule = verdict(root, "open-nonconformities", as_of)
    assert rule.status == "warn" and reason in rule.message


def test_a_nonconformity_closed_with_an_action_open(tmp_path: Path) -> None:
    nc = "records/nonconformities/NC-2026-004.yaml"
    root = mutated(
        tmp_path,
        replace_in(
            nc,
            "status: open",
            "effectiveness: {checked_on: 2026-11-20, effective: true, by: PER-LIU}\n"
            "status: closed\nclosed_on: 2026-11-20",
        ),
    )
    [(_, message)] = messages(root, "EMS340")
    assert (
        message
        == "NC-2026-004 was closed on 2026-11-20 with corrective actions not done by then: 1"
    )
    gap = clause(root, "10.2")
    assert "NC-2026-004's effectiveness was checked on 2026-11-20, before" not in " ".join(
        gap.reasons
    )
    assert gap.status == "partial"


def test_an_effectiveness_check_before_the_actions_were_done(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            "records/nonconformities/NC-2026-003.yaml",
            "effectiveness: {checked_on: 2026-09-16",
            "effectiveness: {checked_on: 2026-03-25",
        ),
        replace_in(
            "records/nonconformities/NC-2026-003.yaml",
            "closed_on: 2026-09-16",
            "closed_on: 2026-04-05",
        ),
    )
    gap = clause(root, "10.2")
    assert gap.status == "partial"
    assert (
        "NC-2026-003's effectiveness was checked on 2026-03-25, before its last corrective action "
        "was done on 2026-04-02" in gap.reasons
    )


def test_ready_json_carries_not_applicable_where_there_is_no_exceedance() -> None:
    import json

    from conftest import run_cli

    result = run_cli("ready", "--repo", str(SAMPLE), "--as-of", AS_OF.isoformat(), "-f", "json")
    assert result.returncode == 0, result.stderr
    rules = {r["id"]: r for r in json.loads(result.stdout)["rules"]}
    assert rules["exceedances-handled"]["status"] == "not-applicable"
    assert rules["no-failed-inspection"]["status"] == "pass"
