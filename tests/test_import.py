"""emskit import on the published registers in the shared folder and on small made-up files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from conftest import SHARED, run_cli

REAL = SHARED / "realworld"
SWEDWISE = REAL / "swedwise-internal__document-platform"


def _import(repo: Path, *args: str):
    result = run_cli("import", *args, "--repo", str(repo))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _records(path: Path, key: str) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))[key]


@pytest.mark.parametrize(
    ("name", "threshold", "significant"),
    [("environmental-aspects-register.md", 15, 10),
     ("SW-EMS-FRM-001-environmental-aspects-register.md", 12, 7)],
)  # fmt: skip
def test_swedwise_registers_reproduce_their_verdicts(make_repo, name, threshold, significant):
    repo = make_repo()
    result = _import(repo, "aspects", str(SWEDWISE / name), "--method")
    assert result.returncode == 0, result.stderr
    assert "verdicts: 15 of 15 rows agree" in result.stdout
    config = yaml.safe_load((repo / "emskit.yaml").read_text())
    assert config["significance"]["threshold"] == threshold
    aspects = _records(next((repo / "aspects").glob("*.yaml")), "aspects")
    assert len(aspects) == 15 and aspects[0]["id"] == "EA-001"
    assert sum(a["significant"] for a in aspects) == significant
    score = run_cli("score", "--repo", str(repo), "--format", "json")
    verdicts = {
        a["id"]: a["significant"] for a in __import__("json").loads(score.stdout)["aspects"]
    }
    assert verdicts == {a["id"]: a["significant"] for a in aspects}


def test_the_weighted_formula_is_written_as_terms(make_repo):
    repo = make_repo()
    _import(repo, "aspects", str(SWEDWISE / "environmental-aspects-register.md"), "--method")
    method = yaml.safe_load((repo / "emskit.yaml").read_text())["significance"]
    assert method["aggregate"]["terms"] == [
        {"product": ["scale", "frequency"]},
        {"criterion": "stakeholder"},
        {"criterion": "legal", "weight": 5},
    ]
    assert method["criteria"]["legal"]["values"] == ["no", "yes"]


def test_a_register_arithmetic_error_is_listed(make_repo, tmp_path):
    text = (SWEDWISE / "environmental-aspects-register.md").read_text(encoding="utf-8")
    broken = tmp_path / "register.md"
    broken.write_text(text.replace("| 2 | 4 | N | 2 | 10 | N |", "| 2 | 4 | N | 2 | 12 | Y |"))
    result = _import(make_repo(), "aspects", str(broken), "--method")
    assert "verdicts: 14 of 15 rows agree" in result.stdout
    assert "EA-003 (row 62): register 12 significant, emskit 10 not significant" in result.stdout


def test_reimport_changes_nothing_and_dry_run_writes_nothing(make_repo):
    repo = make_repo()
    source = str(SWEDWISE / "SW-EMS-FRM-001-environmental-aspects-register.md")
    dry = _import(repo, "aspects", source, "--method", "--dry-run")
    assert "would write aspects/" in dry.stdout and not (repo / "aspects").exists()
    _import(repo, "aspects", source, "--method")
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    again = _import(repo, "aspects", source, "--method")
    assert again.returncode == 0 and "nothing changed" in again.stdout
    assert before == {p: p.read_bytes() for p in repo.rglob("*.yaml")}


def test_university_legal_register_xlsx_and_json(make_repo):
    folder = REAL / "huitingt__legal-compliance-register"
    repo = make_repo()
    xlsx = _import(repo, "obligations", str(folder / "legal register.xlsx"))
    assert xlsx.returncode == 1  # one row has no title: a finding, not a silent skip
    assert "legal register.xlsx:115:3: no title" in xlsx.stderr
    from_xlsx = _records(repo / "obligations/legal-register.yaml", "obligations")
    assert len(from_xlsx) == 266 and from_xlsx[0]["id"] == "OBL-001"
    assert any(o.get("jurisdiction") == "tas" for o in from_xlsx)  # kept as written
    json_repo = repo.parent / "json"
    json_repo.mkdir()
    (json_repo / "emskit.yaml").write_text((repo / "emskit.yaml").read_text())
    js = _import(json_repo, "obligations", str(folder / "legislation_data.json"))
    assert js.returncode == 0, js.stderr
    from_json = _records(json_repo / "obligations/legislation-data.yaml", "obligations")
    assert len(from_json) == 266
    assert {o["title"] for o in from_json} & {o["title"] for o in from_xlsx}


def test_swedish_law_list_csv(make_repo):
    repo = make_repo()
    result = _import(
        repo, "obligations", str(REAL / "Adstedt__laglig_se/laglistor-all-combined.csv")
    )
    assert result.returncode == 0, result.stderr
    text = (repo / "obligations/laglistor-all-combined.yaml").read_text(encoding="utf-8")
    records = yaml.safe_load(text)["obligations"]
    assert len(records) == 657
    assert text.count("#   Laglista: Miljö för tjänsteföretag\n") == 32
    assert text.count("#   Laglista: Miljö\n") == 98
    assert all(r["reference"] for r in records if "reference" in r)


def test_qms_assurance_calendar_keeps_its_refs_and_frequencies(make_repo):
    repo = make_repo()
    result = _import(repo, "obligations", str(REAL / "GaryHill0985__QMS/obligations.yaml"))
    assert result.returncode == 0, result.stderr
    records = _records(repo / "obligations/obligations.yaml", "obligations")
    assert len(records) == 23 and records[0]["id"] == "OB-A01"
    counts: dict[str, int] = {}
    for record in records:
        counts[record["evaluation_frequency"]] = counts.get(record["evaluation_frequency"], 0) + 1
    assert counts == {"annual": 12, "semiannual": 2, "quarterly": 6, "monthly": 3}


@pytest.mark.parametrize(("part", "count"), [("P1", 17), ("P4", 27)])
def test_guangdong_law_catalogues(make_repo, part, count):
    repo = make_repo()
    result = _import(repo, "obligations", str(REAL / "Fungwingwaa__cee" / part / "README.md"))
    assert result.returncode == 0, result.stderr
    assert "法规名称 -> title" in result.stdout and "文号 -> reference" in result.stdout
    records = _records(repo / "obligations/readme.yaml", "obligations")
    assert len(records) == count
    first = records[0]
    if part == "P1":
        assert first["title"] == "中华人民共和国立法法"
        assert str(first["effective"]) == "2015-03-15" and first["authority"] == "全国人民代表大会"
    else:
        assert first["reference"] == "部令 第26号" and str(first["effective"]) == "2022-07-01"
    check = run_cli("check", "--repo", str(repo), "--format", "json")
    found = __import__("json").loads(check.stdout)["findings"]
    assert not [
        f for f in found if f["file"] == "obligations/readme.yaml" and f["severity"] == "error"
    ]


def test_pv_monthly_readings(make_repo):
    repo = make_repo()
    name = "burns_pv_monthly_kwh_2026-03-01_2026-08-01.csv"
    result = _import(repo, "readings", str(REAL / "uhm-campus-energy__pv" / name))
    assert result.returncode == 0, result.stderr
    indicators = _records(repo / "monitoring/indicators.yaml", "indicators")
    assert indicators == [{"id": "IND-001", "name": "kwh", "unit": "kwh"}]
    rows = list(
        csv.DictReader(
            (repo / "monitoring/data" / (Path(name).stem.replace("_", "-") + ".csv")).open()
        )
    )
    assert [r["value"] for r in rows][:2] == ["9730", "11508"] and len(rows) == 6
    assert rows[0]["note"] == "point burns_pv"


def test_building_energy_wide_table_below_a_title_row(make_repo):
    repo = make_repo()
    path = REAL / "budatasci__backtracking-buildings-emissions/residential.csv"
    result = _import(repo, "readings", str(path), "--date", "2006-06-30")
    assert result.returncode == 0, result.stderr
    units = {
        i["name"]: i["unit"] for i in _records(repo / "monitoring/indicators.yaml", "indicators")
    }
    assert units == {
        "E": "kWh",
        "G": "therms",
        "O": "gallon",
        "Building Gross Footage": "unspecified",
    }
    rows = list(csv.DictReader((repo / "monitoring/data/residential.csv").open()))
    first = [r for r in rows if r["note"] == "point 500"]
    assert {r["value"] for r in first} == {"1658548.00", "13205241.58", "253894.70", "384941.16"}


def test_semicolon_csv_with_decimal_commas_limits_and_lor(make_repo, tmp_path):
    source = tmp_path / "lab.csv"
    source.write_text(
        "Datum;Parameter;Value;Unit;Location;Max limit;Min limit\n"
        "31.01.2026;COD;12,5;mg/L;SITE-A;50;\n"
        "28.02.2026;COD;<5;mg/L;SITE-A;50;\n"
        "28.02.2026;COD;30;kg/d;SITE-A;100;\n"
        "28.02.2026;pH;7,1;;Outfall;8,5;6,5\n"
        "28.02.2026;Temperature;820;°C;Furnace;;760\n"
        "28.02.2026;Flow;x;m3;Outfall;monitor only;\n",
        encoding="utf-8",
    )
    repo = make_repo()
    result = _import(repo, "readings", str(source))
    assert result.returncode == 1
    assert "lab.csv:7:3: 'x' is not a number" in result.stderr
    indicators = {i["name"]: i for i in _records(repo / "monitoring/indicators.yaml", "indicators")}
    assert indicators["COD (mg/L, max 50)"]["limit"] == {"max": 50}
    assert indicators["COD (kg/d, max 100)"]["unit"] == "kg/d"
    assert indicators["pH"]["limit"] == {"min": 6.5, "max": 8.5}
    assert indicators["Temperature"]["limit"] == {"min": 760}  # a minimum stays a minimum
    rows = list(csv.DictReader(next((repo / "monitoring/data").glob("*.csv")).open()))
    lor = [r for r in rows if "as reported" in r["note"]]
    assert lor == [{**lor[0], "value": "5", "note": "as reported: <5"}]
    assert {r["site"] for r in rows} == {"SITE-A", ""}


def test_ambiguous_dates_need_a_date_format(make_repo, tmp_path):
    source = tmp_path / "training.csv"
    source.write_text(
        "Date,Topic,Attendees\n03/04/2026,Spill response,Wang Wei\n", encoding="utf-8"
    )
    repo = make_repo(
        {
            "roles.yaml": {
                "roles": [],
                "people": [{"id": "PER-WANG", "name": "Wang Wei", "roles": []}],
            }
        }
    )
    result = _import(repo, "training", str(source))
    assert (
        result.returncode == 1 and "training.csv:2:1: date '03/04/2026' could be" in result.stderr
    )
    fixed = _import(repo, "training", str(source), "--date-format", "DMY")
    assert fixed.returncode == 0, fixed.stderr
    record = yaml.safe_load((repo / "records/training/TRN-001.yaml").read_text())
    assert str(record["date"]) == "2026-04-03" and record["attendees"] == ["PER-WANG"]


def test_save_map_then_map_gives_the_same_import(make_repo, tmp_path):
    repo = make_repo()
    source = str(REAL / "GaryHill0985__QMS/obligations.yaml")
    saved = tmp_path / "map.yaml"
    _import(repo, "obligations", source, "--save-map", str(saved), "--dry-run")
    columns = yaml.safe_load(saved.read_text())["columns"]
    assert columns["ref"] == "id" and columns["record"] == "ignore"
    columns["record"] = "requirement"
    saved.write_text(yaml.safe_dump({"kind": "obligations", "columns": columns}))
    result = _import(repo, "obligations", source, "--map", str(saved))
    assert result.returncode == 0, result.stderr
    records = _records(repo / "obligations/obligations.yaml", "obligations")
    assert records[0]["requirement"] == "SESC-REC-01"


def test_update_merges_by_id_and_keeps_comments(make_repo, tmp_path):
    repo = make_repo()
    source = tmp_path / "register.csv"
    source.write_text("ID,Title,Frequency\nOBL-001,Water Act,annual\n", encoding="utf-8")
    _import(repo, "obligations", str(source))
    target = repo / "obligations/register.yaml"
    target.write_text(
        target.read_text().replace("  - id: OBL-001", "  # checked by legal\n  - id: OBL-001")
    )
    source.write_text("ID,Title,Frequency\nOBL-001,Water Act,quarterly\nOBL-002,Air Act,annual\n")
    refused = _import(repo, "obligations", str(source))
    assert refused.returncode == 2 and "--update" in refused.stderr
    merged = _import(repo, "obligations", str(source), "--update")
    assert merged.returncode == 0, merged.stderr
    text = target.read_text()
    assert "# checked by legal" in text
    records = yaml.safe_load(text)["obligations"]
    assert [(r["id"], r["evaluation_frequency"]) for r in records] == [
        ("OBL-001", "quarterly"), ("OBL-002", "annual")]  # fmt: skip


DAIRY = REAL / "rajpal07__groundwater-mapper" / "cache_llama_fb263abaadb25491d7ea434b7ce5aeb9.md"


def _stated_medians() -> list[str]:
    """The workbook's own 'Median Results - Last 12 months only' row, read from the file."""
    for line in DAIRY.read_text(encoding="utf-8").split("\n"):
        if line.startswith("|Median Results"):
            return [cell.strip() for cell in line.strip("|").split("|")[1:]]
    raise AssertionError("no median row in the dairy workbook")


def test_dairy_workbook_medians_reproduce_with_round_half_up(make_repo):
    from decimal import ROUND_HALF_UP, Decimal
    from statistics import median

    repo = make_repo()
    result = _import(repo, "readings", str(DAIRY), "--sheet", "Median Calculations",
                     "--guideline", "CLASS ‘A’")  # fmt: skip
    assert result.returncode == 1  # one round is dated '20 & 21-Sep-23': a finding, not a guess
    assert ":2050:1: '20 & 21-Sep-23' is not a date" in result.stderr
    indicators = _records(repo / "monitoring/indicators.yaml", "indicators")
    limits = {i["name"]: i.get("limit") for i in indicators}
    assert limits == {
        "pH-Value": {"min": 6, "max": 9},  # the range 6.0 – 9.0
        "Turbidity": {"max": 2},
        "E. coli": {"max": 10},  # '<10'
        "Biological Oxygen Demand": {"max": 10},
        "Total Suspended Solids": {"max": 5},
    }
    ids = {i["name"]: i["id"] for i in indicators}
    rows = list(csv.DictReader(next((repo / "monitoring/data").glob("*.csv")).open()))
    assert len(rows) == 372
    last_rounds = sorted({r["date"] for r in rows})[-12:]
    order = [
        "pH-Value",
        "Turbidity",
        "E. coli",
        "Biological Oxygen Demand",
        "Total Suspended Solids",
    ]
    computed = []
    for name in order:
        for storage in ("Winter Storage 1", "Winter Storage 2"):
            values = [Decimal(r["value"]) for r in rows if r["indicator"] == ids[name]
                      and r["note"] == f"point {storage}" and r["date"] in last_rounds]  # fmt: skip
            computed.append(Decimal(median(values)))
    stated = _stated_medians()
    rounded = [
        str(value.quantize(Decimal(1) / 10 ** len(text.partition(".")[2]), ROUND_HALF_UP))
        for value, text in zip(computed, stated, strict=True)
    ]
    assert rounded == stated == ["8.7", "9.0", "19", "12", "29", "235", "11", "8", "22", "19"]
    assert computed[4] == Decimal("28.5")  # the half that only rounds up to the stated 29


def test_several_guideline_rows_need_a_choice(make_repo):
    result = _import(make_repo(), "readings", str(DAIRY), "--sheet", "Median Calculations",
                     "--dry-run")  # fmt: skip
    assert "3 guideline rows" in result.stdout and "--guideline" in result.stdout


def test_xlsx_with_title_rows_merged_heading_chinese_headers_and_serial_dates(make_repo, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本表为示例"])
    sheet = book.create_sheet("环境因素")
    sheet.append(["某某公司环境因素识别评价表"])
    sheet.append([])
    sheet.append(
        [
            "编号",
            "部门",
            "活动",
            "环境因素",
            "环境影响",
            "状态",
            "评价",
            None,
            "得分",
            "是否重要",
            "评审日期",
        ]
    )
    sheet.append([None, None, None, None, None, None, "频次", "严重程度", None, None, None])
    sheet.append([None, "喷涂车间", "喷漆", "VOC排放", "大气污染", "正常", 5, 4, 20, "是", 46023])
    sheet.append([None, "仓库", "储存", "化学品泄漏", "土壤污染", "紧急", 1, 5, 5, "否", 46023])
    path = tmp_path / "register.xlsx"
    book.save(path)
    repo = make_repo()
    result = _import(repo, "aspects", str(path), "--sheet", "环境因素")
    assert result.returncode == 0, result.stderr
    assert (
        "评价 频次 -> score:frequency" in result.stdout
        and "评价 严重程度 -> score:severity" in result.stdout
    )
    aspects = _records(repo / "aspects/register.yaml", "aspects")
    assert [a["id"] for a in aspects] == ["ASP-001", "ASP-002"]
    assert aspects[0]["scores"] == {"frequency": 5, "severity": 4}
    assert aspects[1]["condition"] == "emergency" and aspects[1]["significant"] is False
    assert str(aspects[0]["reviewed"]) == "2026-01-01"  # Excel serial 46023
    missing = _import(repo, "aspects", str(path), "--sheet", "Sheet9", "--dry-run")
    assert missing.returncode == 2 and "说明, 环境因素" in missing.stderr


def test_json_objectives_link_existing_ids_and_list_unresolved_owners(make_repo, tmp_path):
    source = tmp_path / "objectives.json"
    source.write_text(__import__("json").dumps([
        {"Objective": "Cut VOC by 25 %", "Aspect": "ASP-001", "Target": "9 t", "Deadline": "2026/12/31", "Owner": "Wang Wei"},
        {"Objective": "Less water", "Aspect": "ASP-404", "Target": "100", "Deadline": "2026-12-31", "Owner": "Nobody Known"},
    ]), encoding="utf-8")  # fmt: skip
    repo = make_repo({
        "roles.yaml": {"roles": [], "people": [{"id": "PER-WANG", "name": "Wang Wei", "roles": []}]},
        "aspects/a.yaml": {"aspects": [{"id": "ASP-001", "activity": "Painting", "aspect": "VOC",
                                        "impact": "Air", "condition": "normal"}]},
    })  # fmt: skip
    result = _import(repo, "objectives", str(source))
    assert "Nobody Known (1 row(s))" in result.stdout
    assert result.returncode == 1 and "objectives.json:2:" in result.stderr  # no address, no owner
    objectives = _records(repo / "objectives/objectives.yaml", "objectives")
    assert objectives == [{"id": "OBJ-001", "title": "Cut VOC by 25 %", "addresses": ["ASP-001"],
                           "target": {"value": 9, "by": __import__("datetime").date(2026, 12, 31)},
                           "owner": "PER-WANG"}]  # fmt: skip
    assert "#   Target: 9 t" not in (repo / "objectives/objectives.yaml").read_text()


def test_an_id_another_file_holds_is_refused_then_merged_with_update(make_repo, tmp_path):
    repo = make_repo({"obligations/legal.yaml": "obligations:\n  # reviewed by counsel\n"
                      "  - {id: OBL-007, type: legal, title: Water Act, requirement: Permit,"
                      " evaluation_frequency: annual}\n"})  # fmt: skip
    source = tmp_path / "list.csv"
    source.write_text("Ref,Title,Frequency\nOBL-007,Water Act,quarterly\nOBL-007,Dup,annual\n")
    refused = _import(repo, "obligations", str(source))
    assert refused.returncode == 1
    assert (
        "list.csv:2:1: id OBL-007 is already used by a record in obligations/legal.yaml"
        in refused.stderr
    )
    assert "list.csv:3:1: id OBL-007 is also on row 2" in refused.stderr
    merged = _import(repo, "obligations", str(source), "--update")
    text = (repo / "obligations/legal.yaml").read_text()
    assert "# reviewed by counsel" in text and "quarterly" in text
    assert not (repo / "obligations/list.yaml").exists()
    assert merged.returncode == 1  # the duplicate row stays a finding


def test_nonconformities_one_file_each_and_reimport_is_stable(make_repo, tmp_path):
    source = tmp_path / "nc.tsv"
    source.write_text("Date raised\tDescription\tSource\tStatus\tClosed on\n"
                      "2026-05-15\tOld procedure at drum store\taudit\tclosed\t1.8.2026\n"
                      "2026-06-01\tSpill kit empty\tinspection\topen\t\n")  # fmt: skip
    repo = make_repo()
    first = _import(repo, "nonconformities", str(source))
    assert first.returncode == 0, first.stderr
    files = sorted(p.name for p in (repo / "records/nonconformities").iterdir())
    assert files == ["NC-001.yaml", "NC-002.yaml"]
    closed = yaml.safe_load((repo / "records/nonconformities/NC-001.yaml").read_text())
    assert closed["status"] == "closed" and str(closed["closed_on"]) == "2026-08-01"
    other = yaml.safe_load((repo / "records/nonconformities/NC-002.yaml").read_text())
    assert (
        other["source"] == "other"
    )  # 'inspection' is not a source of the format: kept as a comment
    again = _import(repo, "nonconformities", str(source))
    assert "nothing changed" in again.stdout
    assert sorted(p.name for p in (repo / "records/nonconformities").iterdir()) == files


@pytest.mark.parametrize(
    "value",
    ["Waste oil", "yes", "No", "null", "12", "1.5", "2026-01-01", "a: b", "# not a comment",
     "x #y", "- item", "[list]", "{map}", "trailing ", " leading", "multi\nline", "引号\"内",
     "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "'quoted'", "Ozone Protection & SGG",
     "CLASS ‘A’", "3L", "", "0x1F", "1e3", ".inf", "~"],
)  # fmt: skip
def test_written_yaml_reads_back_as_the_same_record(value):
    import datetime as dt

    from emskit.importing.yaml_text import block

    record = {"id": "X-1", "text": value, "n": 3, "f": 0.5, "on": dt.date(2026, 1, 2),
              "flag": False, "scores": {"legal": "yes"}, "ids": ["A-1", value], "empty": []}  # fmt: skip
    assert yaml.safe_load("\n".join(block(record, "  ", "- "))) == [record]


def _section_cells(heading: str) -> tuple[int, int]:
    """(dated rows, non-empty parameter cells) of one section of the dairy workbook, counted
    straight from its lines: what the import must turn into readings."""
    lines = DAIRY.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"# {heading}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("# "))
    rows = [line.strip()[1:].split("|") for line in lines[start:end] if line.startswith("|")]
    width = len(rows[0])  # the header
    dated = [c for c in rows if len(c) > 1 and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2}", c[1])]
    return len(dated), sum(1 for cells in dated for cell in cells[2:width] if cell.strip())


def _dairy_section(make_repo, heading: str):
    repo = make_repo()
    result = _import(repo, "readings", str(DAIRY), "--sheet", heading)
    indicators = {i["id"]: i for i in _records(repo / "monitoring/indicators.yaml", "indicators")}
    rows = list(csv.DictReader(next((repo / "monitoring/data").glob("*.csv")).open()))
    by_name = {i["name"]: i["id"] for i in indicators.values()}

    def reading(name: str, day: str, point: str) -> dict[str, str]:
        found = [r for r in rows if r["indicator"] == by_name[name] and r["date"] == day
                 and r["note"].split(";")[0] == f"point {point}"]  # fmt: skip
        assert len(found) == 1, (name, day, point, found)
        return found[0]

    return result, indicators, rows, reading


def test_dairy_groundwater_section_units_lor_and_filled_down_bores(make_repo):
    """Section 6: a units row and a limits-of-reporting row under the header, each bore's id
    written on its first row only, dates written 1/27/11, headers 'Figure 3: ...'."""
    result, indicators, rows, reading = _dairy_section(make_repo, "6. WTRF & Milk Facility GW Data")
    assert result.returncode == 0, result.stderr
    assert ":257: the units of the columns below" in result.stdout
    assert ":258: limits of reporting or instrument ranges" in result.stdout
    assert "835 row(s) with no sample id took the one above them" in result.stdout
    dated, cells = _section_cells("6. WTRF & Milk Facility GW Data")
    assert (dated, cells) == (965, 16322) and len(rows) == cells  # every value, no LOR row
    assert len(indicators) == 45
    units = {i["name"]: i["unit"] for i in indicators.values()}
    assert units["pH value"] == "Units" and units["Electrical Conductivity"] == "µs/cm"
    assert units["E.coli"] == "orgs/100mL" and units["Sodium Adsorption Ratio"] == "unspecified"
    # Two columns of one parameter in different units: two indicators, named by the unit.
    assert units["Static Water Level (mBTOC)"] == "mBTOC"
    assert units["Static Water Level (mAHD)"] == "mAHD"
    assert "Total Dissolved Solids" in units  # the footnote mark '#' is no part of the name
    assert not any(i.get("limit") for i in indicators.values())  # 0 - 14 is a range, no limit
    assert reading("pH value", "2011-01-27", "M1")["value"] == "6.51"
    assert reading("pH value", "2022-05-25", "M1")["value"] == "6.2"  # the id filled down
    assert reading("Total Dissolved Solids", "2022-05-25", "M1")["value"] == "1600"  # '1,600'
    assert reading("Static Water Level (mBTOC)", "2023-04-20", "M1")["value"] == "1.690"
    assert reading("Static Water Level (mAHD)", "2023-04-20", "M1")["value"] == "142.347"
    assert {r["note"].split(";")[0] for r in rows} >= {"point M1", "point M23", "point S2"}


def test_dairy_surface_water_section(make_repo):
    result, indicators, rows, reading = _dairy_section(make_repo, "7. WTRF Surface & Wastewater")
    assert result.returncode == 0, result.stderr
    assert "pH value -> value" not in result.stdout  # a wide table: pH is a parameter
    _, cells = _section_cells("7. WTRF Surface & Wastewater")
    assert len(rows) == cells == 11289 and len(indicators) == 43
    assert reading("pH value", "2011-01-27", "PRIMARY")["value"] == "8.5"
    assert reading("E.coli", "2011-01-27", "PLANT INFLOW")["value"] == "17000000"
    assert {r["note"].split(";")[0] for r in rows} >= {"point WINTER STORAGE 1", "point SWDS"}


def test_dairy_private_reuse_section_values_below_lor_and_a_bad_cell(make_repo):
    result, indicators, rows, reading = _dairy_section(make_repo, "8. PRP Groundwater")
    assert result.returncode == 1  # one ORP cell holds 'y': a finding, the rest imported
    assert ":1989:6: Figure 2: ORP: 'y' is not a number" in result.stderr
    _, cells = _section_cells("8. PRP Groundwater")
    assert len(rows) == cells - 1 == 4485 and len(indicators) == 45
    below = reading("Biological Oxygen Demand", "2025-06-18", "MW1A")
    assert below["value"] == "2" and below["note"] == "point MW1A; as reported: <2"
