"""Time `emskit import` on a generated 10,000-row register (target < 5 s).

    python benchmarks/import_register.py [--rows 10000] [--runs 3] [--out benchmarks/out]

Two registers: an aspects register in CSV with its own criteria, score and verdict (scored
again with the method in emskit.yaml and compared row by row), and an obligations register
in xlsx (the slowest reader). Each run imports into a fresh repository in a fresh process;
the figure is the median of --runs.
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = """emskit: 1
organization: {name: Benchmark Co, sites: [{id: SITE-A, name: Plant A}]}
ems: {edition: "2015+A1:2024", scope: Benchmark}
significance: {preset: likelihood-x-severity}
"""


def aspects_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Aspect register FY2026"])
        writer.writerow(["Activity", "Environmental Aspect", "Environmental Impact", "Condition",
                         "Likelihood", "Severity", "Score", "Significant?", "Owner",
                         "Review date"])  # fmt: skip
        for n in range(rows):
            likelihood, severity = n % 5 + 1, (n // 5) % 5 + 1
            score = likelihood * severity + (1 if n % 97 == 0 else 0)  # some arithmetic errors
            writer.writerow([f"Process step {n}", f"Aspect {n}", "Air pollution",
                             ("Normal", "Abnormal", "Emergency")[n % 3], likelihood, severity,
                             score, "Y" if score >= 15 else "N", f"Manager {n % 40}",
                             f"{n % 28 + 1}.{n % 12 + 1}.2026"])  # fmt: skip


def obligations_xlsx(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Register")
    sheet.append(["Legal register"])
    sheet.append(["Title", "Reference", "Authority", "Requirement", "Effective date", "Frequency"])
    for n in range(rows):
        sheet.append([f"Regulation {n}", f"No. {n}", "Ministry", f"Keep record {n}",
                      f"2020/1/{n % 28 + 1}", ("annual", "quarterly")[n % 2]])  # fmt: skip
    book.save(path)


def run(kind: str, source: Path, out: Path, runs: int, *extra: str) -> tuple[float, float]:
    """Median wall-clock seconds, and median CPU seconds (what a loaded machine cannot inflate)."""
    times, cpu = [], []
    for _ in range(runs):
        repo = out / f"repo-{kind}"
        shutil.rmtree(repo, ignore_errors=True)
        repo.mkdir(parents=True)
        (repo / "emskit.yaml").write_text(CONFIG, encoding="utf-8")
        started, used = time.perf_counter(), _children_cpu()
        done = subprocess.run(
            [sys.executable, "-m", "emskit", "import", kind, str(source), "--repo", str(repo), *extra],
            capture_output=True, text=True,
        )  # fmt: skip
        times.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - used)
        if done.returncode not in (0, 1):
            raise SystemExit(f"import {kind} failed: {done.stderr}")
    return statistics.median(times), statistics.median(cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    aspects, obligations = args.out / "aspects-register.csv", args.out / "legal-register.xlsx"
    aspects_csv(aspects, args.rows)
    obligations_xlsx(obligations, args.rows)
    for kind, source in (("aspects", aspects), ("obligations", obligations)):
        wall, cpu = run(kind, source, args.out, args.runs, "--date-format", "DMY")
        print(f"emskit import {kind} ({args.rows} rows, {source.suffix}): {wall:.2f} s "
              f"wall, {cpu:.2f} s CPU (target < 5 s)")  # fmt: skip


if __name__ == "__main__":
    main()
