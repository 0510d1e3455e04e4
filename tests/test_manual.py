"""The environmental manual, the application form, the cover index, the clause cross-reference
and the attachments: what a certification body reads first, built from the data, citing
documents by number, with the evidence files copied and hashed."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, SAMPLE, replace_in, run_cli
from test_pack import git

from emskit.clauses.catalogue import catalogue
from emskit.documents.numbers import GENERATED_NUMBERS

OWN_MANUAL = "documents/manual/ems-manual.md"


def without_manual(tmp: Path, language: str = "en") -> Path:
    """The sample organisation, committed, without its own manual: emskit writes one."""
    root = tmp / "org"
    shutil.copytree(SAMPLE, root)
    (root / OWN_MANUAL).unlink()
    if language != "en":
        replace_in("emskit.yaml", "  language: en", f"  language: {language}")(root)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    return root


def pack_of(root: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = run_cli(
        "pack", "--repo", str(root), "--out", str(out), "--as-of", AS_OF.isoformat(), *extra,
        timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr + result.stdout
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("manual")
    root = without_manual(tmp)
    return root, pack_of(root, tmp / "pack.zip")


@pytest.fixture(scope="module")
def chinese(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("manual-zh")
    root = without_manual(tmp, "zh-CN")
    return root, pack_of(root, tmp / "pack.zip")


def documents_of(root: Path, edition: str | None = None) -> list[Any]:
    """The pack's documents built in this process (no files written)."""
    from emskit.commands.pack import build_documents
    from emskit.documents.context import PackContext
    from emskit.repo.loader import load_repository

    repo = load_repository(root)
    assert repo.config is not None
    if edition is not None:
        repo.config.ems.edition = edition  # type: ignore[assignment]
    return build_documents(PackContext(repo, AS_OF), repo.config.ems.jurisdiction)


def md(files: dict[str, bytes], name: str) -> str:
    return files[f"md/{name}.md"].decode("utf-8")


def clause_paragraph(manual: str, number: str) -> str:
    """The text under the clause's heading, up to the next heading."""
    match = re.search(rf"^#+ {re.escape(number)} .*?\n(.*?)(?=^#)", manual, re.M | re.S)
    assert match, number
    return match.group(1)


# --- the manual ---------------------------------------------------------------------------


def test_the_manual_is_in_every_format_when_the_repository_keeps_none(english) -> None:  # type: ignore[no-untyped-def]
    _, files = english
    for path in ("pdf", "docx", "html", "md"):
        assert f"{path}/environmental-manual.{path}" in files
    manual = md(files, "environmental-manual")
    for section in ("Scope and boundaries", "Environmental policy", "Organisation and"):
        assert f"## {section}" in manual
    assert "## The EMS process" in manual and "## How each requirement is met" in manual
    assert "## List of procedures and controlled documents" in manual


def test_a_repository_with_its_own_manual_gets_none() -> None:
    names = [d.name for d in documents_of(SAMPLE)]
    assert "environmental-manual" not in names
    assert "clause-cross-reference" in names


def test_an_obsolete_manual_is_no_manual(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    replace_in(OWN_MANUAL, "status: approved", "status: obsolete")(root)
    assert "environmental-manual" in [d.name for d in documents_of(root)]


def test_the_manual_describes_every_clause_of_the_edition(english) -> None:  # type: ignore[no-untyped-def]
    _, files = english
    manual = md(files, "environmental-manual")
    for clause in catalogue("2015+A1:2024").clauses:
        assert re.search(
            rf"^#+ {re.escape(clause.number)} {re.escape(clause.title)}$", manual, re.M
        )
        paragraph = clause_paragraph(manual, clause.number)
        assert clause.says in paragraph  # our paraphrase, never the standard's text
        if clause.assessed:
            assert "Assessed as of 2026-11-22:" in paragraph


def test_the_manual_follows_the_repositorys_edition(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    (root / OWN_MANUAL).unlink()
    manual = next(d for d in documents_of(root, "2026") if d.name == "environmental-manual")
    headings = [b.text.split(" ", 1)[0] for b in manual.blocks if type(b).__name__ == "Heading"]
    assert [c.number for c in catalogue("2026").clauses if c.number in headings] == [
        c.number for c in catalogue("2026").clauses
    ]
    assert "6.3" in headings and "6.1.5" in headings  # clauses only the 2026 edition has


def test_every_number_the_manual_cites_is_in_the_pack_or_the_repository(english) -> None:  # type: ignore[no-untyped-def]
    root, files = english
    manual = md(files, "environmental-manual")
    in_pack = {GENERATED_NUMBERS[n.split("/")[1].rsplit(".", 1)[0]] for n in files if "/" in n
               and n.startswith("md/")}  # fmt: skip
    own = set(re.findall(r"^id: (\S+)", "\n".join(
        p.read_text("utf-8") for p in (root / "documents").rglob("*.md")), re.M))  # fmt: skip
    cited = set(re.findall(r"\b(?:EMS|DOC)-[A-Z]+(?:-[A-Z0-9]+)*\b", manual))
    assert cited and cited - (in_pack | own) == set()
    assert {"EMS-REG-ASP", "EMS-REG-OBL", "EMS-REC-NCR", "DOC-PRO-02"} <= cited


def test_a_clause_cites_its_registers_with_counts_and_its_procedures(english) -> None:  # type: ignore[no-untyped-def]
    _, files = english
    aspects = clause_paragraph(md(files, "environmental-manual"), "6.1.2")
    assert "Environmental aspects register (EMS-REG-ASP; records: 35)" in aspects
    assert "DOC-PRO-02 Aspects, compliance obligations and their evaluation" in aspects
    assert "(owner: EHS engineer)" in aspects
    audit = clause_paragraph(md(files, "environmental-manual"), "9.2")
    assert "EMS-REC-AUD" in audit and "EMS-PLN-AUD" in audit and "DOC-PRO-08" in audit


def test_a_register_left_out_of_the_pack_is_not_cited(tmp_path: Path) -> None:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    (root / OWN_MANUAL).unlink()
    shutil.rmtree(root / "records" / "inspections")
    replace_in("emskit.yaml", "  jurisdiction: CN\n", "")(root)  # site registers as held
    documents = documents_of(root)
    assert "inspections-log" not in [d.name for d in documents]
    manual = next(d for d in documents if d.name == "environmental-manual")
    assert "EMS-REC-INS" not in "\n".join(getattr(b, "text", "") for b in manual.blocks)


def test_a_clause_not_met_says_why_and_a_bare_repository_still_gets_a_manual(make_repo) -> None:  # type: ignore[no-untyped-def]
    manual = next(d for d in documents_of(make_repo()) if d.name == "environmental-manual")
    text = "\n".join(getattr(b, "text", "") for b in manual.blocks)
    assert "The repository holds no environmental policy (policy.yaml)." in text
    assert "Assessed as of 2026-11-22: missing (" in text  # the gap's reason, in brackets
    assert "The repository holds no controlled documents." in text


def test_the_manual_names_the_organisation_its_policy_and_who_answers_for_the_ems(english) -> None:  # type: ignore[no-untyped-def]
    _, files = english
    manual = md(files, "environmental-manual")
    assert "18 Xinghu Road, Suzhou Industrial Park" in manual  # the sites
    assert "- fulfilment of compliance obligations" in manual  # the policy's commitments
    assert "**Top management**: General Manager (Zhang Wei)" in manual
    assert "**EMS representative**: EMS representative (EHS manager) (Liu Yang)" in manual
    assert "| ROLE-HWH | Hazardous waste handler |" in manual


def test_the_manual_lists_every_controlled_document(english) -> None:  # type: ignore[no-untyped-def]
    root, files = english
    listed = md(files, "environmental-manual").split("## List of procedures", 1)[1]
    for path in (root / "documents").rglob("*.md"):
        number = re.search(r"^id: (\S+)", path.read_text("utf-8"), re.M)
        assert number and f"| {number.group(1)} |" in listed
    assert "| DOC-PRO-03 | Waste management | procedure | 1 | EHS engineer | approved |" in listed


def test_the_chinese_manual_has_no_english_word_of_emskit(chinese) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("docx")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    from test_chinese import _latin_words, _names_in, _organisation_strings, _text_of, _without

    root, files = chinese
    strings = _names_in(files, _organisation_strings(root))
    names = [n for n in files if "environmental-manual" in n or "00-index" in n]
    assert len(names) == 8
    leaks = {
        n: sorted(_latin_words(_without(_running_lines_out(_text_of(n, files[n])), strings)))
        for n in names
    }
    assert {n: words for n, words in leaks.items() if words} == {}
    manual = md(files, "environmental-manual")
    assert "## 各项要求的实施" in manual and "条款要求：" in manual


# The header and footer document control draws on every page: in a PDF's text they sit
# between the two halves of a paragraph that runs over a page, which the scan must see whole.
# A generated document's header has no revision part ("org · EMS-MAN").
RUNNING = re.compile(r"^(?:.* · (?:EMS|DOC)-[A-Z0-9-]+(?: · .*)?|由 emskit .*页)\n", re.M)


def _running_lines_out(text: str) -> str:
    return RUNNING.sub("", text)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="no qpdf")
def test_the_manual_pdf_passes_qpdf_and_reads_back_in_poppler(english, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, files = english
    path = tmp_path / "manual.pdf"
    path.write_bytes(files["pdf/environmental-manual.pdf"])
    checked = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    assert text.stderr == ""
    flat = " ".join(text.stdout.split())
    assert "Environmental manual" in flat and "EMS-REG-ASP" in flat
    assert "List of procedures and controlled documents" in flat  # the last section is there


# --- the application form -----------------------------------------------------------------


def test_the_application_form_carries_what_a_body_asks(english) -> None:  # type: ignore[no-untyped-def]
    from emskit.certification.audit_time import estimate

    _, files = english
    form = md(files, "application-summary")
    for line in (
        "**Legal representative**: Zhang Wei",
        "**Contact person**: Liu Yang",
        "**Telephone**: +86 512 6000 0000",
        "**E-mail**: ems@minghe.example",
        "| SITE-KS | Kunshan finished-goods warehouse | 7 Qianjin Road, Kunshan | 14 |",
        "**Personnel**: 210",
        "**Shifts**: 2",
        "- Heat treatment of selected castings",
        "**EMS complexity category**: high",
        "**Consultant**: Example EHS Consulting (Suzhou) Co., Ltd.",
        "**Stage 1 audit**: 2026-12-08",
        "**Stage 2 audit**: —",
    ):
        assert line in form, line
    time = estimate(210, "high", 2)
    assert f"**Initial audit (stage 1 and stage 2)**: {time.initial:g} auditor-days" in form
    assert f"**Each surveillance audit**: {time.surveillance:g} auditor-days" in form


def test_the_application_form_prints_a_dash_where_the_repository_holds_nothing(make_repo) -> None:  # type: ignore[no-untyped-def]
    root = make_repo()
    form = next(d for d in documents_of(root) if d.name == "application-summary")
    pairs = dict(p for b in form.blocks if type(b).__name__ == "Fields" for p in b.pairs)
    for label in ("Legal representative", "Contact person", "Shifts", "Consultant"):
        assert pairs[label] == "—", label
    assert pairs["EMS complexity category"] == "—"
    assert pairs["Initial audit (stage 1 and stage 2)"] == "—"  # no estimate without inputs


# --- the index and the clause cross-reference ---------------------------------------------


def test_the_index_comes_first_and_lists_every_file_with_its_number(english) -> None:  # type: ignore[no-untyped-def]
    _, files = english
    index = md(files, "00-index")
    rows = [line for line in index.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert rows[0].startswith("| 1 | EMS-IDX-PCK |") and "| EMS-APP-SUM |" in rows[1]
    assert "| EMS-MAN | Environmental manual |" in rows[2]
    documents = {n for n in files if n.split("/")[0] in ("pdf", "docx", "xlsx", "html", "md")}
    listed = set(re.findall(r"\b(?:pdf|docx|xlsx|html|md)/[\w.-]+", index))
    assert listed == documents
    for name in {n.split("/")[1].rsplit(".", 1)[0] for n in documents} - {"registers"}:
        row = next(r for r in rows if f"md/{name}.md" in r)
        assert f"| {GENERATED_NUMBERS[name]} |" in row
    # Generated documents have no revision of their own; the policy has policy.yaml's.
    assert all("| — |" in r for r in rows if "EMS-POL" not in r)
    assert "| EMS-POL | Environmental policy | 1 |" in next(r for r in rows if "EMS-POL" in r)
    attachments = {n for n in files if n.startswith("attachments/")}
    assert attachments and attachments <= set(re.findall(r"attachments/[\w./-]+", index))


def test_the_cross_reference_cites_document_numbers_not_file_lines(english) -> None:  # type: ignore[no-untyped-def]
    _, files = english
    table = md(files, "clause-cross-reference")
    assert ".yaml:" not in table and ".md:" not in table
    row = next(line for line in table.splitlines() if line.startswith("| 6.1.2 |"))
    assert "DOC-PRO-02" in row and "EMS-REG-ASP" in row and "EMS-REG-SIG" in row


def test_every_register_the_citations_name_is_a_numbered_document() -> None:
    from emskit.documents.citations import CARRIERS, REGISTERS_OF_KIND

    assert {c.document for c in CARRIERS} <= set(GENERATED_NUMBERS)
    assert REGISTERS_OF_KIND["aspect"] == ("aspects-register",)
    assert REGISTERS_OF_KIND["incident"] == ("incidents",)


# --- attachments ----------------------------------------------------------------------------


def test_attachments_are_copied_with_the_hashes_of_the_manifest(english) -> None:  # type: ignore[no-untyped-def]
    root, files = english
    manifest = json.loads(files["MANIFEST.json"])
    hashes = {f["path"]: f["sha256"] for f in manifest["files"]}
    copied = [n for n in files if n.startswith("attachments/")]
    assert "attachments/evidence/permits/discharge-permit.md" in copied  # an application material
    assert "attachments/evidence/monitoring/third-party-monitoring-2026.md" in copied
    for name in copied:
        original = (root / name.removeprefix("attachments/")).read_bytes()
        assert files[name] == original
        assert hashes[name] == hashlib.sha256(original).hexdigest()


def test_no_attachments_leaves_them_out(english, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, _ = english
    files = pack_of(root, tmp_path / "bare.zip", "--no-attachments", "--formats", "md")
    assert files and not [n for n in files if n.startswith("attachments/")]
    manifest = json.loads(files["MANIFEST.json"])
    assert not [f for f in manifest["files"] if f["path"].startswith("attachments/")]
    assert "attachments/" not in md(files, "00-index")


def test_the_index_reads_each_documents_revision_from_its_document_control() -> None:
    from emskit.documents.content import Document, DocumentControl
    from emskit.documents.context import PackContext
    from emskit.documents.pack_index import pack_index
    from emskit.repo.loader import load_repository

    controlled = Document("environmental-policy", "Environmental policy")
    controlled.control = DocumentControl(
        organisation="Minghe",
        number="EMS-POL",
        revision="3",
        revision_date="2026-01-15",
        prepared_by="",
        approved_by="",
        status="approved",
        as_of="2026-11-22",
        commit="",
    )
    uncontrolled = Document("aspects-register", "Environmental aspects register")
    ctx = PackContext(load_repository(SAMPLE), AS_OF)
    index = pack_index(ctx, [controlled, uncontrolled], ("md", "xlsx"))
    rows = index.tables[0].rows
    assert rows[1][1:4] == ("EMS-POL", "Environmental policy", "3")
    assert rows[2][1:4] == ("EMS-REG-ASP", "Environmental aspects register", "—")
    assert rows[1][4] == "md/environmental-policy.md"  # no register sheet: not in the workbook


def test_the_manual_opens_in_word_with_its_headings_as_heading_styles(english) -> None:  # type: ignore[no-untyped-def]
    docx = pytest.importorskip("docx")
    import io

    _, files = english
    document = docx.Document(io.BytesIO(files["docx/environmental-manual.docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Scope and boundaries" in headings
    assert "6.1.2 Environmental aspects" in headings


def test_a_pack_from_a_commit_copies_the_attachments_of_that_commit(
    english, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root, files = english
    from_ref = pack_of(root, tmp_path / "ref.zip", "--ref", "HEAD", "--formats", "md")
    copied = {n: d for n, d in from_ref.items() if n.startswith("attachments/")}
    assert copied == {n: d for n, d in files.items() if n.startswith("attachments/")}
