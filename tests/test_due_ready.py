"""emskit due and emskit ready: period arithmetic, each due-date kind, the certification cycle,
the calendar file, and every readiness rule passing and failing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, BASE_CONFIG, SAMPLE, appended, remove_path, replace_in, run_cli

from emskit.calendar.periods import add, add_months
from emskit.certification.cycle import all_due_items
from emskit.commands.ready import run_ready
from emskit.repo.loader import load_repository

D = dt.date


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        (D(2026, 1, 31), "P1M", D(2026, 2, 28)),  # month end clamps
        (D(2028, 1, 31), "P1M", D(2028, 2, 29)),  # leap year
        (D(2024, 2, 29), "annual", D(2025, 2, 28)),  # 29 February + a year
        (D(2024, 2, 29), "P4Y", D(2028, 2, 29)),
        (D(2026, 8, 31), "quarterly", D(2026, 11, 30)),
        (D(2026, 12, 15), "P1M", D(2027, 1, 15)),  # across the year
        (D(2026, 1, 1), "P2W", D(2026, 1, 15)),
        (D(2026, 1, 1), "P1Y2M3D", D(2027, 3, 4)),
        (D(2026, 3, 31), "semiannual", D(2026, 9, 30)),
    ],
)
def test_period_arithmetic(start: dt.date, period: str, expected: dt.date) -> None:
    assert add(start, period) == expected


def test_months_backwards() -> None:
    assert add_months(D(2029, 7, 31), -6) == D(2029, 1, 31)
    assert add_months(D(2029, 7, 31), -5) == D(2029, 2, 28)


def _repo(tmp_path: Path, files: dict[str, str], config: dict[str, Any] | None = None) -> Path:
    import yaml

    root = tmp_path / "repo"
    for rel, text in {"emskit.yaml": yaml.safe_dump(config or BASE_CONFIG), **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _dues(root: Path, as_of: dt.date = AS_OF) -> dict[tuple[str, str], dt.date]:
    return {(i.kind, i.id): i.due for i in all_due_items(load_repository(root), as_of)}


KINDS_REPO = {
    "obligations/o.yaml": "obligations:\n"
    "  - {id: OBL-1, type: legal, title: Law, requirement: R, evaluation_frequency: annual}\n"
    "  - {id: OBL-2, type: permit, title: Permit, requirement: R, evaluation_frequency: P6M, effective: 2026-01-31, expires: 2027-06-30}\n"
    "  - {id: OBL-3, type: legal, title: Future law, requirement: R, status: pending, evaluation_frequency: annual}\n",
    "records/evaluations/E.yaml": "id: EVA-1\ndate: 2026-01-31\nevaluator: X\nresults:\n  - {obligation: OBL-1, result: compliant}\n",
    "documents/p.md": "---\nid: DOC-1\ntitle: Procedure\ntype: procedure\napproved_by: X\napproved_on: 2025-12-31\n"
    "review_interval: P1Y\nstatus: approved\n---\n# P\n",
    "monitoring/indicators.yaml": "indicators: []\nequipment:\n  - {id: EQ-1, name: Meter, calibrated_on: 2026-08-31, calibration_interval: P6M}\n",
    "emergency/s.yaml": "scenarios:\n  - {id: EMG-1, scenario: Spill, drill_frequency: annual}\n",
    "records/drills/DRL-1.yaml": "id: DRL-1\nscenario: EMG-1\ndate: 2025-10-15\n",
    "audits/programme.yaml": "audits:\n  - {id: AP-1, planned: 2026-05-12}\n  - {id: AP-2, planned: 2027-05-11}\n",
    "records/audits/A.yaml": "id: AUD-1\nplanned_as: AP-1\ndate: 2026-05-12\nauditors: [X]\n",
    "records/reviews/MR-1.yaml": "id: MR-1\ndate: 2026-02-29\nchair: X\n".replace("02-29", "02-28")
    + "outputs: {actions: [{id: ACT-1, what: Buy kit, due: 2026-12-01}]}\n",
    "records/nonconformities/NC-1.yaml": "id: NC-1\nraised: 2026-09-01\nsource: other\ndescription: D\n"
    "corrective_actions: [{id: CA-1, what: Fix, due: 2026-10-31}, {what: Done, due: 2026-10-01, done_on: 2026-09-20}]\n",
    "objectives/o.yaml": "objectives:\n  - {id: OBJ-1, title: T, addresses: [OBL-1], owner: X, target: {value: 1, by: 2027-03-31},"
    " actions: [{id: ACT-9, what: Plan, due: 2027-01-31}]}\n",
}


def test_each_due_date_kind(tmp_path: Path) -> None:
    config = {**BASE_CONFIG, "ems": {**BASE_CONFIG["ems"], "operating_since": "2025-03-01"}}
    dues = _dues(_repo(tmp_path, KINDS_REPO, config))
    assert dues == {
        ("compliance-evaluation", "OBL-1"): D(2027, 1, 31),  # last evaluation + annual
        ("compliance-evaluation", "OBL-2"): D(2026, 7, 31),  # never evaluated: effective + P6M
        ("obligation-expiry", "OBL-2"): D(2027, 6, 30),
        ("document-review", "DOC-1"): D(2026, 12, 31),
        ("calibration", "EQ-1"): D(2027, 2, 28),  # 31 August + 6 months, clamped
        ("drill", "EMG-1"): D(2026, 10, 15),
        ("internal-audit", "AP-2"): D(2027, 5, 11),  # AP-1 is done
        ("management-review", "MR-1"): D(2027, 2, 28),
        ("review-action", "MR-1/ACT-1"): D(2026, 12, 1),
        ("corrective-action", "NC-1/CA-1"): D(2026, 10, 31),  # the done action is not due
        ("objective-action", "OBJ-1/ACT-9"): D(2027, 1, 31),
        ("objective-target", "OBJ-1"): D(2027, 3, 31),
    }


CERTIFIED = {
    **BASE_CONFIG,
    "certification": {
        "status": "certified",
        "stage1": "2026-06-10",
        "stage2": {"start": "2026-07-08", "end": "2026-07-10"},
        "decision": "2026-08-01",
        "certificate": {"number": "X1", "issued": "2026-08-01", "expires": "2029-07-31"},
        "surveillance": [{"due": "2027-07-31", "done": "2027-06-15"}],
    },
}


def test_certification_cycle_of_a_certified_organisation(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        {},
        {**CERTIFIED, "certification": {**CERTIFIED["certification"], "surveillance": []}},
    )
    dues = _dues(root, D(2026, 11, 22))
    assert dues[("surveillance", "surveillance-1")] == D(2027, 8, 1)  # 12 months after the decision
    assert dues[("surveillance", "surveillance-2")] == D(
        2028, 12, 31
    )  # once in the calendar year 2028
    assert ("surveillance", "surveillance-3") not in dues  # 2029 is the recertification year
    assert dues[("recertification", "recertification")] == D(2029, 4, 30)  # 3 months before expiry
    assert dues[("certificate-expiry", "certificate")] == D(2029, 7, 31)
    done = _dues(_repo(tmp_path / "b", {}, CERTIFIED), D(2027, 11, 22))
    assert ("surveillance", "surveillance-1") not in done  # recorded as done
    assert done[("surveillance", "surveillance-2")] == D(2028, 12, 31)


def test_certificate_expiry_defaults_to_three_years(tmp_path: Path) -> None:
    cert = {"status": "certified", "decision": "2026-08-01"}
    dues = _dues(_repo(tmp_path, {}, {**BASE_CONFIG, "certification": cert}))
    assert dues[("certificate-expiry", "certificate")] == D(2029, 7, 31)


def test_stage_two_and_nonconformity_deadlines(tmp_path: Path) -> None:
    files = {
        "records/audits/S1.yaml": "id: AUD-S1\ntype: certification\ndate: 2026-06-10\nauditors: [Body]\n"
        "findings: [{id: F1, type: nonconformity, description: X, nonconformity: NC-1}]\n",
        "records/audits/S2.yaml": "id: AUD-S2\ntype: certification\ndate: 2026-07-08\nauditors: [Body]\n"
        "findings: [{id: F2, type: nonconformity, grade: major, description: Y, nonconformity: NC-2},"
        " {id: F3, type: nonconformity, grade: minor, description: Z, nonconformity: NC-3}]\n",
        **{
            f"records/nonconformities/NC-{n}.yaml": f"id: NC-{n}\nraised: 2026-07-10\nsource: audit\ndescription: D\n"
            for n in (1, 2, 3)
        },
    }
    only_stage1 = {**BASE_CONFIG, "certification": {"status": "applied", "stage1": "2026-06-10"}}
    dues = _dues(_repo(tmp_path / "a", files, only_stage1), D(2026, 7, 1))
    assert dues[("stage-2", "stage-2")] == D(2026, 9, 10)
    assert dues[("nonconformity-closure", "NC-1")] == D(2026, 9, 10)
    both = {
        **BASE_CONFIG,
        "certification": {
            "status": "applied",
            "stage1": "2026-06-10",
            "stage2": {"start": "2026-07-08", "end": "2026-07-10"},
        },
    }
    dues = _dues(_repo(tmp_path / "b", files, both), D(2026, 8, 1))
    assert ("stage-2", "stage-2") not in dues
    assert dues[("nonconformity-closure", "NC-2")] == D(
        2027, 1, 10
    )  # major: 6 months after stage 2
    assert ("nonconformity-closure", "NC-3") not in dues  # minor: verified at the next audit


def test_due_command_window_filters_and_exit_code() -> None:
    result = run_cli(
        "due",
        "--repo",
        str(SAMPLE),
        "--as-of",
        "2026-11-22",
        "--within",
        "P30D",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["items"]
    assert {i["state"] for i in items} == {"due", "later"}
    assert all(i["due"] <= "2026-12-22" for i in items if i["state"] == "due")
    only = run_cli(
        "due",
        "--repo",
        str(SAMPLE),
        "--as-of",
        "2026-11-22",
        "--kind",
        "drill",
        "--owner",
        "ROLE-EHS",
        "--format",
        "json",
    )
    assert [(i["kind"], i["id"]) for i in json.loads(only.stdout)["items"]] == [
        ("drill", "EMG-001")
    ]
    late = run_cli("due", "--repo", str(SAMPLE), "--as-of", "2027-09-01")
    assert late.returncode == 1 and "Overdue (before 2027-09-01)" in late.stdout
    bad = run_cli("due", "--repo", str(SAMPLE), "--within", "90 days")
    assert bad.returncode == 2 and "--within" in bad.stderr


def test_ics_parses_and_uids_are_stable(tmp_path: Path) -> None:
    import icalendar

    first = run_cli("due", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--format", "ics")
    calendar = icalendar.Calendar.from_ical(first.stdout)
    events = list(calendar.walk("VEVENT"))
    json_items = json.loads(
        run_cli("due", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--format", "json").stdout
    )["items"]
    assert len(events) == len(json_items) > 30
    event = next(e for e in events if "EMG-001" in str(e["SUMMARY"]))
    assert event["DTSTART"].dt == D(2027, 6, 17) and "Fire in the chemical store" in str(
        event["SUMMARY"]
    )
    raw = subprocess.run(
        [
            sys.executable,
            "-m",
            "emskit",
            "due",
            "--repo",
            str(SAMPLE),
            "--as-of",
            "2026-11-22",
            "--format",
            "ics",
        ],
        capture_output=True,
        check=False,
    ).stdout
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)  # every line ends with CRLF
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    # A later run, after a new drill moved the due date: same UID, new date.
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    (root / "records/drills/DRL-2026-09.yaml").write_text(
        "id: DRL-2026-09\nscenario: EMG-001\ndate: 2026-11-01\nparticipants: [PER-ZHOU]\noutcome: Fine\n",
        encoding="utf-8",
    )
    second = icalendar.Calendar.from_ical(
        run_cli("due", "--repo", str(root), "--as-of", "2026-11-22", "--format", "ics").stdout
    )
    moved = next(e for e in second.walk("VEVENT") if "EMG-001" in str(e["SUMMARY"]))
    assert moved["UID"] == event["UID"] and moved["DTSTART"].dt == D(2027, 11, 1)
    again = run_cli("due", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--format", "ics")
    assert again.stdout == first.stdout  # reproducible


# --- readiness ------------------------------------------------------------------------------


def _copy(tmp_path: Path, edit=None) -> Path:  # type: ignore[no-untyped-def]
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    if edit:
        edit(root)
    return root


_edit, _remove = replace_in, remove_path


AFTER = D(2026, 11, 22)
# rule -> (edit for a failing repository, as-of, words of the reason)
FAILING = {
    "operating-period": (
        _edit("emskit.yaml", "operating_since: 2025-03-01", "operating_since: 2026-10-01"),
        AFTER,
        "3 months on 2027-01-01",
    ),
    "internal-audit": (
        _edit("records/audits/AUD-2026-01.yaml", "clauses: all", 'clauses: ["4.1", "8.1"]'),
        AFTER,
        "no complete internal audit",
    ),
    "management-review": (
        _remove("records/reviews/MR-2026-01.yaml"),
        AFTER,
        "no management review on or after",
    ),
    "compliance-evaluation": (
        _remove("records/evaluations"),
        AFTER,
        "OBL-001 has never been evaluated: at its frequency (annual) it was due by 2026-03-01",
    ),
    "no-pollution-incident": (
        _edit("records/incidents/INC-2026-001.yaml", "pollution: false", "pollution: true"),
        AFTER,
        "INC-2026-001 on 2026-02-17 was a pollution incident, in the 12 months from 2025-11-22",
    ),
    "no-failed-inspection": (
        _edit("records/inspections/INS-2026-01.yaml", "result: passed", "result: failed"),
        AFTER,
        "authority inspection INS-2026-01 on 2026-06-18 failed, in the 12 months from "
        "2025-11-22 to 2026-11-22, and names no action",
    ),
    "exceedances-handled": (
        appended("monitoring/data/2026.csv", "2026-11-05,IND-COD,540,SITE-SZ,\n"),
        AFTER,
        "IND-COD read 540 on 2026-11-05, outside its limit ≤ 500 mg/L, and neither",
    ),
    "mandatory-documents": (_remove("risks.yaml"), AFTER, "risks and opportunities (6.1.1)"),
    "open-nonconformities": (
        _edit("records/nonconformities/NC-2026-004.yaml", "due: 2026-12-15", "due: 2026-11-01"),
        AFTER,
        "corrective actions overdue: NC-2026-004/",
    ),
    "significant-aspects-controlled": (
        _edit(
            "emskit.yaml",
            "  preset: multi-factor-cn\n",
            "  preset: multi-factor-cn\n  threshold: 12\n",
        ),
        AFTER,
        "significant aspect ASP-003 has no control, objective or indicator",
    ),
    "objectives-on-track": (_remove("monitoring/data"), AFTER, "has no progress readings"),
    "competence-evidenced": (
        _remove("records/training/TRN-2026-001.yaml"),
        AFTER,
        "PER-GAO (ROLE-PAINTER) is not evidenced for CMP-004",
    ),
    "hazardous-waste": (
        _edit("waste/hazardous-waste.yaml", "expires: 2027-09-30", "expires: 2026-09-30"),
        AFTER,
        "WST-001 goes to CON-001, whose licence JSSZ0505OOD012-4 expired on 2026-09-30",
    ),
    "chemicals-msds": (
        _remove("evidence/msds/thinner-xylene.md"),
        AFTER,
        "CHEM-003: MSDS evidence/msds/thinner-xylene.md does not exist",
    ),
    "application-materials": (_remove("evidence/eia"), AFTER, "files not found: evidence/eia/"),
}


def test_every_readiness_rule_has_a_failing_case() -> None:
    from emskit.certification.readiness import RULES

    assert {rule.__name__.replace("_", "-") for rule, _ in RULES} == set(FAILING)


@pytest.mark.parametrize("rule", sorted(FAILING))
def test_readiness_rule_fails_for_the_right_reason(rule: str, tmp_path: Path) -> None:
    edit, as_of, reason = FAILING[rule]
    verdicts = {v.id: v for v in run_ready(_copy(tmp_path, edit), as_of).verdicts}
    assert verdicts[rule].status == "fail", verdicts[rule]
    assert reason in verdicts[rule].message


def test_sample_org_passes_every_rule_after_its_records() -> None:
    result = run_ready(SAMPLE, AFTER)
    statuses = {v.id: v.status for v in result.verdicts}
    assert result.ready
    assert statuses.pop("open-nonconformities") == "warn"  # NC-2026-004, actions on time
    assert statuses.pop("exceedances-handled") == "not-applicable"  # no reading over a limit
    assert set(statuses.values()) == {"pass"}


def test_open_nonconformities_passes_without_open_ones(tmp_path: Path) -> None:
    root = _copy(tmp_path, _remove("records/nonconformities/NC-2026-004.yaml"))
    assert {v.id: v.status for v in run_ready(root, AFTER).verdicts}[
        "open-nonconformities"
    ] == "pass"


def test_incident_rule_outside_china_looks_back_twelve_months(tmp_path: Path) -> None:
    root = _copy(tmp_path, _edit("emskit.yaml", "jurisdiction: CN", "jurisdiction: DE"))
    ids = [v.id for v in run_ready(root, AFTER).verdicts]
    assert "application-materials" not in ids  # China only


def test_ready_depends_on_the_as_of_date() -> None:
    before = run_cli("ready", "--repo", str(SAMPLE), "--as-of", "2026-05-01", "--format", "json")
    assert before.returncode == 1
    failing = {r["id"] for r in json.loads(before.stdout)["rules"] if r["status"] == "fail"}
    assert {"internal-audit", "management-review"} <= failing
    after = run_cli("ready", "--repo", str(SAMPLE), "--as-of", "2026-11-22", "--format", "json")
    assert after.returncode == 0 and json.loads(after.stdout)["ready"] is True
    rule = next(r for r in json.loads(after.stdout)["rules"] if r["id"] == "management-review")
    assert rule["status"] == "pass" and "MR-2026-01" in rule["ids"] and rule["clauses"] == ["9.3"]


# --- audit time -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("personnel", "complexity", "initial", "surveillance", "recertification"),
    [
        (3, "high", 3, 1, 2),  # 1-5 band: 3 / 2.5 / 2.5 / 2.5 (domain notes)
        (5, "limited", 2.5, 1, 1.5),
        (210, "high", 13, 4.5, 8.5),  # 176-275 band: 13 / 10 / 7 / 5 (domain notes)
        (276, "medium", 11, 3.5, 7.5),  # the next band starts at 276
        (200, "limited", 5, 1.5, 3.5),
    ],
)
def test_audit_time_from_the_md5_table(
    personnel: int, complexity: str, initial: float, surveillance: float, recertification: float
) -> None:
    from emskit.certification.audit_time import estimate

    result = estimate(personnel, complexity)
    assert (result.initial, result.surveillance, result.recertification) == (
        initial,
        surveillance,
        recertification,
    )


def test_audit_time_reduction_and_sampling() -> None:
    from emskit.certification.audit_time import estimate, sample_sizes

    assert estimate(210, "high", reduction=30).initial == 9  # 13 x 0.7 = 9.1 -> nearest half day
    assert sample_sizes(1) == (1, 1, 1)
    assert sample_sizes(10) == (4, 2, 3)  # sqrt(10) = 3.16; 0.6 x 3.16 = 1.9; 0.8 x 3.16 = 2.5
    assert sample_sizes(25) == (5, 3, 4)


def test_audit_time_command_reads_the_organisation() -> None:
    result = run_cli(
        "audit-time", "--repo", str(SAMPLE), "--complexity", "high", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["estimate"] is True and document["personnel"] == 210 and document["sites"] == 2
    assert document["initial"] == 13 and "IAF MD 5" in document["source"]
    text = run_cli("audit-time", "--repo", str(SAMPLE), "--complexity", "high")
    assert "ESTIMATE" in text.stdout and "certification body decides" in text.stdout
    too_much = run_cli(
        "audit-time", "--repo", str(SAMPLE), "--complexity", "high", "--reduction", "40"
    )
    assert too_much.returncode == 2 and "at most 30" in too_much.stderr


def test_application_materials_as_mappings_count_validity_and_not_applicable(tmp_path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    replace_in("emskit.yaml", "valid_until: 2028-06-14", "valid_until: 2026-06-14")(root)
    result = run_cli("ready", "--repo", str(root), "--as-of", "2026-11-22")
    assert result.returncode == 1, result.stdout
    assert "discharge_permit (expired)" in result.stdout
    replace_in(
        "emskit.yaml",
        "discharge_permit: {files: [evidence/permits/discharge-permit.md], number: "
        "91320594MA1X000000001V, valid_until: 2026-06-14}",
        "discharge_permit: {not_applicable: Registration only (登记管理)}",
    )(root)
    result = run_cli("ready", "--repo", str(root), "--as-of", "2026-11-22")
    assert "application-materials           pass" in result.stdout, result.stdout
