"""Each controlled document's life in git, read once for a whole run: its approvals and its
content changes, from one ``git log`` over every document file and one ``git cat-file
--batch`` for the versions' text.

A document's revision is its approved revision: how many distinct ``approved_on`` dates it
has carried, not how many commits changed it (a typo fixed is a commit, not a revision). A
change is a content change when it touches the body or any front-matter line other than the
approval itself (``approved_on``, ``approved_by``, ``status``); a content change in a commit
that did not also move ``approved_on``, dated (author date) after the document's approval,
is a change made after approval: the approved text is no longer the text in use.

Each commit is compared with its own first parent, so work on two branches is never mistaken
for an approval. Renamed files start their history at the rename (git cannot follow many
files' renames in one log); a shallow clone starts it at the cut, so revisions may be low.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from emskit.repo.loader import split_front_matter
from emskit.repo.repository import Record

_APPROVAL_LINE = re.compile(r"(approved_on|approved_by|status)\s*:")
_APPROVED_ON = re.compile(r"^approved_on\s*:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


@dataclass(frozen=True)
class Change:
    """A commit that changed a document's content."""

    date: dt.date  # the author's date
    author: str  # git's author name
    email: str
    commit: str


@dataclass(frozen=True)
class DocumentHistory:
    approvals: frozenset[dt.date]  # every approved_on the file has carried, the current one too
    changed: Change | None  # the last content change
    changed_after_approval: Change | None  # the last content change dated after approved_on

    @property
    def revision(self) -> int:
        return len(self.approvals)


@dataclass(frozen=True)
class DocumentHistories:
    """Every document's history, by file. ``known`` is False when there is no history to read
    (not a git repository, no commit yet, git missing or refusing): nothing can be judged."""

    known: bool
    by_file: dict[str, DocumentHistory] = field(default_factory=dict)

    def get(self, file: str) -> DocumentHistory | None:
        return self.by_file.get(file)


UNKNOWN = DocumentHistories(False)


def read_document_histories(
    root: Path, documents: list[Record], commit: str | None = None
) -> DocumentHistories:
    """The history of each document up to ``commit``, or HEAD: the controlled documents
    (documents/**/*.md), and any approved record kept in a file of its own (policy.yaml)."""
    from emskit import git

    try:
        until = commit or git.head(root)
    except git.GitError:
        return UNKNOWN
    if until is None:
        return UNKNOWN
    current = {r.file: getattr(r.model, "approved_on", None) for r in documents}
    changes = git.file_changes(root, sorted(current), until)
    blobs = git.read_blobs(root, [oid for c in changes for oid in (c.old, c.new) if oid])
    versions = {oid: _version(data) for oid, data in blobs.items()}
    approvals: dict[str, set[dt.date]] = {f: {d} if d else set() for f, d in current.items()}
    last: dict[str, Change] = {}
    after: dict[str, Change] = {}
    for c in changes:  # newest first
        if not c.new:
            continue  # deleted (and later added again): the deletion is no version
        old_date, old_text = versions.get(c.old, (None, None))
        new_date, new_text = versions.get(c.new, (None, ""))
        if new_date is not None:
            approvals[c.file].add(new_date)
        if new_text == old_text:
            continue
        change = Change(dt.date.fromisoformat(c.date), c.author, c.email, c.commit)
        last.setdefault(c.file, change)
        approved = current[c.file]
        approving = new_date is not None and new_date != old_date
        if approved is not None and not approving and change.date > approved:
            after.setdefault(c.file, change)
    by_file = {
        f: DocumentHistory(frozenset(approvals[f]), last.get(f), after.get(f)) for f in current
    }
    return DocumentHistories(True, by_file)


def _version(data: bytes) -> tuple[dt.date | None, str]:
    """A version's approval date and its content: the body and every front-matter line but the
    approval's (what a change after approval would have changed)."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff").replace("\r\n", "\n")
    parts = split_front_matter(text)
    # A YAML record that is approved (policy.yaml) is all front matter, so to speak.
    front, body = parts if parts is not None else (text, "")
    found = _APPROVED_ON.search(front)
    try:
        approved = dt.date.fromisoformat(found[1]) if found else None
    except ValueError:
        approved = None  # not a date (an old, broken version): no approval to count
    kept = "\n".join(line for line in front.split("\n") if not _APPROVAL_LINE.match(line))
    return approved, kept + "\0" + body
