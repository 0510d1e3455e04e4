"""Time emskit pack: the sample organisation in English and in Chinese, the large benchmark
organisation as a whole and format by format.

    python benchmarks/pack.py [--runs 3] [--out benchmarks/out] [--skip-large]

Each full pack is a fresh process (startup included), wall and CPU time, median of --runs.
Per format, in one process: the repository loaded and the documents built once, then each
writer timed on its own (CPU seconds). Figures are also given as ratios to a floor measured
in the same run, as in run.py (reading the large organisation's YAML and CSV), so that a
loaded machine, which slows both, does not read as a regression. Targets on the 2-core
development machine (issue 14 point 7): sample pack < 5 s, large pack < 15 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "examples" / "sample-org"
AS_OF = "2026-11-22"
sys.path.insert(0, str(HERE))

from generate_large_org import generate
from run import _PARSE_ONLY


def committed(source: Path, target: Path, language: str = "en") -> Path:
    """A copy of ``source`` committed to git: a pack is built from a clean commit."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".git"))
    if language != "en":
        config = target / "emskit.yaml"
        text = config.read_text(encoding="utf-8").replace(
            "  language: en", f"  language: {language}"
        )
        config.write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-C", str(target)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "benchmark"], check=True)
    return target


def timed(args: list[str], runs: int) -> dict[str, float]:
    """Median wall and CPU (user + system of the child) of ``runs`` fresh processes."""
    walls, cpus = [], []
    for _ in range(runs):
        probe = (
            "import resource, subprocess, time\n"
            "t = time.perf_counter()\n"
            f"p = subprocess.run({args!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, p.returncode)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout.split()
        if out[2] != "0":
            raise SystemExit(f"{' '.join(args)} exited {out[2]}")
        walls.append(float(out[0]))
        cpus.append(float(out[1]))
    return {
        "wall_s": round(statistics.median(walls), 2),
        "cpu_s": round(statistics.median(cpus), 2),
    }


def pack(root: Path, out: Path, runs: int, draft: bool = False) -> dict[str, float]:
    args = [sys.executable, "-m", "emskit", "pack", "--repo", str(root), "--as-of", AS_OF]
    return timed([*args, "--out", str(out), *(["--draft"] if draft else [])], runs)


def per_format(root: Path) -> dict[str, float]:
    """CPU seconds of each stage of one pack, in this process: loading, the documents, each
    format's writer (the PDF fonts subset once, as the pack does)."""
    from emskit.commands import pack as pack_command
    from emskit.documents.context import PackContext
    from emskit.documents.control import control_of
    from emskit.documents.writers import FORMATS, Style, write_documents
    from emskit.repo.document_history import read_document_histories
    from emskit.repo.loader import load_repository

    figures: dict[str, float] = {}
    started = time.process_time()
    repo = load_repository(root)
    assert repo.config is not None
    figures["load_s"] = time.process_time() - started
    started = time.process_time()
    as_of = dt.date.fromisoformat(AS_OF)
    controlled = [r for r in repo.records if r.kind == "document"]
    ctx = PackContext(repo, as_of, None, read_document_histories(root, controlled))
    figures["history_s"] = time.process_time() - started
    jurisdiction = repo.config.ems.jurisdiction
    documents = pack_command.build_documents(ctx, jurisdiction)
    for doc in documents:
        doc.control = control_of(ctx, doc, True)
    figures["documents_s"] = time.process_time() - started
    style = Style(root, repo.config.ems.language, as_of, "benchmark", "DRAFT")
    for fmt in FORMATS:
        started = time.process_time()
        write_documents(documents, (fmt,), style)
        figures[f"{fmt}_s"] = time.process_time() - started
    return {name: round(value, 2) for name, value in figures.items()}


def floor(root: Path, runs: int) -> float:
    return timed([sys.executable, "-c", _PARSE_ONLY, str(root)], runs)["wall_s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--skip-large", action="store_true", help="the sample packs only")
    args = parser.parse_args()
    work = args.out / "pack"
    work.mkdir(parents=True, exist_ok=True)
    large = args.out / "large-org"
    if not (large / "emskit.yaml").exists():
        generate(large)
    base = floor(large, args.runs)
    results: dict[str, object] = {"floor_s": base}
    with tempfile.TemporaryDirectory(prefix="emskit-bench-") as scratch:
        for language in ("en", "zh-CN"):
            root = committed(SAMPLE, Path(scratch) / f"sample-{language}", language)
            results[f"sample_{language}"] = pack(root, work / f"sample-{language}", args.runs)
        if not args.skip_large:
            root = committed(large, Path(scratch) / "large")
            results["large"] = pack(root, work / "large", max(1, args.runs // 3), draft=True)
            results["large_per_format_cpu"] = per_format(root)
    results["ratios_to_floor"] = {
        name: round(value["wall_s"] / base, 1)
        for name, value in results.items()
        if isinstance(value, dict) and "wall_s" in value
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
