"""An approved controlled document is not changed after its approval (7.5.2).

The text in use must be the text that was approved. A commit dated after a document's
``approved_on`` that changed its body or front matter (anything but ``approved_on``,
``approved_by`` and ``status``) without approving it again means the approved version is no
longer the one people read. Read from git: outside a git repository nothing is judged.

Passes::

    # documents/procedures/waste.md, committed 2026-03-05 with
    approved_on: 2026-03-05          # the edit and its new approval in one commit

Fails::

    # documents/procedures/waste.md, approved_on: 2026-01-20; a later commit dated
    # 2026-03-05 rewrites a paragraph and leaves approved_on as it was
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.document_changes import author_of, changed_after_approval
from emskit.model.common import text_in
from emskit.rule import WARNING, Rule

RULE = Rule("EMS350", "changed-after-approval", WARNING, ("7.5.2",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for document, change in changed_after_approval(ctx):
        person = author_of(ctx, change.email)
        who = text_in(person.model.name, "en") if person else change.author
        yield RULE.at(
            document.file,
            (*document.loc, "approved_on"),
            f"{document.id} was changed on {change.date} by {who} (commit {change.commit[:10]}) "
            f"after its approval on {document.model.approved_on}: have the change approved "
            "(set approved_on and approved_by to the new approval) or revert it",
            ids=(document.id,),
        )
