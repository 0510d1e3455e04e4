"""Outputs never replace what is not ours (issue 10 point 2): devices, pipes and links are
written through, folders and sockets refused, hard links edited in place, init keeps what is
there, and a pack inside the repository is neither read as the EMS nor counted as dirty."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import threading
import zipfile
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, SAMPLE, run_cli, write_tree

AS_OF = "2026-11-22"


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Li Na", "-c", "user.email=li@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def sample(tmp_path: Path, commit: bool = False) -> Path:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    if commit:
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "first")
    return root


def render(root: Path, out: str, fmt: str = "md") -> subprocess.CompletedProcess[str]:
    return run_cli(
        "docs", "--repo", str(root), "render", "DOC-PRO-03", "--format", fmt, "--out", out
    )


def read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def drain() -> None:
        with open(path, "rb") as stream:
            into.append(stream.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    return reader


def test_docs_render_streams_into_a_fifo(tmp_path: Path) -> None:
    root = sample(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = read_fifo(fifo, received)
    result = render(root, str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a pipe, not a file renamed over it
    assert received and b"No hazardous waste stays" in received[0]


def test_docs_render_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    root = sample(tmp_path)
    target = tmp_path / "real" / "waste.md"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    os.symlink(target, link)
    assert render(root, str(link)).returncode == 0
    assert os.path.islink(link) and os.readlink(link) == str(target)
    assert "old" not in target.read_text(encoding="utf-8") and target.stat().st_size > 100
    dangling = tmp_path / "dangling.md"
    os.symlink(tmp_path / "real" / "new.md", dangling)
    assert render(root, str(dangling)).returncode == 0
    assert os.path.islink(dangling) and (tmp_path / "real" / "new.md").stat().st_size > 100


def test_docs_render_streams_into_a_character_device(tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except (PermissionError, OSError):
        pytest.skip("making a character device needs root")
    root = sample(tmp_path)
    result = render(root, str(device))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)  # as root, a rename would have replaced it
    pack = run_cli(
        "pack", "--repo", str(root), "--out", str(device), "--as-of", AS_OF,
        "--formats", "md", "--allow-dirty", timeout=300,
    )  # fmt: skip
    assert pack.returncode == 0, pack.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_folder_or_a_socket_is_refused_before_any_work(tmp_path: Path) -> None:
    root = sample(tmp_path)
    folder = tmp_path / "folder"
    folder.mkdir()
    result = render(root, str(folder))
    assert result.returncode == 2 and "is a folder" in result.stderr, result.stderr
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    path = tmp_path / "sock"
    listener.bind(str(path))
    try:
        result = render(root, str(path))
        assert result.returncode == 2 and "is a socket" in result.stderr, result.stderr
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
        pack = run_cli("pack", "--repo", str(root), "--out", str(path) + ".zip", "--as-of", AS_OF)
        assert pack.returncode != 3 and "internal error" not in pack.stderr
    finally:
        listener.close()
    assert "internal error" not in result.stderr


def test_pack_streams_its_zip_into_a_fifo(tmp_path: Path) -> None:
    root = sample(tmp_path, commit=True)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = read_fifo(fifo, received)
    result = run_cli(
        "pack", "--repo", str(root), "--out", str(fifo), "--as-of", AS_OF, "--formats", "md",
        timeout=300,
    )  # fmt: skip
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    (tmp_path / "got.zip").write_bytes(received[0])
    with zipfile.ZipFile(tmp_path / "got.zip") as archive:
        assert json.loads(archive.read("MANIFEST.json"))["clean"] is True
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_empty_out_is_refused(tmp_path: Path) -> None:
    root = sample(tmp_path, commit=True)
    before = sorted(p.name for p in Path.cwd().iterdir())
    for args in (("pack", "--repo", str(root), "--as-of", AS_OF), ("schema",)):
        result = run_cli(*args, "--out", "", cwd=tmp_path)
        assert result.returncode == 2 and "--out is empty" in result.stderr, result.stderr
    assert render(root, "").returncode == 2
    assert sorted(p.name for p in Path.cwd().iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org"]


ASPECTS = """\
aspects:
  - id: ASP-001
    activity: Painting
    aspect: VOC emissions
    impact: Air pollution
    condition: normal
    scores: {likelihood: 5, severity: 4}
    significant: false
"""


def test_score_write_edits_a_hard_linked_file_in_place(tmp_path: Path) -> None:
    config = {**BASE_CONFIG, "significance": {"preset": "likelihood-x-severity"}}
    root = write_tree(tmp_path / "repo", {"emskit.yaml": config, "aspects/paint.yaml": ASPECTS})
    other = tmp_path / "other-link.yaml"
    os.link(root / "aspects/paint.yaml", other)
    inode = os.stat(other).st_ino
    result = run_cli("score", "--repo", str(root), "--write")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "significant: true" in other.read_text(encoding="utf-8")  # the other link sees it
    assert os.stat(root / "aspects/paint.yaml").st_ino == inode and os.stat(other).st_nlink == 2


def test_score_write_edits_the_target_of_a_symlinked_file(tmp_path: Path) -> None:
    config = {**BASE_CONFIG, "significance": {"preset": "likelihood-x-severity"}}
    root = write_tree(tmp_path / "repo", {"emskit.yaml": config, "shared/paint.yaml": ASPECTS})
    (root / "aspects").mkdir()
    os.symlink("../shared/paint.yaml", root / "aspects/paint.yaml")
    result = run_cli("score", "--repo", str(root), "--write")
    assert result.returncode == 0, result.stdout + result.stderr
    assert os.path.islink(root / "aspects/paint.yaml")
    assert "significant: true" in (root / "shared/paint.yaml").read_text(encoding="utf-8")


def test_init_keeps_hand_written_files_and_says_which(tmp_path: Path) -> None:
    target = tmp_path / "new"
    own = {"policy.yaml": "# our own policy\n", "context.yaml": "# our own context\n"}
    write_tree(target, own)
    result = run_cli("init", str(target), "--name", "Own Co")
    assert result.returncode == 0, result.stderr
    for name, text in own.items():
        assert (target / name).read_text(encoding="utf-8") == text
    assert "kept 2 files already there" in result.stderr
    assert "context.yaml, policy.yaml" in result.stderr
    assert (target / "roles.yaml").is_file() and (target / "emskit.yaml").is_file()


def test_a_pack_inside_the_repository_is_not_dirt_nor_part_of_the_ems(tmp_path: Path) -> None:
    root = sample(tmp_path, commit=True)
    documents_before = run_cli("docs", "--repo", str(root), "--as-of", AS_OF).stdout
    first = run_cli(
        "pack", "--repo", str(root), "--out", str(root / "documents/pack"), "--as-of", AS_OF,
        "--formats", "md", timeout=300,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert list((root / "documents/pack/md").glob("*.md"))  # Markdown under documents/
    zipped = run_cli(
        "pack", "--repo", str(root), "--out", str(root / "pack.zip"), "--as-of", AS_OF,
        "--formats", "md", timeout=300,
    )  # fmt: skip
    assert zipped.returncode == 0 and "work tree clean" in zipped.stderr, zipped.stderr
    again = run_cli(
        "pack", "--repo", str(root), "--out", str(tmp_path / "third"), "--as-of", AS_OF,
        "--formats", "md", timeout=300,
    )  # fmt: skip
    assert again.returncode == 0 and "work tree clean" in again.stderr, again.stderr
    assert json.loads((tmp_path / "third/MANIFEST.json").read_text())["clean"] is True
    assert run_cli("docs", "--repo", str(root), "--as-of", AS_OF).stdout == documents_before
    check = run_cli("check", "--repo", str(root), "--as-of", AS_OF, "--format", "json")
    assert "documents/pack" not in check.stdout
    # anything else new still counts as a change
    (root / "documents/new.md").write_text("draft\n", encoding="utf-8")
    dirty = run_cli(
        "pack", "--repo", str(root), "--out", str(tmp_path / "fourth"), "--as-of", AS_OF,
        "--formats", "md",
    )  # fmt: skip
    assert dirty.returncode == 2 and "uncommitted changes" in dirty.stderr
