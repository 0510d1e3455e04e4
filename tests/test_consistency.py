"""Consistency under change: an edit made while `score --write` or `pack` runs is neither lost
nor packed under a "clean commit" label. The edit is made in-process, at a fixed point of the
run, so the race is deterministic."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, write_tree

from emskit.errors import EmskitError

AS_OF = dt.date(2026, 11, 22)
CONFIG = {**BASE_CONFIG, "significance": {"preset": "likelihood-x-severity"}}
ASPECTS = """\
aspects:
  - id: ASP-001
    activity: Painting
    aspect: VOC emissions
    impact: [Air pollution]
    condition: normal
    scores: {likelihood: 5, severity: 4}
    significant: false
"""
EDIT = "# added by a colleague while emskit ran\n"


def _edit_after(monkeypatch: pytest.MonkeyPatch, module: object, name: str, file: Path) -> None:
    """Make ``module.name`` change ``file`` right after it has done its own work."""
    original = getattr(module, name)

    def and_then_edit(*args, **kwargs):  # type: ignore[no-untyped-def]
        value = original(*args, **kwargs)
        file.write_text(file.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        return value

    monkeypatch.setattr(module, name, and_then_edit)


@pytest.mark.parametrize(
    "moment",
    ["emskit.commands.score._score", "emskit.repo.yaml_writer._apply_batch"],
    ids=["after-scoring", "after-computing-the-edit"],
)
def test_score_write_refuses_a_file_edited_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    import importlib

    from emskit.commands.score import write_verdicts

    root = write_tree(tmp_path / "repo", {"emskit.yaml": CONFIG, "aspects/paint.yaml": ASPECTS})
    aspects = root / "aspects/paint.yaml"
    module_name, name = moment.rsplit(".", 1)
    _edit_after(monkeypatch, importlib.import_module(module_name), name, aspects)
    with pytest.raises(EmskitError, match="changed while emskit was running") as refused:
        write_verdicts(root, AS_OF)
    assert refused.value.exit_code == 2
    assert aspects.read_text(encoding="utf-8") == ASPECTS + EDIT  # the edit kept, no verdict


def test_score_write_still_writes_when_nothing_changed(tmp_path: Path) -> None:
    from emskit.commands.score import write_verdicts

    root = write_tree(tmp_path / "repo", {"emskit.yaml": CONFIG, "aspects/paint.yaml": ASPECTS})
    assert write_verdicts(root, AS_OF).files == ["aspects/paint.yaml"]
    assert "significant: true" in (root / "aspects/paint.yaml").read_text(encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_pack_refuses_to_call_an_edited_tree_a_clean_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import emskit.commands.pack
    from emskit.commands.pack import build_pack

    root = write_tree(tmp_path / "repo", {"emskit.yaml": CONFIG, "aspects/paint.yaml": ASPECTS})
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "first")
    # The edit lands after the clean check and before the pack is written.
    _edit_after(monkeypatch, emskit.commands.pack, "load_repository", root / "aspects/paint.yaml")
    out = tmp_path / "pack"
    with pytest.raises(EmskitError, match="changed while the pack was built") as refused:
        build_pack(root, out, AS_OF, ("md",), draft=True)
    assert refused.value.exit_code == 2
    assert not out.exists()
    monkeypatch.undo()
    _git(root, "commit", "-qam", "the colleague's edit")
    result = build_pack(root, out, AS_OF, ("md",), draft=True)
    assert result.clean and (out / "MANIFEST.json").is_file()
