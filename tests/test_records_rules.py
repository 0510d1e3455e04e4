"""The rules of the on-site records (chemicals, waste, inspections, distribution, licences):
the sample org passes each, and one mutation of it fails each, for its reason, at the value."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE, appended, check_json, emptied, findings, remove_path, replace_in

CHEMICALS = "chemicals/die-casting-chemicals.yaml"
WASTE = "waste/hazardous-waste.yaml"
Mutation = Callable[[Path], None]


# code -> (mutations, file of the finding, words of its reason, the end of its location)
MUTATIONS: dict[str, tuple[tuple[Mutation, ...], str, str, tuple[str | int, ...]]] = {
    "EMS107": (
        (emptied("evidence/calibration/eq-01-2026.md"),),
        "monitoring/indicators.yaml",
        "EQ-01: evidence evidence/calibration/eq-01-2026.md is empty (0 bytes or only blanks)",
        ("equipment", 0, "evidence", 0),
    ),
    "EMS320": (
        (
            replace_in(
                "records/evaluations/EVA-2026-02.yaml",
                "  - {obligation: OBL-013, result: compliant}\n",
                "",
            ),
        ),
        "records/evaluations/EVA-2025-01.yaml",
        "EVA-2025-01 found OBL-013 partial; its action NC-2025-001 was closed on 2026-03-02 but "
        "OBL-013 has not been evaluated again since",
        ("results", 12),
    ),
    "EMS601": (
        (remove_path("evidence/msds/thinner-xylene.md"),),
        CHEMICALS,
        "MSDS evidence/msds/thinner-xylene.md does not exist",
        ("chemicals", 2, "msds", "file"),
    ),
    "EMS602": (
        (replace_in(CHEMICALS, "revised: 2025-06-12", "revised: 2019-06-12"),),
        CHEMICALS,
        "revised on 2019-06-12, longer ago than P5Y",
        ("chemicals", 2, "msds", "revised"),
    ),
    "EMS603": (
        (replace_in(CHEMICALS, "revised: 2024-11-05, posted_at_use: true", "revised: 2024-11-05"),),
        CHEMICALS,
        "CHEM-004: the MSDS is not posted at the points of use",
        ("chemicals", 3, "msds"),
    ),
    "EMS604": (
        (
            replace_in(
                WASTE, "storage_limit: P6M\n    contractor: CON-001\n", "storage_limit: P6M\n"
            ),
        ),
        WASTE,
        "hazardous waste stream WST-002 names no contractor",
        ("streams", 1),
    ),
    "EMS605": (
        (replace_in(WASTE, "categories: [HW08, HW12, HW48, HW49]", "categories: [HW08, HW12]"),),
        WASTE,
        "WST-002 (HW48) goes to CON-001, whose licence does not cover HW48",
        ("streams", 1, "contractor"),
    ),
    "EMS606": (
        (replace_in(WASTE, "expires: 2026-12-31", "expires: 2026-09-30"),),
        "records/waste-transfers/WT-2026-014.yaml",
        "WT-2026-014 on 2026-10-15 to CON-001: its contract expired on 2026-09-30",
        ("date",),
    ),
    "EMS607": (
        (
            replace_in(
                "records/waste-transfers/WT-2026-007.yaml", 'manifest: "3205072026060900072"\n', ""
            ),
        ),
        "records/waste-transfers/WT-2026-007.yaml",
        "WT-2026-007 gives no manifest number",
        (),
    ),
    "EMS608": (
        (
            replace_in(
                "records/waste-transfers/WT-2026-014.yaml", "date: 2026-10-15", "date: 2026-04-15"
            ),
        ),
        WASTE,
        "WST-002 was last transferred on 2026-04-15: stored longer than its limit of P6M",
        ("streams", 1, "storage_limit"),
    ),
    "EMS609": (
        (replace_in("records/inspections/INS-2026-01.yaml", "result: passed", "result: failed"),),
        "records/inspections/INS-2026-01.yaml",
        "inspection INS-2026-01 by the authority failed and names no action",
        ("result",),
    ),
    "EMS610": (
        (
            appended(
                "documents/distribution.yaml",
                "  - {document: DOC-WI-04, approved_on: 2025-06-01, to: [Maintenance office]}\n",
            ),
        ),
        "documents/distribution.yaml",
        "Maintenance office still holds DOC-WI-04 as approved on 2025-06-01, superseded",
        ("issues", 5, "to", 0),
    ),
    "EMS611": (
        (replace_in("roles.yaml", "expires: 2028-02-28", "expires: 2026-02-28"),),
        "roles.yaml",
        "PER-WU's licence JS-HW-2025-0342 for the special position of CMP-005 expired on 2026-02-28",
        ("people", 9, "licences", 0, "expires"),
    ),
    "EMS613": (
        (
            replace_in(
                "implementation.yaml",
                "{step: management-review, planned: 2025-11-30, done: 2025-12-18}",
                "{step: management-review, planned: 2025-11-30, done: 2025-12-05}",
            ),
        ),
        "implementation.yaml",
        "management-review is declared done on 2025-12-05, but the records date it 2025-12-18",
        ("steps", 14, "done"),
    ),
    "EMS612": (
        (replace_in("competence.yaml", "{id: CMP-008, role: ROLE-DC", "{role: ROLE-DC"),),
        "competence.yaml",
        "the competence requirement of ROLE-DC has no id",
        ("requirements", 7),
    ),
}


def _mutated(tmp_path: Path, mutations: tuple[Mutation, ...]) -> Path:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    for mutation in mutations:
        mutation(root)
    return root


def test_the_sample_passes_every_records_rule() -> None:
    assert [f for f in findings(SAMPLE) if f.code in MUTATIONS] == []


@pytest.mark.parametrize("code", sorted(MUTATIONS))
def test_mutation_fails_the_rule_for_its_reason(code: str, tmp_path: Path) -> None:
    mutations, file, reason, loc_end = MUTATIONS[code]
    hits = [f for f in findings(_mutated(tmp_path, mutations)) if f.code == code]
    assert hits, f"{code} did not fire"
    assert [(f.file, reason in f.message) for f in hits] == [(file, True)], hits
    assert tuple(hits[0].loc[len(hits[0].loc) - len(loc_end) :]) == loc_end, hits[0].loc


def test_an_empty_msds_and_a_missing_one_are_errors(tmp_path: Path) -> None:
    root = _mutated(
        tmp_path,
        (
            emptied("evidence/msds/thinner-xylene.md"),
            replace_in(
                CHEMICALS,
                "    msds: {file: evidence/msds/degreasing-solvent.md, revised: 2024-11-05, "
                "posted_at_use: true}\n",
                "",
            ),
        ),
    )
    messages = sorted(f.message for f in findings(root) if f.code == "EMS601")
    assert messages == [
        "hazardous chemical CHEM-003: MSDS evidence/msds/thinner-xylene.md is empty: "
        "file the supplier's sheet",
        "hazardous chemical CHEM-004 has no MSDS: add 'msds: {file: ..., revised: ...}'",
    ]


def test_a_transfer_before_the_contract_and_after_the_licence(tmp_path: Path) -> None:
    root = _mutated(
        tmp_path,
        (
            replace_in(WASTE, "expires: 2027-09-30", "expires: 2026-05-31"),
            replace_in(WASTE, "signed: 2026-01-02", "signed: 2026-04-01"),
        ),
    )
    hits = sorted(
        (f.file, f.message.split(": ", 1)[1]) for f in findings(root) if f.code == "EMS606"
    )
    assert hits == [
        ("records/waste-transfers/WT-2026-003.yaml", "its contract was only signed on 2026-04-01"),
        ("records/waste-transfers/WT-2026-007.yaml", "its licence expired on 2026-05-31"),
        ("records/waste-transfers/WT-2026-011.yaml", "its licence expired on 2026-05-31"),
        ("records/waste-transfers/WT-2026-014.yaml", "its licence expired on 2026-05-31"),
    ]


def test_findings_point_at_the_offending_line_in_the_cli(tmp_path: Path) -> None:
    mutations = MUTATIONS["EMS605"][0] + MUTATIONS["EMS611"][0]
    code, report = check_json(_mutated(tmp_path, mutations))
    assert code == 1
    places = sorted((f["code"], f["file"], f["line"]) for f in report["findings"])
    lines = (SAMPLE / WASTE).read_text(encoding="utf-8").splitlines()
    stream_line = next(i for i, text in enumerate(lines, 1) if "id: WST-002" in text)
    contractor_line = stream_line + 6
    assert "contractor: CON-001" in lines[contractor_line - 1]
    roles = (SAMPLE / "roles.yaml").read_text(encoding="utf-8").splitlines()
    wu_line = next(i for i, text in enumerate(roles, 1) if "id: PER-WU" in text)
    assert places == [("EMS605", WASTE, contractor_line), ("EMS611", "roles.yaml", wu_line)]


def test_a_penalty_without_action_is_reported_at_the_penalty(tmp_path: Path) -> None:
    root = _mutated(
        tmp_path,
        (replace_in("records/inspections/INS-2026-01.yaml", "penalty: false", "penalty: true"),),
    )
    hits = [f for f in findings(root) if f.code == "EMS609"]
    assert [(f.loc, "ended in a penalty" in f.message) for f in hits] == [(("penalty",), True)]


def test_a_withdrawn_copy_is_not_held(tmp_path: Path) -> None:
    root = _mutated(
        tmp_path,
        (
            appended(
                "documents/distribution.yaml",
                "  - {document: DOC-WI-04, approved_on: 2025-06-01, to: [Maintenance office]}\n"
                "  - {document: DOC-WI-04, approved_on: 2026-01-20, to: [Maintenance office], "
                "withdraws: 2025-06-01}\n",
            ),
        ),
    )
    assert [f for f in findings(root) if f.code == "EMS610"] == []


def test_new_kinds_reference_the_old_ones_like_every_record(tmp_path: Path) -> None:
    root = _mutated(
        tmp_path,
        (
            replace_in(
                "records/waste-transfers/WT-2026-007.yaml", "stream: WST-001", "stream: WST-009"
            ),
            replace_in(
                "records/monitoring-reports/MON-2026-Q3.yaml",
                "indicator: IND-COD",
                "indicator: CON-001",
            ),
            replace_in(
                "records/training/TRN-2025-002.yaml", "[CMP-003, CMP-005]", "[CMP-003, CMP-055]"
            ),
        ),
    )
    got = sorted(
        (f.code, f.file, f.message) for f in findings(root) if f.code in ("EMS103", "EMS104")
    )
    assert got == [
        (
            "EMS103",
            "records/monitoring-reports/MON-2026-Q3.yaml",
            "monitoring-report MON-2026-Q3 names CON-001 where an indicator belongs, "
            "but CON-001 is a contractor",
        ),
        (
            "EMS104",
            "records/training/TRN-2025-002.yaml",
            "training TRN-2025-002 names competence-requirement CMP-055, which does not exist; "
            "did you mean CMP-005?",
        ),
        (
            "EMS104",
            "records/waste-transfers/WT-2026-007.yaml",
            "waste-transfer WT-2026-007 names waste-stream WST-009, which does not exist",
        ),
    ]


def test_licence_and_contract_evidence_must_exist(tmp_path: Path) -> None:
    root = _mutated(
        tmp_path,
        (remove_path("evidence/waste/xinyuan-licence.md"), remove_path("evidence/contracts")),
    )
    got = sorted(
        (f.file, f.loc[-3:]) for f in findings(root) if f.code == "EMS105" and f.file == WASTE
    )
    assert got == [
        (WASTE, ("contract", "evidence", 0)),
        (WASTE, ("licence", "evidence", 0)),
    ]


def test_an_msds_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    root = _mutated(
        tmp_path,
        (
            replace_in(
                CHEMICALS, "file: evidence/msds/thinner-xylene.md", "file: ../sample/emskit.yaml"
            ),
        ),
    )
    messages = [f.message for f in findings(root) if f.code == "EMS601"]
    assert messages == [
        "hazardous chemical CHEM-003: MSDS '../sample/emskit.yaml' leaves the repository "
        "('..'): keep evidence inside the repository"
    ]
