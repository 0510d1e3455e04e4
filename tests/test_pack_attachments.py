"""Attachments are read only inside the repository: a link that leads out of it is never
followed, one that stays inside is copied as the file it names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_manual import pack_of


@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
def test_a_link_that_leads_out_of_the_repository_is_never_copied(make_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("not the organisation's evidence\n")
    policy = {
        "id": "POL-001",
        "text": "We protect the environment.",
        "commitments": {"environmental_protection": True},
        "approved_by": "PER-A",
        "approved_on": "2026-01-10",
        "evidence": ["evidence/signed.txt", "evidence/link.txt", "evidence/inside-link.txt"],
    }
    root = make_repo({"policy.yaml": policy, "evidence/signed.txt": "signed policy\n"})
    (root / "evidence" / "link.txt").symlink_to(secret)
    (root / "evidence" / "inside-link.txt").symlink_to(root / "evidence" / "signed.txt")
    files = pack_of(root, tmp_path / "pack.zip", "--draft", "--formats", "md")
    copied = sorted(n for n in files if n.startswith("attachments/"))
    assert copied == ["attachments/evidence/inside-link.txt", "attachments/evidence/signed.txt"]
    assert not any(b"not the organisation" in data for data in files.values())
