"""emskit status: check, ready, due and gap in one ranked list of what to do next."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, SAMPLE, run_cli


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "org"))


def status(repo: Path, *extra: str, as_of: str = AS_OF.isoformat()) -> tuple[int, dict[str, Any]]:
    result = run_cli("status", "--repo", str(repo), "--as-of", as_of, "--format", "json", *extra)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


def test_the_sample_org_has_only_what_falls_due(sample: Path) -> None:
    code, report = status(sample)
    assert code == 0, report
    assert report["ready"] is True and report["failing"] is False
    assert {item["level"] for item in report["items"]} <= {"due", "partial"}
    due = json.loads(
        run_cli(
            "due", "--repo", str(sample), "--as-of", AS_OF.isoformat(), "--format", "json"
        ).stdout
    )
    soon = sorted(i["id"] for i in due["items"] if i["state"] == "due")
    assert sorted(i["ids"][0] for i in report["items"] if i["source"] == "due") == soon


def test_a_broken_mutation_ranks_errors_first_and_fails(sample: Path) -> None:
    aspects = next((sample / "aspects").glob("*.yaml"))
    text = aspects.read_text(encoding="utf-8")
    aspects.write_text(text.replace("condition: normal", "condition: norml", 1), encoding="utf-8")
    review = sample / "records/reviews/MR-2026-01.yaml"
    review.unlink()
    code, report = status(sample, as_of="2027-03-01")
    assert code == 1 and report["failing"] is True
    levels = [item["level"] for item in report["items"]]
    order = ["error", "fail", "overdue", "missing", "partial", "due"]
    assert levels == sorted(levels, key=order.index)
    first = report["items"][0]
    assert first["source"] == "check" and first["file"] == aspects.relative_to(sample).as_posix()
    assert first["act"].startswith(f"{first['file']}:{first['line']}:")
    assert any(i["source"] == "ready" and i["level"] == "fail" for i in report["items"])
    assert any(i["level"] == "overdue" for i in report["items"])
    review = [i for i in report["items"] if i["source"] == "ready" and "9.3" in i["clauses"]]
    assert review and review[0]["act"] == "emskit new review"
    gap = [i for i in report["items"] if i["source"] == "gap" and "9.3" in i["clauses"]]
    assert gap and gap[0]["level"] == "partial"
    assert gap[0]["act"] == "records/reviews/MR-2025-01.yaml:1"  # the review to bring up to date
    assert [i["rank"] for i in report["items"]] == list(range(1, len(levels) + 1))


def test_overdue_alone_fails(sample: Path) -> None:
    code, report = status(sample, as_of="2027-12-31")
    overdue = [i for i in report["items"] if i["level"] == "overdue"]
    assert overdue and code == 1
    assert all(i["act"] for i in overdue)
    evaluations = [i for i in overdue if i["act"] == "emskit new evaluation"]
    assert evaluations, overdue


def test_text_output_names_what_to_act_on(sample: Path) -> None:
    result = run_cli("status", "--repo", str(sample), "--as-of", "2027-12-31")
    assert result.returncode == 1
    assert "act on" in result.stdout and "emskit new evaluation" in result.stdout
    assert "emskit status:" in result.stdout and "overdue" in result.stdout


def test_a_fresh_repository_is_told_where_to_start(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    assert run_cli("init", str(target)).returncode == 0
    code, report = status(target)
    assert code == 1 and report["ready"] is False
    acts = {item["act"] for item in report["items"]}
    assert {"emskit new review", "emskit new audit", "emskit new evaluation"} <= acts


def test_one_long_message_does_not_pad_every_line(tmp_path: Path) -> None:
    """On a large repository one step lists thousands of obligations: the other lines keep
    their width (they were padded to its half a million characters: gigabytes of text)."""
    import datetime as dt
    import io

    from emskit.certification.status_result import StatusResult, Step
    from emskit.report.status_report import render_text

    long = "not ready: compliance-evaluation: " + "; ".join(
        f"OBL-{i:05d} late" for i in range(5000)
    )
    steps = [
        Step("fail", "ready", long, "emskit new evaluation"),
        Step("due", "due", "Stage 1 audit (stage-1): due 2026-12-08", "emskit.yaml:28"),
    ]
    out = io.StringIO()
    render_text(StatusResult(tmp_path, dt.date(2026, 11, 22), "2015", "P30D", False, steps), out)
    lines = out.getvalue().splitlines()
    assert lines[2].startswith("1  fail ") and lines[2].endswith("  emskit new evaluation")
    assert len(long) < len(lines[2]) < len(long) + 40  # the long one runs on, act kept
    assert lines[3].endswith("due 2026-12-08" + " " * (120 - 39) + "  emskit.yaml:28")
    assert len(lines[3]) < 160
