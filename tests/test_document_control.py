"""Document control (issue 14 point 2): every pack document carries its number, approved
revision, prepared and approved by, status; every page its header and "page x of y"; the
documents' git history gives the approved revision (approvals, not commits), who changed a
document, and whether it was changed after its approval (EMS350, the master list, gap 7.5)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, findings, run_cli
from ems_git import edit

from emskit.commands.docs import run_docs_list
from emskit.commands.gap import run_gap

DOC = "documents/procedures/aspects-and-obligations.md"  # DOC-PRO-02, approved 2026-01-20
APPROVED_ON_LINE = 8
# The rules that need a git history to fail are tested here, not in test_rules.py's cases.
GIT_RULE_CASES = {"EMS350": "test_an_edit_after_approval_is_a_warning_at_approved_on"}


def git(root: Path, *args: str, date: str = "2026-01-20", email: str = "t@example.org") -> str:
    """git as a named author on a given day (author and committer date alike)."""
    stamp = f"{date}T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    done = subprocess.run(
        ["git", "-c", f"user.name={email.split('@')[0]}", "-c", f"user.email={email}", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return done.stdout


def commit(root: Path, message: str, **who: str) -> None:
    git(root, "add", "-A", **who)
    git(root, "commit", "-q", "-m", message, **who)


def sample(tmp_path: Path, language: str | None = None) -> Path:
    """The sample organisation in git, committed on the day its documents were approved."""
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    if language:
        edit(root, "emskit.yaml", "  language: en", f"  language: {language}")
    git(root, "init", "-q")
    commit(root, "the sample organisation")
    return root


def edited_after_approval(tmp_path: Path, email: str = "huang@example.org") -> Path:
    root = sample(tmp_path)
    edit(root, DOC, "Each department lists", "Every department lists")
    commit(root, "wording", date="2026-03-01", email=email)
    return root


def reapprove(root: Path, on: str) -> None:
    edit(root, DOC, "approved_on: 2026-01-20", f"approved_on: {on}")
    commit(root, "approved again", date=on)


def _hits(root: Path) -> list:  # type: ignore[type-arg]
    return [f for f in findings(root) if f.code == "EMS350"]


def _row(root: Path, doc_id: str = "DOC-PRO-02") -> dict[str, str]:
    listed = run_docs_list(root, AS_OF)
    [row] = [r for r in listed.rows if r[0] == doc_id]
    return dict(zip(listed.headers, row, strict=True))


def _clause_7_5(root: Path):  # type: ignore[no-untyped-def]
    [clause] = [c for c in run_gap(root, AS_OF).clauses if c.clause.number == "7.5"]
    return clause


# --- history, EMS350, master list, gap ------------------------------------------------------


def test_an_edit_after_approval_is_a_warning_at_approved_on(tmp_path: Path) -> None:
    [hit] = _hits(edited_after_approval(tmp_path))
    assert (hit.file, hit.line, hit.severity.name) == (DOC, APPROVED_ON_LINE, "WARNING")
    assert "7.5.2" in hit.clauses and hit.ids == ("DOC-PRO-02",)
    assert "changed on 2026-03-01 by huang" in hit.message
    assert "after its approval on 2026-01-20" in hit.message
    assert "approved_on and approved_by" in hit.message and "revert" in hit.message


def test_the_sample_as_committed_has_no_change_after_approval(tmp_path: Path) -> None:
    root = sample(tmp_path)
    assert _hits(root) == []
    assert _row(root)["Changed after approval"] == "no"


def test_the_master_list_flags_the_changed_document(tmp_path: Path) -> None:
    row = _row(edited_after_approval(tmp_path))
    assert row["Revision"] == "1"
    assert row["Approved on"] == "2026-01-20"
    assert row["Last changed"] == "2026-03-01"
    assert row["Last changed by"] == "huang"  # git's name: no person lists the address
    assert row["Changed after approval"] == "yes"
    assert row["Approved by"] == "Zhang Wei (General Manager)"


def test_gap_7_5_is_partial_and_names_the_document(tmp_path: Path) -> None:
    clause = _clause_7_5(edited_after_approval(tmp_path))
    assert clause.status == "partial"
    assert any("changed after their approval" in r and "DOC-PRO-02" in r for r in clause.reasons)


def test_a_new_approval_is_revision_2_and_clears_the_flag(tmp_path: Path) -> None:
    root = edited_after_approval(tmp_path)
    reapprove(root, "2026-03-05")
    assert _hits(root) == []
    row = _row(root)
    assert (row["Revision"], row["Approved on"], row["Changed after approval"]) == (
        "2",
        "2026-03-05",
        "no",
    )
    assert not any("changed after" in r for r in _clause_7_5(root).reasons)


def test_revision_counts_approvals_not_commits(tmp_path: Path) -> None:
    root = sample(tmp_path)
    for n in range(1, 4):  # three fixes on the day of the approval
        with (root / DOC).open("a", encoding="utf-8") as text:
            text.write(f"\nFix {n}.\n")
        commit(root, f"typo {n}", date="2026-01-20")
    log = run_cli("docs", "--repo", str(root), "history", "DOC-PRO-02")
    assert log.returncode == 0 and log.stdout.count("typo") == 3, log.stdout
    assert _row(root)["Revision"] == "1"  # four commits, one approval
    assert _hits(root) == []  # the fixes were made on the day of the approval, not after it
    reapprove(root, "2026-06-01")
    assert _row(root)["Revision"] == "2"


def test_a_change_of_the_approval_alone_is_no_content_change(tmp_path: Path) -> None:
    root = sample(tmp_path)
    edit(root, DOC, "approved_by: PER-ZHANG", "approved_by: PER-LIU")
    commit(root, "approver corrected", date="2026-04-01")
    assert _hits(root) == []
    assert _row(root)["Last changed"] != "2026-04-01"


def test_a_draft_may_change(tmp_path: Path) -> None:
    root = sample(tmp_path)
    edit(root, DOC, "status: approved", "status: draft")
    commit(root, "back to draft", date="2026-01-20")
    edit(root, DOC, "Each department lists", "Every department lists")
    commit(root, "redrafting", date="2026-03-01")
    assert _hits(root) == []


def test_a_commit_author_listed_by_a_person_shows_as_that_person(tmp_path: Path) -> None:
    root = sample(tmp_path)
    edit(
        root,
        "roles.yaml",
        "roles: [ROLE-EHS]}",
        "roles: [ROLE-EHS], git: [Huang.Tao@Example.org, ht@example.org]}",
    )
    commit(root, "git address of Huang Tao")
    edit(root, DOC, "Each department lists", "Every department lists")
    commit(root, "wording", date="2026-03-01", email="huang.tao@example.org")
    assert _row(root)["Last changed by"] == "Huang Tao (EHS engineer)"
    log = run_cli("docs", "--repo", str(root), "history", "DOC-PRO-02").stdout
    assert "Huang Tao (EHS engineer)" in log and "huang.tao" not in log
    [hit] = _hits(root)
    assert "by Huang Tao" in hit.message
    assert [f for f in findings(root) if f.file == "roles.yaml"] == []  # the field is valid


def test_outside_git_nothing_is_judged_and_gap_says_so(tmp_path: Path) -> None:
    root = shutil.copytree(SAMPLE, tmp_path / "plain")
    assert _hits(root) == []
    clause = _clause_7_5(root)
    assert any("could not judge the documents' versions" in r for r in clause.reasons)
    assert clause.status == "met"  # a note: no version could be judged, none is wrong
    assert _row(root)["Changed after approval"] == ""
    listing = run_cli("docs", "--repo", str(root))
    assert listing.returncode == 0 and "not in a git repository" in listing.stderr


def test_check_answers_a_new_commit_anew(tmp_path: Path) -> None:
    """The cache key holds HEAD: the same files committed give another answer (EMS350)."""
    from emskit.commands.check import run_check

    root = sample(tmp_path)
    cache = tmp_path / "cache"
    edit(root, DOC, "Each department lists", "Every department lists")
    before = run_check(root, AS_OF, cache_dir=cache).findings
    assert not [f for f in before if f.code == "EMS350"]  # not committed: no change in git yet
    commit(root, "wording", date="2026-03-01")
    after = run_check(root, AS_OF, cache_dir=cache).findings
    assert [f.code for f in after if f.code == "EMS350"] == ["EMS350"]


def test_history_is_read_with_one_log_and_one_batch(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from emskit import git as git_module
    from emskit.repo.document_history import read_document_histories
    from emskit.repo.loader import load_repository

    root = edited_after_approval(tmp_path)
    calls: list[str] = []
    run, batch = git_module._run, git_module._blob_contents
    monkeypatch.setattr(
        git_module, "_run", lambda cwd, *a, **k: calls.append(a[0]) or run(cwd, *a, **k)
    )
    monkeypatch.setattr(
        git_module, "_blob_contents", lambda top, oids: calls.append("cat-file") or batch(top, oids)
    )
    repo = load_repository(root)
    documents = [r for r in repo.records if r.kind == "document"]
    histories = read_document_histories(root, documents)
    assert calls.count("log") == 1 and calls.count("cat-file") == 1, calls
    assert histories.known and len(histories.by_file) == len(documents) == 15


def test_a_shallow_clone_counts_from_the_cut_and_says_so(tmp_path: Path) -> None:
    root = edited_after_approval(tmp_path)
    reapprove(root, "2026-03-05")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)], check=True)
    assert _row(clone)["Revision"] == "1"  # two approvals, one left in the clone
    listing = run_cli("docs", "--repo", str(clone))
    assert "shallow clone" in listing.stderr and listing.returncode == 0


def test_an_ems_folder_inside_a_larger_repository(tmp_path: Path) -> None:
    from emskit.repo.document_history import read_document_histories
    from emskit.repo.loader import load_repository

    top = tmp_path / "company"
    root = top / "ems"
    shutil.copytree(SAMPLE, root)
    (top / "README.md").write_text("Other work\n", encoding="utf-8")
    git(top, "init", "-q")
    commit(top, "the company")
    edit(root, DOC, "Each department lists", "Every department lists")
    edit(root, "policy.yaml", "approved_on: 2025-02-10", "approved_on: 2026-02-10")
    commit(top, "wording; policy approved again", date="2026-03-01")
    repo = load_repository(root)
    approved = [r for r in repo.records if r.kind in ("document", "policy")]
    histories = read_document_histories(root, approved)
    assert histories.get("policy.yaml").revision == 2  # type: ignore[union-attr]
    assert [f.file for f in _hits(root)] == [DOC]


def test_diff_judges_each_side_by_its_own_history(tmp_path: Path) -> None:
    from emskit.commands.diff import run_diff

    root = edited_after_approval(tmp_path)
    changed = run_diff(root, AS_OF, "HEAD~1", "HEAD")
    assert [f.code for f in changed.new_findings if f.code == "EMS350"] == ["EMS350"]
    unchanged = run_diff(root, AS_OF, "HEAD", "HEAD")
    assert not [
        f for f in unchanged.new_findings + unchanged.resolved_findings if f.code == "EMS350"
    ]


# --- document control of the pack -------------------------------------------------------------


def test_control_of_a_controlled_and_of_a_generated_document(tmp_path: Path) -> None:
    from emskit.documents.content import Document
    from emskit.documents.context import PackContext
    from emskit.documents.control import control_of
    from emskit.repo.document_history import read_document_histories
    from emskit.repo.loader import load_repository

    root = edited_after_approval(tmp_path)
    reapprove(root, "2026-03-05")
    repo = load_repository(root)
    approved = [r for r in repo.records if r.kind in ("document", "policy")]
    histories = read_document_histories(root, approved)
    ctx = PackContext(repo, AS_OF, "0123456789abcdef", histories)
    own = control_of(ctx, Document("DOC-PRO-02", "Aspects"), draft=False)
    assert (own.number, own.revision, own.revision_date, own.status) == (
        "DOC-PRO-02",
        "2",
        "2026-03-05",
        "approved",
    )
    assert own.prepared_by == "Huang Tao (EHS engineer)"  # the owner role's holder
    assert own.approved_by == "Zhang Wei (General Manager)"
    assert (
        own.organisation == "Minghe Precision Castings Co., Ltd." and own.commit == "0123456789ab"
    )
    register = control_of(ctx, Document("aspects-register", "Aspects"), draft=True)
    assert (register.number, register.revision, register.approved_by) == ("EMS-REG-ASP", "", "")
    assert register.prepared_by == "Liu Yang (EMS representative (EHS manager))"
    assert register.status == "draft" and register.draft
    policy = control_of(ctx, Document("environmental-policy", "Policy"), draft=False)
    assert policy.approved_by.startswith("Zhang Wei") and policy.revision_date == "2025-02-10"
    assert (policy.number, policy.revision) == ("EMS-POL", "1")  # policy.yaml's approvals


def test_docs_render_prints_the_document_under_its_control(tmp_path: Path) -> None:
    root = edited_after_approval(tmp_path)
    reapprove(root, "2026-03-05")
    target = tmp_path / "doc.pdf"
    result = run_cli("docs", "--repo", str(root), "render", "DOC-PRO-02", "--out", str(target))
    assert result.returncode == 0, result.stderr
    [page, *more] = _pages(target.read_bytes(), tmp_path)
    flat = " ".join(page.split())
    assert "Minghe Precision Castings Co., Ltd. · DOC-PRO-02 · Rev. 2" in flat
    assert "2, approved 2026-03-05" in flat and "Huang Tao (EHS engineer)" in flat
    assert f"Page 1 of {1 + len(more)}" in flat and "Every department lists" in flat


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[str, dict[str, bytes]]:  # type: ignore[no-untyped-def]
    """The sample's pack in English (every format), in Chinese (PDF) and as a draft (PDF)."""
    out: dict[str, dict[str, bytes]] = {}
    for name, language, extra in (
        ("en", None, ("--formats", "pdf,docx,html,xlsx")),
        ("zh", "zh-CN", ("--formats", "pdf")),
        ("draft", None, ("--formats", "pdf", "--draft")),
    ):
        tmp = tmp_path_factory.mktemp(name)
        root = sample(tmp, language)
        target = tmp / "pack.zip"
        args = ("pack", "--repo", str(root), "--out", str(target), "--as-of", AS_OF.isoformat())
        result = run_cli(*args, *extra, timeout=600)
        assert result.returncode == 0, result.stderr
        with zipfile.ZipFile(target) as archive:
            out[name] = {n: archive.read(n) for n in archive.namelist()}
    return out


def _pages(data: bytes, tmp_path: Path, *options: str) -> list[str]:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])  # type: ignore[index]
    return [
        subprocess.run(
            ["pdftotext", *options, "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def _pdfs(pack: dict[str, bytes]) -> dict[str, bytes]:
    return {n: d for n, d in pack.items() if n.endswith(".pdf")}


def test_every_pdf_page_has_the_header_and_page_x_of_y(packs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from emskit.documents.numbers import GENERATED_NUMBERS

    pdfs = _pdfs(packs["en"])
    assert len(pdfs) > 25
    for name, data in pdfs.items():
        number = GENERATED_NUMBERS[Path(name).stem]
        pages = _pages(data, tmp_path)
        for n, text in enumerate(pages, 1):
            flat = " ".join(text.split())
            assert f"Minghe Precision Castings Co., Ltd. · {number} " in flat, (name, n)
            assert f"Page {n} of {len(pages)}" in flat, (name, n)
            assert "as of 2026-11-22" in flat, (name, n)
        first = " ".join(pages[0].split())
        assert "Document number" in first and "Prepared by" in first, name


def test_every_chinese_pdf_page_says_page_x_of_y_in_chinese(packs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, data in _pdfs(packs["zh"]).items():
        pages = _pages(data, tmp_path)
        for n, text in enumerate(pages, 1):
            flat = "".join(text.split())
            assert f"第{n}页，共{len(pages)}页" in flat, (name, n, flat[-80:])
        first = "".join(pages[0].split())
        assert "文件编号" in first and "编制人" in first and "版次" in first, name


def test_draft_is_on_every_page(packs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, data in _pdfs(packs["draft"]).items():
        for n, text in enumerate(_pages(data, tmp_path, "-layout"), 1):
            header = text.splitlines()[0]  # the mark is a drawing; the header says it in words
            assert "Minghe" in header and header.rstrip().endswith("DRAFT"), (name, n, header)


def test_word_header_and_footer_carry_control_and_page_fields(packs) -> None:  # type: ignore[no-untyped-def]
    import io

    import docx

    data = packs["en"]["docx/master-list.docx"]
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert "EMS-IDX-DOC" in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "as of 2026-11-22" in footer
    block = document.tables[0]  # the title block comes first
    assert [c.text for c in block.rows[0].cells][:4] == [
        "Organization",
        "Minghe Precision Castings Co., Ltd.",
        "Document number",
        "EMS-IDX-DOC",
    ]
    listing = document.tables[1]
    assert "Changed after approval" in [c.text for c in listing.rows[0].cells]


def test_html_and_excel_print_the_control(packs) -> None:  # type: ignore[no-untyped-def]
    import io

    import openpyxl

    page = packs["en"]["html/aspects-register.html"].decode("utf-8")
    assert "EMS-REG-ASP" in page and "counter(pages)" in page and "Document number" in page
    book = openpyxl.load_workbook(io.BytesIO(packs["en"]["xlsx/registers.xlsx"]))
    sheet = book["Aspects"]
    assert "EMS-REG-ASP" in sheet.oddHeader.left.text
    footer = sheet.oddFooter.right.text
    assert "&P" in footer and "&N" in footer
