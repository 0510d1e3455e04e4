"""Time emskit on the sample organisation and on a generated multinational.

    python benchmarks/run.py [--runs 5] [--out benchmarks/out]

Each measurement is a fresh process (what a user or CI pays, startup included); the figure
is the median of --runs, with the peak resident memory of the slowest run. Targets on the
2-core development machine: sample org check < 0.5 s, large org check < 3 s and < 1 GB,
`emskit --help` < 0.2 s, and on the large org a cold check within 2x the parse floor, a warm
one within 1.2x, `emskit status` no slower than `emskit ready` (the two measured in turn).
emskit is byte-compiled first, as an installed package is.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "examples" / "sample-org"
sys.path.insert(0, str(HERE))

from generate_large_org import generate


def measure(args: list[str], runs: int) -> dict[str, float]:
    times, peaks = [], []
    for _ in range(runs):
        probe = (
            "import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            f"p = subprocess.run({args!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
        peaks.append(int(out[1]) / 1024)
    return {
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "peak_mb": round(max(peaks), 1),
        "exit": int(out[2]),
    }


# The floor the check is measured against: only reading the same files with yaml-rs and csv.
_PARSE_ONLY = """
import csv, pathlib, sys, yaml_rs
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if path.suffix in (".yaml", ".yml"):
        yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
    elif path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            list(csv.DictReader(handle))
"""


def unscored_copy(large: Path, target: Path) -> Path:
    """A copy of the large org in which every aspect needs a `score --write` edit: the verdict
    of every other aspect removed (a key to insert), the rest flipped (a value to replace)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(large, target)
    for path in sorted((target / "aspects").glob("*.yaml")):
        kept, seen = [], 0
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip().startswith("significant:"):
                seen += 1
                if seen % 2:
                    continue
                line = line.replace("true", "T").replace("false", "true").replace("T", "false")
            kept.append(line)
        path.write_text("\n".join(kept), encoding="utf-8")
    return target


def score_write(large: Path, scratch: Path, runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        root = unscored_copy(large, scratch)
        emskit = [sys.executable, "-m", "emskit"]
        times.append(measure([*emskit, "score", "--repo", str(root), "--write"], 1)["median_s"])
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3)}


def score_in_process(root: Path, runs: int) -> dict[str, float]:
    """Scoring alone, the repository already loaded: the cost of the method, not of YAML."""
    from emskit.repo.loader import load_repository
    from emskit.scoring import score_repository

    repo = load_repository(root, {"aspects"})
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        score_repository(repo)
        times.append(time.perf_counter() - started)
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3)}


def measure_pair(
    first: list[str], second: list[str], runs: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Two commands measured in alternation, so that a busy machine weighs on both alike."""
    a, b = [], []
    for _ in range(runs):
        a.append(measure(first, 1))
        b.append(measure(second, 1))
    return _median_of(a), _median_of(b)


def _median_of(results: list[dict[str, float]]) -> dict[str, float]:
    times = [r["median_s"] for r in results]
    return {
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "peak_mb": max(r["peak_mb"] for r in results),
        "exit": int(results[-1]["exit"]),
    }


def _compile_emskit() -> None:
    """Byte-compile emskit first, as installing it does: with PYTHONDONTWRITEBYTECODE set
    (as in some CI and development shells) every run would otherwise compile each module."""
    import compileall

    import emskit

    compileall.compile_dir(Path(emskit.__file__).parent, quiet=1)


def _has_no_cache() -> bool:
    usage = subprocess.run(
        [sys.executable, "-m", "emskit", "check", "--help"], capture_output=True, text=True
    )
    return "--no-cache" in usage.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument(
        "--only-ratios", action="store_true", help="the parse floor, check and --write only"
    )
    args = parser.parse_args()
    large = args.out / "large-org"
    started = time.perf_counter()
    sizes = generate(large)
    print(f"generated {sizes} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    emskit = [sys.executable, "-m", "emskit"]
    _compile_emskit()
    check_large = [*emskit, "check", "--repo", str(large), "--as-of", "2026-11-22"]
    parse_only = [sys.executable, "-c", _PARSE_ONLY, str(large)]
    # The floor and the cold check in alternation: a burst of load on the shared machine
    # then weighs on both, not on whichever happened to run during it.
    if _has_no_cache():
        floor, cold = measure_pair(parse_only, [*check_large, "--no-cache"], args.runs)
    else:
        floor, cold = measure(parse_only, args.runs), None
    subprocess.run(check_large, capture_output=True)  # fills the cache, if there is one
    warm = measure(check_large, args.runs)
    # status runs check, gap, ready and due on one analysis: measured beside ready, in turn.
    ready, status = measure_pair(
        [*emskit, "ready", "--repo", str(large), "--as-of", "2026-11-22"],
        [*emskit, "status", "--repo", str(large), "--as-of", "2026-11-22"],
        args.runs,
    )
    write = score_write(large, args.out / "large-org-unscored", max(1, args.runs // 5))
    ratios = {
        "parse_floor_s": floor["median_s"],
        "check_cold_over_floor": round((cold or warm)["median_s"] / floor["median_s"], 2),
        "check_warm_over_floor": round(warm["median_s"] / floor["median_s"], 2),
        "status_over_ready": round(status["median_s"] / ready["median_s"], 2),
        "score_write_s": write["median_s"],
    }
    if args.only_ratios:
        print(
            json.dumps(
                {
                    "ratios": ratios,
                    "floor": floor,
                    "cold": cold,
                    "warm": warm,
                    "ready": ready,
                    "status": status,
                    "write": write,
                },
                indent=2,
            )
        )
        return
    results = {
        "ratios": ratios,
        "parse_floor_large_org": floor,
        "check_large_org_warm": warm,
        "score_write_large_org": write,
        "help": measure([*emskit, "--help"], args.runs),
        "check_sample_org": measure(
            [*emskit, "check", "--repo", str(SAMPLE), "--as-of", "2026-11-22"], args.runs
        ),
        "check_large_org": cold or measure(check_large, args.runs),
        "check_large_org_json": measure(
            [*emskit, "check", "--repo", str(large), "--as-of", "2026-11-22", "--format", "json"],
            args.runs,
        ),
        "score_large_org": measure([*emskit, "score", "--repo", str(large)], args.runs),
        "score_large_org_json": measure(
            [*emskit, "score", "--repo", str(large), "--format", "json"], args.runs
        ),
        "score_10k_in_process": score_in_process(large, args.runs),
        "gap_sample_org": measure(
            [*emskit, "gap", "--repo", str(SAMPLE), "--as-of", "2026-11-22"], args.runs
        ),
        "gap_large_org": measure(
            [*emskit, "gap", "--repo", str(large), "--as-of", "2026-11-22"], args.runs
        ),
        "due_large_org_json": measure(
            [*emskit, "due", "--repo", str(large), "--as-of", "2026-11-22", "--format", "json"],
            args.runs,
        ),
        "ready_large_org": ready,
        "status_large_org": status,
        "pack_sample_org": measure(
            [
                *emskit,
                "pack",
                "--repo",
                str(SAMPLE),
                "--as-of",
                "2026-11-22",
                "--allow-dirty",
                "--out",
                str(args.out / "sample-pack.zip"),
            ],
            1,
        ),
        "pack_large_org": measure(
            [
                *emskit,
                "pack",
                "--repo",
                str(large),
                "--as-of",
                "2026-11-22",
                "--draft",
                "--allow-dirty",
                "--out",
                str(args.out / "large-pack.zip"),
            ],
            1,
        ),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
