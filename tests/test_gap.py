"""emskit gap: the clause catalogue, each clause's evidence rule (met on the sample org, and a
mutation of it that makes the clause partial or missing for the right reason), the transition
report, the formats, and the HTML in a real headless browser."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, remove_path, replace_in, run_cli

from emskit.clauses.catalogue import catalogue
from emskit.commands.gap import run_gap

CLAUSES_2015 = [
    "4.1",
    "4.2",
    "4.3",
    "4.4",
    "5.1",
    "5.2",
    "5.3",
    "6.1",
    "6.1.1",
    "6.1.2",
    "6.1.3",
    "6.1.4",
    "6.2",
    "6.2.1",
    "6.2.2",
    "7.1",
    "7.2",
    "7.3",
    "7.4",
    "7.4.1",
    "7.4.2",
    "7.4.3",
    "7.5",
    "7.5.1",
    "7.5.2",
    "7.5.3",
    "8.1",
    "8.2",
    "9.1",
    "9.1.1",
    "9.1.2",
    "9.2",
    "9.2.1",
    "9.2.2",
    "9.3",
    "10.1",
    "10.2",
    "10.3",
]
NEW_IN_2026 = ["6.1.5", "6.3", "9.3.1", "9.3.2", "9.3.3"]


@pytest.mark.parametrize("edition", ["2015", "2015+A1:2024", "2026"])
def test_catalogue_has_every_clause(edition: str) -> None:
    numbers = [c.number for c in catalogue(edition).clauses]
    expected = CLAUSES_2015 + (NEW_IN_2026 if edition == "2026" else [])
    assert set(expected) <= set(numbers)
    assert len(numbers) == len(set(numbers))
    for clause in catalogue(edition).clauses:
        assert clause.title and clause.says and len(clause.says) < 200
        assert clause.parent is None or catalogue(edition).get(clause.parent) is not None


@pytest.mark.parametrize("edition", ["2015", "2015+A1:2024"])
def test_mappings_to_and_from_2026_are_total(edition: str) -> None:
    new = {c.number for c in catalogue("2026").clauses}
    for clause in catalogue(edition).clauses:
        assert clause.other and set(clause.other) <= new, clause.number
    old = {c.number for c in catalogue(edition).clauses}
    for clause in catalogue("2026").clauses:
        assert set(clause.other) <= old, clause.number
        assert clause.other or clause.number == "6.3", (
            f"{clause.number} maps to nothing in {edition}"
        )


@pytest.mark.parametrize("edition", ["2015", "2015+A1:2024", "2026"])
def test_every_assessed_clause_has_its_2004_origin(edition: str) -> None:
    for clause in catalogue(edition).assessed:
        assert clause.iso2004 or clause.number in ("10.3", "6.3"), clause.number


def test_amendment_changes_context_paraphrase() -> None:
    assert "climate change" in catalogue("2015+A1:2024").get("4.1").says
    assert "climate change" not in catalogue("2015").get("4.1").says


def test_sample_org_meets_every_clause_of_its_edition() -> None:
    result = run_cli("gap", "--repo", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--format", "json")
    assert result.returncode == 0, result.stdout
    document = json.loads(result.stdout)
    assert document["edition"] == "2015+A1:2024" and document["readiness"] == 100
    assert {c["status"] for c in document["clauses"]} == {"met"}
    assert document["summary"] == {"met": 26, "partial": 0, "missing": 0, "not-applicable": 0}
    evidence = {c["clause"]: c["evidence"] for c in document["clauses"]}
    assert {"file": "policy.yaml", "line": 1, "id": "POL-001"} in evidence["5.2"]
    first = evidence["6.1.2"][0]
    assert (
        "id: " + first["id"]
        in (SAMPLE / first["file"]).read_text(encoding="utf-8").splitlines()[first["line"] - 1]
    )


def test_transition_report_lists_the_2026_gaps() -> None:
    result = run_cli(
        "gap",
        "--repo",
        str(SAMPLE),
        "--as-of",
        AS_OF.isoformat(),
        "--edition",
        "2026",
        "--format",
        "json",
    )
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["transition"] is True
    status = {c["clause"]: (c["status"], " ".join(c["reasons"])) for c in document["clauses"]}
    assert status["4.1"][0] == "partial" and "biodiversity" in status["4.1"][1]
    assert status["6.3"][0] == "partial" and "changes" in status["6.3"][1]
    assert status["9.2"][0] == "partial" and "objectives, criteria and scope" in status["9.2"][1]
    assert "6.1.5" in status and status["6.1.4"][0] == "met"  # risks and opportunities, own clause


def test_2004_numbering_is_shown() -> None:
    result = run_cli(
        "gap", "--repo", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--numbering", "2004"
    )
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if re.match(r"^\d", line)}
    assert "4.6" in lines["9.3"] and "4.2" in lines["5.2"]


def test_markdown_format() -> None:
    result = run_cli("gap", "--repo", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--format", "md")
    assert result.stdout.startswith("# Gap report against ISO 14001:2015+A1:2024")
    assert "| 9.3 | Management review | met |" in result.stdout


# --- each clause: a mutation of the sample org that makes it partial or missing ----------

Mutation = Callable[[Path], None]


replace, remove = replace_in, remove_path


def write(rel: str, text: str) -> Mutation:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    return apply


def both(*mutations: Mutation) -> Mutation:
    def apply(root: Path) -> None:
        for mutation in mutations:
            mutation(root)

    return apply


CONTEXT_EXTERNAL_ONLY = "issues:\n  - {id: ISS-1, type: external, description: Floods}\n"
# clause -> (mutation, as-of date, expected status, words of the reason)
BROKEN: dict[str, tuple[Mutation, dt.date, str, str]] = {
    "4.1": (
        write("context.yaml", CONTEXT_EXTERNAL_ONLY),
        AS_OF,
        "partial",
        "no internal issue recorded",
    ),
    "4.2": (
        write(
            "context.yaml",
            CONTEXT_EXTERNAL_ONLY + "interested_parties:\n  - {id: IP-1, name: Neighbours}\n",
        ),
        AS_OF,
        "partial",
        "IP-1 has no needs and expectations",
    ),
    "4.3": (
        replace(
            "emskit.yaml", "  scope:\n    en: >-\n", "  scope: TODO\n  scope_was:\n    en: >-\n"
        ),
        AS_OF,
        "missing",
        "ems.scope",
    ),
    "4.4": (remove("records/reviews"), AS_OF, "partial", "processes missing for clauses 9.3"),
    "5.1": (
        replace("roles.yaml", "top_management: true", "top_management: false"),
        AS_OF,
        "missing",
        "top_management",
    ),
    "5.2": (
        replace("policy.yaml", "continual_improvement: true", "continual_improvement: false"),
        AS_OF,
        "partial",
        "commitment to continual improvement",
    ),
    "5.3": (
        replace("roles.yaml", "ems_representative: true", "ems_representative: false"),
        AS_OF,
        "partial",
        "ems_representative",
    ),
    "6.1.1": (
        write("risks.yaml", "risks:\n  - {id: RSK-1, type: risk, description: Flood}\n"),
        AS_OF,
        "partial",
        "no opportunity recorded",
    ),
    "6.1.2": (
        replace("emskit.yaml", "significance:\n  preset: multi-factor-cn\n", ""),
        AS_OF,
        "partial",
        "no significance method",
    ),
    "6.1.3": (remove("obligations"), AS_OF, "missing", "no compliance obligations"),
    "6.1.4": (
        write(
            "aspects/new.yaml",
            "aspects:\n  - {id: ASP-900, activity: New line, aspect: Fumes, impact: Air, "
            "condition: normal, scores: {frequency: 5, legal: 5, extent: 5, recoverability: 5, "
            "public_concern: 5, difficulty: 3}}\n",
        ),
        AS_OF,
        "partial",
        "ASP-900",
    ),
    "6.2": (
        write(
            "objectives/2026.yaml",
            "objectives:\n  - {id: OBJ-9, title: Less waste, addresses: [ASP-001], "
            "target: {value: 1, by: 2026-12-31}, owner: PER-ZHANG}\n",
        ),
        AS_OF,
        "partial",
        "OBJ-9 has no an indicator and no a plan",
    ),
    "7.1": (
        both(remove("objectives"), remove("records/reviews")),
        AS_OF,
        "missing",
        "no resources recorded",
    ),
    "7.2": (
        lambda root: [
            p.write_text(
                p.read_text(encoding="utf-8").replace(
                    "assessment: passed", "assessment: not-assessed"
                ),
                encoding="utf-8",
            )
            for p in (root / "records/training").glob("*.yaml")
        ],
        AS_OF,
        "partial",
        "effectiveness was evaluated",
    ),
    "7.3": (
        write("communication.yaml", "plan:\n  - {what: Data, audience: external, with: Bureau}\n"),
        AS_OF,
        "partial",
        "no internal communication planned",
    ),
    "7.4": (
        write("communication.yaml", "plan:\n  - {what: Data, audience: internal, with: Staff}\n"),
        AS_OF,
        "partial",
        "no external communication planned",
    ),
    "7.5": (
        replace("documents/plans/emergency-response-plan.md", "status: approved", "status: draft"),
        AS_OF,
        "partial",
        "documents not approved: DOC-PLN-01",
    ),
    "8.1": (
        write(
            "controls/extra.yaml",
            "controls:\n  - {id: CTL-900, title: Something, type: procedure}\n",
        ),
        AS_OF,
        "partial",
        "CTL-900",
    ),
    "8.2": (remove("records/drills"), AS_OF, "partial", "never been tested by a drill"),
    "9.1.1": (remove("monitoring/data"), AS_OF, "partial", "no monitoring data"),
    "9.1.2": (lambda root: None, dt.date(2029, 6, 1), "partial", "evaluation is overdue"),
    "9.2": (remove("records/audits"), AS_OF, "partial", "no internal audit completed"),
    "9.3": (
        replace(
            "records/reviews/MR-2026-01.yaml",
            "  opportunities: Heat recovery from the RTO to the pre-treatment baths\n",
            "",
        ),
        AS_OF,
        "partial",
        "MR-2026-01 does not cover the input 'opportunities'",
    ),
    "10.1": (
        both(remove("records/reviews"), remove("records/audits")),
        AS_OF,
        "missing",
        "no improvement opportunities",
    ),
    "10.2": (
        write(
            "records/nonconformities/NC-2026-900.yaml",
            "id: NC-2026-900\nraised: 2026-10-01\nsource: other\ndescription: Drum unlabelled\n",
        ),
        AS_OF,
        "partial",
        "NC-2026-900 has no root cause, corrective action",
    ),
    "10.3": (remove("records/reviews"), AS_OF, "missing", "no evidence of continual improvement"),
}


def test_every_assessed_clause_has_a_broken_case() -> None:
    assessed = {c.number for c in catalogue("2015+A1:2024").assessed}
    assert assessed == set(BROKEN)


@pytest.mark.parametrize("clause", sorted(BROKEN, key=lambda n: [int(p) for p in n.split(".")]))
def test_clause_falls_short_for_the_right_reason(clause: str, tmp_path: Path) -> None:
    mutation, as_of, status, reason = BROKEN[clause]
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    mutation(root)
    result = {c.clause.number: c for c in run_gap(root, as_of).clauses}[clause]
    assert result.status == status, result
    assert any(reason in text for text in result.reasons), result.reasons


def test_2026_only_clauses_fall_short(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    remove("risks.yaml")(root)
    replace("records/reviews/MR-2026-01.yaml", "  risks: [RSK-001, RSK-003, RSK-007]\n", "")(root)
    results = {c.clause.number: c for c in run_gap(root, AS_OF, "2026").clauses}
    assert results["6.1.4"].status == "missing"  # risks and opportunities as their own clause
    assert any("'risks'" in r for r in results["9.3"].reasons)  # the new review input


# --- HTML in a real browser --------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("EMSKIT_REQUIRE_BROWSER"),
    reason="Chromium is not installed (.ci/run installs it)",
)
def test_html_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    assert CHROMIUM, "EMSKIT_REQUIRE_BROWSER is set but chromium is not installed"
    result = run_cli(
        "gap",
        "--repo",
        str(SAMPLE),
        "--as-of",
        AS_OF.isoformat(),
        "--edition",
        "2026",
        "--format",
        "html",
    )
    page = tmp_path / "gap.html"
    page.write_text(result.stdout, encoding="utf-8")
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "CONSOLE" not in dom.stderr and "Uncaught" not in dom.stderr
    rows = re.findall(
        r'<tr class="(met|partial|missing|not-applicable)" data-clause="([\d.]+)"', dom.stdout
    )
    assert len(rows) == len(catalogue("2026").assessed)
    assert ("partial", "6.3") in rows
    shot = tmp_path / "gap.png"
    subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1200,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 20_000  # a rendered table, not a blank page
