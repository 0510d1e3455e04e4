"""A consultant's portfolio, measured: N generated repositories (the sample organisation with
variations, a few broken), `emskit portfolio` with one job and with every core.

    python benchmarks/portfolio.py [--repos 200] [--out benchmarks/out/portfolio]

Prints the wall time of each run, the speed-up, the peak memory of the whole process tree
(sampled from /proc), and the time per repository at a quarter, half and all of the
repositories (linear scaling means a flat time per repository). Each run gets an empty check
cache, so every repository is checked from scratch, except the run marked cached: the same
portfolio again with the cache an earlier run filled (no repository changed in between).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-org"
AS_OF = "2026-11-22"
BROKEN_EVERY = 40  # of 200: 5 broken emskit.yaml, 5 outside git, 5 broken aspect files


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=B", "-c", "user.email=b@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def _variant(root: Path, n: int, rng: random.Random) -> None:
    """Client n: its own name, and with some chance each of the changes clients really have."""
    _replace(root / "emskit.yaml", '"Minghe Precision Castings Co., Ltd."', f'"Client {n:04d} Ltd"')
    if rng.random() < 0.3:  # a lapsed permit: overdue
        _replace(root / "obligations/permits-and-local.yaml", "2028-06-30", "2026-10-31")
    if rng.random() < 0.2:  # a failed evaluation with no action: not ready
        _replace(
            root / "records/evaluations/EVA-2026-02.yaml",
            "{obligation: OBL-011, result: compliant}",
            "{obligation: OBL-011, result: non-compliant}",
        )
    if rng.random() < 0.3:  # a re-scored aspect
        _replace(root / "aspects/die-casting.yaml", "legal: 1, extent: 3", "legal: 3, extent: 3")
    if rng.random() < 0.2:  # no management review yet
        shutil.rmtree(root / "records/reviews")
    broken = n % BROKEN_EVERY
    if broken == 1:
        (root / "emskit.yaml").write_text("emskit: 1\norganization: [\n", encoding="utf-8")
    elif broken == 2:
        (root / "aspects/die-casting.yaml").write_text("aspects:\n  - id: [\n", encoding="utf-8")


def generate(out: Path, count: int) -> list[Path]:
    rng = random.Random(14001)
    if out.exists():
        shutil.rmtree(out)
    roots = []
    for n in range(count):
        # Grouped by consultant office, as a real book of clients would be kept.
        root = out / f"office-{n % 4}" / f"client-{n:04d}"
        shutil.copytree(SAMPLE, root)
        _variant(root, n, rng)
        if n % BROKEN_EVERY != 3:  # every 40th stays outside git: a row with its error
            _git(root, "init", "-q")
            _git(root, "add", "-A")
            _git(root, "commit", "-q", "-m", "client EMS")
        roots.append(root)
    return roots


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(entry)] = int(line.split()[1]) * 1024
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def measure(folders: list[Path], jobs: int, cache: Path | None = None) -> dict[str, float]:
    """One run; ``cache`` None gives it an empty check cache of its own."""
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "EMSKIT_CACHE_DIR": str(cache or empty), "NO_COLOR": "1"}
        command = [sys.executable, "-m", "emskit", "portfolio", *map(str, folders)]
        command += ["--as-of", AS_OF, "--format", "json", "--jobs", str(jobs)]
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env)
        peak = [0]

        def sample() -> None:
            while process.poll() is None:
                peak[0] = max(peak[0], _tree_rss(process.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stdout, _ = process.communicate()
        seconds = time.perf_counter() - start
        sampler.join()
    rows = json.loads(stdout)["repositories"]
    return {
        "seconds": seconds,
        "peak_mb": peak[0] / 2**20,
        "rows": len(rows),
        "broken": sum(1 for r in rows if r["status"] == "broken"),
        "exit": process.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "portfolio")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    start = time.perf_counter()
    roots = generate(args.out, args.repos)
    print(f"generated {len(roots)} repositories in {time.perf_counter() - start:.1f} s")
    one = measure([args.out], 1)
    every = measure([args.out], cores)
    for label, run in (("--jobs 1", one), (f"--jobs {cores}", every)):
        print(
            f"{label:>9}: {run['seconds']:6.1f} s, {run['seconds'] / run['rows'] * 1000:5.0f} ms "
            f"per repository, peak {run['peak_mb']:5.0f} MB, {run['rows']} rows "
            f"({run['broken']} broken), exit {run['exit']}"
        )
    print(f"speed-up with {cores} cores: {one['seconds'] / every['seconds']:.2f}x")
    print(f"load average after the runs: {os.getloadavg()[0]:.1f} on {cores} cores")
    offices = sorted(args.out.iterdir())
    for share in (1, 2):  # a quarter and a half of the repositories (one, two offices)
        part = measure(offices[:share], cores)
        print(
            f"{part['rows']:>4} repositories, --jobs {cores}: {part['seconds']:6.1f} s, "
            f"{part['seconds'] / part['rows'] * 1000:5.0f} ms per repository"
        )


if __name__ == "__main__":
    main()
