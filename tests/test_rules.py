"""Every rule, with a repository that passes it and one that fails it at a known place."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from conftest import BASE_CONFIG, findings

from emskit.rules import REGISTRY

ASPECT = (
    "  - {{id: {id}, activity: Painting, aspect: VOC, impact: [Air], condition: normal{extra}}}\n"
)


def aspects(*rows: str) -> str:
    return "aspects:\n" + "".join(rows)


def aspect(id: str = "ASP-001", extra: str = "") -> str:
    return ASPECT.format(id=id, extra=extra)


OBLIGATION = (
    "obligations:\n  - {id: OBL-001, type: legal, title: Air law, requirement: Treat VOC, "
    "evaluation_frequency: annual}\n"
)
ZH_CONFIG = (
    "emskit: 1\norganization: {name: 测试公司, sites: [{id: SITE-A, name: A厂}]}\n"
    "ems: {edition: '2015+A1:2024', scope: 在A厂生产测试零件, language: zh-CN}\n"
)
CONTROL = "controls:\n  - {id: CTL-001, title: RTO, aspects: [ASP-001]}\n"
POLICY = """id: POL-001
text: We protect the environment.
commitments:
  environmental_protection: true
  compliance_obligations: true
  continual_improvement: {last}
approved_by: PER-A
approved_on: 2026-01-10
"""
ROLES = "roles:\n  - {id: ROLE-GM, title: GM, top_management: true}\npeople:\n  - {id: PER-A, name: A, roles: [ROLE-GM]}\n"
NC = "id: NC-001\nraised: 2026-05-15\nsource: other\ndescription: Something\nstatus: {status}\n{more}"
INCIDENT = "id: INC-1\ndate: 2026-02-17\ntype: spill\ndescription: Oil leak\n"
INDICATORS = "indicators:\n  - {id: IND-VOC, name: VOC, unit: t, limit: {max: 1.2}}\n"

OBJECTIVE = (
    "objectives:\n  - id: OBJ-1\n    title: COD\n    addresses: [ASP-001]\n    direction: decrease\n"
    "    baseline: {{value: 350, date: 2025-12-31}}\n    target: {{value: {target}, by: 2026-12-31}}\n"
    "    owner: X\n"
)
EVALUATED = "id: EVA-1\ndate: {date}\nevaluator: X\nresults:\n  - {{obligation: OBL-001, result: compliant}}\n"
PERMIT = (
    "obligations:\n  - {{id: OBL-001, type: permit, title: Permit, requirement: R, evaluation_frequency: "
    "annual, expires: {expires}}}\n"
)
EQUIPMENT = (
    "indicators: []\nequipment:\n  - {{id: EQ-1, name: Meter, calibrated_on: {date}, "
    "calibration_interval: annual}}\n"
)


def SCORED_CONFIG(threshold: int = 2) -> dict[str, Any]:
    return {
        **BASE_CONFIG,
        "significance": {
            "criteria": {"severity": {"values": [1, 2, 3]}},
            "aggregate": "sum",
            "threshold": threshold,
        },
    }


# code -> (passing files, failing files, (file, line, column) of the expected finding)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any], tuple[str, int, int]]] = {
    "EMS001": (
        {"aspects/a.yaml": aspects(aspect())},
        {"aspects/a.yaml": "aspects:\n  - id: ASP-001\n    id: ASP-002\n"},
        ("aspects/a.yaml", 3, 5),
    ),
    "EMS002": (
        {"aspects/a.yaml": aspects(aspect())},
        {
            "aspects/a.yaml": b"aspects:\n  - {id: ASP-001, activity: Caf\xe9, aspect: x, impact: y, condition: normal}\n"
        },
        ("aspects/a.yaml", 2, 32),
    ),
    "EMS003": (
        {"aspects/a.yaml": aspects(aspect())},
        {"aspects/a.yaml": aspects(aspect(extra=", sevrity: 4"))},
        ("aspects/a.yaml", 2, 86),
    ),
    "EMS004": (
        {"policy.yaml": POLICY.format(last="true"), "roles.yaml": ROLES},
        {"policy.yaml": "# to do\n", "roles.yaml": ROLES},
        ("policy.yaml", 1, 1),
    ),
    "EMS005": (
        {"aspects/a.yaml": aspects(aspect())},
        {"aspect/a.yaml": aspects(aspect())},
        ("aspect/a.yaml", 1, 1),
    ),
    "EMS006": (
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-01-31,IND-VOC,1.0\n",
        },
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-01-31,IND-VOC,nan\n",
        },
        ("monitoring/data/d.csv", 2, 20),
    ),
    "EMS007": (
        {"aspects/a.yaml": aspects(aspect())},
        {"aspects/a.yaml": "@symlink:/etc/hostname"},
        ("aspects/a.yaml", 1, 1),
    ),
    "EMS101": (
        {"aspects/a.yaml": aspects(aspect("ASP-001"), aspect("ASP-002"))},
        {"aspects/a.yaml": aspects(aspect("ASP-001"), aspect("asp-001"))},
        ("aspects/a.yaml", 3, 10),
    ),
    "EMS103": (
        {
            "aspects/a.yaml": aspects(aspect(extra=", controls: [CTL-001]")),
            "controls/c.yaml": CONTROL,
        },
        {
            "aspects/a.yaml": aspects(aspect(extra=", controls: [OBL-001]")),
            "obligations/o.yaml": OBLIGATION,
        },
        ("aspects/a.yaml", 2, 97),
    ),
    "EMS104": (
        {
            "aspects/a.yaml": aspects(aspect(extra=", obligations: [OBL-001]")),
            "obligations/o.yaml": OBLIGATION,
        },
        {
            "aspects/a.yaml": aspects(aspect(extra=", obligations: [OBL-099]")),
            "obligations/o.yaml": OBLIGATION,
        },
        ("aspects/a.yaml", 2, 100),
    ),
    "EMS105": (
        {
            "aspects/a.yaml": aspects(aspect(extra=", evidence: [evidence/p.txt]")),
            "evidence/p.txt": "scan",
        },
        {"aspects/a.yaml": aspects(aspect(extra=", evidence: [evidence/missing.pdf]"))},
        ("aspects/a.yaml", 2, 97),
    ),
    "EMS106": (
        {"aspects/a.yaml": aspects(aspect(extra=", evidence: ['https://example.org/p.pdf']"))},
        {"aspects/a.yaml": aspects(aspect(extra=", evidence: [../outside.pdf]"))},
        ("aspects/a.yaml", 2, 97),
    ),
    "EMS201": (
        {
            "records/nonconformities/NC-001.yaml": NC.format(
                status="closed", more="closed_on: 2026-06-01\n"
            )
        },
        {
            "records/nonconformities/NC-001.yaml": NC.format(
                status="closed", more="closed_on: 2026-04-01\n"
            )
        },
        ("records/nonconformities/NC-001.yaml", 6, 12),
    ),
    "EMS202": (
        {
            "records/audits/AUD-1.yaml": "id: AUD-1\ndate: 2026-05-01\nend: 2026-05-02\nauditors: [X]\n",
            "records/reviews/MR-1.yaml": "id: MR-1\ndate: 2026-06-01\nchair: X\naudits: [AUD-1]\n",
        },
        {
            "records/audits/AUD-1.yaml": "id: AUD-1\ndate: 2026-05-01\nend: 2026-05-02\nauditors: [X]\n",
            "records/reviews/MR-1.yaml": "id: MR-1\ndate: 2026-05-01\nchair: X\naudits: [AUD-1]\n",
        },
        ("records/reviews/MR-1.yaml", 4, 10),
    ),
    "EMS203": (
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-10-31,IND-VOC,1.0\n",
        },
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-10-31,IND-VOC,1.0\n2026-12-31,IND-VOC,1.0\n",
        },
        ("monitoring/data/d.csv", 3, 1),
    ),
    "EMS401": (
        {"emskit.yaml": SCORED_CONFIG(threshold=3)},
        {"emskit.yaml": SCORED_CONFIG(threshold=4)},
        ("emskit.yaml", 18, 14),
    ),
    "EMS402": (
        {
            "emskit.yaml": SCORED_CONFIG(),
            "aspects/a.yaml": aspects(aspect(extra=", scores: {severity: 3}")),
        },
        {
            "emskit.yaml": SCORED_CONFIG(),
            "aspects/a.yaml": aspects(aspect(extra=", scores: {severity: 4}")),
        },
        ("aspects/a.yaml", 2, 105),
    ),
    "EMS403": (
        {
            "emskit.yaml": SCORED_CONFIG(),
            "aspects/a.yaml": aspects(
                aspect(
                    extra=", scores: {severity: 1}, significant: true, significance_note: Complaints"
                )
            ),
            "controls/c.yaml": CONTROL,
        },
        {
            "emskit.yaml": SCORED_CONFIG(),
            "aspects/a.yaml": aspects(aspect(extra=", scores: {severity: 1}, significant: true")),
            "controls/c.yaml": CONTROL,
        },
        ("aspects/a.yaml", 2, 122),
    ),
    "EMS501": (
        {
            "obligations/o.yaml": OBLIGATION,
            "records/evaluations/E.yaml": EVALUATED.format(date="2026-03-01"),
        },
        {
            "obligations/o.yaml": OBLIGATION,
            "records/evaluations/E.yaml": EVALUATED.format(date="2025-03-01"),
        },
        ("obligations/o.yaml", 2, 5),
    ),
    "EMS502": (
        {"obligations/o.yaml": PERMIT.format(expires="2028-06-30")},
        {"obligations/o.yaml": PERMIT.format(expires="2026-06-30")},
        ("obligations/o.yaml", 2, 5),
    ),
    "EMS503": (
        {"monitoring/indicators.yaml": EQUIPMENT.format(date="2026-03-01")},
        {"monitoring/indicators.yaml": EQUIPMENT.format(date="2025-03-01")},
        ("monitoring/indicators.yaml", 3, 5),
    ),
    "EMS504": (
        {
            "emskit.yaml": {
                **BASE_CONFIG,
                "certification": {"status": "applied", "stage1": "2026-10-01"},
            }
        },
        {
            "emskit.yaml": {
                **BASE_CONFIG,
                "certification": {"status": "applied", "stage1": "2026-06-01"},
            }
        },
        ("emskit.yaml", 12, 11),
    ),
    "EMS301": (
        {"policy.yaml": POLICY.format(last="true"), "roles.yaml": ROLES},
        {"policy.yaml": POLICY.format(last="false"), "roles.yaml": ROLES},
        ("policy.yaml", 6, 26),
    ),
    "EMS701": (
        {
            "emskit.yaml": ZH_CONFIG,
            "aspects/a.yaml": "aspects:\n  - {id: ASP-001, activity: 喷涂, "
            "aspect: {en: VOC, zh-CN: 挥发性有机物}, impact: [大气污染], condition: normal}\n",
        },
        {
            "emskit.yaml": ZH_CONFIG,
            "aspects/a.yaml": "aspects:\n  - {id: ASP-001, activity: 喷涂, "
            "aspect: {en: VOC}, impact: [大气污染], condition: normal}\n",
        },
        ("aspects/a.yaml", 2, 41),
    ),
    "EMS302": (
        {
            "context.yaml": "issues:\n  - {id: ISS-1, type: external, description: Floods}\n"
            "climate_change: {relevant: true, rationale: Floods}\n"
        },
        {"context.yaml": "issues:\n  - {id: ISS-1, type: external, description: Floods}\n"},
        ("context.yaml", 1, 1),
    ),
    "EMS303": (
        {
            "aspects/a.yaml": aspects(aspect(extra=", significant: true")),
            "controls/c.yaml": CONTROL,
        },
        {"aspects/a.yaml": aspects(aspect(extra=", significant: true"))},
        ("aspects/a.yaml", 2, 5),
    ),
    "EMS304": (
        {
            "obligations/o.yaml": OBLIGATION,
            "records/nonconformities/NC-001.yaml": NC.format(status="open", more=""),
            "records/evaluations/E.yaml": "id: EVA-1\ndate: 2026-06-01\nevaluator: X\nresults:\n"
            "  - {obligation: OBL-001, result: non-compliant, action: NC-001}\n",
        },
        {
            "obligations/o.yaml": OBLIGATION,
            "records/evaluations/E.yaml": "id: EVA-1\ndate: 2026-06-01\nevaluator: X\nresults:\n"
            "  - {obligation: OBL-001, result: non-compliant}\n",
        },
        ("records/evaluations/E.yaml", 5, 5),
    ),
    "EMS305": (
        {
            "records/nonconformities/NC-001.yaml": NC.format(status="open", more=""),
            "records/audits/A.yaml": "id: AUD-1\ndate: 2026-05-01\nauditors: [X]\nfindings:\n"
            "  - {id: AF-1, type: nonconformity, description: Old copy, nonconformity: NC-001}\n",
        },
        {
            "records/audits/A.yaml": "id: AUD-1\ndate: 2026-05-01\nauditors: [X]\nfindings:\n"
            "  - {id: AF-1, type: nonconformity, description: Old copy}\n"
        },
        ("records/audits/A.yaml", 5, 5),
    ),
    "EMS330": (
        {"objectives/o.yaml": OBJECTIVE.format(target=300)},
        {"objectives/o.yaml": OBJECTIVE.format(target=400)},
        ("objectives/o.yaml", 7, 21),
    ),
    "EMS340": (
        {
            "records/nonconformities/NC-001.yaml": NC.format(
                status="closed",
                more="closed_on: 2026-06-10\nroot_cause: C\ncorrective_actions: "
                "[{what: Fix, done_on: 2026-06-01}]\neffectiveness: {checked_on: 2026-06-10, "
                "effective: true}\n",
            )
        },
        {
            "records/nonconformities/NC-001.yaml": NC.format(
                status="closed",
                more="closed_on: 2026-06-05\nroot_cause: C\ncorrective_actions: "
                "[{what: Fix, done_on: 2026-06-01}]\neffectiveness: {checked_on: 2026-06-10, "
                "effective: true}\n",
            )
        },
        ("records/nonconformities/NC-001.yaml", 6, 12),
    ),
    "EMS341": (
        {
            "records/incidents/INC-1.yaml": INCIDENT + "nonconformity: NC-001\n",
            "records/nonconformities/NC-001.yaml": NC.format(status="open", more=""),
        },
        {
            "records/incidents/INC-1.yaml": INCIDENT,
            "records/nonconformities/NC-001.yaml": NC.format(status="open", more=""),
        },
        ("records/incidents/INC-1.yaml", 3, 7),
    ),
    "EMS342": (
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-02-28,IND-VOC,1.35\n",
            "records/nonconformities/NC-001.yaml": "id: NC-001\nraised: 2026-03-02\n"
            "source: monitoring\nsource_ref: IND-VOC@2026-02-28\ndescription: Over the limit\n",
        },
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-01-31,IND-VOC,1.1\n"
            "2026-02-28,IND-VOC,1.35\n",
        },
        ("monitoring/data/d.csv", 3, 1),
    ),
    "EMS306": (
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-01-31,IND-VOC,1.2\n",
        },
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-01-31,IND-VOC,1.2\n2026-02-28,IND-VOC,1.35\n",
        },
        ("monitoring/data/d.csv", 3, 1),
    ),
}


# Rules that speak only when the as-of date is before today: code -> (files, as-of, today,
# file of the finding, words of its message).
AS_OF_CASES: dict[str, tuple[dict[str, Any], dt.date, dt.date, str, str]] = {
    "EMS204": (
        {
            "monitoring/indicators.yaml": INDICATORS,
            "monitoring/data/d.csv": "date,indicator,value\n2026-09-30,IND-VOC,1.0\n"
            "2026-10-31,IND-VOC,1.0\n2026-11-30,IND-VOC,1.0\n",
            "records/incidents/INC-1.yaml": "id: INC-1\ndate: 2026-11-02\ntype: other\n"
            "description: Later\n",
        },
        dt.date(2026, 10, 15),
        dt.date(2026, 11, 22),
        "emskit.yaml",
        "2 records dated after the as-of date 2026-10-15 are left out as not yet existing "
        "(dated up to 2026-11-02)",
    ),
}


@pytest.mark.parametrize("code", sorted(AS_OF_CASES))
def test_rule_speaks_before_today_only(code: str, make_repo) -> None:
    from emskit.commands.check import run_check

    files, as_of, today, file, words = AS_OF_CASES[code]
    root = make_repo(files)
    assert [f for f in run_check(root, today, today=today).findings if f.code == code] == []
    assert [f for f in run_check(root, as_of).findings if f.code == code] == []  # no today
    hits = [f for f in run_check(root, as_of, today=today).findings if f.code == code]
    assert [(f.file, words in f.message) for f in hits] == [(file, True)], hits
    # After today is still an error: the reading of 2026-11-30.
    future = [f for f in run_check(root, as_of, today=today).findings if f.code == "EMS203"]
    assert [(f.file, f.line) for f in future] == [("monitoring/data/d.csv", 4)], future


def _build(make_repo, files: dict[str, Any]):
    plain = {
        k: v for k, v in files.items() if not (isinstance(v, str) and v.startswith("@symlink:"))
    }
    root = make_repo(plain)
    for rel, value in files.items():
        if isinstance(value, str) and value.startswith("@symlink:"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(value.removeprefix("@symlink:"), root / rel)
    return root


def test_every_rule_has_a_case() -> None:
    # The rules of the on-site records fail on mutations of the sample org instead.
    # A rule read from git history fails on a repository in git (test_document_control.py).
    from test_document_control import GIT_RULE_CASES
    from test_records_rules import MUTATIONS

    codes = {entry.rule.code for entry in REGISTRY}
    covered = set(CASES) | set(MUTATIONS) | set(AS_OF_CASES) | set(GIT_RULE_CASES)
    assert codes == covered, f"rules without a case: {codes - covered}"
    assert not set(CASES) & set(MUTATIONS)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_passes_and_fails(code: str, make_repo, tmp_path) -> None:
    passing, failing, (file, line, column) = CASES[code]
    good = _build(make_repo, passing)
    assert [f for f in findings(good) if f.code == code and f.file == file] == [], (
        f"{code} fired on the passing repo"
    )
    bad = _build(lambda files: _fresh(tmp_path, make_repo, files), failing)
    hits = [f for f in findings(bad) if f.code == code and f.file == file]
    assert hits, f"{code} did not fire at {file} in the failing repo"
    assert (hits[0].file, hits[0].line, hits[0].column) == (file, line, column), hits[0]
    assert hits[0].message and hits[0].clauses


def _fresh(tmp_path, make_repo, files):
    import shutil

    shutil.rmtree(tmp_path / "repo")
    return make_repo(files)


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda e: e.rule.code)
def test_rule_is_documented(entry) -> None:
    rule = entry.rule
    assert rule.code.startswith("EMS") and len(rule.code) == 6
    assert rule.name == rule.name.lower() and " " not in rule.name
    doc = rule.description
    assert "Passes" in doc and "Fails" in doc, f"{rule.code} needs a passing and a failing example"
    assert rule.clauses


def test_wrong_case_reference_names_the_probable_id(make_repo) -> None:
    root = make_repo(
        {
            "aspects/a.yaml": aspects(aspect(extra=", obligations: [obl-001]")),
            "obligations/o.yaml": OBLIGATION,
        }
    )
    [hit] = [f for f in findings(root) if f.code == "EMS104"]
    assert "did you mean OBL-001" in hit.message


def test_links_count_from_either_side(make_repo) -> None:
    # The control names the aspect; the aspect does not name the control.
    root = make_repo(
        {"aspects/a.yaml": aspects(aspect(extra=", significant: true")), "controls/c.yaml": CONTROL}
    )
    assert not [f for f in findings(root) if f.code == "EMS303"]


def test_climate_change_not_asked_of_the_2015_edition(make_repo) -> None:
    config = {**BASE_CONFIG, "ems": {**BASE_CONFIG["ems"], "edition": "2015"}}
    root = make_repo(
        {"context.yaml": "issues:\n  - {id: ISS-1, type: external, description: Floods}\n"}, config
    )
    assert not [f for f in findings(root) if f.code == "EMS302"]


def test_clauses_follow_the_2026_numbering(make_repo) -> None:
    config = {**BASE_CONFIG, "ems": {**BASE_CONFIG["ems"], "edition": "2026"}}
    root = make_repo({"aspects/a.yaml": aspects(aspect(extra=", significant: true"))}, config)
    [hit] = [f for f in findings(root) if f.code == "EMS303"]
    assert "6.1.5" in hit.clauses and "6.1.4" not in hit.clauses
