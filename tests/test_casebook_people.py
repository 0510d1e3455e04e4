"""The auditor's casebook for people and planning: each case is a copy of the sample
organisation changed the way a real record goes wrong, and the verdict an auditor would give
it (ready, gap and check), with the reason asserted.

Subjects: the internal audit cycle (9.2), the management review (9.3), objectives against
their baseline and target (6.2), competence per person and requirement (7.2), the clause of a
dangling reference, an emergency scenario that cannot be drilled (8.2).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casebook import clause, mutated, verdict
from conftest import AS_OF, SAMPLE, appended, findings, remove_path, replace_in

from emskit.commands.due import run_due
from emskit.commands.gap import run_gap
from emskit.commands.ready import run_ready

AUDIT = "records/audits/AUD-2026-01.yaml"
REVIEW = "records/reviews/MR-2026-01.yaml"
OBJECTIVES = "objectives/2026.yaml"
READINGS = "monitoring/data/2026.csv"
SCENARIOS = "emergency/scenarios.yaml"


def has(reasons: list[str], words: str) -> bool:
    return any(words in reason for reason in reasons)


# --- the sample stays clean for every subject of this casebook ------------------------------


def test_the_sample_is_ready_and_met_on_every_subject() -> None:
    verdicts = {v.id: v for v in run_ready(SAMPLE, AS_OF).verdicts}
    for rule in ("internal-audit", "management-review", "objectives-on-track"):
        assert verdicts[rule].status == "pass", verdicts[rule]
    competence = verdicts["competence-evidenced"]
    assert competence.status == "pass", competence
    assert "PER-TANG" in competence.ids and "PER-GAO" in competence.ids
    clauses = {c.clause.number: c.status for c in run_gap(SAMPLE, AS_OF).clauses}
    assert {clauses[n] for n in ("6.2", "7.2", "8.2", "9.2", "9.3")} == {"met"}
    assert not [f for f in findings(SAMPLE) if f.code in ("EMS104", "EMS330")]


# --- the internal audit cycle (9.2) ---------------------------------------------------------


def _second_half(tmp_path: Path) -> Path:
    """AUD-2026-01 covers only the clauses AUD-2025-01 did not: the two make one cycle."""
    from emskit.clauses.catalogue import catalogue, clause_covered

    first = ["4.1", "4.2", "5.2", "6.1.2", "6.1.3", "8.1", "8.2", "9.1.1"]
    rest = [
        c.number for c in catalogue("2015+A1:2024").assessed if not clause_covered(c.number, first)
    ]
    listed = "[" + ", ".join(f'"{n}"' for n in rest) + "]"
    return mutated(tmp_path, replace_in(AUDIT, "clauses: all", f"clauses: {listed}"))


def test_two_consecutive_audits_that_together_cover_every_clause_are_a_cycle(
    tmp_path: Path,
) -> None:
    root = _second_half(tmp_path)
    as_of = dt.date(2026, 11, 15)  # AUD-2025-01 ended on 2025-11-19, within 12 months
    audit = verdict(root, "internal-audit", as_of)
    assert audit.status == "pass", audit  # failed before: no single audit covered all
    assert audit.message == (
        "AUD-2025-01, AUD-2026-01 covered every clause, the last finished 2026-05-14"
    )
    assert audit.ids == ["AUD-2025-01", "AUD-2026-01"]
    review = verdict(root, "management-review", as_of)
    assert review.status == "pass" and review.ids == ["AUD-2026-01", "MR-2026-01"]
    assert clause(root, "9.2", as_of).status == "met"


def test_half_a_cycle_more_than_twelve_months_back_is_no_cycle(tmp_path: Path) -> None:
    root = _second_half(tmp_path)
    audit = verdict(root, "internal-audit")  # 2026-11-22: AUD-2025-01 ended 2025-11-19
    assert audit.status == "fail"
    assert (
        "the internal audits that ended since 2025-11-22 (AUD-2026-01) leave clauses 4.1, 4.2, "
        "5.2, 6.1.2, 6.1.3, 8.1, 8.2, 9.1.1 unaudited" in audit.message
    )
    assert verdict(root, "management-review").status == "fail"


def test_gap_reads_the_cycle_of_the_audit_programme(tmp_path: Path) -> None:
    # The programme runs 2025-2027: its two audits together cover every clause (9.2 met),
    # though for a certification application the cycle must fit in the last 12 months.
    root = _second_half(tmp_path)
    assert clause(root, "9.2").status == "met"
    one_year = _second_half(tmp_path / "2026")
    replace_in("audits/programme.yaml", "period: 2025-2027", "period: 2026")(one_year)
    gap = clause(one_year, "9.2")  # AUD-2025-01 was before this programme's cycle
    assert gap.status == "partial"
    assert (
        "clauses no internal audit covered in the cycle: 4.1, 4.2, 5.2, 6.1.2, 6.1.3, 8.1, "
        "8.2, 9.1.1" in gap.reasons
    )


def test_an_audit_with_findings_and_no_conclusion(tmp_path: Path) -> None:
    for conclusion in ("", "conclusion: TBD\n"):
        root = mutated(
            tmp_path / repr(conclusion),
            replace_in(
                AUDIT,
                "conclusion: The EMS conforms and is effectively implemented, with two minor "
                "nonconformities\n",
                conclusion,
            ),
        )
        reason = (
            "AUD-2026-01 has findings (4) but no conclusion (the audit report): write what the "
            "audit concluded"
        )
        rule = verdict(root, "internal-audit")
        assert rule.status == "fail" and reason in rule.message, rule
        assert rule.ids == ["AUD-2026-01"]
        gap = clause(root, "9.2")
        assert gap.status == "partial" and reason in gap.reasons


def test_the_quality_manager_auditing_her_own_document_control_alone(tmp_path: Path) -> None:
    root = mutated(
        tmp_path, replace_in(AUDIT, "auditors: [PER-WANG, PER-HE]", "auditors: [PER-WANG]")
    )
    rule = verdict(root, "internal-audit")
    assert rule.status == "fail"
    assert (
        "AUD-2026-01 was audited only by PER-WANG, who answer for DOC-PRO-01 (ROLE-QA) on the "
        "audited clauses 7.5: auditors do not audit their own work" in rule.message
    )
    assert "DOC-PRO-08 (ROLE-QA) on the audited clauses 9.2" in rule.message
    # And the customers' requirements she owns as an obligation (6.1.3).
    assert "who answer for OBL-016 (ROLE-QA) on the audited clauses 6.1.3" in rule.message
    assert rule.ids == ["AUD-2026-01", "DOC-PRO-01", "DOC-PRO-08", "OBL-016"]
    assert has(clause(root, "9.2").reasons, "who answer for DOC-PRO-01")
    # With PER-HE on the team, someone looked at document control from outside: objective.
    assert verdict(SAMPLE, "internal-audit").status == "pass"


# --- the management review (9.3) ------------------------------------------------------------


def test_review_inputs_written_as_placeholders_and_the_risks_input_removed(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            REVIEW,
            "  resources: Maintenance staffing for the RTO is sufficient after training\n",
            '  resources: "-"\n',
        ),
        replace_in(
            REVIEW,
            "  opportunities: Heat recovery from the RTO to the pre-treatment baths\n",
            "  opportunities: TBD\n",
        ),
        replace_in(REVIEW, "  communications: [COM-2026-001]\n", "  communications: n/a\n"),
        replace_in(REVIEW, "  risks: [RSK-001, RSK-003, RSK-007]\n", ""),
    )
    expected = [
        "MR-2026-01 does not cover the input 'resources': it says '-', a placeholder, not what "
        "the review considered",
        "MR-2026-01 does not cover the input 'communications': it says 'n/a', a placeholder",
        "MR-2026-01 does not cover the input 'opportunities': it says 'TBD', a placeholder",
        "MR-2026-01 does not cover the input 'risks'",  # an input in 2015 too
    ]
    rule = verdict(root, "management-review")
    assert rule.status == "fail" and rule.ids == ["MR-2026-01"]
    for words in expected:
        assert words in rule.message, (words, rule.message)
    gap = clause(root, "9.3")
    assert gap.status == "partial"
    for words in expected:
        assert has(gap.reasons, words), (words, gap.reasons)


def test_chinese_placeholders_blanks_and_an_empty_list_are_no_content(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            REVIEW,
            "  changes: Odour complaint in April; bureau inspection passed in June; climate "
            "change kept as a relevant issue after the May floods\n",
            "  changes: 待定\n",
        ),
        replace_in(
            REVIEW,
            "  objectives: OBJ-001 and OBJ-002 on track; OBJ-003 behind plan until the "
            "recycling unit started in May\n",
            '  objectives: "   "\n',
        ),
        replace_in(REVIEW, "  previous_actions: [ACT-101]\n", "  previous_actions: []\n"),
    )
    message = verdict(root, "management-review").message
    assert "the input 'changes': it says '待定', a placeholder" in message
    assert "the input 'objectives': it says ''" in message
    assert "the input 'previous_actions': it says '[]'" in message


def test_review_outputs_that_decide_nothing(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            REVIEW,
            '  conclusions: {en: "The EMS is suitable, adequate and effective; apply for '
            'certification in Q4 2026", zh-CN: 环境管理体系适宜、充分、有效；2026年第四季度申请认证}\n',
            "  conclusions: {en: TBD, zh-CN: 待定}\n",
        ),
        replace_in(REVIEW, "  changes: None to the EMS structure\n", ""),
    )
    rule = verdict(root, "management-review")
    assert rule.status == "fail"
    assert "MR-2026-01 records no output 'conclusions' (absent, empty or a placeholder)" in (
        rule.message
    )
    assert "MR-2026-01 records no output 'changes'" in rule.message
    assert has(clause(root, "9.3").reasons, "records no output 'conclusions'")


def test_a_missed_objective_needs_the_action_decided(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            OBJECTIVES,
            "    target: {value: 5.1, by: 2027-06-30}",
            "    target: {value: 5.1, by: 2026-06-01}",
        ),
        replace_in(
            OBJECTIVES,
            "    evaluation: Monthly tonnes from the hazardous waste ledger and manifests\n    status: active",
            "    evaluation: Monthly tonnes from the hazardous waste ledger and manifests\n    status: missed",
        ),
        replace_in(REVIEW, "  objectives_not_achieved: OBJ-003 plan extended with ACT-008\n", ""),
    )
    rule = verdict(root, "management-review")
    assert rule.status == "fail"
    assert "MR-2026-01 records no output 'objectives_not_achieved'" in rule.message


# --- objectives (6.2) -----------------------------------------------------------------------


def test_an_energy_objective_worse_than_its_baseline_two_months_before_its_date(
    tmp_path: Path,
) -> None:
    root = mutated(
        tmp_path,
        replace_in(READINGS, "2026-10-31,IND-ELEC-INT,1160,", "2026-10-31,IND-ELEC-INT,1313,"),
    )
    reason = "OBJ-002 reads 1313 kWh/t on 2026-10-31, worse than its baseline 1250; target 1150 by 2026-12-31"
    rule = verdict(root, "objectives-on-track")
    assert rule.status == "fail" and reason in rule.message and rule.ids == ["OBJ-002"]
    gap = clause(root, "6.2")
    assert gap.status == "partial" and reason in gap.reasons
    assert not run_ready(root, AS_OF).ready


def test_an_objective_behind_its_straight_line_is_a_warning(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(READINGS, "2026-10-31,IND-ELEC-INT,1160,", "2026-10-31,IND-ELEC-INT,1190,"),
    )
    rule = verdict(root, "objectives-on-track")
    assert rule.status == "warn"
    assert (
        "OBJ-002 reads 1190 kWh/t on 2026-10-31, behind the straight line from its baseline 1250 "
        "to its target 1150 by 2026-12-31, which stands at 1166.71 on that date" in rule.message
    )
    assert clause(root, "6.2").status == "partial"


def test_worse_than_baseline_early_in_the_period_is_only_behind(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(READINGS, "2026-02-28,IND-ELEC-INT,1147,", "2026-02-28,IND-ELEC-INT,1262,"),
    )
    # On 2026-03-15 the latest reading (February) is worse than the baseline, but a quarter
    # of the year has not passed: behind the line, not yet failing.
    rule = verdict(root, "objectives-on-track", dt.date(2026, 3, 15))
    assert rule.status == "warn" and "OBJ-002 reads 1262 kWh/t on 2026-02-28, behind" in (
        rule.message
    )


def test_a_decrease_objective_whose_target_is_above_its_baseline(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            OBJECTIVES,
            "target: {value: 1150, by: 2026-12-31}",
            "target: {value: 1300, by: 2026-12-31}",
        ),
    )
    reason = (
        "OBJ-002 is to decrease, but its target 1300 is above its baseline 1250: reaching it "
        "would mean getting worse"
    )
    rule = verdict(root, "objectives-on-track")
    assert rule.status == "fail" and reason in rule.message
    assert clause(root, "6.2").status == "partial" and reason in clause(root, "6.2").reasons
    hits = [(f.file, f.line, f.message) for f in findings(root) if f.code == "EMS330"]
    assert hits == [(OBJECTIVES, 23, reason)]


def test_an_increase_objective_whose_target_is_below_its_baseline(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            OBJECTIVES,
            "    target: {value: 0.64, by: 2026-12-31}\n    direction: decrease",
            "    target: {value: 0.64, by: 2026-12-31}\n    direction: increase",
        ),
    )
    reason = "OBJ-001 is to increase, but its target 0.64 is below its baseline 0.8"
    assert reason in verdict(root, "objectives-on-track").message
    assert [f.ids for f in findings(root) if f.code == "EMS330"] == [("OBJ-001",)]


def test_an_objective_recorded_achieved_that_its_readings_do_not_show(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            OBJECTIVES,
            "    evaluation: Monthly kWh per tonne from the energy ledger\n    status: active",
            "    evaluation: Monthly kWh per tonne from the energy ledger\n    status: achieved",
        ),
    )
    gap = clause(root, "6.2")
    assert gap.status == "partial"
    assert (
        "OBJ-002 is recorded achieved, but its indicator reads 1160 kWh/t on 2026-10-31, short "
        "of its target 1150" in gap.reasons
    )


def test_an_objective_without_a_baseline_cannot_show_progress(tmp_path: Path) -> None:
    root = mutated(
        tmp_path, replace_in(OBJECTIVES, "    baseline: {value: 1250, date: 2025-12-31}\n", "")
    )
    rule = verdict(root, "objectives-on-track")
    assert rule.status == "fail" and "OBJ-002 has no a baseline" in rule.message


# --- competence (7.2) -----------------------------------------------------------------------


def test_the_painters_training_deleted(tmp_path: Path) -> None:
    root = mutated(tmp_path, remove_path("records/training/TRN-2026-001.yaml"))
    rule = verdict(root, "competence-evidenced")
    assert rule.status == "fail"
    for person in ("PER-GAO", "PER-LUO"):
        assert (
            f"{person} (ROLE-PAINTER) is not evidenced for CMP-004 (Safe solvent handling, HVLP "
            f"technique, spill response): no passed training record names CMP-004 with {person} "
            "attending" in rule.message
        )
    assert rule.ids == ["CMP-004", "PER-GAO", "PER-LUO"]
    gap = clause(root, "7.2")
    assert gap.status == "partial" and has(gap.reasons, "PER-GAO (ROLE-PAINTER)")
    from emskit.commands.status import run_status

    [step] = [s for s in run_status(root, AS_OF).steps if "competence-evidenced" in s.message]
    assert step.level == "fail" and step.act == "emskit new training"


def test_the_wastewater_operator_training_deleted(tmp_path: Path) -> None:
    root = mutated(tmp_path, remove_path("records/training/TRN-2026-003.yaml"))
    rule = verdict(root, "competence-evidenced")
    assert rule.status == "fail" and rule.ids == ["CMP-006", "PER-TANG"]
    assert "PER-TANG (ROLE-WWT) is not evidenced for CMP-006" in rule.message


def test_the_internal_auditor_training_deleted(tmp_path: Path) -> None:
    root = mutated(tmp_path, remove_path("records/training/TRN-2025-003.yaml"))
    rule = verdict(root, "competence-evidenced")
    # PER-WANG and PER-HE audited AUD-2025-01 and AUD-2026-01 without evidenced competence.
    assert rule.status == "fail"
    assert "PER-WANG (ROLE-AUD) is not evidenced for CMP-002" in rule.message
    assert "PER-HE (ROLE-AUD) is not evidenced for CMP-002" in rule.message
    assert "PER-LIU (ROLE-EMR) is not evidenced for CMP-001" in rule.message
    assert has(clause(root, "7.2").reasons, "PER-HE (ROLE-AUD)")


def test_the_hazardous_waste_training_deleted(tmp_path: Path) -> None:
    root = mutated(tmp_path, remove_path("records/training/TRN-2025-002.yaml"))
    rule = verdict(root, "competence-evidenced")
    # The EHS engineer is not a special position: an auditor notes it. The hazardous waste
    # handler PER-WU still holds her valid provincial certificate for CMP-005.
    assert rule.status == "warn" and rule.ids == ["CMP-003", "PER-HUANG"]
    assert "PER-HUANG (ROLE-EHS) is not evidenced for CMP-003" in rule.message
    assert clause(root, "7.2").status == "partial"
    expired = mutated(
        tmp_path / "expired",
        remove_path("records/training/TRN-2025-002.yaml"),
        replace_in("roles.yaml", "expires: 2028-02-28", "expires: 2026-02-28"),
    )
    rule = verdict(expired, "competence-evidenced")
    assert rule.status == "fail"
    assert (
        "PER-WU (ROLE-HWH) is not evidenced for CMP-005 (Classification, packing, labelling and "
        "manifests of hazardous waste): no passed training record names CMP-005 with PER-WU "
        "attending, and PER-WU holds no valid licence for it (Provincial hazardous waste "
        "management training certificate)" in rule.message
    )


def test_a_new_painter_without_pre_job_training(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        appended("roles.yaml", "  - {id: PER-NEW, name: Qian Bo, roles: [ROLE-PAINTER]}\n"),
    )
    rule = verdict(root, "competence-evidenced")
    assert rule.status == "fail" and rule.ids == ["CMP-004", "PER-NEW"]
    assert "PER-NEW (ROLE-PAINTER) is not evidenced for CMP-004" in rule.message


def test_one_passed_training_evidences_nobody_else(tmp_path: Path) -> None:
    # The painters' test failed: other passed training in the EMS proves nothing for them.
    root = mutated(
        tmp_path,
        replace_in(
            "records/training/TRN-2026-001.yaml", "assessment: passed", "assessment: failed"
        ),
    )
    rule = verdict(root, "competence-evidenced")
    assert rule.status == "fail" and "PER-GAO (ROLE-PAINTER)" in rule.message


def test_training_out_of_date_and_not_yet_held(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            "competence.yaml",
            "special_position: true}\n  - {id: CMP-005",
            "special_position: true, valid_for: P6M}\n  - {id: CMP-005",
        ),
    )
    rule = verdict(root, "competence-evidenced")
    assert rule.status == "fail"
    assert (
        "PER-GAO (ROLE-PAINTER) was last trained for CMP-004 by TRN-2026-001 on 2026-01-14; valid "
        "for P6M, that lapsed on 2026-07-14" in rule.message
    )
    # Before TRN-2026-003 was held, the wastewater operator was not evidenced.
    early = verdict(SAMPLE, "competence-evidenced", dt.date(2026, 5, 1))
    assert (
        early.status == "fail"
        and "PER-TANG (ROLE-WWT) is not evidenced for CMP-006" in early.message
    )


# --- the clause of a dangling reference -----------------------------------------------------


def test_a_dangling_reference_bears_on_the_clause_of_what_it_names(tmp_path: Path) -> None:
    root = mutated(
        tmp_path,
        replace_in(
            "aspects/machining.yaml",
            "    obligations: [OBL-004, OBL-013]\n    controls: [CTL-003, CTL-004]",
            "    obligations: [OBL-004, OBL-099]\n    controls: [CTL-003, CTL-099]",
        ),
    )
    dangling = {
        f.message.split(" names ")[1].split(",")[0]: f.clauses
        for f in findings(root)
        if f.code == "EMS104"
    }
    assert dangling == {"obligation OBL-099": ("6.1.3",), "control CTL-099": ("8.1",)}


# --- an emergency scenario that cannot be drilled (8.2) -------------------------------------


def _undrilled(tmp_path: Path, reason: str | None) -> Path:
    field = "" if reason is None else f", drill_not_practicable: {reason}"
    return mutated(
        tmp_path,
        remove_path("records/drills/DRL-2025-04.yaml"),
        remove_path("records/drills/DRL-2026-05.yaml"),
        replace_in(
            SCENARIOS,
            'log the event", drill_frequency: annual, owner: ROLE-MAINT}',
            f'log the event", drill_frequency: annual{field}, owner: ROLE-MAINT}}',
        ),
    )


def test_a_scenario_not_practicable_to_drill_with_its_reason(tmp_path: Path) -> None:
    never = _undrilled(tmp_path / "never", None)
    gap = clause(never, "8.2")
    assert gap.status == "partial" and "EMG-004 has never been tested by a drill" in gap.reasons
    reason = '"Tripping the RTO with the booths running releases VOC: tested by a walk-through"'
    accepted = _undrilled(tmp_path / "accepted", reason)
    assert clause(accepted, "8.2").status == "met"
    kinds = {(d.item.kind, d.item.id) for d in run_due(accepted, AS_OF, within="P10Y").items}
    assert ("drill", "EMG-004") not in kinds
    hollow = _undrilled(tmp_path / "hollow", "TBD")
    gap = clause(hollow, "8.2")
    assert gap.status == "partial"
    assert (
        "EMG-004 is declared not practicable to drill without a reason (drill_not_practicable): "
        "say why, or drill it" in gap.reasons
    )


def test_an_objective_with_no_reading_since_its_baseline(tmp_path: Path) -> None:
    def drop_energy(root: Path) -> None:
        data = root / READINGS
        lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
        data.write_text("".join(x for x in lines if "IND-ELEC-INT" not in x), encoding="utf-8")

    root = mutated(tmp_path, drop_energy)
    rule = verdict(root, "objectives-on-track")
    assert rule.status == "fail"
    assert (
        "OBJ-002: its latest reading (1244 kWh/t on 2025-12-31) is not after its baseline of "
        "2025-12-31: no progress towards its target 1150 by 2026-12-31 is measured" in rule.message
    )


def test_a_placeholder_scope_is_no_scope(tmp_path: Path) -> None:
    # The one placeholder predicate the reviews use decides the scope too.
    def tbd_scope(root: Path) -> None:
        config = root / "emskit.yaml"
        text = config.read_text(encoding="utf-8")
        start, end = text.index("  scope:\n"), text.index("  operating_since:")
        config.write_text(text[:start] + "  scope: TBD\n" + text[end:], encoding="utf-8")

    root = mutated(tmp_path, tbd_scope)
    rule = verdict(root, "mandatory-documents")
    assert rule.status == "fail" and "scope" in rule.message
    assert clause(root, "4.3").status == "missing"
    assert [
        f.file for f in findings(root) if "the EMS scope is still the placeholder" in f.message
    ] == ["emskit.yaml"]
