"""A corpus of broken inputs: each gives a clear finding at its place, never a traceback or a hang.

Each case runs the CLI in a fresh process with a generous timeout that only a hang would hit.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, check_json, run_cli, write_tree

GOOD_ASPECT = "aspects:\n  - {id: ASP-001, activity: Painting, aspect: VOC, impact: [Air], condition: normal}\n"


def _bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


# name -> (file, content, expected code, line, substring of the message)
CORPUS = {
    "syntax": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: [unclosed\n",
        "EMS001",
        3,
        "YAML syntax",
    ),
    "tab-indent": ("aspects/a.yaml", "aspects:\n\t- id: ASP-001\n", "EMS001", 2, ""),
    "wrong-type": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, beneficial: maybe}\n",
        "EMS003",
        2,
        "beneficial",
    ),
    "bad-enum": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: norml}\n",
        "EMS003",
        2,
        "'norml' is not allowed",
    ),
    "unknown-key": (
        "obligations/o.yaml",
        "obligations:\n  - id: OBL-1\n    type: legal\n    title: T\n    requirement: R\n    evaluation_frequency: annual\n    evaluation_frequncy: annual\n",
        "EMS003",
        7,
        "did you mean 'evaluation_frequency'",
    ),
    "missing-field": (
        "aspects/a.yaml",
        "aspects:\n  - id: ASP-001\n    activity: x\n    impact: z\n    condition: normal\n",
        "EMS003",
        2,
        "missing required field 'aspect'",
    ),
    "bad-id": (
        "aspects/a.yaml",
        "aspects:\n  - {id: 1-ASP, activity: x, aspect: y, impact: z, condition: normal}\n",
        "EMS003",
        2,
        "not a valid id",
    ),
    "bad-date": (
        "records/incidents/I.yaml",
        "id: INC-1\ndate: 2026-02-30\ntype: spill\ndescription: x\n",
        "EMS003",
        2,
        "not a calendar date",
    ),
    "bad-period": (
        "obligations/o.yaml",
        "obligations:\n  - {id: OBL-1, type: legal, title: T, requirement: R, evaluation_frequency: yearly}\n",
        "EMS003",
        2,
        "not a period",
    ),
    "duplicate-key": (
        "policy.yaml",
        "id: POL-1\ntext: a\ntext: b\n",
        "EMS001",
        3,
        "duplicate key 'text'",
    ),
    "duplicate-id": (
        "aspects/a.yaml",
        GOOD_ASPECT + "  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal}\n",
        "EMS101",
        3,
        "already used",
    ),
    "dangling": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, controls: [CTL-404]}\n",
        "EMS104",
        2,
        "CTL-404",
    ),
    "evidence-escape": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, evidence: [/etc/passwd]}\n",
        "EMS106",
        2,
        "absolute",
    ),
    "evidence-backslash": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, evidence: ['evidence\\\\a.pdf']}\n",
        "EMS106",
        2,
        "backslash",
    ),
    "evidence-file-url": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, evidence: ['file:///etc/passwd']}\n",
        "EMS106",
        2,
        "scheme",
    ),
    "non-utf8": (
        "aspects/a.yaml",
        b"aspects:\n  - {id: ASP-001, activity: \xb7\xc0, aspect: y, impact: z, condition: normal}\n",
        "EMS002",
        2,
        "not UTF-8",
    ),
    "empty-file": ("aspects/a.yaml", "", "EMS004", 1, "empty"),
    "null-list": ("aspects/a.yaml", "aspects:\n", "EMS004", 1, "empty"),
    "not-a-list": ("aspects/a.yaml", "aspects: {id: ASP-001}\n", "EMS003", 1, "must be a list"),
    "wrong-top-key": (
        "aspects/a.yaml",
        "aspect:\n  - {id: ASP-001}\n",
        "EMS003",
        1,
        "holds one key",
    ),
    "alias-bomb": ("aspects/a.yaml", _bomb(), "EMS001", None, "10,000"),
    "undefined-alias": ("aspects/a.yaml", "aspects: *nothing\n", "EMS001", 1, "no anchor"),
    "python-tag": (
        "policy.yaml",
        "id: !!python/object/apply:os.system [echo pwned]\n",
        "EMS001",
        1,
        "tags are not allowed",
    ),
    "custom-tag": ("policy.yaml", "id: !secret POL-1\n", "EMS001", 1, "tags are not allowed"),
    "two-documents": (
        "policy.yaml",
        "id: POL-1\n---\nid: POL-2\n",
        "EMS001",
        2,
        "several YAML documents",
    ),
    "deep-nesting": ("policy.yaml", "id: " + "[" * 150 + "]" * 150 + "\n", "EMS001", 1, "nesting"),
    "deep-block-nesting": (
        "policy.yaml",
        "".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "v\n",
        "EMS001",
        None,
        "nesting",
    ),
    "csv-short-row": (
        "monitoring/data/d.csv",
        "date,indicator,value\n2026-01-31,IND-X\n",
        "EMS006",
        2,
        "fields",
    ),
    "csv-inf": (
        "monitoring/data/d.csv",
        "date,indicator,value\n2026-01-31,IND-X,inf\n",
        "EMS006",
        2,
        "finite",
    ),
    "csv-bad-date": (
        "monitoring/data/d.csv",
        "date,indicator,value\n31/01/2026,IND-X,1\n",
        "EMS006",
        2,
        "date",
    ),
    "csv-header": ("monitoring/data/d.csv", "when,what,how much\n", "EMS006", 1, "missing column"),
    "csv-unknown-indicator": (
        "monitoring/data/d.csv",
        "date,indicator,value\n2026-01-31,IND-X,1\n",
        "EMS104",
        2,
        "IND-X",
    ),
    "front-matter-missing": ("documents/p.md", "# A procedure\n", "EMS003", 1, "front matter"),
    "id-final-newline": (
        "aspects/a.yaml",
        GOOD_ASPECT
        + '  - {id: "ASP-001\\n", activity: x, aspect: y, impact: z, condition: normal}\n',
        "EMS003",
        3,
        "not a valid id",
    ),
    "control-escape": (
        "aspects/a.yaml",
        'aspects:\n  - {id: ASP-001, activity: "x\\e[2J", aspect: y, impact: z, condition: normal}\n',
        "EMS001",
        2,
        "control character U+001B",
    ),
    "control-raw": (
        "aspects/a.yaml",
        "aspects:\n  - {id: ASP-001, activity: x\x07, aspect: y, impact: z, condition: normal}\n",
        "EMS001",
        2,
        "control character U+0007",
    ),
    "number-400-digits": (
        "aspects/a.yaml",
        "aspects:\n  - id: ASP-001\n    activity: x\n    aspect: y\n    impact: z\n"
        f"    condition: normal\n    scores: {{likelihood: {'9' * 400}}}\n",
        "EMS003",
        7,
        "too large",
    ),
    "number-5000-digits": (
        "aspects/a.yaml",
        "aspects:\n  - id: ASP-001\n    activity: x\n    aspect: y\n    impact: z\n"
        f"    condition: normal\n    scores: {{likelihood: {'9' * 5000}}}\n",
        "EMS001",
        7,
        "5000 digits",
    ),
    "period-final-newline": (
        "obligations/o.yaml",
        'obligations:\n  - {id: OBL-1, type: legal, title: T, requirement: R, evaluation_frequency: "P1Y\\n"}\n',
        "EMS003",
        2,
        "not a period",
    ),
    "front-matter-bad": (
        "documents/p.md",
        "---\nid: DOC-1\ntitle: P\ntype: recipe\n---\n# P\n",
        "EMS003",
        4,
        "'recipe' is not allowed",
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_broken_input_is_a_finding(name: str, tmp_path: Path) -> None:
    rel, content, code, line, text = CORPUS[name]
    repo = write_tree(tmp_path / "repo", {"emskit.yaml": BASE_CONFIG, rel: content})
    status, report = check_json(repo)
    hits = [f for f in report["findings"] if f["code"] == code and f["file"] == rel]
    assert hits, (
        f"{name}: no {code} at {rel}; got {[(f['code'], f['file'], f['message']) for f in report['findings']]}"
    )
    if line is not None:
        assert hits[0]["line"] == line, hits[0]
    assert text in hits[0]["message"], hits[0]["message"]
    assert status == (0 if all(f["severity"] != "error" for f in report["findings"]) else 1)


@pytest.mark.parametrize(
    "rel", ["aspects/pipe.yaml", "monitoring/data/pipe.csv", "documents/pipe.md", "policy.yaml"]
)
def test_a_fifo_in_the_layout_is_a_finding_not_a_read(rel: str, tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "repo", {"emskit.yaml": BASE_CONFIG})
    (repo / rel).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(repo / rel)  # nobody ever writes to it: a read would block for ever
    _, report = check_json(repo)
    [hit] = [f for f in report["findings"] if f["file"] == rel]
    assert hit["code"] == "EMS002" and "named pipe (FIFO), not a regular file" in hit["message"]


def test_a_size_limit_past_the_bound_is_a_schema_finding(tmp_path: Path) -> None:
    config = {**BASE_CONFIG, "limits": {"yaml_mb": 100000}}
    repo = write_tree(tmp_path / "repo", {"emskit.yaml": config, "aspects/a.yaml": GOOD_ASPECT})
    _, report = check_json(repo)
    [hit] = [f for f in report["findings"] if f["file"] == "emskit.yaml"]
    assert hit["code"] == "EMS003" and "yaml_mb" in hit["message"], hit


def test_a_looping_evidence_link_is_reported(tmp_path: Path) -> None:
    repo = write_tree(
        tmp_path / "repo",
        {
            "emskit.yaml": BASE_CONFIG,
            "aspects/a.yaml": "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, evidence: [evidence/loop]}\n",
        },
    )
    (repo / "evidence").mkdir()
    (repo / "evidence/loop").symlink_to("loop")
    _, report = check_json(repo)
    [hit] = [f for f in report["findings"] if f["code"] == "EMS105"]
    assert (hit["file"], hit["line"]) == ("aspects/a.yaml", 2) and "loop" in hit["message"]


def test_large_yaml_file_is_refused_not_read(tmp_path: Path) -> None:
    big = "aspects:\n" + "  # padding to make the file large\n" * 1_700_000  # about 58 MB
    repo = write_tree(tmp_path / "repo", {"emskit.yaml": BASE_CONFIG, "aspects/big.yaml": big})
    status, report = check_json(repo)
    [hit] = [f for f in report["findings"] if f["file"] == "aspects/big.yaml"]
    assert hit["code"] == "EMS002" and "larger than 10 MB" in hit["message"]
    assert (hit["line"], hit["column"]) == (1, 1)
    assert status == 1


def test_yaml_limit_can_be_raised(tmp_path: Path) -> None:
    padding = "  # padding\n" * 1_000_000  # about 12 MB of comments
    config = {**BASE_CONFIG, "limits": {"yaml_mb": 20}}
    repo = write_tree(
        tmp_path / "repo", {"emskit.yaml": config, "aspects/big.yaml": GOOD_ASPECT + padding}
    )
    _, report = check_json(repo)
    assert not [f for f in report["findings"] if f["file"] == "aspects/big.yaml"]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    text = "\ufeff" + GOOD_ASPECT.replace("\n", "\r\n")
    repo = write_tree(
        tmp_path / "repo", {"emskit.yaml": BASE_CONFIG, "aspects/a.yaml": text.encode()}
    )
    _, report = check_json(repo)
    assert not [f for f in report["findings"] if f["file"] == "aspects/a.yaml"]


def test_one_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    repo = write_tree(
        tmp_path / "repo",
        {
            "emskit.yaml": BASE_CONFIG,
            "aspects/broken.yaml": "aspects: [\n",
            "aspects/good.yaml": "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, controls: [CTL-9]}\n",
        },
    )
    _, report = check_json(repo)
    codes = {(f["file"], f["code"]) for f in report["findings"]}
    assert ("aspects/broken.yaml", "EMS001") in codes and ("aspects/good.yaml", "EMS104") in codes


def test_one_bad_aspect_does_not_hide_the_good_ones(tmp_path: Path) -> None:
    repo = write_tree(
        tmp_path / "repo",
        {
            "emskit.yaml": BASE_CONFIG,
            "aspects/a.yaml": "aspects:\n  - {id: ASP-001, condition: nope}\n"
            "  - {id: ASP-002, activity: x, aspect: y, impact: z, condition: normal, controls: [CTL-9]}\n",
        },
    )
    _, report = check_json(repo)
    assert any(f["code"] == "EMS104" and f["line"] == 3 for f in report["findings"])


def test_symlinked_evidence_outside_the_repository(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    repo = write_tree(
        tmp_path / "repo",
        {
            "emskit.yaml": BASE_CONFIG,
            "aspects/a.yaml": "aspects:\n  - {id: ASP-001, activity: x, aspect: y, impact: z, condition: normal, evidence: [evidence/link.txt]}\n",
        },
    )
    (repo / "evidence").mkdir()
    (repo / "evidence/link.txt").symlink_to(outside)
    _, report = check_json(repo)
    [hit] = [f for f in report["findings"] if f["code"] == "EMS106"]
    assert (
        hit["file"] == "aspects/a.yaml"
        and hit["line"] == 2
        and "resolves outside" in hit["message"]
    )


def test_symlinked_folder_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    elsewhere = write_tree(tmp_path / "elsewhere", {"a.yaml": GOOD_ASPECT})
    repo = write_tree(tmp_path / "repo", {"emskit.yaml": BASE_CONFIG})
    (repo / "aspects").symlink_to(elsewhere, target_is_directory=True)
    _, report = check_json(repo)
    assert any(f["code"] == "EMS007" and f["file"] == "aspects" for f in report["findings"])
    assert not any(f["file"].startswith("aspects/") for f in report["findings"])


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no emskit.yaml"),
        ("emskit: 1\norganization: [\n", "emskit.yaml:3:1: YAML syntax"),
        (
            "emskit: 7\norganization: {name: X}\nems: {edition: '2015', scope: s}\n",
            "format version 7",
        ),
        ("organization: {name: X}\n", "no format version"),
        ("- just a list\n", "must be a mapping"),
        (b"emskit: 1\nname: \xff\n", "not UTF-8"),
    ],
)
def test_unusable_emskit_yaml_exits_2(tmp_path: Path, content, message: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    if content is not None:
        (repo / "emskit.yaml").write_bytes(
            content if isinstance(content, bytes) else content.encode()
        )
    result = run_cli("check", "--repo", str(repo))
    assert result.returncode == 2, result
    assert message in result.stderr and "Traceback" not in result.stderr


def test_schema_error_inside_emskit_yaml_is_a_finding(tmp_path: Path) -> None:
    config = {**BASE_CONFIG, "ems": {"edition": "2019", "scope": "s"}}
    repo = write_tree(tmp_path / "repo", {"emskit.yaml": config})
    status, report = check_json(repo)
    assert status == 1
    [hit] = [f for f in report["findings"] if f["file"] == "emskit.yaml" and f["code"] == "EMS003"]
    assert "'2019' is not allowed" in hit["message"] and hit["line"] == 8
