"""The auditor's casebook for dates: a past --as-of reads the repository as it stood that day
(records dated later did not exist yet, in check, gap and ready alike); a record dated after
today is an error; evaluations fall due from the later of the obligation's effective date and
the EMS start; the certification stages and planned dates show in the due windows.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from conftest import AS_OF, SAMPLE, appended, replace_in, run_cli

from emskit.commands.check import run_check
from emskit.commands.due import run_due
from emskit.commands.gap import run_gap
from emskit.commands.ready import run_ready

TODAY = AS_OF  # conftest fixes EMSKIT_TODAY to this day for every emskit the tests start
PAST = dt.date(2026, 5, 1)


def test_a_past_as_of_leaves_out_what_had_not_happened_yet() -> None:
    findings = run_check(SAMPLE, PAST, today=TODAY).findings
    [left_out] = [f for f in findings if f.code == "EMS204"]
    assert left_out.severity.name == "INFO" and left_out.file == "emskit.yaml"
    assert left_out.message == (
        "65 records dated after the as-of date 2026-05-01 are left out as not yet existing "
        "(dated up to 2026-10-31)"
    )
    # Nothing left out is reported as a future date...
    assert not [f for f in findings if f.code == "EMS203"]
    # ...and the readiness verdicts read the same repository: the audit of May did not exist.
    verdicts = {v.id: v for v in run_ready(SAMPLE, PAST, today=TODAY).verdicts}
    assert "AUD-2026-01" not in verdicts["internal-audit"].ids
    # NC-2026-003 (raised 18 March) was still open then: its closure of 16 September is later.
    assert "NC-2026-003" in verdicts["open-nonconformities"].ids
    gap = {c.clause.number: c for c in run_gap(SAMPLE, PAST, today=TODAY).clauses}
    assert "AUD-2025-01" in {e.id for e in gap["9.2"].evidence}
    assert "AUD-2026-01" not in {e.id for e in gap["9.2"].evidence}


def test_without_today_nothing_is_left_out() -> None:
    # A library call that does not read the clock judges every record (and dates after the
    # as-of date are EMS203 errors, as before).
    findings = run_check(SAMPLE, PAST).findings
    assert not [f for f in findings if f.code == "EMS204"]
    assert [f for f in findings if f.code == "EMS203"]


def test_one_info_line_says_how_many_were_left_out_on_the_command_line() -> None:
    result = run_cli(
        "check", "--repo", str(SAMPLE), "--as-of", "2026-10-01", "--format", "json", "--no-cache"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    hits = [f for f in report["findings"] if f["code"] == "EMS204"]
    assert len(hits) == 1
    assert (
        "dated after the as-of date 2026-10-01 are left out as not yet existing"
        in (hits[0]["message"])
    )
    assert hits[0]["severity"] == "info"


def test_a_record_dated_after_today_is_still_an_error(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    appended("monitoring/data/2026.csv", "2026-11-25,IND-VOC,0.61,SITE-SZ,\n")(root)
    findings = run_check(root, PAST, today=TODAY).findings
    [future] = [f for f in findings if f.code == "EMS203"]
    assert future.message == "reading of IND-VOC dated 2026-11-25, after today 2026-11-22"


def test_evaluations_fall_due_from_the_ems_start_not_a_2021_permit(tmp_path: Path) -> None:
    # An EMS live in 2026, a permit effective since 2021, never evaluated: due one period
    # after the EMS started, not "1,615 days overdue".
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    replace_in("emskit.yaml", "operating_since: 2025-03-01", "operating_since: 2026-02-01")(root)
    for name in ("EVA-2025-01", "EVA-2025-Q2", "EVA-2025-Q3", "EVA-2025-Q4", "EVA-2026-Q1"):
        (root / "records" / "evaluations" / f"{name}.yaml").unlink()
    replace_in(
        "obligations/permits-and-local.yaml", "effective: 2019-07-16", "effective: 2021-05-01"
    )(root)
    items = [d.item for d in run_due(root, AS_OF).items]
    evaluations = [i for i in items if i.kind == "compliance-evaluation"]
    assert evaluations and all(i.due >= dt.date(2026, 2, 1) for i in evaluations), evaluations
    verdict = {v.id: v for v in run_ready(root, AS_OF).verdicts}["compliance-evaluation"]
    assert "1615 days" not in verdict.message and "1,615" not in verdict.message


def test_stage_2_and_planned_dates_show_in_the_due_windows(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    replace_in(
        "emskit.yaml",
        "  stage1: 2026-12-08\n",
        "  stage1: 2026-12-08\n  stage2: {start: 2026-12-15, end: 2026-12-17}\n",
    )(root)
    soon = {d.item.id for d in run_due(root, AS_OF, "P30D").items if d.state != "later"}
    assert {"stage-1", "stage-2"} <= soon
    within = {d.item.id for d in run_due(root, AS_OF, "P6M").items if d.state != "later"}
    assert "AP-2027-01" in within  # the planned internal audit of 2027-05-11


def test_gap_and_ready_say_the_same_on_one_info_line() -> None:
    for command in ("gap", "ready"):
        result = run_cli(command, "--repo", str(SAMPLE), "--as-of", "2026-05-01")
        assert "Traceback" not in result.stderr
        lines = [line for line in result.stderr.splitlines() if "left out" in line]
        assert lines == [
            "emskit: info: 65 records dated after the as-of date 2026-05-01 are left out as not "
            "yet existing (dated up to 2026-10-31)"
        ], result.stderr


def test_a_reference_to_a_record_not_yet_raised_is_not_dangling(tmp_path: Path) -> None:
    # The incident of 8 April names the nonconformity raised the next day: on 8 April that
    # nonconformity did not exist yet, which is not a broken reference.
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    nc = "records/nonconformities/NC-2026-006.yaml"
    replace_in(nc, "raised: 2026-04-08", "raised: 2026-04-09")(root)
    findings = run_check(root, dt.date(2026, 4, 8), today=TODAY).findings
    assert not [f for f in findings if f.code == "EMS104"], [f.message for f in findings]
    # ...while as it stood, the incident had no nonconformity yet.
    assert [f.file for f in findings if f.code == "EMS341"] == [
        "records/incidents/INC-2026-002.yaml"
    ]
    # Without today nothing is left out, and the reference resolves.
    assert not [f for f in run_check(root, dt.date(2026, 4, 8)).findings if f.code == "EMS104"]


def test_due_and_status_read_a_past_as_of_as_check_gap_and_ready_do() -> None:
    # On 1 May the management review of June had not been held, so none of its actions can
    # be due; and the audit of 12 May is not "dated after the as-of date" (EMS203): on 1 May it
    # simply had not happened yet.
    from emskit.commands.status import run_status

    due = {d.item.id for d in run_due(SAMPLE, PAST, "P30D", today=TODAY).items}
    unfiltered = {d.item.id for d in run_due(SAMPLE, PAST, "P30D").items}
    assert "MR-2026-01/ACT-103" in unfiltered - due
    steps = run_status(SAMPLE, PAST, today=TODAY).steps
    assert steps, "a status on 1 May still has work to list"
    assert not [s for s in steps if "EMS203" in s.message]
    assert [s for s in run_status(SAMPLE, PAST).steps if "EMS203" in s.message]


def test_status_and_due_on_the_command_line_leave_out_what_had_not_happened() -> None:
    for command in ("status", "due"):
        result = run_cli(
            command, "--repo", str(SAMPLE), "--as-of", "2026-05-01", "--format", "json"
        )
        assert "Traceback" not in result.stderr
        assert "EMS203" not in result.stdout
        assert "ACT-103" not in result.stdout, command
