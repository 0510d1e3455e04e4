"""emskit pack and emskit docs: every format opened with its own reader, Chinese in the PDF,
byte-identical rebuilds, the readiness gate, --draft, --ref, dirty trees, template overrides."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLE, replace_in, run_cli

AS_OF = "2026-11-22"


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Li Na", "-c", "user.email=li@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def committed_copy(tmp_path: Path, name: str = "org", language: str | None = None) -> Path:
    root = tmp_path / name
    shutil.copytree(SAMPLE, root)
    if language:
        replace_in("emskit.yaml", "  language: en", f"  language: {language}")(root)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    return root


@pytest.fixture(scope="module")
def english_pack(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("pack")
    root = committed_copy(tmp)
    out = tmp / "pack.zip"
    result = run_cli("pack", "--repo", str(root), "--out", str(out), "--as-of", AS_OF, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout
    with zipfile.ZipFile(out) as archive:
        return root, {name: archive.read(name) for name in archive.namelist()}


def test_manifest_lists_every_file_with_its_hash(english_pack) -> None:  # type: ignore[no-untyped-def]
    root, files = english_pack
    manifest = json.loads(files["MANIFEST.json"])
    assert manifest["commit"] == git(root, "rev-parse", "HEAD").strip()
    assert (manifest["clean"], manifest["as_of"], manifest["draft"], manifest["ready"]) == (
        True,
        AS_OF,
        False,
        True,
    )
    assert manifest["emskit"]
    listed = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
    assert set(listed) == set(files) - {"MANIFEST.json"}
    assert all(hashlib.sha256(files[name]).hexdigest() == digest for name, digest in listed.items())
    for fmt in ("pdf", "docx", "html", "md"):
        for doc in (
            "application-summary",
            "environmental-policy",
            "aspects-register",
            "significant-aspects",
            "obligations-register",
            "objectives",
            "controls-and-emergency",
            "monitoring-summary",
            "compliance-evaluation",
            "internal-audits",
            "management-reviews",
            "nonconformity-log",
            "training-records",
            "master-list",
            "clause-cross-reference",
            "gap-report",
            "readiness-report",
            "application-materials",
            "scope-statement",
        ):
            assert f"{fmt}/{doc}.{fmt}" in files, (fmt, doc)
    assert "xlsx/registers.xlsx" in files


def test_pdf_text_is_searchable(english_pack) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    _, files = english_pack
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(files["pdf/aspects-register.pdf"])).pages
    )
    assert "Environmental aspects register" in text and "ASP-035" in text
    objectives = PdfReader(io.BytesIO(files["pdf/objectives.pdf"]))
    assert (
        sum(len(page.images) for page in objectives.pages) >= 4
    )  # one progress chart per objective


def test_docx_reads_back(english_pack) -> None:  # type: ignore[no-untyped-def]
    import docx

    _, files = english_pack
    document = docx.Document(io.BytesIO(files["docx/significant-aspects.docx"]))
    assert document.paragraphs[0].text == "Significant environmental aspects"
    assert document.tables[0].rows[0].cells[0].text == "Organization"  # the title block first
    ids = {row.cells[0].text for row in document.tables[1].rows[1:]}
    assert len(ids) == 16 and "ASP-012" in ids
    charts = docx.Document(io.BytesIO(files["docx/objectives.docx"]))
    assert len(charts.inline_shapes) >= 4


def test_xlsx_registers_have_filters_frozen_headers_and_widths(english_pack) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _, files = english_pack
    book = load_workbook(io.BytesIO(files["xlsx/registers.xlsx"]))
    assert {
        "Aspects",
        "Significant aspects",
        "Obligations",
        "Objectives",
        "Nonconformities",
        "Documents",
        "Training",
        "Monitoring",
    } <= set(book.sheetnames)
    sheet = book["Aspects"]
    # Every field of an aspect is a column (29 in the sample), the computed verdict last.
    from openpyxl.utils import get_column_letter

    last = get_column_letter(sheet.max_column)
    assert sheet.max_column == 29 and sheet[f"{last}1"].value == "Significant"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last}{35 + 1}"
    assert sheet["A2"].value == "ASP-001" and sheet.max_row == 36
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("EMSKIT_REQUIRE_BROWSER"), reason="no Chromium"
)
def test_html_documents_load_in_headless_chromium(english_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert CHROMIUM
    _, files = english_pack
    page = tmp_path / "objectives.html"
    page.write_bytes(files["html/objectives.html"])
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "CONSOLE" not in result.stderr
    assert "<h1>Objectives and programmes</h1>" in result.stdout
    assert (
        len(re.findall(r'<img alt="Progress: OBJ-\d+" src="data:image/png;base64,', result.stdout))
        >= 4
    )


def test_chinese_pack_pdf_contains_chinese(tmp_path: Path) -> None:
    from pypdf import PdfReader

    root = committed_copy(tmp_path, language="zh-CN")
    out = tmp_path / "zh"
    result = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(out),
        "--as-of",
        AS_OF,
        "--formats",
        "pdf,xlsx",
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    text = "".join(p.extract_text() for p in PdfReader(out / "pdf/aspects-register.pdf").pages)
    flat = re.sub(r"\s+", "", text)  # table cells wrap Chinese between any two characters
    assert "环境因素识别与评价表" in flat  # our label, in Chinese
    assert "熔炼铝锭及回炉料" in flat  # a bilingual field, rendered in Chinese
    assert "发生频率" in flat  # the method's criterion label
    fonts = {
        str(f)
        for page in PdfReader(out / "pdf/aspects-register.pdf").pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert fonts  # fonts are embedded subsets, not names the reader must have


def test_rebuilding_the_same_commit_is_byte_identical(tmp_path: Path) -> None:
    root = committed_copy(tmp_path)
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    for out in (first, second):
        result = run_cli(
            "pack",
            "--repo",
            str(root),
            "--out",
            str(out),
            "--as-of",
            AS_OF,
            "--ref",
            "HEAD",
            "--formats",
            "pdf,docx,xlsx",
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    assert (
        hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    )


def test_not_ready_builds_nothing_and_draft_marks_every_page(tmp_path: Path) -> None:
    from pypdf import PdfReader

    root = committed_copy(tmp_path)
    out = tmp_path / "early"
    early = run_cli("pack", "--repo", str(root), "--out", str(out), "--as-of", "2026-05-01")
    assert early.returncode == 1 and "internal-audit" in early.stdout and not out.exists()
    draft = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(out),
        "--as-of",
        "2026-05-01",
        "--draft",
        "--formats",
        "pdf,html",
    )
    assert draft.returncode == 0, draft.stderr
    pages = PdfReader(out / "pdf/aspects-register.pdf").pages
    assert len(pages) > 1 and all("DRAFT" in page.extract_text() for page in pages)
    assert json.loads((out / "MANIFEST.json").read_text())["draft"] is True


def test_dirty_tree_is_refused_unless_allowed(tmp_path: Path) -> None:
    root = committed_copy(tmp_path)
    replace_in("policy.yaml", "approved_on:", "# edited\napproved_on:")(root)
    refused = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(tmp_path / "p"),
        "--as-of",
        AS_OF,
        "--formats",
        "md",
    )
    assert refused.returncode == 2 and "uncommitted" in refused.stderr
    allowed = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(tmp_path / "p"),
        "--as-of",
        AS_OF,
        "--formats",
        "md",
        "--allow-dirty",
    )
    assert allowed.returncode == 0
    assert json.loads((tmp_path / "p/MANIFEST.json").read_text())["clean"] is False


def test_ref_builds_an_older_commit_without_touching_the_work_tree(tmp_path: Path) -> None:
    root = committed_copy(tmp_path)
    first = git(root, "rev-parse", "HEAD").strip()
    policy = root / "policy.yaml"
    original = policy.read_text(encoding="utf-8")
    policy.write_text(
        original.replace("approved_on: 2025-02-10", "approved_on: 2025-02-11"), encoding="utf-8"
    )
    git(root, "commit", "-qam", "second")
    out = tmp_path / "old"
    result = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(out),
        "--as-of",
        AS_OF,
        "--ref",
        first,
        "--formats",
        "md",
    )
    assert result.returncode == 0, result.stderr
    assert "2025-02-10" in (out / "md/environmental-policy.md").read_text(encoding="utf-8")
    assert json.loads((out / "MANIFEST.json").read_text())["commit"] == first
    assert (
        "2025-02-11" in policy.read_text(encoding="utf-8")
        and git(root, "status", "--porcelain") == ""
    )


def test_organisation_template_overrides_the_built_in(tmp_path: Path) -> None:
    root = committed_copy(tmp_path)
    (root / "templates/documents").mkdir(parents=True)
    (root / "templates/documents/document.html.j2").write_text(
        "<html><body><h1>ACME {{ doc.title }}</h1></body></html>\n", encoding="utf-8"
    )
    git(root, "add", "-A")
    git(root, "commit", "-qm", "own template")
    out = tmp_path / "own"
    assert (
        run_cli(
            "pack", "--repo", str(root), "--out", str(out), "--as-of", AS_OF, "--formats", "html"
        ).returncode
        == 0
    )
    assert "<h1>ACME Environmental policy</h1>" in (
        out / "html/environmental-policy.html"
    ).read_text(encoding="utf-8")
    (root / "templates/documents/document.html.j2").write_text(
        "{{ no_such_variable }}\n", encoding="utf-8"
    )
    broken = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(tmp_path / "x"),
        "--as-of",
        AS_OF,
        "--formats",
        "html",
        "--allow-dirty",
    )
    assert (
        broken.returncode == 2
        and "no_such_variable" in broken.stderr
        and "Traceback" not in broken.stderr
    )


def test_docs_master_list_history_and_render(tmp_path: Path) -> None:
    root = committed_copy(tmp_path)
    replace_in(
        "documents/procedures/waste-management.md",
        "No hazardous waste stays",
        "No hazardous waste ever stays",
    )(root)
    git(root, "commit", "-qam", "Tighten the storage rule")
    listing = run_cli("docs", "--repo", str(root), "--as-of", AS_OF)
    line = next(line for line in listing.stdout.splitlines() if line.startswith("DOC-PRO-03"))
    # Revision 1: one approval (two commits); changed after it, by the committer's git name.
    changed = r"procedure\s+1\s+2026-01-20\s+Zhang Wei \(General Manager\)\s+20\d\d-\d\d-\d\d\s+Li Na\s+yes"
    assert re.search(changed, line), line
    history = run_cli("docs", "--repo", str(root), "history", "DOC-PRO-03")
    assert "Tighten the storage rule" in history.stdout and "first" in history.stdout
    for fmt in ("pdf", "docx", "html"):
        target = tmp_path / f"waste.{fmt}"
        result = run_cli(
            "docs",
            "--repo",
            str(root),
            "render",
            "DOC-PRO-03",
            "--format",
            fmt,
            "--out",
            str(target),
        )
        assert result.returncode == 0 and target.stat().st_size > 500, result.stderr
    from pypdf import PdfReader

    assert "ever stays" in "".join(
        p.extract_text() for p in PdfReader(tmp_path / "waste.pdf").pages
    )
    missing = run_cli("docs", "--repo", str(root), "render", "DOC-NOPE")
    assert missing.returncode == 2 and "no controlled document" in missing.stderr
