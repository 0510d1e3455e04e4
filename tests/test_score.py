"""emskit score: presets pinned by hand-computed scores, methods as data, checks on the method
and on each aspect, the published registers, the sample organisation, --explain."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import AS_OF, BASE_CONFIG, SAMPLE, SHARED, findings, run_cli

from emskit.repo.loader import load_repository
from emskit.scoring import score_repository


def config(significance: dict[str, Any]) -> dict[str, Any]:
    return {**BASE_CONFIG, "significance": significance}


def aspect(id: str, scores: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": id,
        "activity": "Work",
        "aspect": f"Aspect {id}",
        "impact": "Harm",
        "condition": extra.pop("condition", "normal"),
        "scores": scores,
        **extra,
    }


def outcomes(
    make_repo,
    significance: dict[str, Any],
    aspects: list[dict[str, Any]],
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    root = make_repo(
        {"aspects/a.yaml": {"aspects": aspects}, **(extra or {})}, config(significance)
    )
    scoring = score_repository(load_repository(root))
    assert scoring.methods is not None and scoring.methods.problems == []
    return {o.record.id: o for o in scoring.outcomes}


# Each preset: aspects with scores worked out by hand, and the verdict the preset gives.
PINNED = {
    "likelihood-x-severity": [  # product, significant at >= 15
        ({"likelihood": 3, "severity": 5}, "15", True),
        ({"likelihood": 4, "severity": 3}, "12", False),
    ],
    "likelihood-x-severity-50": [  # product, significant above 20 (20 itself is not)
        ({"likelihood": 5, "severity": 4}, "20", False),
        ({"likelihood": 3, "severity": 8}, "24", True),
    ],
    "additive-5": [  # sum of five 1-5 factors, significant at >= 18
        (
            {"severity": 3, "frequency": 4, "legal": 4, "stakeholder": 4, "improvement": 3},
            "18",
            True,
        ),
        (
            {"severity": 3, "frequency": 4, "legal": 4, "stakeholder": 3, "improvement": 3},
            "17",
            False,
        ),
    ],
    "multi-factor-cn": [  # sum of six factors, significant at >= 17, or legal = 5 at once
        (
            {
                "frequency": 5,
                "legal": 3,
                "extent": 3,
                "recoverability": 2,
                "public_concern": 2,
                "difficulty": 2,
            },
            "17",
            True,
        ),
        (
            {
                "frequency": 5,
                "legal": 1,
                "extent": 3,
                "recoverability": 3,
                "public_concern": 1,
                "difficulty": 2,
            },
            "15",
            False,
        ),
        (
            {
                "frequency": 3,
                "legal": 5,
                "extent": 1,
                "recoverability": 3,
                "public_concern": 1,
                "difficulty": 1,
            },
            "14",
            True,
        ),
    ],
    "fine-kinney": [  # P x E x S, significant at >= 70; decimals stay exact
        ({"probability": 3, "exposure": 6, "severity": 7}, "126", True),
        ({"probability": 0.5, "exposure": 2, "severity": 40}, "40", False),
        ({"probability": 0.2, "exposure": 10, "severity": 40}, "80", True),
        ({"probability": 0.1, "exposure": 0.5, "severity": 1}, "0.05", False),
    ],
    "yes-no-screening": [  # any yes makes it significant
        (
            {
                "limit_exceeded": "no",
                "complaints": "no",
                "major_emergency": "no",
                "regulated": "no",
            },
            "0",
            False,
        ),
        (
            {
                "limit_exceeded": "no",
                "complaints": "yes",
                "major_emergency": "no",
                "regulated": "no",
            },
            "1",
            True,
        ),
    ],
}


@pytest.mark.parametrize("preset", sorted(PINNED))
def test_preset_pinned_against_hand_computed_scores(preset: str, make_repo) -> None:
    cases = PINNED[preset]
    got = outcomes(
        make_repo,
        {"preset": preset},
        [aspect(f"ASP-{i}", scores) for i, (scores, _, _) in enumerate(cases)],
    )
    for i, (_, score, significant) in enumerate(cases):
        outcome = got[f"ASP-{i}"]
        assert (outcome.score_text, outcome.significant) == (score, significant), (preset, i)


def test_every_shipped_preset_is_pinned() -> None:
    from emskit.model.config import PRESETS

    assert set(PRESETS) == set(PINNED)


def test_multi_factor_override_is_what_fired(make_repo) -> None:
    got = outcomes(
        make_repo, {"preset": "multi-factor-cn"}, [aspect("ASP-1", PINNED["multi-factor-cn"][2][0])]
    )
    outcome = got["ASP-1"]
    assert outcome.above_threshold is False and outcome.override is not None
    assert "legal = 5" in outcome.reason


def test_weighted_terms_with_yes_no_criterion(make_repo) -> None:
    method = {
        "criteria": {
            "scale": {"values": [1, 2, 3, 4, 5]},
            "frequency": {"values": [1, 2, 3, 4, 5]},
            "legal": {"values": ["no", "yes"]},
        },
        "aggregate": {
            "terms": [{"product": ["scale", "frequency"]}, {"criterion": "legal", "weight": 5}]
        },
        "threshold": 15,
    }
    got = outcomes(
        make_repo,
        method,
        [
            aspect("ASP-1", {"scale": 2, "frequency": 5, "legal": "yes"}),
            aspect("ASP-2", {"scale": 2, "frequency": 5, "legal": "no"}),
        ],
    )
    assert (got["ASP-1"].score, got["ASP-1"].significant) == (Decimal(15), True)
    assert (got["ASP-2"].score, got["ASP-2"].significant) == (Decimal(10), False)


def test_max_aggregation_and_exclusive_threshold(make_repo) -> None:
    method = {
        "criteria": {"a": {"values": [1, 2, 3]}, "b": {"values": [1, 2, 3]}},
        "aggregate": "max",
        "threshold": 2,
        "threshold_inclusive": False,
    }
    got = outcomes(
        make_repo, method, [aspect("ASP-1", {"a": 2, "b": 1}), aspect("ASP-2", {"a": 1, "b": 3})]
    )
    assert (got["ASP-1"].score_text, got["ASP-1"].significant) == ("2", False)
    assert (got["ASP-2"].score_text, got["ASP-2"].significant) == ("3", True)


def test_override_keys_must_all_hold(make_repo) -> None:
    method = {
        "preset": "likelihood-x-severity",
        "overrides": [
            {
                "when": {"condition": "emergency", "criterion": "severity", "at_least": 4},
                "reason": "Credible major emergency",
            }
        ],
    }
    got = outcomes(
        make_repo,
        method,
        [
            aspect("ASP-1", {"likelihood": 1, "severity": 4}, condition="emergency"),
            aspect("ASP-2", {"likelihood": 1, "severity": 4}, condition="normal"),
            aspect("ASP-3", {"likelihood": 1, "severity": 3}, condition="emergency"),
        ],
    )
    assert [got[i].significant for i in ("ASP-1", "ASP-2", "ASP-3")] == [True, False, False]
    assert got["ASP-1"].reason == "override: Credible major emergency"


def test_has_override_sees_links_from_either_side(make_repo) -> None:
    method = {
        "preset": "likelihood-x-severity",
        "overrides": [
            {"when": {"has": "obligations"}, "reason": "Covered by a compliance obligation"}
        ],
    }
    obligation = {
        "obligations": [
            {
                "id": "OBL-1",
                "type": "legal",
                "title": "Law",
                "requirement": "R",
                "evaluation_frequency": "annual",
                "aspects": ["ASP-2"],
            }
        ]
    }
    got = outcomes(
        make_repo,
        method,
        [
            aspect("ASP-1", {"likelihood": 1, "severity": 1}, obligations=["OBL-1"]),
            aspect("ASP-2", {"likelihood": 1, "severity": 1}),
            aspect("ASP-3", {"likelihood": 1, "severity": 1}),
        ],
        {"obligations/o.yaml": obligation},
    )
    assert [got[i].significant for i in ("ASP-1", "ASP-2", "ASP-3")] == [True, True, False]


def test_by_condition_refines_the_default_method(make_repo) -> None:
    method = {"preset": "likelihood-x-severity", "by_condition": {"emergency": {"threshold": 8}}}
    got = outcomes(
        make_repo,
        method,
        [
            aspect("ASP-1", {"likelihood": 2, "severity": 4}, condition="emergency"),
            aspect("ASP-2", {"likelihood": 2, "severity": 4}, condition="normal"),
        ],
    )
    assert got["ASP-1"].significant is True and got["ASP-1"].method.condition == "emergency"
    assert got["ASP-2"].significant is False


def test_preset_keys_can_be_adjusted(make_repo) -> None:
    got = outcomes(
        make_repo,
        {"preset": "multi-factor-cn", "threshold": 15},
        [aspect("ASP-1", PINNED["multi-factor-cn"][1][0])],
    )
    assert got["ASP-1"].significant is True
    assert got["ASP-1"].method.name == "multi-factor-cn (adjusted)"
    assert len(got["ASP-1"].method.overrides) == 1  # the preset's legal = 5 is kept


# --- the method and the aspects checked by emskit check --------------------------------

SCALE = {"values": [1, 2, 3]}
METHOD_PROBLEMS = {
    "unknown criterion in a term": (
        {
            "criteria": {"a": SCALE},
            "aggregate": {"terms": [{"product": ["a", "b"]}]},
            "threshold": 2,
        },
        "unknown criterion 'b'",
    ),
    "threshold out of reach": (
        {"criteria": {"a": SCALE, "b": SCALE}, "aggregate": "sum", "threshold": 7},
        "highest possible score is 6",
    ),
    "threshold never excluding": (
        {"criteria": {"a": SCALE}, "aggregate": "sum", "threshold": 1},
        "every aspect would be significant",
    ),
    "empty scale": (
        {"criteria": {"a": {"values": []}}, "aggregate": "sum", "threshold": 1},
        "empty scale",
    ),
    "mixed scale": (
        {"criteria": {"a": {"values": [1, "yes"]}}, "aggregate": "sum", "threshold": 1},
        "mixes",
    ),
    "no threshold": ({"criteria": {"a": SCALE}, "aggregate": "sum"}, "has no threshold"),
    "override on unknown criterion": (
        {
            "preset": "likelihood-x-severity",
            "overrides": [{"when": {"criterion": "legal", "equals": 5}, "reason": "x"}],
        },
        "unknown criterion 'legal'",
    ),
    "override value off the scale": (
        {
            "preset": "likelihood-x-severity",
            "overrides": [{"when": {"criterion": "severity", "equals": 7}, "reason": "x"}],
        },
        "never fire",
    ),
    "override with an empty when": (
        {"preset": "likelihood-x-severity", "overrides": [{"when": {}, "reason": "x"}]},
        "every aspect significant",
    ),
}


@pytest.mark.parametrize("name", sorted(METHOD_PROBLEMS))
def test_method_problems_are_findings_in_emskit_yaml(name: str, make_repo) -> None:
    method, message = METHOD_PROBLEMS[name]
    root = make_repo({}, config(method))
    hits = [f for f in findings(root) if f.code == "EMS401"]
    assert hits and hits[0].file == "emskit.yaml" and hits[0].line > 1, hits
    assert message in hits[0].message


def test_aspect_score_problems(make_repo) -> None:
    root = make_repo(
        {
            "aspects/a.yaml": {
                "aspects": [
                    aspect("ASP-1", {"likelihood": 3}),
                    aspect("ASP-2", {"likelihood": 3, "severity": 9}),
                    aspect("ASP-3", {"likelihood": 3, "severity": 2, "legal": 1}),
                ]
            }
        },
        config({"preset": "likelihood-x-severity"}),
    )
    messages = {f.ids[0]: f.message for f in findings(root) if f.code == "EMS402"}
    assert "no score for 'severity'" in messages["ASP-1"]
    assert "severity = 9 is not on its scale (1, 2, 3, 4, 5)" in messages["ASP-2"]
    assert "'legal' is not a criterion" in messages["ASP-3"]


def test_significant_aspect_rule_uses_the_computed_verdict(make_repo) -> None:
    # Declared not significant, computed significant, no control: both problems are reported.
    root = make_repo(
        {
            "aspects/a.yaml": {
                "aspects": [aspect("ASP-1", {"likelihood": 5, "severity": 5}, significant=False)]
            }
        },
        config({"preset": "likelihood-x-severity"}),
    )
    codes = sorted(
        f.code for f in findings(root) if f.code != "EMS004"
    )  # EMS004: the rest of a bare repo
    assert codes == ["EMS303", "EMS403"]


def test_documented_disagreement_is_accepted(make_repo) -> None:
    root = make_repo(
        {
            "aspects/a.yaml": {
                "aspects": [
                    aspect(
                        "ASP-1",
                        {"likelihood": 1, "severity": 1},
                        significant=True,
                        significance_note="Neighbours complained",
                        controls=["CTL-1"],
                    )
                ]
            },
            "controls/c.yaml": {"controls": [{"id": "CTL-1", "title": "Screen"}]},
        },
        config({"preset": "likelihood-x-severity"}),
    )
    assert [f for f in findings(root) if f.code.startswith("EMS4")] == []


def test_scores_without_a_method(make_repo) -> None:
    root = make_repo({"aspects/a.yaml": {"aspects": [aspect("ASP-1", {"likelihood": 1})]}})
    assert [f.code for f in findings(root) if f.code != "EMS004"] == ["EMS401"]


# --- published registers: our method reproduces their printed scores and verdicts -------

SWEDWISE = SHARED / "realworld" / "swedwise-internal__document-platform"


def _table_rows(path: Path) -> list[dict[str, str]]:
    """The rows of every Markdown table whose first column is 'Aspect ID', bold removed."""
    rows, header = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip().replace("**", "") for c in line.strip().strip("|").split("|")]
        if cells[0] == "Aspect ID":
            header = cells
        elif header and not set(cells[0]) <= {"-"}:
            rows.append(dict(zip(header, cells, strict=False)))
    return rows


REGISTERS = {
    "environmental-aspects-register.md": (
        {
            "criteria": {
                "scale": {"values": [1, 2, 3, 4, 5]},
                "frequency": {"values": [1, 2, 3, 4, 5]},
                "stakeholder": {"values": [1, 2, 3, 4, 5]},
                "legal": {"values": ["no", "yes"]},
            },
            "aggregate": {
                "terms": [
                    {"product": ["scale", "frequency"]},
                    {"criterion": "stakeholder"},
                    {"criterion": "legal", "weight": 5},
                ]
            },
            "threshold": 15,
        },
        lambda row: {
            "scale": int(row["Scale"]),
            "frequency": int(row["Freq"]),
            "stakeholder": int(row["Stakeholder"]),
            "legal": "yes" if row["Legal"] == "Y" else "no",
        },
        "Score",
        "Significant?",
    ),
    "SW-EMS-FRM-001-environmental-aspects-register.md": (
        {
            "criteria": {
                name: {"values": [1, 2, 3, 4, 5]}
                for name in ("scale", "severity", "probability", "legal")
            },
            "aggregate": "sum",
            "threshold": 12,
        },
        lambda row: {
            "scale": int(row["Scale (1-5)"]),
            "severity": int(row["Severity (1-5)"]),
            "probability": int(row["Probability (1-5)"]),
            "legal": int(row["Legal (1-5)"]),
        },
        "Total Score",
        "Significant? (Y/N)",
    ),
}


@pytest.mark.skipif(
    not SWEDWISE.is_dir(), reason=f"{SWEDWISE} is not beside this checkout (set EMSKIT_SHARED)"
)
@pytest.mark.parametrize("register", sorted(REGISTERS))
def test_published_register_reproduced(register: str, make_repo) -> None:
    method, scores_of, score_column, verdict_column = REGISTERS[register]
    rows = _table_rows(SWEDWISE / register)
    assert len(rows) == 15
    aspects = [
        aspect(row["Aspect ID"], scores_of(row), condition=row["Condition"].lower()) for row in rows
    ]
    root = make_repo({"aspects/a.yaml": {"aspects": aspects}}, config(method))
    result = run_cli("score", "--repo", str(root), "--as-of", AS_OF.isoformat(), "--format", "json")
    assert result.returncode == 0, result.stderr
    got = {a["id"]: (a["score"], a["significant"]) for a in json.loads(result.stdout)["aspects"]}
    expected = {
        row["Aspect ID"]: (int(row[score_column]), row[verdict_column] == "Y") for row in rows
    }
    assert got == expected


# --- the sample organisation -------------------------------------------------------------


def test_sample_org_verdicts_match_a_hand_calculation() -> None:
    """multi-factor-cn by hand: sum the six factors; significant at 17 or more, or legal = 5."""
    scoring = score_repository(load_repository(SAMPLE))
    by_hand = {}
    for path in sorted((SAMPLE / "aspects").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["aspects"]:
            scores = item["scores"]
            by_hand[item["id"]] = (
                sum(scores.values()),
                sum(scores.values()) >= 17 or scores["legal"] == 5,
            )
    computed = {o.record.id: (int(o.score), o.significant) for o in scoring.outcomes}
    assert computed == by_hand
    assert sum(1 for _, significant in by_hand.values() if significant) == 16
    declared = {o.record.id: o.declared for o in scoring.outcomes}
    assert declared == {k: v[1] for k, v in by_hand.items()}  # the sample declares what it computes


def test_score_table_sorted_by_score_and_filters() -> None:
    result = run_cli(
        "score", "--repo", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["method"], document["threshold"], document["as_of"]) == (
        "multi-factor-cn",
        17,
        "2026-11-22",
    )
    scores = [a["score"] for a in document["aspects"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 35
    first = document["aspects"][0]
    assert set(first) >= {
        "id",
        "file",
        "line",
        "scores",
        "score",
        "significant",
        "declared",
        "override",
    }
    text = (SAMPLE / first["file"]).read_text(encoding="utf-8").splitlines()
    assert f"id: {first['id']}" in text[first["line"] - 1]
    filtered = run_cli(
        "score",
        "--repo",
        str(SAMPLE),
        "--condition",
        "emergency",
        "--verdict",
        "significant",
        "--format",
        "csv",
    )
    assert filtered.stdout.startswith("id,site,department,aspect,condition,frequency")
    rows = list(csv.DictReader(io.StringIO(filtered.stdout)))
    assert {(row["condition"], row["verdict"]) for row in rows} == {("emergency", "significant")}
    assert [row["id"] for row in rows] == ["ASP-020", "ASP-019", "ASP-022"]


def test_explain_shows_the_arithmetic() -> None:
    result = run_cli("score", "--repo", str(SAMPLE), "--explain", "ASP-015")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert (
        "score = frequency + legal + extent + recoverability + public_concern + difficulty" in out
    )
    assert "= 3 + 5 + 1 + 3 + 1 + 1" in out and re.search(r"= 14\n", out)
    assert "when legal = 5: FIRES" in out
    assert "verdict    significant (override:" in out


def test_explain_unknown_aspect_is_a_usage_error() -> None:
    result = run_cli("score", "--repo", str(SAMPLE), "--explain", "ASP-0155")
    assert result.returncode == 2
    assert "did you mean ASP-015" in result.stderr and "Traceback" not in result.stderr


def test_score_without_method_exits_2(make_repo) -> None:
    result = run_cli("score", "--repo", str(make_repo({})))
    assert result.returncode == 2 and "no significance method" in result.stderr


def test_score_exits_1_on_problems(make_repo) -> None:
    root = make_repo(
        {"aspects/a.yaml": {"aspects": [aspect("ASP-1", {"likelihood": 9, "severity": 1})]}},
        config({"preset": "likelihood-x-severity"}),
    )
    result = run_cli("score", "--repo", str(root))
    assert result.returncode == 1
    assert "aspects/a.yaml:" in result.stdout and "EMS402" in result.stdout
