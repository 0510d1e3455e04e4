"""The pack's registers of the on-site records and the roadmap, read back from the PDF (pypdf),
Word (python-docx) and Excel (openpyxl) files, and present in every format the pack writes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import BASE_CONFIG, run_cli
from test_pack import AS_OF, committed_copy, git

REGISTERS = (
    "msds-register",
    "waste-ledger",
    "inspections-log",
    "monitoring-results",
    "distribution-record",
    "special-positions",
    "roadmap",
)
SHEETS = (
    "MSDS",
    "Waste streams",
    "Waste transfers",
    "Waste contractors",
    "Inspections",
    "Monitoring results",
    "Document distribution",
    "Special positions list",
    "Roadmap",
)


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("site-pack")
    root = committed_copy(tmp)
    out = tmp / "pack.zip"
    result = run_cli("pack", "--repo", str(root), "--out", str(out), "--as-of", AS_OF, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_every_register_in_every_format(pack: dict[str, bytes]) -> None:
    for fmt in ("pdf", "docx", "html", "md"):
        for name in REGISTERS:
            assert f"{fmt}/{name}.{fmt}" in pack, (fmt, name)
    markdown = pack["md/waste-ledger.md"].decode("utf-8")
    assert "3205072026101500143" in markdown and "JSSZ0505OOD012-4" in markdown
    assert "WT-2026-014" in pack["html/waste-ledger.html"].decode("utf-8")


def test_the_registers_read_back_from_the_pdf(pack: dict[str, bytes]) -> None:
    special = _pdf_text(pack["pdf/special-positions.pdf"])
    assert "Special positions list" in special
    assert "JS-HW-2025-0342" in special and "2028-02-28" in special and "Wu Xia" in special
    ledger = _pdf_text(pack["pdf/waste-ledger.pdf"])
    assert "3205072026101500143" in ledger and "JSSZ0505OOD012-4" in ledger
    assert "HW48" in ledger and "321-026-48" in ledger and "2027-09-30" in ledger
    msds = _pdf_text(pack["pdf/msds-register.pdf"])
    assert "CHEM-003" in msds and "2025-06-12" in msds
    monitoring = _pdf_text(pack["pdf/monitoring-results.pdf"])
    assert "MON-2026-Q3" in monitoring and "≤ 500" in monitoring and "212" in monitoring
    assert "INS-2026-01" in _pdf_text(pack["pdf/inspections-log.pdf"])
    assert "DOC-WI-04" in _pdf_text(pack["pdf/distribution-record.pdf"])
    roadmap = _pdf_text(pack["pdf/roadmap.pdf"])
    assert "pre-certification" in roadmap and "2025-11-19" in roadmap


def test_the_registers_read_back_from_word(pack: dict[str, bytes]) -> None:
    import docx

    ledger = docx.Document(io.BytesIO(pack["docx/waste-ledger.docx"]))
    title_block, streams, transfers, contractors = ledger.tables[:4]  # document control first
    assert title_block.rows[0].cells[3].text == "EMS-REC-WST"
    assert [row.cells[0].text for row in transfers.rows[1:]] == [
        "WT-2026-003",
        "WT-2026-007",
        "WT-2026-011",
        "WT-2026-014",
    ]
    assert transfers.rows[4].cells[5].text == "3205072026101500143"
    assert contractors.rows[1].cells[2].text == "JSSZ0505OOD012-4"
    assert len(streams.rows) == 5
    special = docx.Document(io.BytesIO(pack["docx/special-positions.docx"])).tables[1]
    by_person = {row.cells[1].text: [c.text for c in row.cells] for row in special.rows[1:]}
    assert by_person["PER-WU"][6] == "JS-HW-2025-0342" and by_person["PER-WU"][9] == "yes"
    assert by_person["PER-GAO"][6] == ""  # a special position held without a licence shows so


def test_the_registers_read_back_from_excel(pack: dict[str, bytes]) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(pack["xlsx/registers.xlsx"]))
    assert set(SHEETS) <= set(book.sheetnames)
    transfers = [[c.value for c in row] for row in book["Waste transfers"].iter_rows()]
    assert transfers[0][5] == "Manifest"
    assert [transfers[4][0], transfers[4][5]] == ["WT-2026-014", "3205072026101500143"]
    results = [[c.value for c in row] for row in book["Monitoring results"].iter_rows()]
    column = {header: index for index, header in enumerate(results[0])}
    cod = next(row for row in results if row[column["Indicator"]] == "IND-COD")
    assert cod[column["Within limit"]] == "yes" and cod[column["Limit"]] == "≤ 500"
    steps = [row[1].value for row in book["Roadmap"].iter_rows(min_row=2)]
    assert len(steps) == 19 and steps[0] == "diagnosis" and steps[-1] == "certificate"


def test_outside_china_a_register_appears_only_with_its_records(tmp_path: Path) -> None:
    root = tmp_path / "small"
    root.mkdir()
    (root / "emskit.yaml").write_text(__import__("yaml").safe_dump(BASE_CONFIG), "utf-8")
    (root / "chemicals").mkdir()
    (root / "chemicals/c.yaml").write_text("chemicals:\n  - {id: CHEM-1, name: Glue}\n", "utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    out = tmp_path / "out"
    result = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(out),
        "--as-of",
        AS_OF,
        "--draft",
        "--formats",
        "md",
    )
    assert result.returncode == 0, result.stderr
    built = {p.stem for p in (out / "md").iterdir()}
    assert "msds-register" in built and "CHEM-1" in (out / "md/msds-register.md").read_text("utf-8")
    assert not built & {"waste-ledger", "inspections-log", "roadmap", "special-positions"}


def test_a_chinese_pack_names_the_registers_steps_and_statuses_in_chinese(tmp_path: Path) -> None:
    from emskit.certification.roadmap import STATUSES
    from emskit.documents.labels import Labels
    from emskit.model.implementation import STEPS

    zh = Labels("zh-CN")
    for value in (*STEPS, *STATUSES):
        assert zh.term(value) != Labels("en").term(value), value
    root = committed_copy(tmp_path, language="zh-CN")
    out = tmp_path / "out"
    result = run_cli(
        "pack", "--repo", str(root), "--out", str(out), "--as-of", AS_OF, "--formats", "md"
    )
    assert result.returncode == 0, result.stderr
    roadmap = (out / "md/roadmap.md").read_text(encoding="utf-8")
    assert "体系推行计划" in roadmap and "内部审核" in roadmap and "已完成" in roadmap
    assert "特殊岗位一览表" in (out / "md/special-positions.md").read_text(encoding="utf-8")
    ledger = (out / "md/waste-ledger.md").read_text(encoding="utf-8")
    assert "危险废物管理台账" in ledger and "联单编号" in ledger
