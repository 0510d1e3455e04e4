"""The registers are complete: every field the sample organisation's YAML holds for a kind of
record is a column of its register (read from the YAML files, not from a list here), each
register counts and sorts its records, the aspects register defines each criterion's scale,
and the new registers are in every format with their document numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import AS_OF, SAMPLE

from emskit.documents.columns import field_columns, field_label, limit_text
from emskit.documents.content import Document, DocumentControl, Paragraph, Table
from emskit.documents.numbers import GENERATED_NUMBERS
from emskit.documents.writers.widths import paged_tables, share_width
from emskit.model.chemicals import Chemical
from emskit.model.context import InterestedParty, Issue, Person, Risk, Role
from emskit.model.evaluation import Equipment, Indicator, Limit, PlannedAudit
from emskit.model.external_checks import Inspection
from emskit.model.improvement import Incident, Nonconformity
from emskit.model.operation import Control, Drill, Scenario
from emskit.model.planning import Aspect, Objective, Obligation
from emskit.model.support import Communication, CompetenceRequirement, Training
from emskit.model.waste import Contractor, WasteStream, WasteTransfer
from emskit.scoring.preset_scales import PRESET_SCALES
from emskit.scoring.presets import PRESETS
from emskit.words import word

# kind -> (the files and the list key holding its records ("" one record a file), its model,
# the register document and sheet that list it)
KINDS: dict[str, tuple[str, str, Any, str, str]] = {
    "aspect": ("aspects/*.yaml", "aspects", Aspect, "aspects-register", "Aspects"),
    "obligation": (
        "obligations/*.yaml",
        "obligations",
        Obligation,
        "obligations-register",
        "Obligations",
    ),
    "objective": ("objectives/*.yaml", "objectives", Objective, "objectives", "Objectives"),
    "control": ("controls/*.yaml", "controls", Control, "controls-and-emergency", "Controls"),
    "scenario": (
        "emergency/*.yaml",
        "scenarios",
        Scenario,
        "controls-and-emergency",
        "Emergency scenarios",
    ),
    "indicator": (
        "monitoring/indicators.yaml",
        "indicators",
        Indicator,
        "monitoring-summary",
        "Monitoring",
    ),
    "equipment": (
        "monitoring/indicators.yaml",
        "equipment",
        Equipment,
        "calibration-list",
        "Calibration",
    ),
    "nonconformity": (
        "records/nonconformities/*.yaml",
        "",
        Nonconformity,
        "nonconformity-log",
        "Nonconformities",
    ),
    "training": ("records/training/*.yaml", "", Training, "training-records", "Training"),
    "communication": (
        "records/communications/*.yaml",
        "",
        Communication,
        "communication-register",
        "Communications",
    ),
    "drill": ("records/drills/*.yaml", "", Drill, "drill-records", "Drills"),
    "incident": ("records/incidents/*.yaml", "", Incident, "incidents", "Incidents"),
    "issue": ("context.yaml", "issues", Issue, "context-register", "Issues"),
    "party": (
        "context.yaml",
        "interested_parties",
        InterestedParty,
        "context-register",
        "Interested parties",
    ),
    "risk": ("risks.yaml", "risks", Risk, "risks-register", "Risks"),
    "role": ("roles.yaml", "roles", Role, "roles-register", "Roles"),
    "person": ("roles.yaml", "people", Person, "roles-register", "People"),
    "competence-requirement": (
        "competence.yaml",
        "requirements",
        CompetenceRequirement,
        "roles-register",
        "Competence",
    ),
    "audit-plan": (
        "audits/programme.yaml",
        "audits",
        PlannedAudit,
        "audit-programme",
        "Audit programme",
    ),
    "chemical": ("chemicals/*.yaml", "chemicals", Chemical, "msds-register", "MSDS"),
    "waste-stream": ("waste/*.yaml", "streams", WasteStream, "waste-ledger", "Waste streams"),
    "contractor": (
        "waste/*.yaml",
        "contractors",
        Contractor,
        "waste-ledger",
        "Waste contractors",
    ),
    "waste-transfer": (
        "records/waste-transfers/*.yaml",
        "",
        WasteTransfer,
        "waste-ledger",
        "Waste transfers",
    ),
    "inspection": (
        "records/inspections/*.yaml",
        "",
        Inspection,
        "inspections-log",
        "Inspections",
    ),
}
NEW_REGISTERS = {
    "context-register": "EMS-REG-CTX",
    "risks-register": "EMS-REG-RSK",
    "roles-register": "EMS-REG-ROL",
    "communication-register": "EMS-REC-COM",
    "calibration-list": "EMS-REG-CAL",
    "audit-programme": "EMS-PLN-AUD",
    "drill-records": "EMS-REC-DRL",
    "incidents": "EMS-REC-INC",
}


def yaml_records(kind: str) -> list[dict[str, Any]]:
    pattern, key = KINDS[kind][:2]
    out = []
    for path in sorted(SAMPLE.glob(pattern)):
        data = yaml.safe_load(path.read_text("utf-8"))
        out += data.get(key, []) if key else [data]
    assert out, kind  # the sample holds records of every kind listed here
    return out


def build(language: str, root: Path = SAMPLE) -> tuple[Any, list[Document]]:
    from emskit.commands.pack import build_documents
    from emskit.documents.context import PackContext
    from emskit.repo.loader import load_repository

    repo = load_repository(root)
    assert repo.config is not None
    repo.config.ems.language = language  # type: ignore[assignment]
    ctx = PackContext(repo, AS_OF, None)
    return ctx, build_documents(ctx, repo.config.ems.jurisdiction)


@pytest.fixture(scope="module", params=["en", "zh-CN"])
def built(request: Any) -> tuple[Any, dict[str, Document]]:
    ctx, docs = build(request.param)
    return ctx, {d.name: d for d in docs}


def sheet_table(docs: dict[str, Document], name: str, sheet: str) -> Table:
    return next(t for t in docs[name].tables if t.sheet == sheet)


def filled(value: Any) -> bool:
    return value not in (None, "", [], {})


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_the_yaml_holds_is_a_column_and_filled(built: Any, kind: str) -> None:
    ctx, docs = built
    _, _, model, name, sheet = KINDS[kind]
    table = sheet_table(docs, name, sheet)
    columns = field_columns(ctx, model, kind)
    aliases = {info.alias or field: field for field, info in model.model_fields.items()}
    records = yaml_records(kind)
    rows = {row[0]: row for row in table.rows}
    keys = {key for record in records for key in record}
    for key in sorted(keys):
        field = aliases[key]
        headers = {c.header for c in columns if c.field.split(".")[0] == field}
        headers.add(field_label(field, ctx.labels.language, kind))  # a register's own column
        shown = [i for i, h in enumerate(table.headers) if h in headers]
        # the register may show a field under its own column (linked aspects, limit)
        assert shown or key in {"scores"}, (kind, key, table.headers)
        for record in records:
            if filled(record.get(key)) and key != "scores" and "id" in record:
                cells = [rows[str(record["id"])][i] for i in shown]
                assert any(cells), (kind, record["id"], key)
    if "id" in keys:
        ids = [str(r["id"]) for r in records]
        assert [row[0] for row in table.rows] == sorted(ids)  # every record, sorted by id


def test_every_register_says_how_many_records_it_lists(built: Any) -> None:
    ctx, docs = built
    for kind, (_, _, _, name, sheet) in KINDS.items():
        count = len(yaml_records(kind))
        doc = docs[name]
        table = sheet_table(docs, name, sheet)
        assert len(table.rows) == count, kind
        blocks = doc.blocks
        after = blocks[blocks.index(table) + 1]
        assert isinstance(after, Paragraph), kind
        assert after.text == word("records-listed", ctx.labels.language, count=count), kind


def test_the_aspects_register_defines_each_criterions_scale(built: Any) -> None:
    ctx, docs = built
    language = ctx.labels.language
    scales = sheet_table(docs, "aspects-register", "Scales")
    by_criterion = {row[0]: row for row in scales.rows}
    preset = PRESET_SCALES["multi-factor-cn"]
    labels = {c: s["label"][language] for c, s in PRESETS["multi-factor-cn"]["criteria"].items()}
    assert set(by_criterion) == set(labels.values())
    for criterion, meanings in preset.items():
        text = by_criterion[labels[criterion]][2]
        for value, (en, zh) in meanings.items():
            assert f"{value} – {zh if language == 'zh-CN' else en}" in text.split("\n")
    aspects = sheet_table(docs, "aspects-register", "Aspects")
    headers = set(aspects.headers)
    for label in ("lifecycle-stage", "tense", "obligations", "reviewed"):
        assert word(f"field.{label}", language) in headers
    assert word("field.aspect.control", language) in headers  # direct or indirect
    assert word("owner", language) in headers


def test_every_preset_criterion_has_a_meaning_for_every_value() -> None:
    for name, preset in PRESETS.items():
        for criterion, spec in preset["criteria"].items():
            meanings = spec["meanings"]
            shown = [v if isinstance(v, str) else f"{v:g}" for v in spec["values"]]
            assert sorted(meanings) == sorted(shown), (name, criterion)
            assert all(m["en"] and m["zh-CN"] for m in meanings.values())


def test_a_method_written_out_prints_its_own_meanings(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    config = root / "emskit.yaml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  preset: multi-factor-cn\n",
            "  criteria:\n"
            "    frequency: {values: [1, 3, 5], meanings: {1: Yearly, 3: {en: Monthly,"
            " zh-CN: 每月}, 5: Daily}}\n"
            "    legal: {values: [1, 5]}\n"
            "  aggregate: sum\n"
            "  threshold: 6\n",
        ),
        "utf-8",
    )
    _, docs = build("zh-CN", root)
    scales = next(t for d in docs if d.name == "aspects-register" for t in d.tables)
    rows = {row[0]: row for row in scales.rows}  # no label written: the criterion's name
    assert rows["frequency"][2].split("\n") == ["1 – Yearly", "3 – 每月", "5 – Daily"]
    assert rows["legal"][2].split("\n") == ["1", "5"]  # no meanings written: the values


def test_obligations_register_is_complete(built: Any) -> None:
    ctx, docs = built
    language = ctx.labels.language
    table = sheet_table(docs, "obligations-register", "Obligations")
    for key in ("authority", "reference", "effective", "expires", "applies_to", "owner"):
        assert field_label(key, language, "obligation") in table.headers, key
    if language == "en":
        assert {"Issuing authority", "Effective from", "Applies to sites"} <= set(table.headers)
    for key in ("owner", "last-evaluated", "result", "next-due"):
        assert word(key, language) in table.headers, key
    column = table.headers.index(word("field.obligation.aspects", language))
    rows = {row[0]: row for row in table.rows}
    assert "ASP-012" in rows["OBL-010"][column]  # linked from the aspect's side


def test_controls_and_scenarios_say_what_their_columns_are(built: Any) -> None:
    ctx, docs = built
    language = ctx.labels.language
    controls = sheet_table(docs, "controls-and-emergency", "Controls")
    assert word("field.control.criteria", language) in controls.headers
    scenarios = sheet_table(docs, "controls-and-emergency", "Emergency scenarios")
    assert word("field.drill-frequency", language) in scenarios.headers
    assert word("field.evaluation-frequency", language) not in scenarios.headers


def test_limits_print_as_signs() -> None:
    assert limit_text(Limit(max=500)) == "≤ 500"
    assert limit_text(Limit(min=760)) == "≥ 760"
    assert limit_text(Limit(min=6, max=9)) == "6–9"
    assert limit_text(Limit(min=0.5, max=1.25)) == "0.5–1.25"
    assert limit_text(None) == ""


def test_widths_give_floors_then_whole_minimums_cheapest_first() -> None:
    minimums = [30.0, 12.0, 40.0, 14.0]
    floors = [10.0, 10.0, 10.0, 10.0]
    widths = share_width(minimums, minimums, 70.0, floors)
    assert sum(widths) == pytest.approx(70.0)
    assert all(w >= f for w, f in zip(widths, floors, strict=True))
    # 40 of floors, 30 left: the cheapest (2, 4, then 20 more) get their whole minimum, the
    # dearest (30 more) what remains
    assert widths[:2] == pytest.approx([30.0, 12.0]) and widths[3] == pytest.approx(14.0)
    assert widths[2] == pytest.approx(14.0)


def test_paged_formats_leave_out_empty_columns_and_split_wide_registers() -> None:
    table = Table(("ID", "A", "Empty", "B"), (("X-1", "a", "", "b"), ("X-2", "", "", "c")), "S")
    (shown,) = paged_tables(table)
    assert shown.headers == ("ID", "A", "B") and shown.rows[1] == ("X-2", "", "c")
    wide = Table(tuple(f"H{i}" for i in range(30)), (tuple(f"v{i}" for i in range(30)),), "W")
    parts = paged_tables(wide, most=14)
    assert len(parts) == 3 and all(p.headers[0] == "H0" and len(p.headers) <= 14 for p in parts)
    assert [h for p in parts for h in p.headers[1:]] == list(wide.headers[1:])
    plain = Table(("A", "Empty"), (("a", ""),))  # not a register: left as it is
    assert paged_tables(plain) == [plain]


def test_a_hostile_period_does_not_crash_a_register(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    for rel, old, new in (
        (
            "monitoring/indicators.yaml",
            "calibration_interval: P5Y",
            "calibration_interval: P99999Y",
        ),
        ("audits/programme.yaml", "period: 2025-2027", "period: P99999Y"),
    ):
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    path = root / "obligations/national-laws.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace("evaluation_frequency: annual", "evaluation_frequency: P99999Y", 1)
    )
    _, docs = build("en", root)
    calibration = next(d for d in docs if d.name == "calibration-list").tables[0]
    row = next(r for r in calibration.rows if r[0] == "EQ-04")
    assert "every 99999 years" in row
    programme = next(d for d in docs if d.name == "audit-programme")
    assert any("P99999Y" in b.text for b in programme.blocks if isinstance(b, Paragraph))
    from emskit.documents.writers import FORMATS, Style, write_documents

    style = Style(root, "en", AS_OF, "generated", None)
    files = write_documents(docs, FORMATS, style)
    assert "pdf/calibration-list.pdf" in files


@pytest.fixture(scope="module")
def new_files() -> dict[str, Any]:
    from emskit.documents.writers import FORMATS, Style, write_documents

    out: dict[str, Any] = {}
    for language in ("en", "zh-CN"):
        ctx, docs = build(language)
        chosen = [d for d in docs if d.name in NEW_REGISTERS]
        for doc in chosen:
            doc.control = DocumentControl(
                organisation=ctx.text(ctx.repo.config.organization.name),
                number=GENERATED_NUMBERS[doc.name],
                revision="",
                revision_date="",
                prepared_by="",
                approved_by="",
                status="",
                as_of=AS_OF.isoformat(),
                commit="",
            )
        style = Style(SAMPLE, language, AS_OF, "generated", None)
        out[language] = (chosen, write_documents(chosen, FORMATS, style))
    return out


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_the_new_registers_are_in_every_format_with_their_numbers(
    new_files: dict[str, Any], language: str
) -> None:
    import docx
    from openpyxl import load_workbook
    from pypdf import PdfReader

    docs, files = new_files[language]
    assert {d.name for d in docs} == set(NEW_REGISTERS)
    for doc in docs:
        number = NEW_REGISTERS[doc.name]
        assert GENERATED_NUMBERS[doc.name] == number
        pdf = "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(files[f"pdf/{doc.name}.pdf"])).pages
        )
        flat = re.sub(r"\s+", "", pdf)
        assert number in flat and re.sub(r"\s+", "", doc.title) in flat, doc.name
        word_file = docx.Document(io.BytesIO(files[f"docx/{doc.name}.docx"]))
        assert word_file.paragraphs[0].text == doc.title
        assert number in "".join(p.text for p in word_file.sections[0].header.paragraphs)
        html = files[f"html/{doc.name}.html"].decode("utf-8")
        assert doc.title in html
        ids = [str(r[0]) for t in doc.tables for r in t.rows]
        ids = [i for i in ids if re.fullmatch(r"[A-Z][A-Z0-9-]+", i)]
        assert ids, doc.name
        assert all(i in html and i in flat for i in ids), doc.name
    book = load_workbook(io.BytesIO(files["xlsx/registers.xlsx"]))
    sheets = {t.sheet for d in docs for t in d.tables if t.sheet}
    assert {word(f"sheet.{s}", language) for s in sheets} <= set(book.sheetnames)
    calibration = book[word("sheet.Calibration", language)]
    dates = [row[2].value for row in calibration.iter_rows(min_row=2)]
    assert len(dates) == 5 and all(isinstance(d, dt.datetime) for d in dates)
    incidents = book[word("sheet.Incidents", language)]
    assert all(isinstance(r[1].value, dt.datetime) for r in incidents.iter_rows(min_row=2))
    programme = book[word("sheet.Audit programme", language)]
    header = [c.value for c in programme[1]]
    assert header[1] == word("field.audit-plan.planned", language)
    assert all(isinstance(r[1].value, dt.datetime) for r in programme.iter_rows(min_row=2))
    if language == "zh-CN":
        assert word("field.audit-plan.scope", language) == "审核范围"
        assert "审核范围" in header


def test_in_excel_every_field_is_a_column_even_when_empty(new_files: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    docs, files = new_files["en"]
    book = load_workbook(io.BytesIO(files["xlsx/registers.xlsx"]))
    incidents = next(d for d in docs if d.name == "incidents").tables[0]
    header = [c.value for c in book["Incidents"][1]]
    assert header == list(incidents.headers)
    assert len(header) == len(Incident.model_fields)


def test_dataclass_meanings_do_not_change_the_method() -> None:
    """Meanings are words: a method whose meanings change keeps its verdicts (score --diff)."""
    from emskit.scoring.method import Criterion

    one = Criterion("legal", (), None, {"1": "a"})
    assert one == dataclasses.replace(one, meanings={"1": "b"}) and hash(one)


def test_an_id_list_in_chinese_breaks_after_its_marks_never_inside_an_id() -> None:
    from emskit.documents.writers.pdf_table import _tokens
    from emskit.documents.writers.widths import text_columns

    assert _tokens("SITE-SZ、SITE-KS") == ["SITE-SZ、", "SITE-KS"]
    assert _tokens("中文，好") == ["中", "文，", "好"]  # the mark stays with its character
    minimums, _ = text_columns(("场所",), (("SITE-SZ、SITE-KS",),), lambda t, _: len(t), 99)
    assert minimums == [len("SITE-SZ、")]  # the column is at least one id wide
    limits, _ = text_columns(("Limit",), (("≤ 500",),), lambda t, _: len(t), 99)
    assert limits == [len("≤ 500")]  # a sign stays with its number


def test_the_roadmap_shows_each_steps_note_and_evidence(built: Any) -> None:
    ctx, docs = built
    steps = yaml.safe_load((SAMPLE / "implementation.yaml").read_text("utf-8"))["steps"]
    table = sheet_table(docs, "roadmap", "Roadmap")
    note = table.headers.index(word("field.note", ctx.labels.language))
    evidence = table.headers.index(word("evidence", ctx.labels.language))
    by_step = {row[1]: row for row in table.rows}
    for step in steps:
        row = by_step[ctx.labels.term(step["step"])]
        if step.get("note"):
            assert row[note] == ctx.text(step["note"]), step["step"]
        for path in step.get("evidence", []):
            assert path in row[evidence], step["step"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_of_a_register_has_a_word_in_both_languages(kind: str) -> None:
    """A header is never the field's name made readable (English in a Chinese pack)."""
    from emskit.documents.columns import _nested
    from emskit.words import has_word

    def label_keys(name: str) -> list[str]:
        key = name.replace("_", "-")
        return [f"field.{kind}.{key}", f"field.{key}", key]

    model = KINDS[kind][2]
    for name, info in model.model_fields.items():
        assert any(has_word(k) for k in label_keys(name)), (kind, name)
        inner = _nested(info.annotation)
        for sub in inner.model_fields if inner is not None else ():
            assert any(has_word(k) for k in label_keys(sub)), (kind, name, sub)


def test_a_field_added_to_the_format_appears_in_its_register_without_code(built: Any) -> None:
    """A model with one more field (as a new optional format field would be) gets its column,
    read from the record, with a readable header even before the vocabulary has its word."""
    ctx, _ = built

    class NewRisk(Risk):
        review_board: str | None = None

    record = ctx.records("risk")[0]
    item = type("Item", (), {"model": NewRisk(**record.model.model_dump(), review_board="EHS")})
    columns = field_columns(ctx, NewRisk, "risk")
    column = next(c for c in columns if c.field == "review_board")
    assert column.header == "Review board" and column.value(item) == "EHS"
    assert [c.field for c in columns][:-1] == [c.field for c in field_columns(ctx, Risk, "risk")]
