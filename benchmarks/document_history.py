"""Time reading the controlled documents' git history once for a whole run (issue 14).

    python benchmarks/document_history.py [--commits 40] [--runs 5]

The large organisation's 300 documents (benchmarks/generate_large_org.py, the documents only)
in a git repository with a history: the first commit, then ``--commits`` commits that each
edit the body of 60 documents, every fourth of them approving the edit (a new approved_on),
so most documents end with several versions, some approvals and some changes after approval.
Prints the figures as JSON: the history read in this process (median CPU and wall seconds of
``--runs``; with the objects loose as committed, then packed by ``git gc`` as a clone's are), the versions and changes it read, and `emskit check` and `emskit docs` wall time
on the same repository (each a fresh process, the check cache off).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_large_org import _documents  # the large organisation's own documents


def _git(root: Path, *args: str, day: dt.date) -> None:
    stamp = f"{day.isoformat()}T09:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(
        ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        env=env,
    )


def build(root: Path, commits: int) -> None:
    config = (
        "emskit: 1\norganization: {name: Large Co, sites: [{id: SITE-A, name: A}]}\n"
        "ems: {edition: '2015+A1:2024', scope: Making things}\n"
    )
    (root / "emskit.yaml").write_text(config, encoding="utf-8")
    (root / "roles.yaml").write_text(
        "roles:\n  - {id: ROLE-EMR, title: EMR, ems_representative: true}\n"
        "people:\n  - {id: PER-0001, name: A, roles: [ROLE-EMR], git: [bench@example.org]}\n",
        encoding="utf-8",
    )
    _documents(root / "documents", [f"DOC-{i:04d}" for i in range(300)], ["ROLE-EMR"], ["PER-0001"])
    _git(root, "init", "-q", day=dt.date(2025, 1, 1))
    _git(root, "add", "-A", day=dt.date(2025, 10, 1))
    _git(root, "commit", "-qm", "documents", day=dt.date(2025, 10, 1))
    rng = random.Random(14)
    files = sorted((root / "documents").glob("*.md"))
    for n in range(commits):
        day = dt.date(2025, 10, 2) + dt.timedelta(days=n)
        for k, path in enumerate(rng.sample(files, 60)):
            text = path.read_text(encoding="utf-8") + f"Change {n}.\n"
            if k % 4 == 0:
                head, _, rest = text.partition("approved_on: ")
                text = f"{head}approved_on: {day.isoformat()}{rest[10:]}"
            path.write_text(text, encoding="utf-8")
        _git(root, "commit", "-qam", f"change {n}", day=day)


def read_once(root: Path) -> tuple[float, float, dict[str, int]]:
    from emskit.repo.document_history import read_document_histories
    from emskit.repo.loader import load_repository

    repo = load_repository(root)
    documents = [r for r in repo.records if r.kind == "document"]
    cpu, wall = time.process_time(), time.perf_counter()
    histories = read_document_histories(root, documents)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    values = histories.by_file.values()
    counts = {
        "documents": len(histories.by_file),
        "revisions": sum(h.revision for h in values),
        "changed_after_approval": sum(1 for h in values if h.changed_after_approval),
    }
    return cpu, wall, counts


def wall(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "emskit", *args], capture_output=True, check=False)
    return round(time.perf_counter() - started, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="emskit-history-") as folder:
        root = Path(folder)
        build(root, args.commits)
        loose = [read_once(root) for _ in range(args.runs)]
        _git(root, "gc", "-q", day=dt.date(2026, 1, 1))  # packed, as a clone's objects are
        runs = [read_once(root) for _ in range(args.runs)]
        repo = ["--repo", str(root), "--as-of", "2026-11-22"]
        figures = {
            "commits": args.commits + 1,
            **runs[0][2],
            "history_wall_s_loose_objects": round(statistics.median(r[1] for r in loose), 3),
            "history_cpu_s": round(statistics.median(r[0] for r in runs), 3),
            "history_wall_s": round(statistics.median(r[1] for r in runs), 3),
            "check_wall_s": wall(["check", *repo, "--no-cache"]),
            "docs_wall_s": wall(["docs", *repo]),
        }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
