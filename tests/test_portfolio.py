"""emskit portfolio: many repositories, one row each, worst first; broken ones are rows."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, run_cli
from ems_git import commit_all, edit, git, sample_repository
from test_gap import CHROMIUM, CHROMIUM_FLAGS


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three readable clients (ready; ready with an overdue item; not ready), a broken
    emskit.yaml, and a folder outside git."""
    top = tmp_path_factory.mktemp("clients")
    sample_repository(top / "acme")
    late = sample_repository(top / "group" / "site-b")
    edit(late, "emskit.yaml", 'en: "Minghe Precision Castings Co., Ltd."', "en: Site B Ltd")
    # An obligation past its expiry: an overdue item.
    edit(late, "obligations/permits-and-local.yaml", "expires: 2028-06-30", "expires: 2026-10-31")
    commit_all(late, "permit lapsed")
    failing = sample_repository(top / "group" / "site-c")
    edit(
        failing,
        "records/evaluations/EVA-2026-02.yaml",
        "{obligation: OBL-011, result: compliant}",
        "{obligation: OBL-011, result: non-compliant}",
    )
    commit_all(failing, "failed evaluation")
    broken = top / "broken"
    broken.mkdir()
    (broken / "emskit.yaml").write_text("emskit: 1\norganization: [\n", encoding="utf-8")
    git(broken, "init", "-q")
    commit_all(broken, "broken")
    nogit = top / "nogit"
    nogit.mkdir()
    (nogit / "emskit.yaml").write_bytes((SAMPLE / "emskit.yaml").read_bytes())
    return top


def _json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = run_cli("portfolio", *args, "--as-of", AS_OF.isoformat(), "--format", "json")
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


def test_every_repository_is_a_row_worst_first_and_broken_ones_exit_1(clients: Path) -> None:
    code, doc = _json(str(clients))
    assert code == 1
    rows = {Path(r["path"]).name: r for r in doc["repositories"]}
    assert set(rows) == {"acme", "site-b", "site-c", "broken", "nogit"}
    assert [r["status"] for r in doc["repositories"]] == sorted(
        (r["status"] for r in doc["repositories"]),
        key=["broken", "not-ready", "overdue", "ready"].index,
    )
    assert rows["broken"]["status"] == "broken"
    assert "emskit.yaml:3" in rows["broken"]["error"]
    assert "git" in rows["nogit"]["error"]
    acme = rows["acme"]
    assert acme["status"] == "ready" and acme["ready"] is True
    assert acme["organisation"] == "Minghe Precision Castings Co., Ltd."
    assert acme["edition"] == "2015+A1:2024"
    assert acme["check"] == {"errors": 0, "warnings": 0}
    assert acme["gap"]["missing"] == 0 and acme["gap"]["met"] > 20
    assert len(acme["next_due"]) == 3
    assert [d["due"] for d in acme["next_due"]] == sorted(d["due"] for d in acme["next_due"])
    assert acme["certificate"]["status"] == "applied"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", acme["last_commit"])
    site_b = rows["site-b"]
    assert site_b["organisation"] == "Site B Ltd"
    assert site_b["overdue"] >= 1 and site_b["status"] == "overdue"
    site_c = rows["site-c"]
    assert site_c["status"] == "not-ready" and site_c["ready"] is False
    assert "compliance-evaluation" in site_c["failing_rules"]
    assert site_c["check"]["errors"] >= 1
    assert doc["summary"] == {"broken": 2, "not-ready": 1, "overdue": 1, "ready": 1}


def test_one_job_and_several_give_the_same_rows(clients: Path) -> None:
    assert _json(str(clients), "--jobs", "1")[1] == _json(str(clients), "--jobs", "3")[1]


def test_as_of_is_honoured(clients: Path) -> None:
    later = run_cli("portfolio", str(clients / "acme"), "--as-of", "2027-06-30", "--format", "json")
    now = _json(str(clients / "acme"))[1]["repositories"][0]
    then = json.loads(later.stdout)["repositories"][0]
    assert then["overdue"] > now["overdue"]
    assert then["next_due"] != now["next_due"]


def test_text_puts_the_worst_first_and_errors_under_the_table(clients: Path) -> None:
    result = run_cli("portfolio", str(clients), "--as-of", AS_OF.isoformat())
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    statuses = [line.split()[0] for line in lines[2:7]]
    assert statuses == ["broken", "broken", "not-ready", "overdue", "ready"]
    assert any(line.endswith("YAML syntax: did not find expected node content") for line in lines)
    assert "5 repositories (2 broken, 1 not-ready, 1 overdue, 1 ready)" in lines[-1]


def test_csv_has_a_row_per_repository(clients: Path) -> None:
    result = run_cli("portfolio", str(clients), "--as-of", AS_OF.isoformat(), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5
    acme = next(r for r in rows if r["path"].endswith("acme"))
    assert acme["ready"] == "yes" and acme["errors"] == "0" and acme["gap_missing"] == "0"
    assert next(r for r in rows if r["path"].endswith("broken"))["error"]


def test_a_crash_in_one_repository_is_its_row(
    clients: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emskit.commands import portfolio

    def crash(root: Path, as_of: object, cache_dir: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(portfolio, "run_check", crash)
    row = portfolio.summarise_one(portfolio.Task(str(clients / "acme"), AS_OF))
    assert row.status == "broken"
    assert row.error is not None and row.error.startswith("internal error (KeyError at ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "0"], "--jobs 0"),
        (["/nonexistent/folder"], "no such folder"),
    ],
)
def test_what_cannot_run_exits_2(clients: Path, args: list[str], message: str) -> None:
    result = run_cli("portfolio", *([str(clients)] if args[0] == "--jobs" else []), *args)
    assert result.returncode == 2 and message in result.stderr


def test_a_folder_without_repositories_exits_2(tmp_path: Path) -> None:
    result = run_cli("portfolio", str(tmp_path))
    assert result.returncode == 2 and "no EMS repository" in result.stderr


def test_out_onto_a_file_is_refused(clients: Path, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("mine", encoding="utf-8")
    result = run_cli("portfolio", str(clients / "acme"), "--out", str(target))
    assert result.returncode == 2 and "not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def _dom(page: str, profile: Path) -> str:
    assert CHROMIUM
    done = subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--dump-dom",
            page,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Uncaught" not in done.stderr
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_dashboard_in_headless_chromium(clients: Path, tmp_path: Path) -> None:
    out = tmp_path / "dashboard"
    result = run_cli("portfolio", str(clients), "--as-of", AS_OF.isoformat(), "--out", str(out))
    assert result.returncode == 1
    index = out / "index.html"
    dom = _dom(index.as_uri(), tmp_path / "profile")
    rows = re.findall(r'<tr class="([a-z-]+)" data-status="\1"[^>]*?( hidden="")?>', dom)
    assert [r[0] for r in rows] == ["broken", "broken", "not-ready", "overdue", "ready"]
    assert not any(r[1] for r in rows)  # no filter: every row shown
    assert "5 shown" in dom
    # The filter, as the address carries it: only the broken rows stay visible.
    filtered = _dom(index.as_uri() + "#status=broken", tmp_path / "profile")
    shown = re.findall(r'<tr class="([a-z-]+)" data-status="\1"[^>]*?( hidden="")?>', filtered)
    assert [r[0] for r in shown if not r[1]] == ["broken", "broken"]
    assert "2 shown" in filtered
    # Each readable row links to its gap and readiness pages, which exist and render.
    links = re.findall(r'<a class="page" href="([^"]+)"', dom)
    assert len(links) == 6 and all((out / link).is_file() for link in links)
    ready_page = next(link for link in links if "site-c" in link and link.endswith("ready.html"))
    ready_dom = _dom((out / ready_page).as_uri(), tmp_path / "profile")
    assert re.search(r'<tr class="fail" data-rule="[a-z-]+">', ready_dom)
    assert "compliance-evaluation" in ready_dom
    gap_page = next(link for link in links if "acme" in link and link.endswith("gap.html"))
    assert re.search(
        r'<tr class="met" data-clause="4.1">', _dom((out / gap_page).as_uri(), tmp_path / "profile")
    )


def test_each_repository_is_checked_through_the_check_cache(clients: Path, tmp_path: Path) -> None:
    import os

    def run(cache: Path, *extra: str) -> str:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "emskit",
                "portfolio",
                str(clients),
                "--as-of",
                AS_OF.isoformat(),
                "--format",
                "json",
                *extra,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "EMSKIT_CACHE_DIR": str(cache)},
        )
        assert result.returncode == 1, result.stderr
        return result.stdout

    cold = run(tmp_path / "cache")
    kept = {p for p in (tmp_path / "cache").rglob("*") if p.is_file()}
    assert len(kept) >= 3  # one result per readable repository (and the signing key)
    assert run(tmp_path / "cache") == cold  # answered from the cache, the same rows
    run(tmp_path / "unused", "--no-cache")
    assert not (tmp_path / "unused").exists()
