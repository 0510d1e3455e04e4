"""The auditor's casebook for compliance and operational control: each case is a copy of the
sample organisation changed the way a real file goes wrong, and the verdict an auditor would
give it (ready, gap and check), with the reason asserted.

Subjects: compliance evaluation (9.1.2), monitoring of the limits obligations set (9.1.1),
the China application materials, empty evidence, hazardous waste, chemicals and their MSDS,
significant aspects, the not-applicable status, due windows.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from casebook import clause, mutated, verdict
from conftest import AS_OF, SAMPLE, appended, emptied, findings, remove_path, replace_in, run_cli

from emskit.commands.due import run_due
from emskit.commands.gap import run_gap
from emskit.commands.ready import run_ready

WASTE = "waste/hazardous-waste.yaml"
CHEMICALS = "chemicals/die-casting-chemicals.yaml"


def codes(root: Path, code: str) -> list[tuple[str, str]]:
    return [(f.file, f.message) for f in findings(root) if f.code == code]


# --- the sample stays clean for every subject of this casebook ------------------------------


def test_the_sample_is_ready_and_met_on_every_subject() -> None:
    verdicts = {v.id: v for v in run_ready(SAMPLE, AS_OF).verdicts}
    for rule in (
        "compliance-evaluation",
        "significant-aspects-controlled",
        "hazardous-waste",
        "chemicals-msds",
        "application-materials",
    ):
        assert verdicts[rule].status == "pass", verdicts[rule]
    clauses = {c.clause.number: c.status for c in run_gap(SAMPLE, AS_OF).clauses}
    assert {clauses[n] for n in ("6.1.4", "8.1", "8.2", "9.1.1", "9.1.2")} == {"met"}
    assert not [f for f in findings(SAMPLE) if f.code in ("EMS107", "EMS303", "EMS320")]


# --- application materials and empty evidence ----------------------------------------------


def test_a_discharge_permit_and_compliance_certificate_emptied_to_0_bytes(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        emptied("evidence/permits/discharge-permit.md"),
        emptied("evidence/legal/eeb-compliance-statement-2026.md"),
    )
    rule = verdict(root, "application-materials")
    assert rule.status == "fail"
    assert (
        "discharge_permit: evidence/permits/discharge-permit.md empty (0 bytes or only blanks)"
        in rule.message
    )
    assert (
        "compliance_certificate: evidence/legal/eeb-compliance-statement-2026.md empty"
        in rule.message
    )
    empty = codes(root, "EMS107")
    # The permit is the application's material and OBL-007's evidence; the certificate only
    # the application's.
    assert sorted(file for file, _ in empty) == [
        "emskit.yaml",
        "emskit.yaml",
        "obligations/permits-and-local.yaml",
    ]
    assert (
        "obligations/permits-and-local.yaml",
        "OBL-007: evidence evidence/permits/discharge-permit.md is empty (0 bytes or only "
        "blanks): file the real document",
    ) in empty
    assert run_cli("ready", "--repo", str(root), "--as-of", "2026-11-22").returncode == 1


def test_a_compliance_certificate_of_blank_lines_is_as_empty(tmp_path: Path) -> None:
    root = mutated(
        tmp_path, emptied("evidence/legal/eeb-compliance-statement-2026.md", b" \n\n\t\n")
    )
    rule = verdict(root, "application-materials")
    assert rule.status == "fail" and "compliance_certificate" in rule.message
    assert [file for file, _ in codes(root, "EMS107")] == ["emskit.yaml"]


def test_the_pack_lists_an_empty_material_as_not_present(tmp_path: Path) -> None:
    from emskit.documents.context import PackContext
    from emskit.documents.reports import application_materials
    from emskit.repo.loader import load_repository

    root = mutated(tmp_path, emptied("evidence/permits/discharge-permit.md"))
    document = application_materials(PackContext(load_repository(root), AS_OF))
    rows = {row[1]: row[2] for row in document.tables[0].rows}
    assert rows["evidence/permits/discharge-permit.md"] == "no"
    assert rows["evidence/legal/business-licence.md"] == "yes"


def test_a_material_that_may_not_be_not_applicable(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            "emskit.yaml",
            "compliance_certificate: [evidence/legal/eeb-compliance-statement-2026.md]",
            "compliance_certificate: {not_applicable: The bureau issues none}",
        ),
    )
    rule = verdict(root, "application-materials")
    assert rule.status == "fail"
    assert "compliance_certificate cannot be declared not applicable" in rule.message


# --- compliance evaluation (9.1.2) ----------------------------------------------------------


def test_seven_months_between_quarterly_evaluations(tmp_path: Path) -> None:
    # OBL-008 (quarterly manifests) is on time today, but nobody evaluated it between
    # December and July.
    root = mutated(
        tmp_path,
        remove_path("records/evaluations/EVA-2026-Q1.yaml"),
        remove_path("records/evaluations/EVA-2026-Q2.yaml"),
    )
    reason = (
        "OBL-008 was evaluated on 2025-12-10 and next on 2026-07-08, 210 days later: at its "
        "frequency (quarterly) it was due by 2026-03-10"
    )
    rule = verdict(root, "compliance-evaluation")
    assert rule.status == "fail" and reason in rule.message
    assert "OBL-008" in rule.ids and "OBL-007" in rule.ids  # semiannual: due by 2026-06-10
    gap = clause(root, "9.1.2")
    assert gap.status == "partial" and reason in gap.reasons
    # The calendar only knows the current due date, which is fine: no overdue finding.
    assert not [m for _, m in codes(root, "EMS501") if "OBL-008" in m]


def test_a_lapse_older_than_twelve_months_is_for_earlier_audits(tmp_path: Path) -> None:
    root = mutated(tmp_path, remove_path("records/evaluations/EVA-2025-Q3.yaml"))
    # 2025-05-27 to 2025-11-18 ended more than 12 months before the as-of date.
    assert verdict(root, "compliance-evaluation").status == "pass"
    late = verdict(root, "compliance-evaluation", dt.date(2026, 11, 1))
    assert late.status == "fail" and "2025-05-27 and next on 2025-11-18" in late.message


def test_evaluation_due_counted_from_the_ems_start_not_a_2021_permit(tmp_path: Path) -> None:
    permit = (
        "  - id: OBL-030\n    type: permit\n    title: Boiler operating permit\n"
        "    requirement: Operate the boiler within its permit\n    effective: 2021-05-22\n"
        "    evaluation_frequency: annual\n    owner: ROLE-EHS\n"
    )
    root = mutated(
        tmp_path,
        replace_in("emskit.yaml", "operating_since: 2025-03-01", "operating_since: 2026-05-01"),
        appended("obligations/permits-and-local.yaml", permit),
    )
    dues = {(d.item.kind, d.item.id): d for d in run_due(root, AS_OF).items}
    item = dues[("compliance-evaluation", "OBL-030")]
    assert item.item.due == dt.date(2027, 5, 1) and item.state == "later"  # 2026-05-01 + 1 year
    assert not [m for _, m in codes(root, "EMS501") if "OBL-030" in m]  # was "1615 days overdue"
    assert verdict(root, "compliance-evaluation").status == "pass"
    # The same permit in an EMS live since 2021 is overdue, counted from its effective date.
    old = mutated(
        tmp_path / "old",
        replace_in("emskit.yaml", "operating_since: 2025-03-01", "operating_since: 2021-01-04"),
        appended("obligations/permits-and-local.yaml", permit),
    )
    rule = verdict(old, "compliance-evaluation")
    assert rule.status == "fail"
    assert (
        "OBL-030 has never been evaluated: at its frequency (annual) it was due by 2022-05-22, "
        "1645 days ago" in rule.message
    )


def test_pending_and_not_applicable_obligations_are_never_due(tmp_path: Path) -> None:
    pending = (
        "  - {id: OBL-031, type: legal, title: New VOC rule, requirement: Lower VOC limit, "
        "status: pending, effective: 2027-07-01}\n"
        "  - {id: OBL-032, type: legal, title: Old rule, requirement: Nothing here, "
        "status: not-applicable, evaluation_frequency: quarterly}\n"
    )
    root = mutated(tmp_path, appended("obligations/permits-and-local.yaml", pending))
    assert verdict(root, "compliance-evaluation").status == "pass"
    kinds = {(d.item.kind, d.item.id) for d in run_due(root, AS_OF, within="P10Y").items}
    assert not {("compliance-evaluation", "OBL-031"), ("compliance-evaluation", "OBL-032")} & kinds


def test_no_obligations_at_all_fails(tmp_path: Path) -> None:
    root = mutated(tmp_path, remove_path("obligations"))
    rule = verdict(root, "compliance-evaluation")
    assert rule.status == "fail" and "no applicable obligation to evaluate" in rule.message


def test_a_partial_result_without_action(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            "records/evaluations/EVA-2026-02.yaml",
            "{obligation: OBL-012, result: compliant}",
            "{obligation: OBL-012, result: partial, note: North boundary 66 dB(A) at night}",
        ),
    )
    rule = verdict(root, "compliance-evaluation")
    assert rule.status == "fail"
    assert "EVA-2026-02 (2026-10-14) found OBL-012 partial and names no action" in rule.message


def test_partial_result_with_closed_action_and_no_re_evaluation(tmp_path: Path) -> None:
    # NC-2025-001 put OBL-013 (hazard labels) right and was closed on 2026-03-02; the annual
    # evaluation that confirmed it is taken out.
    root = mutated(
        tmp_path,
        replace_in(
            "records/evaluations/EVA-2026-02.yaml",
            "  - {obligation: OBL-013, result: compliant}\n",
            "",
        ),
    )
    reason = (
        "EVA-2025-01 found OBL-013 partial; its action NC-2025-001 was closed on 2026-03-02 but "
        "OBL-013 has not been evaluated again since: evaluate it to confirm it is now met"
    )
    assert codes(root, "EMS320") == [("records/evaluations/EVA-2025-01.yaml", reason)]
    gap = clause(root, "9.1.2")
    assert gap.status == "partial" and reason in gap.reasons
    # Evaluated again after the closure: nothing to say.
    fixed = mutated(
        tmp_path / "fixed",
        replace_in(
            "records/evaluations/EVA-2026-Q1.yaml",
            "  - {obligation: OBL-008, result: compliant}\n",
            "  - {obligation: OBL-008, result: compliant}\n  - {obligation: OBL-013, result: compliant}\n",
        ),
        replace_in(
            "records/evaluations/EVA-2026-02.yaml",
            "  - {obligation: OBL-013, result: compliant}\n",
            "",
        ),
    )
    # EVA-2026-Q1 (2026-02-24) is before the closure on 2026-03-02: still not confirmed.
    assert [f for f, _ in codes(fixed, "EMS320")] == ["records/evaluations/EVA-2025-01.yaml"]


# --- monitoring of the limits obligations set (9.1.1) ---------------------------------------


def test_a_permit_limit_no_longer_measured(tmp_path: Path) -> None:
    def drop_noise(root: Path) -> None:
        data = root / "monitoring/data/2026.csv"
        lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
        data.write_text(
            "".join(line for line in lines if "IND-NOISE" not in line), encoding="utf-8"
        )

    root = mutated(
        tmp_path,
        drop_noise,
        replace_in(
            "records/monitoring-reports/MON-2026-Q3.yaml",
            "  - {indicator: IND-NOISE, value: 61.4, point: N2}\n",
            "",
        ),
    )
    gap = clause(root, "9.1.1")
    assert gap.status == "partial"
    assert any(
        r.startswith(
            "IND-NOISE monitors the limit ≤ 65 dB(A) that OBL-012 set, but its last "
            "reading is of 2025-"
        )
        for r in gap.reasons
    ), gap.reasons


def test_a_permit_limit_never_measured_in_twelve_months(tmp_path: Path) -> None:
    root = mutated(
        tmp_path, remove_path("monitoring/data"), remove_path("records/monitoring-reports")
    )
    reasons = clause(root, "9.1.1").reasons
    assert (
        "IND-COD monitors the limit ≤ 500 mg/L that OBL-007, OBL-011 set, but has no reading in "
        "the 12 months before 2026-11-22" in reasons
    )


def test_monitoring_equipment_past_its_calibration(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            "monitoring/indicators.yaml", "calibrated_on: 2026-02-20", "calibrated_on: 2025-02-20"
        ),
    )
    gap = clause(root, "9.1.1")
    assert gap.status == "partial"
    assert (
        "EQ-02 was last calibrated on 2025-02-20: at its interval (annual) it was due by 2026-02-20"
        in gap.reasons
    )


# --- hazardous waste, chemicals --------------------------------------------------------------


def test_a_hazardous_stream_whose_contractor_licence_expired(tmp_path: Path) -> None:
    root = mutated(tmp_path, replace_in(WASTE, "expires: 2027-09-30", "expires: 2026-09-30"))
    rule = verdict(root, "hazardous-waste")
    assert rule.status == "fail"
    for stream in ("WST-001", "WST-002", "WST-003"):
        assert (
            f"{stream} goes to CON-001, whose licence JSSZ0505OOD012-4 expired on 2026-09-30"
            in rule.message
        )
    assert (
        "waste transfer WT-2026-014 on 2026-10-15 to CON-001: its licence expired on 2026-09-30"
        in rule.message
    )
    assert [f for f, _ in codes(root, "EMS606")] == ["records/waste-transfers/WT-2026-014.yaml"]


def test_hazardous_waste_without_a_contract(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            WASTE,
            "    contract: {signed: 2026-01-02, expires: 2026-12-31, evidence: "
            "[evidence/contracts/hazardous-waste-contract-2026.md]}\n",
            "",
        ),
    )
    rule = verdict(root, "hazardous-waste")
    assert (
        rule.status == "fail"
        and "WST-001 goes to CON-001, with which no contract is recorded" in rule.message
    )


def test_no_hazardous_waste_is_not_applicable_in_every_consumer(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        remove_path("waste"),
        remove_path("records/waste-transfers"),
        remove_path("chemicals"),
    )
    result = run_cli("ready", "--repo", str(root), "--as-of", "2026-11-22", "--format", "json")
    assert result.returncode == 0, result.stdout
    document = json.loads(result.stdout)
    statuses = {r["id"]: r["status"] for r in document["rules"]}
    assert statuses["hazardous-waste"] == "not-applicable"
    assert statuses["chemicals-msds"] == "not-applicable"
    assert document["ready"] is True
    text = run_cli("ready", "--repo", str(root), "--as-of", "2026-11-22").stdout
    assert "hazardous-waste                 n/a     no hazardous waste stream is recorded" in text
    assert "emskit ready: ready to apply" in text

    from emskit.commands.status import run_status
    from emskit.documents.context import PackContext
    from emskit.documents.reports import readiness_report
    from emskit.repo.loader import load_repository

    status = run_status(root, AS_OF)
    assert status.ready and not [s for s in status.steps if "hazardous" in str(s).lower()]
    rows = readiness_report(PackContext(load_repository(root), AS_OF)).tables[0].rows
    assert ("Hazardous waste", "not applicable") in {row[:2] for row in rows}
    chinese = mutated(tmp_path / "zh", replace_in("emskit.yaml", "language: en", "language: zh-CN"))
    remove_path("waste")(chinese)
    remove_path("records/waste-transfers")(chinese)
    rows = readiness_report(PackContext(load_repository(chinese), AS_OF)).tables[0].rows
    assert ("危险废物", "不适用") in {row[:2] for row in rows}


def test_not_applicable_in_the_portfolio_and_its_pages(tmp_path: Path) -> None:
    from ems_git import commit_all, git

    root = mutated(tmp_path, remove_path("waste"), remove_path("records/waste-transfers"))
    git(root, "init", "-q")
    commit_all(root, "an organisation without hazardous waste")
    out = tmp_path / "site"
    result = run_cli(
        "portfolio", str(root), "--as-of", "2026-11-22", "--format", "json", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["repositories"]
    assert row["ready"] is True and "hazardous-waste" not in row["failing_rules"]
    pages = [p.read_text(encoding="utf-8") for p in out.rglob("ready*.html")]
    assert any('<tr class="not-applicable" data-rule="hazardous-waste">' in page for page in pages)


def test_a_chemical_without_msds(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            CHEMICALS,
            "    msds: {file: evidence/msds/thinner-xylene.md, revised: 2025-06-12, "
            "posted_at_use: true}\n",
            "",
        ),
    )
    reason = "hazardous chemical CHEM-003 has no MSDS"
    rule = verdict(root, "chemicals-msds")
    assert rule.status == "fail" and reason in rule.message and rule.ids == ["CHEM-003"]
    assert [(f, reason in m) for f, m in codes(root, "EMS601")] == [(CHEMICALS, True)]


def test_a_significant_emergency_aspect_with_no_scenario(tmp_path: Path) -> None:
    # ASP-020 (fire in the chemical store) keeps its control CTL-008, but no scenario
    # prepares for it.
    root = mutated(
        tmp_path,
        replace_in("emergency/scenarios.yaml", "aspects: [ASP-020], ", ""),
    )
    reason = (
        "significant aspect ASP-020 arises under emergency conditions and no emergency scenario "
        "names it"
    )
    rule = verdict(root, "significant-aspects-controlled")
    assert rule.status == "fail" and reason in rule.message and rule.ids == ["ASP-020"]
    assert [(f, reason in m) for f, m in codes(root, "EMS303")] == [
        ("aspects/facilities.yaml", True)
    ]
    assert any(reason in r for r in clause(root, "6.1.4").reasons)


# --- due windows ----------------------------------------------------------------------------


def test_a_future_stage_2_and_a_planned_audit_fall_in_the_due_window(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            "emskit.yaml",
            "  stage1: 2026-12-08\n",
            "  stage1: 2026-10-20\n  stage2: {start: 2026-12-10, end: 2026-12-12}\n",
        ),
    )
    states = {(d.item.kind, d.item.id): d.state for d in run_due(root, AS_OF, within="P30D").items}
    assert states[("stage-2", "stage-2")] == "due"
    assert ("stage-1", "stage-1") not in states  # held on 2026-10-20
    assert states[("internal-audit", "AP-2027-01")] == "later"
    wide = {(d.item.kind, d.item.id): d.state for d in run_due(root, AS_OF, within="P6M").items}
    assert wide[("internal-audit", "AP-2027-01")] == "due"  # planned 2027-05-11
    narrow = {(d.item.kind, d.item.id): d.state for d in run_due(root, AS_OF, within="P10D").items}
    assert narrow[("stage-2", "stage-2")] == "later"


def test_diff_shows_a_rule_becoming_not_applicable(tmp_path: Path) -> None:
    from ems_git import commit_all, sample_repository

    root = sample_repository(tmp_path / "ems")
    remove_path("waste")(root)
    remove_path("records/waste-transfers")(root)
    commit_all(root, "no more hazardous waste")
    result = run_cli(
        "diff", "HEAD~1", "HEAD", "--repo", str(root), "--as-of", "2026-11-22", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    changes = [(c["rule"], c["before"], c["after"]) for c in json.loads(result.stdout)["readiness"]]
    assert changes == [("hazardous-waste", "pass", "not-applicable")]


def test_an_obligation_never_evaluated_with_no_date_to_count_from(make_repo) -> None:  # type: ignore[no-untyped-def]
    obligation = (
        "obligations:\n  - {id: OBL-001, type: legal, title: Air law, requirement: Treat VOC, "
        "evaluation_frequency: annual}\n"
    )
    root = make_repo({"obligations/o.yaml": obligation})
    rule = verdict(root, "compliance-evaluation")
    assert rule.status == "fail"
    assert "OBL-001 has never been evaluated, and neither its effective date nor" in rule.message
