"""Time the outputs whose cost grows with one large input: a 2 MB paragraph rendered to PDF,
and SARIF / JUnit of a 100,000-row CSV whose every row is a finding.

    python benchmarks/large_outputs.py [--runs 1] [--out benchmarks/out]

Figures on the 2-core development machine (issue 10 point 7): the 2 MB paragraph took
minutes through fpdf2's multi_cell and takes about 4 s of CPU with our line breaking; SARIF
of the bad CSV took 16.5 s and 807 MB, and takes 3.1 s and 94 MB with at most 100 findings
per rule and file.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "examples" / "sample-org"
sys.path.insert(0, str(HERE))

from run import measure

WORDS = [
    "environmental",
    "aspect",
    "waste",
    "water",
    "the",
    "of",
    "and",
    "significant",
    "control",
    "monitoring",
]


def build(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(SAMPLE, root)
    rng = random.Random(1)
    paragraph = " ".join(rng.choice(WORDS) for _ in range(260_000))[:2_000_000]
    document = root / "documents" / "procedures" / "aspects-and-obligations.md"
    document.write_text(document.read_text(encoding="utf-8") + "\n\n" + paragraph + "\n")
    rows = "".join(f"2026-13-{n % 40},IND-NOPE{n},abc,SITE-X,n\n" for n in range(100_000))
    (root / "monitoring" / "data" / "2027.csv").write_text(
        "date,indicator,value,site,note\n" + rows
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    root = args.out / "large-outputs"
    build(root)
    emskit = [sys.executable, "-m", "emskit"]
    check = [*emskit, "check", "--repo", str(root), "--as-of", "2026-06-30", "--format"]
    results = {
        "docs_render_pdf_2mb_paragraph": measure(
            [
                *emskit,
                "docs",
                "--repo",
                str(root),
                "render",
                "DOC-PRO-02",
                "--out",
                str(args.out / "large-paragraph.pdf"),
            ],
            args.runs,
        ),
        "check_100k_bad_rows_text": measure([*check, "text"], args.runs),
        "check_100k_bad_rows_sarif": measure([*check, "sarif"], args.runs),
        "check_100k_bad_rows_junit": measure([*check, "junit"], args.runs),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
