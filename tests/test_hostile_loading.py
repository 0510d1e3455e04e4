"""Hostile repositories at load time: each case is a located finding or runs through, in
every command, never an internal error (exit 3), a traceback or a hang.

The cases are those of issue 10 point 3: non-regular files in the layout, a huge size limit,
a product method over 30 criteria, huge numbers, dates at the ends of the calendar, 29
February, as-of dates a zip cannot stamp, an id with a final newline, control characters and
an evidence link that loops.  Each runs on a small repository that reaches the date
arithmetic of every command (an obligation's frequency, a document's review, a
certification cycle, readings).  run_cli's timeout fails the test if a command hangs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE_CONFIG, check_json, run_cli, write_tree

Mutation = Callable[[Path], None]

ASPECT = (
    "  - {id: ASP-001, activity: Painting, aspect: VOC, impact: [Air], condition: normal,"
    " scores: {likelihood: 3, severity: 4}, reviewed: 2026-01-20}\n"
)
OBLIGATION = (
    "obligations:\n  - {id: OBL-001, type: legal, title: Permit, requirement: Keep it,"
    " evaluation_frequency: annual}\n"
)
DOCUMENT = (
    "---\nid: DOC-001\ntitle: Waste\ntype: procedure\nowner: Ann\napproved_by: Bob\n"
    "approved_on: 2026-01-20\nreview_interval: annual\nstatus: approved\n---\n# Waste\n"
)
CONFIG: dict[str, Any] = {
    **BASE_CONFIG,
    "ems": {**BASE_CONFIG["ems"], "operating_since": "2025-03-01"},
    "significance": {"preset": "likelihood-x-severity"},
    "certification": {
        "status": "certified",
        "decision": "2024-02-29",
        "certificate": {"expires": "2027-02-28"},
    },
}
MINI: dict[str, Any] = {
    "emskit.yaml": CONFIG,
    "aspects/a.yaml": "aspects:\n" + ASPECT,
    "obligations/o.yaml": OBLIGATION,
    "documents/waste.md": DOCUMENT,
    "monitoring/indicators.yaml": "indicators:\n  - {id: IND-VOC, name: VOC, unit: t, frequency: monthly}\n"
    "equipment:\n  - {id: EQ-01, name: Meter, calibrated_on: 2026-03-10, calibration_interval: annual}\n",
    "records/evaluations/EVA-1.yaml": "id: EVA-1\ndate: 2026-01-10\nevaluator: Ann\n"
    "results:\n  - {obligation: OBL-001, result: compliant}\n",
    "monitoring/data/2026.csv": "date,indicator,value\n2026-01-31,IND-VOC,0.8\n",
}


def _edit(rel: str, old: str, new: str) -> Mutation:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _config(**changes: Any) -> Mutation:
    def apply(root: Path) -> None:
        write_tree(root, {"emskit.yaml": {**CONFIG, **changes}})

    return apply


def _fifo(rel: str) -> Mutation:
    return lambda root: os.mkfifo(root / rel)


def _evidence_loop(root: Path) -> None:
    (root / "evidence").mkdir()
    (root / "evidence/loop").symlink_to("loop")
    _edit(
        "aspects/a.yaml", "reviewed: 2026-01-20", "reviewed: 2026-01-20, evidence: [evidence/loop]"
    )(root)


def _criteria(values: list[int], count: int) -> dict[str, Any]:
    return {f"c{index:02}": {"values": values} for index in range(count)}


HUGE = "9" * 400
# name -> (mutation of MINI, the finding check must give: (code, file, text) or None)
CASES: dict[str, tuple[Mutation, tuple[str, str, str] | None]] = {
    "fifo-yaml": (_fifo("aspects/pipe.yaml"), ("EMS002", "aspects/pipe.yaml", "named pipe")),
    "fifo-csv": (_fifo("monitoring/data/pipe.csv"), ("EMS002", "monitoring/data/pipe.csv", "FIFO")),
    "fifo-document": (_fifo("documents/pipe.md"), ("EMS002", "documents/pipe.md", "not a regular")),
    "huge-size-limit": (
        _config(limits={"yaml_mb": 100000}),
        ("EMS003", "emskit.yaml", "less than or equal to 1024"),
    ),
    "product-of-30": (
        _config(
            significance={
                "criteria": _criteria([-2, 3], 30),
                "aggregate": "product",
                "threshold": -(2 * 3**29) - 1,
            }
        ),
        ("EMS", "emskit.yaml", f"lowest possible score {-2 * 3**29}"),
    ),
    "threshold-400-digits": (
        _edit(
            "emskit.yaml",
            "preset: likelihood-x-severity",
            f"preset: likelihood-x-severity\n  threshold: {HUGE}",
        ),
        ("EMS003", "emskit.yaml", "too large"),
    ),
    "score-400-digits": (
        _edit("aspects/a.yaml", "likelihood: 3", f"likelihood: {HUGE}"),
        ("EMS003", "aspects/a.yaml", "too large"),
    ),
    "score-5000-digits": (
        _edit("aspects/a.yaml", "likelihood: 3", "likelihood: " + "9" * 5000),
        ("EMS001", "aspects/a.yaml", "5000 digits"),
    ),
    "score-1e300": (
        _edit("aspects/a.yaml", "likelihood: 3", "likelihood: 1.0e+300"),
        ("EMS003", "aspects/a.yaml", "too large"),
    ),
    "period-P99999Y": (
        _edit(
            "obligations/o.yaml", "evaluation_frequency: annual", "evaluation_frequency: P99999Y"
        ),
        None,
    ),
    "period-5000-digits": (
        _edit(
            "obligations/o.yaml",
            "evaluation_frequency: annual",
            f"evaluation_frequency: P{'9' * 5000}D",
        ),
        None,
    ),
    "never-9999-12-31": (
        _config(
            certification={
                "status": "certified",
                "decision": "0001-01-01",
                "certificate": {"expires": "9999-12-31"},
            }
        ),
        None,
    ),
    "document-approved-9999": (
        _edit("documents/waste.md", "approved_on: 2026-01-20", "approved_on: 9999-12-31"),
        None,
    ),
    "reading-0001-01-01": (
        _edit("monitoring/data/2026.csv", "2026-01-31,", "0001-01-01,"),
        None,
    ),
    "obligation-expires-9999": (
        _edit(
            "obligations/o.yaml",
            "evaluation_frequency: annual",
            "evaluation_frequency: annual, expires: 9999-12-31, effective: 0001-01-01",
        ),
        None,
    ),
    "evaluated-9999-12-31": (
        _edit("records/evaluations/EVA-1.yaml", "date: 2026-01-10", "date: 9999-12-31"),
        ("EMS", "records/evaluations/EVA-1.yaml", "9999-12-31 is after"),
    ),
    "calibrated-0001-every-P99999Y": (
        _edit(
            "monitoring/indicators.yaml",
            "calibrated_on: 2026-03-10, calibration_interval: annual",
            "calibrated_on: 0001-01-01, calibration_interval: P99999Y",
        ),
        None,
    ),
    "id-final-newline": (
        _edit("aspects/a.yaml", ASPECT, ASPECT + ASPECT.replace("id: ASP-001", 'id: "ASP-001\\n"')),
        ("EMS003", "aspects/a.yaml", "not a valid id"),
    ),
    "control-escape": (
        _edit("aspects/a.yaml", "activity: Painting", 'activity: "Paint\\x1b[31ming"'),
        ("EMS001", "aspects/a.yaml", "U+001B"),
    ),
    "control-raw-bel": (
        _edit("aspects/a.yaml", "activity: Painting", "activity: Paint\x07ing"),
        ("EMS001", "aspects/a.yaml", "U+0007"),
    ),
    "evidence-loop": (_evidence_loop, ("EMS105", "aspects/a.yaml", "leads nowhere")),
}
AS_OF_CASES = ("2028-02-29", "1970-01-01", "2200-01-01", "0001-01-01", "9999-12-31")


def _commands(root: Path, out: Path, as_of: str) -> dict[str, list[str]]:
    common = ["--repo", str(root), "--as-of", as_of]
    return {
        "check": ["check", *common],
        "score": ["score", *common],
        "gap": ["gap", *common],
        "due": ["due", *common, "--format", "ics"],
        "ready": ["ready", *common],
        "docs": ["docs", *common, "render", "DOC-001", "-f", "md", "--out", str(out / "d.md")],
        "pack": [
            "pack",
            *common,
            "--out",
            str(out / "pack.zip"),
            "--formats",
            "md,xlsx",
            "--draft",
            "--allow-dirty",
        ],
    }


# Every command of a case in one fresh process (one interpreter start instead of seven):
# each exit code is written down, an internal error is exit 3, a hang hits run_cli's timeout.
_DRIVER = """
import json, sys
from emskit.cli.main import app
codes = {}
for name, args in json.loads(sys.argv[1]):
    try:
        app(args, prog_name="emskit")
    except SystemExit as done:
        codes[name] = done.code
    print(f"--- {name} done", file=sys.stderr, flush=True)
print(json.dumps(codes), file=open(sys.argv[2], "w"))
"""


def _run_every_command(root: Path, out: Path, as_of: str = "2026-11-22") -> None:
    out.mkdir()
    commands = list(_commands(root, out, as_of).items())
    codes_file = out / "codes.json"
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER, json.dumps(commands), str(codes_file)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0 and codes_file.exists(), result.stderr[-2000:]
    codes = json.loads(codes_file.read_text())
    assert sorted(codes) == sorted(name for name, _ in commands)
    failures = {name: code for name, code in codes.items() if code not in (0, 1, 2)}
    assert not failures and "Traceback" not in result.stderr, (failures, result.stderr[-3000:])


def _mutated(tmp_path: Path, name: str) -> Path:
    root = write_tree(tmp_path / "repo", MINI)
    CASES[name][0](root)
    return root


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_reports_it_at_its_place(name: str, tmp_path: Path) -> None:
    root = _mutated(tmp_path, name)
    _, report = check_json(root)
    expected = CASES[name][1]
    crashes = [f for f in report["findings"] if "internal" in f["message"]]
    assert not crashes, crashes
    if expected is None:
        return
    code, rel, text = expected
    hits = [
        f
        for f in report["findings"]
        if f["code"].startswith(code) and f["file"] == rel and text in f["message"]
    ]
    assert hits, [(f["code"], f["file"], f["message"]) for f in report["findings"]]
    assert hits[0]["line"] >= 1


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_command_crashes_or_hangs(name: str, tmp_path: Path) -> None:
    _run_every_command(_mutated(tmp_path, name), tmp_path / "out")


@pytest.mark.parametrize("as_of", AS_OF_CASES)
def test_no_command_crashes_at_the_ends_of_the_calendar(as_of: str, tmp_path: Path) -> None:
    _run_every_command(write_tree(tmp_path / "repo", MINI), tmp_path / "out", as_of)


def test_pack_zip_stamps_are_clamped_to_what_a_zip_holds(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "repo", MINI)
    for as_of, stamp in (("1970-01-01", (1980, 1, 1)), ("2200-06-30", (2107, 12, 31))):
        out = tmp_path / f"pack-{as_of}.zip"
        result = run_cli(
            "pack", "--repo", str(root), "--as-of", as_of, "--out", str(out),
            "--formats", "md", "--draft", "--allow-dirty",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        with zipfile.ZipFile(out) as archive:
            assert {info.date_time[:3] for info in archive.infolist()} == {stamp}


def test_a_socket_in_the_layout_is_reported_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    root = write_tree(tmp_path / "repo", MINI)
    monkeypatch.chdir(root / "aspects")  # a short relative name: socket paths are limited
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind("s.yaml")
        _, report = check_json(root)
    [hit] = [f for f in report["findings"] if f["file"] == "aspects/s.yaml"]
    assert hit["code"] == "EMS002" and "socket" in hit["message"]


def test_period_arithmetic_saturates_at_the_ends_of_the_calendar() -> None:
    import datetime as dt

    from emskit.calendar.periods import add, add_years

    assert add(dt.date(9999, 12, 31), "P1Y") == dt.date.max
    assert add(dt.date(2026, 1, 1), "P99999Y") == dt.date.max
    assert add(dt.date(2026, 1, 1), "P" + "9" * 5000 + "D") == dt.date.max
    assert add(dt.date(9999, 12, 30), "P2D") == dt.date.max
    assert add(dt.date(1, 6, 1), "P1Y", -1) == dt.date.min
    assert add(dt.date(1, 1, 2), "P1W", -1) == dt.date.min
    assert add_years(dt.date(2028, 2, 29), -3) == dt.date(2025, 2, 28)
    assert add(dt.date(2028, 2, 29), "P1Y") == dt.date(2029, 2, 28)
    with pytest.raises(ValueError):
        add(dt.date(2026, 1, 1), "P1Y\n")


def test_a_generous_size_limit_is_not_allocated(tmp_path: Path) -> None:
    from emskit.repo.text_file import read_limited

    path = tmp_path / "a.yaml"
    path.write_bytes(b"aspects:\n")
    assert read_limited(str(path), 100_000) == b"aspects:\n"  # 100 GB: never allocated


def test_product_range_is_that_of_every_corner() -> None:
    import itertools
    import random
    from decimal import Decimal

    from emskit.scoring.score_range import product_range

    chance = random.Random(10)
    for _ in range(500):
        ranges = [
            tuple(sorted(Decimal(chance.randint(-5, 5)) for _ in range(2)))
            for _ in range(chance.randint(1, 5))
        ]
        corners = [
            Decimal(1) * __import__("math").prod(corner) for corner in itertools.product(*ranges)
        ]
        assert product_range(ranges) == (min(corners), max(corners)), ranges
