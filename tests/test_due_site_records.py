"""emskit due and its calendar file hold the on-site records' dates and the audits of the
certification cycle, stage 1 included."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import icalendar
import yaml
from conftest import AS_OF, SAMPLE, run_cli

D = dt.date


def _events(root: Path, as_of: str = AS_OF.isoformat()) -> dict[str, icalendar.Event]:
    result = run_cli("due", "--repo", str(root), "--as-of", as_of, "--within", "P5Y", "-f", "ics")
    assert "Traceback" not in result.stderr, result.stderr
    calendar = icalendar.Calendar.from_ical(result.stdout)
    return {
        str(e["CATEGORIES"].cats[0]) + " " + str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")
    }


def _one(events: dict[str, icalendar.Event], kind: str, text: str) -> icalendar.Event:
    found = [e for key, e in events.items() if key.startswith(kind + " ") and text in key]
    assert len(found) == 1, (kind, text, sorted(events))
    return found[0]


def test_the_sample_calendar_holds_every_new_kind_and_stage_1() -> None:
    events = _events(SAMPLE)
    assert _one(events, "stage-1", "Stage 1 audit")["DTSTART"].dt == D(2026, 12, 8)
    licence = _one(events, "contractor-licence", "JSSZ0505OOD012-4")
    assert licence["DTSTART"].dt == D(2027, 9, 30)
    assert _one(events, "contractor-contract", "Xinyuan")["DTSTART"].dt == D(2026, 12, 31)
    # CHEM-003's MSDS, revised 2025-06-12, ages out after the default P5Y.
    assert _one(events, "msds-revision", "Paint thinner")["DTSTART"].dt == D(2030, 6, 12)
    # WST-002 (dross) has a P6M limit and its last transfer is 2026-10-15.
    assert _one(events, "waste-storage", "dross")["DTSTART"].dt == D(2027, 4, 15)
    assert _one(events, "licence-expiry", "JS-HW-2025-0342")["DTSTART"].dt == D(2028, 2, 28)
    assert _one(events, "material-expiry", "discharge permit")["DTSTART"].dt == D(2028, 6, 14)
    step = _one(events, "implementation-step", "certification-audit")
    assert step["DTSTART"].dt == D(2027, 1, 15)
    assert "implementation.yaml" in str(step["DESCRIPTION"])
    # Done steps are not due again.
    assert not [k for k in events if k.startswith("implementation-step") and "diagnosis" in k]


def test_stage_2_scheduled_and_surveillance_and_recertification(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    config = yaml.safe_load((root / "emskit.yaml").read_text(encoding="utf-8"))
    config["certification"].update(
        {"stage1": "2026-12-08", "stage2": {"start": "2027-01-18", "end": "2027-01-20"}}
    )
    (root / "emskit.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    events = _events(root)
    assert _one(events, "stage-1", "Stage 1")["DTSTART"].dt == D(2026, 12, 8)
    assert _one(events, "stage-2", "Stage 2 audit")["DTSTART"].dt == D(2027, 1, 18)
    # Once both are held and a decision taken, the cycle's audits take over.
    config["certification"].update({"status": "certified", "decision": "2027-03-01"})
    (root / "emskit.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    later = _events(root, "2027-03-02")
    assert not [k for k in later if k.startswith(("stage-1 ", "stage-2 "))]
    assert _one(later, "surveillance", "Surveillance audit 1")["DTSTART"].dt == D(2028, 3, 1)
    assert _one(later, "recertification", "Recertification")["DTSTART"].dt == D(2029, 11, 28)


def test_expired_contract_and_material_are_overdue_and_warned_once(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    result = run_cli("due", "--repo", str(root), "--as-of", "2027-01-10", "-f", "json")
    items = {(i["kind"], i["id"]): i for i in json.loads(result.stdout)["items"]}
    assert items[("contractor-contract", "CON-001")]["state"] == "overdue"
    assert result.returncode == 1
    check = run_cli("check", "--repo", str(root), "--as-of", "2027-01-10", "-f", "json")
    found = json.loads(check.stdout)["findings"]
    contract = [f for f in found if "CON-001" in f["ids"] and f["code"] == "EMS502"]
    assert len(contract) == 1 and contract[0]["file"] == "waste/hazardous-waste.yaml"
    # The MSDS, storage and licence dates have their own rules: no second, generic finding.
    late = run_cli("check", "--repo", str(root), "--as-of", "2031-01-10", "-f", "json")
    generic = [f for f in json.loads(late.stdout)["findings"] if f["code"] == "EMS503"]
    assert not [f for f in generic if f["ids"][0].startswith(("CHEM-", "WST-", "PER-"))]
