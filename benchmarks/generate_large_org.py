"""Generate a multinational-sized EMS repository in the spec's format, deterministically.

10,000 aspects, 5,000 obligations, 2,000 record files, 100,000 monitoring readings, with
every reference valid, so that a check measures the work on a realistic clean repository.

    python benchmarks/generate_large_org.py OUT_DIR [--scale 1.0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path
from typing import get_args

from emskit.model.planning import Category

# The format's own list, in its order, so the seeded output stays as it was.
CATEGORIES = list(get_args(Category))
CONDITIONS = ["normal", "normal", "normal", "abnormal", "emergency"]


def generate(out: Path, scale: float = 1.0) -> dict[str, int]:
    rng = random.Random(14001)
    n_aspects, n_obligations = int(10_000 * scale), int(5_000 * scale)
    n_readings, n_records = int(100_000 * scale), int(2_000 * scale)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sites = [f"SITE-{i:03d}" for i in range(40)]
    people = [f"PER-{i:04d}" for i in range(600)]
    roles = [f"ROLE-{i:03d}" for i in range(60)]
    controls = [f"CTL-{i:05d}" for i in range(2_000)]
    indicators = [f"IND-{i:04d}" for i in range(250)]
    documents = [f"DOC-{i:04d}" for i in range(300)]

    site_rows = "\n".join(
        f"    - {{id: {s}, name: Plant {s[-3:]}, employees: {rng.randint(40, 900)}}}" for s in sites
    )
    (out / "emskit.yaml").write_text(
        "emskit: 1\norganization:\n  name: Global Components Group\n  employees: 24000\n  sites:\n"
        f'{site_rows}\nems:\n  edition: "2015+A1:2024"\n  scope: Manufacture of components at 40 plants\n'
        "  operating_since: 2019-01-01\nsignificance: {preset: likelihood-x-severity}\n"
    )
    (out / "roles.yaml").write_text(
        "roles:\n"
        + "".join(
            f"  - {{id: {r}, title: Role {r[-3:]}, top_management: {str(i == 0).lower()}}}\n"
            for i, r in enumerate(roles)
        )
        + "people:\n"
        + "".join(
            f"  - {{id: {p}, name: Person {p[-4:]}, roles: [{rng.choice(roles)}]}}\n"
            for p in people
        )
    )
    (out / "context.yaml").write_text(
        "issues:\n"
        + "".join(
            f"  - {{id: ISS-{i:03d}, type: {rng.choice(['internal', 'external'])}, description: Issue {i}}}\n"
            for i in range(80)
        )
        + "climate_change: {relevant: true, rationale: Flooding and heat at several plants}\n"
    )
    (out / "policy.yaml").write_text(
        "id: POL-001\ntext: We protect the environment, meet our obligations and improve.\n"
        "commitments: {environmental_protection: true, compliance_obligations: true, continual_improvement: true}\n"
        f"approved_by: {people[0]}\napproved_on: 2024-01-15\n"
    )

    _list_files(
        out / "obligations",
        "obligations",
        25,
        n_obligations,
        lambda i: (
            f"  - id: OBL-{i:05d}\n    type: {rng.choice(['legal', 'legal', 'permit', 'other'])}\n"
            f"    title: Requirement {i} of the environmental code\n    requirement: Keep emissions of process {i % 97} within the limit\n"
            f"    applies_to: [{rng.choice(sites)}]\n    evaluation_frequency: {rng.choice(['annual', 'semiannual', 'P24M'])}\n"
            f"    owner: {rng.choice(roles)}\n"
        ),
    )

    def aspect(i: int) -> str:
        # Declared verdicts agree with the likelihood-x-severity preset (>= 15), as in a
        # maintained register; a check that reported thousands of disagreements would time
        # the reporting of findings, not the checking.
        likelihood, severity = rng.randint(1, 5), rng.randint(1, 5)
        return (
            f"  - id: ASP-{i:05d}\n    site: {sites[i % len(sites)]}\n    department: Department {i % 30}\n"
            f"    activity: {{en: Activity {i} of line {i % 50}, zh-CN: 生产线活动{i}}}\n"
            f"    aspect: Aspect {i}\n    impact: [Impact {i % 11}, Impact {i % 7}]\n"
            f"    category: {rng.choice(CATEGORIES)}\n    condition: {rng.choice(CONDITIONS)}\n"
            f"    scores: {{likelihood: {likelihood}, severity: {severity}}}\n"
            f"    significant: {str(likelihood * severity >= 15).lower()}\n"
            f"    obligations: [OBL-{rng.randrange(n_obligations):05d}]\n    controls: [{rng.choice(controls)}]\n"
            f"    owner: {rng.choice(roles)}\n    reviewed: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n"
        )

    _list_files(out / "aspects", "aspects", 50, n_aspects, aspect)
    _list_files(
        out / "controls",
        "controls",
        10,
        len(controls),
        lambda i: (
            f"  - {{id: {controls[i]}, title: Control {i}, type: procedure, document: {rng.choice(documents)}, owner: {rng.choice(roles)}}}\n"
        ),
    )
    (out / "monitoring").mkdir()
    (out / "monitoring/indicators.yaml").write_text(
        "indicators:\n"
        + "".join(
            f"  - {{id: {ind}, name: Indicator {k}, unit: t, frequency: monthly, limit: {{max: 1000}}}}\n"
            for k, ind in enumerate(indicators)
        )
        + "equipment:\n"
        + "".join(
            f"  - {{id: EQ-{k:03d}, name: Meter {k}, calibrated_on: 2026-03-01, calibration_interval: annual}}\n"
            for k in range(100)
        )
    )
    _readings(out / "monitoring/data", rng, indicators, sites, n_readings)
    _documents(out / "documents", documents, roles, people)
    _records(out / "records", rng, n_records, n_obligations, people)
    return {
        "aspects": n_aspects,
        "obligations": n_obligations,
        "readings": n_readings,
        "records": n_records,
    }


def _list_files(folder: Path, key: str, files: int, total: int, item) -> None:
    folder.mkdir(parents=True)
    per_file = -(-total // files)
    for f in range(files):
        rows = [item(i) for i in range(f * per_file, min(total, (f + 1) * per_file))]
        (folder / f"{key}-{f:03d}.yaml").write_text(f"{key}:\n" + "".join(rows))


def _readings(
    folder: Path, rng: random.Random, indicators: list[str], sites: list[str], total: int
) -> None:
    folder.mkdir(parents=True)
    start = dt.date(2018, 1, 1)
    per_file = total // 10
    for f in range(10):
        lines = ["date,indicator,value,site,note"]
        for k in range(per_file):
            day = start + dt.timedelta(days=(f * per_file + k) % 3000)
            lines.append(
                f"{day},{rng.choice(indicators)},{rng.uniform(1, 900):.3f},{rng.choice(sites)},"
            )
        (folder / f"readings-{f:02d}.csv").write_text("\n".join(lines) + "\n")


def _documents(folder: Path, documents: list[str], roles: list[str], people: list[str]) -> None:
    folder.mkdir(parents=True)
    for k, doc in enumerate(documents):
        (folder / f"{doc.lower()}.md").write_text(
            f'---\nid: {doc}\ntitle: Procedure {k}\ntype: procedure\nclauses: ["8.1"]\nowner: {roles[k % len(roles)]}\n'
            f"approved_by: {people[0]}\napproved_on: 2025-0{1 + k % 9}-15\nreview_interval: annual\nstatus: approved\n---\n"
            f"# Procedure {k}\n\nSteps of procedure {k}.\n"
        )


def _records(
    folder: Path, rng: random.Random, total: int, n_obligations: int, people: list[str]
) -> None:
    kinds = ["training", "evaluations", "audits", "nonconformities", "incidents", "reviews"]
    for kind in kinds:
        (folder / kind).mkdir(parents=True)
    for k in range(total):
        kind = kinds[k % len(kinds)]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=k % 600)
        who = rng.choice(people)
        if kind == "training":
            body = f"id: TRN-{k:05d}\ndate: {day}\ntopic: Topic {k}\ntrainer: {who}\nattendees: [{rng.choice(people)}, {rng.choice(people)}]\nassessment: passed\n"
        elif kind == "evaluations":
            results = "".join(
                f"  - {{obligation: OBL-{rng.randrange(n_obligations):05d}, result: compliant}}\n"
                for _ in range(25)
            )
            body = f"id: EVA-{k:05d}\ndate: {day}\nevaluator: {who}\nresults:\n{results}"
        elif kind == "audits":
            body = f'id: AUD-{k:05d}\ndate: {day}\nauditors: [{who}]\nclauses: all\nfindings:\n  - {{id: AF-1, type: observation, clause: "8.1", description: Note {k}}}\n'
        elif kind == "nonconformities":
            body = (
                f"id: NC-{k:05d}\nraised: {day}\nsource: other\ndescription: Problem {k}\ngrade: minor\n"
                f"corrective_actions:\n  - {{what: Fix {k}, who: {who}, due: {day + dt.timedelta(days=60)}}}\nstatus: open\n"
            )
        elif kind == "incidents":
            body = f"id: INC-{k:05d}\ndate: {day}\ntype: near-miss\ndescription: Near miss {k}\n"
        else:
            body = f"id: MR-{k:05d}\ndate: {day}\nchair: {who}\ninputs: {{changes: None, performance: Stable}}\n"
        (folder / kind / f"{k:05d}.yaml").write_text(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    print(generate(args.out, args.scale))


if __name__ == "__main__":
    main()
