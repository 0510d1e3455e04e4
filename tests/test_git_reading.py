"""Git read the way git means it: NUL-separated names, shallow clones, commit blobs (not
`git archive`), refused owners, revision syntax, no git binary, long path lists, and a hostile
.git/config that must not run anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, run_cli, write_tree

AS_OF = "2026-11-22"
CONFIG = {**BASE_CONFIG, "significance": {"preset": "likelihood-x-severity"}}
ASPECTS = {
    "aspects": [
        {
            "id": "ASP-001",
            "activity": "Painting",
            "aspect": "VOC emissions",
            "impact": ["Air pollution"],
            "condition": "normal",
            "scores": {"likelihood": 5, "severity": 4},
            "significant": True,
        }
    ]
}


def _document(doc_id: str) -> str:
    return f"---\nid: {doc_id}\ntitle: A procedure\ntype: procedure\nstatus: draft\n---\n# Body\n"


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Wang Fang", "-c", "user.email=w@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def committed(tmp_path: Path, files: dict[str, object] | None = None) -> Path:
    root = write_tree(tmp_path / "repo", {"emskit.yaml": CONFIG, **(files or {})})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    return root


def docs_history(root: Path, doc_id: str, **env: str) -> subprocess.CompletedProcess[str]:
    return _run_with(env, "docs", "--repo", str(root), "--as-of", AS_OF, "history", doc_id)


def _run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "emskit", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": "", "COLUMNS": "200", **env},
    )


@pytest.mark.parametrize("name", ["documents/two words.md", "documents/环境手册.md"])
def test_names_with_spaces_and_chinese_have_their_history(tmp_path: Path, name: str) -> None:
    root = committed(tmp_path, {name: _document("DOC-001")})
    git(root, "config", "core.quotePath", "true")  # git's default: quote non-ASCII names
    path = root / name
    path.write_text(path.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    git(root, "commit", "-qam", "Second revision")
    result = docs_history(root, "DOC-001")
    assert result.returncode == 0, result.stderr
    assert "Second revision" in result.stdout and "first" in result.stdout
    assert "Wang Fang" in result.stdout
    assert "no commit has this file" not in result.stderr


def test_a_shallow_clone_is_said_in_docs_and_in_the_pack(tmp_path: Path) -> None:
    origin = committed(tmp_path, {"documents/a.md": _document("DOC-001")})
    doc = origin / "documents/a.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "Again.\n", encoding="utf-8")
    git(origin, "commit", "-qam", "second")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    listing = run_cli("docs", "--repo", str(clone), "--as-of", AS_OF)
    assert listing.returncode == 0, listing.stderr
    assert "shallow clone" in listing.stderr
    full = run_cli("docs", "--repo", str(origin), "--as-of", AS_OF)
    assert "shallow" not in full.stderr
    out = tmp_path / "pack"
    built = run_cli(
        "pack", "--repo", str(clone), "--out", str(out), "--as-of", AS_OF, "--draft",
        "--formats", "md",
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "shallow clone" in built.stderr
    assert json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))["shallow"] is True


def test_pack_ref_and_score_diff_read_blobs_not_git_archive(tmp_path: Path) -> None:
    root = committed(
        tmp_path,
        {
            "aspects/paint.yaml": ASPECTS,
            ".gitattributes": "emskit.yaml export-ignore\naspects/** export-ignore\n",
        },
    )
    diff = run_cli("score", "--repo", str(root), "--diff", "HEAD", "--format", "json")
    assert diff.returncode == 0, diff.stderr
    assert json.loads(diff.stdout)["changes"] == []  # export-ignore would hide the aspects
    out = tmp_path / "pack"
    built = run_cli(
        "pack", "--repo", str(root), "--out", str(out), "--as-of", AS_OF, "--ref", "HEAD",
        "--draft", "--formats", "md",
    )  # fmt: skip
    assert built.returncode == 0, built.stderr  # export-ignore would drop emskit.yaml


def test_dubious_ownership_is_said_not_read_as_no_commit(tmp_path: Path) -> None:
    root = committed(tmp_path, {"aspects/paint.yaml": ASPECTS, "documents/a.md": _document("D-1")})
    # git's own switch for "owned by someone else"; no global config that would trust it.
    other = {"GIT_TEST_ASSUME_DIFFERENT_OWNER": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
    diff = _run_with(other, "score", "--repo", str(root), "--diff", "HEAD")
    assert diff.returncode == 2 and "safe.directory" in diff.stderr, diff.stderr
    pack = _run_with(other, "pack", "--repo", str(root), "--out", str(tmp_path / "p"), "--draft")
    assert pack.returncode == 2 and "safe.directory" in pack.stderr, pack.stderr
    assert not (tmp_path / "p").exists()
    listing = _run_with(other, "docs", "--repo", str(root), "--as-of", AS_OF)
    assert listing.returncode == 0 and "dubious ownership" in listing.stderr, listing.stderr


def test_revision_syntax_is_git_s_and_a_bad_one_is_a_user_error(tmp_path: Path) -> None:
    root = committed(tmp_path, {"aspects/paint.yaml": ASPECTS})
    git(root, "checkout", "-qb", "other")
    git(root, "checkout", "-q", "-")
    previous = run_cli("score", "--repo", str(root), "--diff", "@{-1}")
    assert previous.returncode == 0, previous.stderr
    yesterday = run_cli("score", "--repo", str(root), "--diff", "HEAD@{yesterday}")
    assert yesterday.returncode in (0, 2) and "Traceback" not in yesterday.stderr
    for bad in ("no-such-branch", "--output=x", "HEAD~99"):
        result = run_cli("score", "--repo", str(root), "--diff", bad)
        assert result.returncode == 2 and "not a commit" in result.stderr, (bad, result.stderr)
    empty = run_cli("score", "--repo", str(root), "--diff", "")
    assert empty.returncode == 2 and "empty" in empty.stderr
    no_ref = run_cli("pack", "--repo", str(root), "--out", str(tmp_path / "p"), "--ref", "")
    assert no_ref.returncode == 2 and "empty" in no_ref.stderr


def test_without_a_git_binary_ref_and_diff_are_user_errors(tmp_path: Path) -> None:
    root = committed(tmp_path, {"aspects/paint.yaml": ASPECTS})
    no_git = {"PATH": str(tmp_path / "empty-bin")}
    diff = _run_with(no_git, "score", "--repo", str(root), "--diff", "HEAD")
    assert diff.returncode == 2 and "git was not found" in diff.stderr, diff.stderr
    out = str(tmp_path / "p")
    pack = _run_with(no_git, "pack", "--repo", str(root), "--out", out, "--ref", "HEAD")
    assert pack.returncode == 2 and "git was not found" in pack.stderr, pack.stderr


def test_45000_documents_do_not_overflow_the_command_line(tmp_path: Path) -> None:
    from emskit.git import file_histories

    root = committed(tmp_path, {"documents/real one.md": _document("DOC-001")})
    names = [f"documents/section-{i:05d}/a-rather-long-document-name.md" for i in range(45_000)]
    histories = file_histories(root, [*names, "documents/real one.md"])
    assert len(histories) == 45_001
    assert [subject for *_, subject in histories["documents/real one.md"]] == ["first"]
    assert histories[names[0]] == []


def test_a_hostile_git_config_runs_nothing(tmp_path: Path) -> None:
    root = committed(
        tmp_path,
        {
            "aspects/paint.yaml": ASPECTS,
            "documents/a.md": _document("DOC-001"),
            ".gitattributes": "* filter=evil diff=evil\n",
        },
    )
    pwned = tmp_path / "PWNED"
    with (root / ".git/config").open("a", encoding="utf-8") as config:
        config.write(
            f"[core]\n\tfsmonitor = touch {pwned}-fsmonitor\n\tpager = touch {pwned}-pager\n"
            f'[filter "evil"]\n\tclean = touch {pwned}-clean\n\tsmudge = touch {pwned}-smudge\n'
            f"\trequired = true\n"
            f'[diff "evil"]\n\ttextconv = touch {pwned}-textconv\n'
            f"[diff]\n\texternal = touch {pwned}-external\n"
            f"[log]\n\tshowSignature = true\n[gpg]\n\tprogram = touch {pwned}-gpg\n"
        )
    hook = root / ".git/hooks/post-index-change"
    hook.write_text(f"#!/bin/sh\ntouch {pwned}-hook\n", encoding="utf-8")
    hook.chmod(0o755)
    os.utime(root / "documents/a.md", (1, 1))  # stat-dirty: status would re-hash (clean filter)
    listing = run_cli("docs", "--repo", str(root), "--as-of", AS_OF)
    assert listing.returncode == 0, listing.stderr
    out = str(tmp_path / "p")
    for args in (
        ("pack", "--out", out, "--draft", "--formats", "md"),
        ("pack", "--out", out + "2", "--draft", "--formats", "md", "--ref", "HEAD"),
        ("score", "--diff", "HEAD"),
    ):
        result = run_cli(*args, "--repo", str(root), "--as-of", AS_OF)
        assert result.returncode in (0, 1), (args, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("PWNED")) == []
