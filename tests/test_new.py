"""emskit new: every kind writes a commented skeleton with the next free id, pre-filled from the
repository, that checks clean once its placeholders are filled."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import AS_OF, SAMPLE, check_json, run_cli

# What a person would write for each bare TODO (a reference or a fixed choice), by key; the
# free-text TODOs are filled with plain text.
FILLS = {
    "auditors": "PER-HE",
    "chair": "PER-ZHANG",
    "evaluator": "ROLE-EHS",
    "owner": "ROLE-QA",
    "who": "ROLE-EHS",
    "result": {"evaluation": "compliant", "inspection": "passed"},
    "obligation": "OBL-001",
    "source": "other",
    # A near miss: a spill would also need its nonconformity (EMS341), a second record.
    "type": {"incident": "near-miss", "inspection": "routine", "document": "procedure"},
    "direction": "in",
    "scenario": "EMG-001",
    "stream": "WST-001",
    "contractor": "CON-001",
    "manifest": "2026-440300-000123",
}
KINDS = (
    "audit",
    "review",
    "nonconformity",
    "evaluation",
    "training",
    "drill",
    "incident",
    "inspection",
    "waste-transfer",
    "communication",
    "document",
)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "org"))


def new(repo: Path, *args: str) -> tuple[str, str]:
    result = run_cli("new", *args, "--repo", str(repo), "--as-of", AS_OF.isoformat())
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.strip(), result.stderr


def fill(text: str, kind: str) -> str:
    """Replace every placeholder as a person would."""
    out, parent = [], ""
    for line in text.splitlines():
        if out and line == "---":  # a document's body: prose, not checked
            out.append(text[text.index("\n---\n", 4) + 1 :].rstrip("\n"))
            break
        key = re.match(r"^\s*(?:- )?([\w-]+):", line)
        if key and re.match(r"^\s*(?:- )?[\w-]+:\s*(#.*)?$", line):
            parent = key[1]
        line = re.sub(r'"TODO: [^"]*"', '"Filled in by the test"', line)
        if re.search(r"\bTODO\b", line.split("#", 1)[0]) and not line.lstrip().startswith("#"):
            name = key[1] if key and not line.lstrip().startswith("- TODO") else parent
            value = FILLS[name]
            value = value[kind] if isinstance(value, dict) else value
            line = re.sub(r"\bTODO\b", value, line, count=1)
        out.append(line)
    return "\n".join(out) + "\n"


def findings_in(repo: Path, rel: str) -> list[dict[str, object]]:
    _, report = check_json(repo)
    return [f for f in report["findings"] if f["file"] == rel]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_checks_clean_once_filled(sample: Path, kind: str) -> None:
    code, before = check_json(sample)
    assert code == 0 and not before["findings"]
    rel, _ = new(sample, kind)
    path = sample / rel
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    hint = lines[1] if kind == "document" else lines[0]
    assert hint.startswith("# yaml-language-server: $schema=")
    schema = (path.parent / hint.split("=", 1)[1]).resolve()
    assert schema.name.endswith(".schema.json") and ".emskit/schemas" in str(schema)
    assert not any(re.search(r"\{[^}]*:", line) for line in lines if not line.startswith("#"))
    assert findings_in(sample, rel), "an unfilled skeleton must not check clean"
    path.write_text(fill(text, kind), encoding="utf-8")
    assert findings_in(sample, rel) == []
    code, report = check_json(sample)
    assert code == 0 and not report["findings"], report["findings"]


def test_ids_continue_the_repository_style_in_the_as_of_year(sample: Path) -> None:
    assert new(sample, "audit")[0] == "records/audits/AUD-2026-02.yaml"
    # The sample holds NC-2026-001 to NC-2026-006.
    assert new(sample, "nonconformity")[0] == "records/nonconformities/NC-2026-007.yaml"
    assert new(sample, "nonconformity")[0] == "records/nonconformities/NC-2026-008.yaml"
    result = run_cli("new", "drill", "--repo", str(sample), "--as-of", "2027-01-05")
    assert result.stdout.strip() == "records/drills/DRL-2027-01.yaml", result.stderr
    assert new(sample, "inspection", "--id", "INS-XYZ")[0] == "records/inspections/INS-XYZ.yaml"


def test_never_overwrites_and_refuses_a_taken_id(sample: Path) -> None:
    before = (sample / "records/audits/AUD-2026-01.yaml").read_bytes()
    result = run_cli("new", "audit", "--id", "AUD-2026-01", "--repo", str(sample))
    assert result.returncode == 2 and "already has a record" in result.stderr
    (sample / "records/audits/AUD-X.yaml").write_text("# someone else's draft\n")
    result = run_cli("new", "audit", "--id", "AUD-X", "--repo", str(sample))
    assert result.returncode == 2 and "never overwrites" in result.stderr
    assert (sample / "records/audits/AUD-X.yaml").read_text() == "# someone else's draft\n"
    assert (sample / "records/audits/AUD-2026-01.yaml").read_bytes() == before
    assert not list((sample / "records/audits").glob(".*.tmp"))


def test_an_audit_takes_its_programme_entry(sample: Path) -> None:
    rel, _ = new(sample, "audit")
    data = yaml.safe_load((sample / rel).read_text())
    assert data["planned_as"] == "AP-2027-01"  # the first entry no audit record names
    assert data["auditors"] == ["PER-HE"] and data["clauses"] == "all"
    rel, _ = new(sample, "audit", "--from", "AP-2025-01")
    data = yaml.safe_load((sample / rel).read_text())
    assert data["planned_as"] == "AP-2025-01" and "6.1.3" in data["clauses"]


def test_a_review_lists_the_edition_inputs_and_the_open_actions(sample: Path) -> None:
    rel, _ = new(sample, "review")
    data = yaml.safe_load((sample / rel).read_text())
    assert data["inputs"]["previous_actions"] == ["ACT-103"]  # ACT-102 is done
    required = {"previous_actions", "changes", "objectives", "performance", "resources"}
    # Risks and opportunities are an input in 2015 too (9.3 c: changes in them).
    assert required | {"risks"} <= set(data["inputs"])
    assert {"conclusions", "improvements", "changes", "strategic"} <= set(data["outputs"])
    assert data["chair"] == "PER-ZHANG" and "PER-WU" in data["attendees"]
    config = sample / "emskit.yaml"
    config.write_text(config.read_text().replace('edition: "2015+A1:2024"', 'edition: "2026"'))
    rel, _ = new(sample, "review")
    assert "risks" in yaml.safe_load((sample / rel).read_text())["inputs"]


def test_an_evaluation_lists_the_obligations_now_due(sample: Path) -> None:
    due = run_cli(
        "due", "--repo", str(sample), "--as-of", "2027-06-01", "--kind",
        "compliance-evaluation", "--format", "json",
    )  # fmt: skip
    expected = [i["id"] for i in json.loads(due.stdout)["items"] if i["state"] != "later"]
    assert expected
    result = run_cli("new", "evaluation", "--repo", str(sample), "--as-of", "2027-06-01")
    data = yaml.safe_load((sample / result.stdout.strip()).read_text())
    assert sorted(r["obligation"] for r in data["results"]) == sorted(expected)


def test_a_nonconformity_links_the_finding_or_incident(sample: Path) -> None:
    rel, _ = new(sample, "nonconformity", "--from", "INC-2026-001")
    data = yaml.safe_load((sample / rel).read_text())
    assert (data["source"], data["source_ref"]) == ("incident", "INC-2026-001")
    assert "TODO" not in data["description"]
    audit = yaml.safe_load((sample / "records/audits/AUD-2026-01.yaml").read_text())
    finding = next(f for f in audit["findings"] if f.get("clause"))
    rel, _ = new(sample, "nonconformity", "--from", f"AUD-2026-01/{finding['id']}")
    data = yaml.safe_load((sample / rel).read_text())
    assert (data["source"], data["source_ref"]) == ("audit", "AUD-2026-01")
    assert data["requirement"] == str(finding["clause"])
    result = run_cli("new", "nonconformity", "--from", "INC-2026-01", "--repo", str(sample))
    assert result.returncode == 2 and "did you mean 'INC-2026-001'?" in result.stderr


def test_an_unknown_kind_says_which_exist(sample: Path) -> None:
    result = run_cli("new", "audti", "--repo", str(sample))
    assert result.returncode == 2
    assert "did you mean 'audit'?" in result.stderr and "waste-transfer" in result.stderr
