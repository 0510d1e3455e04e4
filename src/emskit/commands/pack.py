"""emskit pack: the certification application pack, built from one source, reproducibly.

load (work tree or a commit) -> readiness gate -> documents (content) -> formats -> folder or
zip with MANIFEST.json. Same commit and as-of date: byte-identical zip. Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from emskit import __version__, git
from emskit.certification.verdict import Verdict
from emskit.documents.attachments import FOLDER as ATTACHMENTS
from emskit.documents.attachments import attachments
from emskit.documents.content import Document
from emskit.documents.context import PackContext
from emskit.documents.control import control_of
from emskit.documents.pack_index import pack_index
from emskit.documents.writers import FORMATS, Style, write_documents
from emskit.documents.writers.fixed_zip import fixed_zip
from emskit.documents.writers.widths import paper_for
from emskit.errors import EmskitError, UsageError
from emskit.repo.document_history import read_document_histories
from emskit.repo.loader import load_repository
from emskit.vocabulary import FAIL

Progress = Callable[[str], None]


@dataclass
class PackResult:
    out: Path
    files: dict[str, str] = field(default_factory=dict)  # name -> sha256
    ready: bool = True
    commit: str | None = None
    clean: bool = False
    shallow: bool = False  # built in a shallow clone: revisions are counted from a cut history
    readiness: list[Verdict] = field(default_factory=list)


Builder = Callable[[PackContext], Document]
# A document that cites the others (the manual, the clause cross-reference): built once the
# rest of the pack exists, from the documents it may cite.
CitingBuilder = Callable[[PackContext, Sequence[Document]], Document]


@dataclass(frozen=True)
class Citing:
    build: CitingBuilder


def builders(ctx: PackContext, jurisdiction: str | None) -> list[Builder | Citing]:
    from emskit.documents import application_form, manual, master_list, registers, reports
    from emskit.documents.record_registers import RECORD_REGISTERS
    from emskit.documents.site_registers import site_registers

    own_manual = manual.has_own_manual(ctx)
    out: list[Builder | Citing] = [
        application_form.application_summary,
        *([] if own_manual else [Citing(manual.environmental_manual)]),
        reports.policy,
        reports.scope_statement,
        registers.aspects_register,
        registers.significant_aspects,
        registers.obligations_register,
        registers.objectives,
        registers.controls_and_emergency,
        registers.monitoring_summary,
        reports.compliance_evaluation,
        reports.internal_audits,
        reports.management_reviews,
        registers.nonconformity_log,
        registers.training_records,
        master_list.master_list,
        *RECORD_REGISTERS,
        *site_registers(ctx, jurisdiction),
        Citing(reports.cross_reference),
        reports.gap_report,
        reports.readiness_report,
    ]
    if (jurisdiction or "").upper() == "CN":
        out.append(reports.application_materials)
    return out


def build_documents(ctx: PackContext, jurisdiction: str | None) -> list[Document]:
    """The pack's documents in order: first those that cite nothing, then the citing ones
    from them, each in its place."""
    plan = builders(ctx, jurisdiction)
    built = {i: b(ctx) for i, b in enumerate(plan) if not isinstance(b, Citing)}
    cited = list(built.values())
    return [b.build(ctx, cited) if isinstance(b, Citing) else built[i] for i, b in enumerate(plan)]


def parse_formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"--formats {text!r}: choose from {','.join(FORMATS)}")
    return chosen


def build_pack(
    root: Path,
    out: Path,
    as_of: dt.date,
    formats: tuple[str, ...] = FORMATS,
    ref: str | None = None,
    draft: bool = False,
    allow_dirty: bool = False,
    progress: Progress | None = None,
    with_attachments: bool = True,
) -> PackResult:
    note = progress or (lambda _: None)
    if ref is not None:
        commit = git.resolve_commit(root, ref)
        checkout = git.Checkout(commit, True, git.is_shallow(root))
        with tempfile.TemporaryDirectory(prefix="emskit-pack-") as folder:
            source = git.export_at(root, commit, Path(folder))
            return _build(
                source, root, out, as_of, formats, checkout, draft, note, with_attachments
            )
    checkout = git.state(root)
    if checkout.commit is not None and not checkout.clean and not allow_dirty:
        raise UsageError(
            "the work tree has uncommitted changes: commit them, or pass --allow-dirty "
            "(the manifest will say the pack is not from a clean commit)"
        )
    return _build(
        root, root, out, as_of, formats, checkout, draft, note, with_attachments, checkout.clean
    )


def _build(
    source: Path,
    root: Path,
    out: Path,
    as_of: dt.date,
    formats: tuple[str, ...],
    checkout: git.Checkout,
    draft: bool,
    note: Progress,
    with_attachments: bool = True,
    recheck: bool = False,
) -> PackResult:
    """Build from ``source``; with ``recheck``, the work tree must still be clean at the same
    commit once everything is built, or the pack (which says "clean commit X") is not written."""
    commit, clean = checkout.commit, checkout.clean
    note("loading the repository")
    repo = load_repository(source)
    if repo.config is None:
        raise EmskitError(
            "emskit.yaml has errors: run 'emskit check' and fix them before building a pack"
        )
    controlled = [r for r in repo.records if r.kind in ("document", "policy")]
    ctx = PackContext(repo, as_of, commit, read_document_histories(root, controlled, commit))
    result = PackResult(
        out, commit=commit, clean=clean, shallow=checkout.shallow, readiness=ctx.readiness
    )
    result.ready = not any(v.status == FAIL for v in ctx.readiness)
    if not result.ready and not draft:
        return result
    language = repo.config.ems.language
    short = commit[:12] if commit else "none"
    style = Style(
        source,
        language,
        as_of,
        ctx.labels("generated", version=__version__, commit=short, as_of=as_of.isoformat()),
        ctx.labels("draft") if draft else None,
        paper=paper_for(repo.config.ems.jurisdiction),
    )
    documents = build_documents(ctx, repo.config.ems.jurisdiction)
    for doc in documents:  # the title block, header and footer of every page (7.5.2)
        doc.control = control_of(ctx, doc, draft)
    copied = attachments(ctx.analysis) if with_attachments else {}
    # The index lists the pack as it stands (numbers and revisions from the document control
    # above), so it is built last and put first.
    index = pack_index(ctx, documents, formats, tuple(copied))
    index.control = control_of(ctx, index, draft)
    documents.insert(0, index)
    files = write_documents(documents, formats, style, note, jobs=2)
    files.update((f"{ATTACHMENTS}/{path}", data) for path, data in copied.items())
    result.files = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    manifest = {
        "emskit": __version__,
        "as_of": as_of.isoformat(),
        "commit": commit,
        "clean": clean,
        "shallow": checkout.shallow,
        "draft": draft,
        "ready": result.ready,
        "language": language,
        "edition": repo.edition,
        "files": [
            {"path": name, "sha256": digest, "bytes": len(files[name])}
            for name, digest in result.files.items()
        ],
    }
    files["MANIFEST.json"] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )
    if recheck and git.state(root) != checkout:
        raise UsageError(
            "the work tree changed while the pack was built, so it is not the clean commit "
            f"{(commit or '')[:12]}: nothing was written; run the pack again"
        )
    note("writing")
    _write(out, files, as_of)
    return result


def _write(out: Path, files: dict[str, bytes], as_of: dt.date) -> None:
    from emskit.atomic import is_stream, write_bytes

    try:
        if out.suffix == ".zip" or is_stream(out):  # a pipe or a device takes the zip
            out.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(out, fixed_zip(sorted(files.items()), as_of))
            return
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            write_bytes(out / name, data)
    except OSError as error:
        raise UsageError(f"--out {out}: cannot write there ({error.strerror})") from None
