"""Text from the repository is data in every output: never a formula, markup, HTML, an
iCalendar line or a terminal escape. A copy of the sample organisation carries hostile strings
in an aspect, an objective, a reference, two file names and a monitoring reading; each writer's
output is read back with a reader that does not share emskit's code.

The YAML reader refuses control characters in values (EMS001, tested last here), so the YAML
strings hold the formula, the rich markup and the HTML, and the control characters come in by
the routes that still load: file names (an aspect file, a document) and a monitoring CSV row.
The writers must escape them all the same: that is defence in depth, not a duplicate."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import SAMPLE, run_cli

AS_OF = "2026-06-30"
FORMULA = '=HYPERLINK("x")'
# What a YAML value may hold: a formula, rich markup closing a tag never opened, a rich
# hyperlink and HTML.
HOSTILE = FORMULA + " [/bold] [link=http://x]y[/link] <script>alert(1)</script>"
# What it may not: a terminal colour escape, a bell and a bare carriage return.
CONTROLLED = "\x1b[31m \x07 a\rb"
INJECTED = "\rX-INJECTED:yes"  # a bare CR followed by what would be a new iCalendar property
# File names cannot hold '/', so the file name attack has no closing tag. The document's name
# ends with the iCalendar injection: `due -f ics` writes the file of each item.
HOSTILE_FILE = "<script>alert(1)<script> [bold]x[link=http:x]y `| \x1b[31m \x07 =cmd" + INJECTED
ASPECT_FILE = f"aspects/machining {CONTROLLED}.yaml"  # named by check findings and score
# A reading dated after the as-of date: `check` quotes its indicator in the message.
READING_INDICATOR = f"IND-{CONTROLLED}"
CONTROLS = ("\x1b", "\x07", "\r")


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar holding ``text`` exactly."""
    return json.dumps(text)


def _replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _hostile_row(root: Path) -> None:
    """A future-dated reading of an indicator named with control characters (quoted, as CSV
    needs for a CR)."""
    row = io.StringIO()
    csv.writer(row, lineterminator="\n", quoting=csv.QUOTE_ALL).writerow(
        ["2026-12-31", READING_INDICATOR, "1", "SITE-SZ", ""]
    )
    with (root / "monitoring" / "data" / "2026.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(row.getvalue())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "repo"
    shutil.copytree(SAMPLE, root)
    machining = "aspects/machining.yaml"
    _replace(
        root,
        machining,
        "aspect: {en: Spent cutting-fluid emulsion (hazardous waste HW09),",
        f"aspect: {{en: {_yaml(HOSTILE)},",
    )
    _replace(
        root,
        machining,
        "    obligations: [OBL-004, OBL-013]\n",
        f"    obligations: [OBL-004, OBL-013, {_yaml(HOSTILE)}]\n",
    )
    (root / machining).rename(root / ASPECT_FILE)
    _replace(
        root,
        "objectives/2026.yaml",
        "title: {en: Cut VOC emitted by the paint line by 20 % against 2025,",
        f"title: {{en: {_yaml(HOSTILE)},",
    )
    # In the folder that sorts first, so that the gap table's first evidence names it.
    documents = root / "documents"
    (documents / "procedures" / "aspects-and-obligations.md").rename(
        documents / "instructions" / f"{HOSTILE_FILE}.md"
    )
    _hostile_row(root)
    return root


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_cli(*args, "--repo", str(repo), "--as-of", AS_OF)
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr
    return result


def _no_controls(text: str) -> None:
    found = [c for c in CONTROLS if c in text]
    assert not found, f"control characters {found!r} reached the output"


@pytest.fixture(scope="module")
def pack(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "pack"
    result = _run(hostile, "pack", "--out", str(out), "--draft", "--allow-dirty")
    assert result.returncode == 0, result.stderr
    assert "missing the following glyphs" not in result.stderr  # no control reached the PDF
    return out


# --- the pack ---------------------------------------------------------------------------


def test_pack_workbooks_hold_the_formula_as_text(pack: Path) -> None:
    from openpyxl import load_workbook

    texts = []
    for path in sorted((pack / "xlsx").glob("*.xlsx")):
        book = load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{path.name}!{cell.coordinate}: {cell.value}"
                    if isinstance(cell.value, str):
                        texts.append(cell.value)
    assert any(t.startswith(FORMULA) for t in texts)  # kept, as a string cell
    joined = "".join(texts)
    assert "\x1b" not in joined and "\x07" not in joined  # XML cannot hold them


def test_pack_word_files_open_and_keep_the_text(pack: Path) -> None:
    import docx

    texts = []
    for path in sorted((pack / "docx").glob("*.docx")):
        word = docx.Document(str(path))
        texts += [p.text for p in word.paragraphs]
        texts += [c.text for t in word.tables for r in t.rows for c in r.cells]
    joined = "\n".join(texts)
    assert FORMULA in joined and "<script>alert(1)</script>" in joined
    assert "\x1b" not in joined and "\x07" not in joined


def test_pack_markdown_shows_the_markup_as_text(pack: Path) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    pages = [p.read_text(encoding="utf-8") for p in sorted((pack / "md").glob("*.md"))]
    assert any("HYPERLINK" in page for page in pages)
    for page in pages:
        _no_controls(page)
        html = md.render(page)
        assert "<script>" not in html
        assert 'href="http://x"' not in html


def test_pack_html_shows_the_markup_as_text(pack: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted((pack / "html").glob("*.html"))]
    assert any("&lt;script&gt;alert(1)" in page for page in pages)
    assert not any("<script>alert(1)" in page for page in pages)


def test_pack_pdf_text_has_no_controls(pack: Path) -> None:
    texts = [
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        for path in sorted((pack / "pdf").glob("*.pdf"))
    ]
    assert any("HYPERLINK" in text for text in texts)
    assert not any("\x1b" in text or "\x07" in text for text in texts)


# --- score ------------------------------------------------------------------------------


def test_score_csv_quotes_formulas_and_keeps_numbers(hostile: Path) -> None:
    result = _run(hostile, "score", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    aspect = next(r for r in rows if r["id"] == "ASP-008")
    assert aspect["aspect"].startswith("'" + FORMULA)
    assert aspect["score"] == "20"  # a number stays a number
    # The file name's bare CR is a line break inside the quoted cell, not the end of the row.
    assert aspect["file"] == ASPECT_FILE.replace("\r", "\n") and aspect["line"].isdigit()
    starts = ("=", "+", "-", "@", "\t", "\r")
    for row in rows:
        for value in row.values():
            assert not value.startswith(starts) or value.lstrip("+-").replace(".", "").isdigit()


# --- check ------------------------------------------------------------------------------


def test_check_text_has_no_terminal_escapes(hostile: Path) -> None:
    result = _run(hostile, "check")
    assert "names obligation =HYPERLINK" in result.stdout
    _no_controls(result.stdout)


def test_check_junit_is_well_formed(hostile: Path, tmp_path: Path) -> None:
    from junitparser import JUnitXml

    result = _run(hostile, "check", "--format", "junit")
    ET.fromstring(result.stdout.encode())  # raises on a character XML cannot hold
    report = tmp_path / "junit.xml"
    report.write_text(result.stdout, encoding="utf-8")
    messages = [
        r.message for suite in JUnitXml.fromfile(str(report)) for c in suite for r in c.result
    ]
    assert any("names obligation =HYPERLINK" in m for m in messages)


def test_check_sarif_and_github_carry_the_text_safely(hostile: Path) -> None:
    sarif = json.loads(_run(hostile, "check", "--format", "sarif").stdout)
    texts = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    # JSON can hold anything: kept exactly, in a message and in a location.
    assert any(HOSTILE in t for t in texts)
    assert any(READING_INDICATOR in t for t in texts)
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
        for loc in r["locations"]
    ]
    assert ASPECT_FILE in uris
    github = _run(hostile, "check", "--format", "github").stdout
    assert "names obligation =HYPERLINK" in github
    _no_controls(github)
    assert all(line.startswith("::") for line in github.splitlines()[:-1])  # no injected line


# --- due --------------------------------------------------------------------------------


def test_due_calendar_has_no_injected_property(hostile: Path) -> None:
    import icalendar

    # Bytes, not text: text mode would turn a bare CR into a line break before we look.
    args = ["due", "-f", "ics", "--within", "P2Y", "--repo", str(hostile), "--as-of", AS_OF]
    raw = subprocess.run(
        [sys.executable, "-m", "emskit", *args],
        capture_output=True,
        check=False,
    ).stdout.decode("utf-8")
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert events
    for event in events:
        assert "X-INJECTED" not in event
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any(f"{FORMULA} [/bold]" in s for s in summaries)
    # The document's file name, with its bare CR kept as a line break inside the text.
    descriptions = [str(e["DESCRIPTION"]) for e in events]
    assert any("=cmd\nX-INJECTED:yes.md" in d for d in descriptions)
    lines = raw.split("\r\n")
    assert not any("\r" in line or "\n" in line for line in lines)  # only CRLF ends a line


def test_due_text_has_no_terminal_escapes(hostile: Path) -> None:
    result = _run(hostile, "due", "--within", "P2Y")
    assert "HYPERLINK" in result.stdout
    _no_controls(result.stdout)


# --- gap --------------------------------------------------------------------------------


def test_gap_markdown_and_html_show_the_file_name_as_text(hostile: Path) -> None:
    from markdown_it import MarkdownIt

    markdown = _run(hostile, "gap", "--format", "md").stdout
    _no_controls(markdown)
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "&lt;script&gt;alert(1)&lt;script&gt;" in html and "<script>" not in html
    page = _run(hostile, "gap", "--format", "html").stdout
    assert "&lt;script&gt;alert(1)" in page and "<script>alert(1)" not in page


# --- rich on a terminal -----------------------------------------------------------------


def _in_terminal(repo: Path, *args: str) -> tuple[int, str]:
    """Run emskit with stdout and stderr on a pseudo-terminal, where the text reports and the
    pack's progress use rich."""
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    process = subprocess.Popen(
        [sys.executable, "-m", "emskit", *args, "--repo", str(repo), "--as-of", AS_OF],
        stdout=child,
        stderr=child,
        env={**env, "COLUMNS": "400", "GITHUB_ACTIONS": ""},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(main)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "Traceback" not in shown and "internal error" not in shown, shown[-2000:]
    return process.returncode, shown


@pytest.mark.parametrize(
    ("command", "literal"),
    [
        (("due", "--within", "P2Y"), "[/bold] [link=http://x]y[/link]"),
        (("check",), "[/bold] [link=http://x]y[/link]"),
        (("gap",), "[bold]x[link=http:x]y"),
        (("score",), None),
    ],
)
def test_markup_in_data_is_printed_not_obeyed_on_a_terminal(
    hostile: Path, command: tuple[str, ...], literal: str | None
) -> None:
    code, shown = _in_terminal(hostile, *command)
    assert code in (0, 1)
    if literal:
        assert literal in " ".join(shown.split())  # shown as typed (rich may wrap lines)
    assert "\x1b]8;" not in shown  # no terminal hyperlink made from [link=...]
    assert "\x07" not in shown


def test_pack_progress_on_a_terminal_survives_markup(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    code, _ = _in_terminal(
        hostile, "pack", "--out", str(out), "--draft", "--allow-dirty", "--formats", "md"
    )
    assert code == 0


def test_score_explain_has_no_terminal_escapes(hostile: Path) -> None:
    result = _run(hostile, "score", "--explain", "ASP-008")
    assert "HYPERLINK" in result.stdout
    _no_controls(result.stdout)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("-2e3", "-2e3"),
        ("-x", "'-x"),
        ("=1+2", "'=1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\n=1"),  # a bare CR would end the CSV row: a newline, quoted
        ("a=1", "a=1"),
    ],
)
def test_spreadsheet_cells_quote_formulas_not_numbers(cell: str, shown: str) -> None:
    from emskit.escaping import spreadsheet_cell

    assert spreadsheet_cell(cell) == shown


def test_markdown_block_markers_are_escaped_only_where_they_start_a_block() -> None:
    from markdown_it import MarkdownIt

    from emskit.escaping import markdown_cell, markdown_text

    html = MarkdownIt("commonmark").render(markdown_text("# not a heading\n- not a list\n4.1 is"))
    assert "<h1>" not in html and "<li>" not in html and "4.1 is" in html
    assert markdown_cell("4.1 Context") == "4.1 Context"  # no stray backslash in a cell


def test_a_control_character_in_yaml_is_refused_at_its_line(tmp_path: Path) -> None:
    """The other half of the defence: the reader refuses what the writers would strip."""
    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root)
    rel = "aspects/machining.yaml"
    old = "aspect: {en: Spent cutting-fluid emulsion (hazardous waste HW09),"
    text = (root / rel).read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    _replace(root, rel, old, f"aspect: {{en: {_yaml(HOSTILE + CONTROLLED)},")
    result = _run(root, "check")
    assert result.returncode == 1
    located = [f for f in result.stdout.splitlines() if f.startswith(f"{rel}:{line}:")]
    assert any("(EMS001 " in f and "control character U+001B" in f for f in located), located
