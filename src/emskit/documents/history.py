"""Each controlled document's life in git, read once for the pack and for emskit docs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.documents.context import DocumentHistory
from emskit.repo.repository import Repository


def document_histories(
    root: Path, repo: Repository, commit: str | None
) -> dict[str, DocumentHistory]:
    from emskit import git

    documents = [r.file for r in repo.records if r.kind == "document"]
    if commit is None or not documents:
        return {}
    out = {}
    for file, commits in git.file_histories(root, documents, commit).items():
        if commits:
            _, date, author, _ = commits[0]
            out[file] = DocumentHistory(len(commits), dt.date.fromisoformat(date), author)
    return out
