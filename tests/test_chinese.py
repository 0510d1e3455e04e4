"""Chinese throughout: the vocabulary is complete and mergeable, a zh-CN pack carries no English
word of emskit's own (read back from PDF, Word, Excel, HTML and Markdown), the organisation's
text falls back only where it has no Chinese, and check names each such field."""

from __future__ import annotations

import html
import importlib
import io
import itertools
import pkgutil
import re
import string
import typing
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pydantic
import pytest
from conftest import AS_OF, ROOT, check_json, run_cli
from test_pack import committed_copy

from emskit.words import has_word, vocabulary

TABLE = ROOT / "src" / "emskit" / "words.tsv"
# Values of the format that are names, not words: editions, language tags, the format version.
IDENTIFIERS = {"2015", "2015+A1:2024", "2026", "en", "zh-CN"}
# Names that stay as they are in a Chinese document.
PROPER_NAMES = {"emskit", "iso", "pdf", "html", "word", "excel", "iaf", "eia", "rto", "ncs"}
# Abbreviations Chinese registers write in Latin letters too (化学品安全技术说明书 is "MSDS").
PROPER_NAMES |= {"msds", "cas"}


def test_vocabulary_is_one_sorted_line_per_word_in_both_languages() -> None:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert all(len(row) == 3 for row in rows), [r for r in rows if len(r) != 3]
    keys = [row[0] for row in rows]
    assert keys == sorted(keys), "keep words.tsv sorted by key (it merges line by line)"
    assert len(keys) == len(set(keys)), "a key defined twice"
    for key, en, zh in rows:
        assert en and zh, f"{key}: both languages needed"
        fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(zh) if f}, key


def _literal_values() -> set[str]:
    import emskit.model

    found: set[str] = set()

    def walk(annotation: Any) -> None:
        if typing.get_origin(annotation) is typing.Literal:
            found.update(a for a in typing.get_args(annotation) if isinstance(a, str))
        for arg in typing.get_args(annotation):
            if not isinstance(arg, (str, int)):
                walk(arg)

    for info in pkgutil.iter_modules(emskit.model.__path__):
        module = importlib.import_module(f"emskit.model.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, pydantic.BaseModel):
                for field in value.model_fields.values():
                    walk(field.annotation)
    return found - IDENTIFIERS


def test_every_value_of_the_format_has_a_chinese_word() -> None:
    values = _literal_values()
    assert {"normal", "compliant", "approved", "closed"} <= values  # the walk finds the enums
    assert sorted(v for v in values if not has_word(f"term.{v}")) == []


def test_every_clause_title_of_every_edition_has_a_chinese_word() -> None:
    from emskit.clauses.catalogue import catalogue

    for edition in ("2015", "2015+A1:2024", "2026"):
        missing = [c.title for c in catalogue(edition).clauses if not has_word(f"clause.{c.title}")]
        assert missing == [], edition


def test_every_word_the_code_asks_for_exists() -> None:
    """A label, message or unit key written in the code is in the vocabulary."""
    asked = set()
    for path in (ROOT / "src" / "emskit").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        asked |= set(
            re.findall(r"\b(?:L|labels|self|say|word)\(\s*\"([a-z0-9][a-z0-9.-]*)\"", text)
        )
    assert len(asked) > 100
    assert sorted(k for k in asked if not has_word(k)) == []


# --- the sample organisation's pack in Chinese ---------------------------------------------


@pytest.fixture(scope="module")
def chinese_pack(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("zh")
    root = committed_copy(tmp, language="zh-CN")
    out = tmp / "pack.zip"
    result = run_cli(
        "pack", "--repo", str(root), "--out", str(out), "--as-of", AS_OF.isoformat(), timeout=600
    )
    assert result.returncode == 0, result.stderr + result.stdout
    with zipfile.ZipFile(out) as archive:
        return root, {name: archive.read(name) for name in archive.namelist()}


def _english_words() -> set[str]:
    """Every English word of emskit's vocabulary (placeholders left out)."""
    words: set[str] = set()
    for en, _ in vocabulary().values():
        plain = re.sub(r"\{[^}]*\}", " ", en)
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", plain)}
    return words - PROPER_NAMES


def _organisation_strings(root: Path) -> list[str]:
    """What the organisation wrote: free text in Chinese where it has it, names, ids, paths,
    units. Values of the format (normal, compliant...) are not among them: they are emskit's
    words and must be translated."""
    from emskit.model.common import text_in
    from emskit.repo.loader import load_repository
    from emskit.rules.missing_chinese import text_fields

    repo = load_repository(root)
    models: list[Any] = [
        repo.config,
        *(r.model for r in repo.records),
        *(r.model for r in repo.singletons.values()),
    ]
    found: set[str] = set()

    def scalars(data: Any) -> None:
        if isinstance(data, dict):
            for value in data.values():
                scalars(value)
        elif isinstance(data, list):
            for value in data:
                scalars(value)
        elif isinstance(data, str) and not has_word(f"term.{data}"):
            found.add(data)

    for source in repo.files.values():
        scalars(source.data)
    for model in models:
        for _, value in text_fields(model):
            found.add(text_in(value, "zh-CN"))
    found |= set(repo.files)  # file names: the clause cross-reference cites them
    return sorted((s for s in found if len(s.strip()) > 1), key=len, reverse=True)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.skip = tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self.skip = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _text_of(name: str, data: bytes) -> str:
    if name.endswith(".md"):
        return data.decode("utf-8").replace("\\|", "|")
    if name.endswith(".html"):
        parser = _Text()
        parser.feed(data.decode("utf-8"))
        return html.unescape("\n".join(parser.parts))
    if name.endswith(".docx"):
        import docx

        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
        return "\n".join(parts)
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        parts = [sheet.title for sheet in book.worksheets]
        parts += [
            str(c)
            for s in book.worksheets
            for row in s.iter_rows(values_only=True)
            for c in row
            if c is not None
        ]
        return "\n".join(parts)
    if name.endswith(".pdf"):
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    raise AssertionError(name)


def _without(text: str, strings: list[str]) -> str:
    """The text with the organisation's strings cut out, each as a whole (not inside a word)."""
    for start in range(0, len(strings), 500):  # one alternation per slice: Python's re limits
        pattern = "|".join(re.escape(s) for s in strings[start : start + 500])
        text = re.sub(rf"(?<![A-Za-z])(?:{pattern})(?![A-Za-z])", " ", text)
    return text


def test_chinese_pack_has_no_english_word_of_emskit(chinese_pack) -> None:  # type: ignore[no-untyped-def]
    root, files = chinese_pack
    forbidden = _english_words()
    assert {"normal", "compliant", "approved", "closed", "met", "stage", "ready"} <= forbidden
    organisation = _organisation_strings(root)
    # PDF text wraps inside table cells, so the organisation's text cannot be cut out whole
    # there: in PDFs, words that also occur in the organisation's own text are let through.
    organisation_words = {w.lower() for s in organisation for w in re.findall(r"[A-Za-z]{3,}", s)}
    documents = [n for n in files if n.rsplit(".", 1)[-1] in ("pdf", "docx", "xlsx", "html", "md")]
    assert {n.rsplit(".", 1)[-1] for n in documents} == {"pdf", "docx", "xlsx", "html", "md"}
    leaks = {}
    for name in sorted(documents):
        text = _without(_text_of(name, files[name]), organisation)
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}
        found = words & forbidden
        if name.endswith(".pdf"):
            found -= organisation_words
        if found:
            leaks[name] = sorted(found)
    assert leaks == {}


def test_chinese_pack_falls_back_only_where_the_organisation_has_no_chinese(chinese_pack) -> None:  # type: ignore[no-untyped-def]
    _, files = chinese_pack
    register = files["md/aspects-register.md"].decode("utf-8")
    row = next(line for line in register.splitlines() if line.startswith("| ASP-001 "))
    assert "熔炼铝锭及回炉料" in row  # activity: has Chinese, shown in Chinese
    assert "Die casting" in row  # department: English only, shown as written
    assert "| 正常 |" in row  # the condition, emskit's word
    assert "Melting" not in register  # the English of a bilingual field stays out


def test_check_names_each_field_without_chinese_once(chinese_pack) -> None:  # type: ignore[no-untyped-def]
    root, _ = chinese_pack
    _, report = check_json(root, "--select", "EMS701")
    hits = report["findings"]
    assert hits and all(f["severity"] == "info" for f in hits)
    places = [(f["file"], f["path"]) for f in hits]
    assert len(places) == len(set(places))  # one finding per field
    department = [f for f in hits if f["ids"] == ["ASP-001"] and f["path"].endswith("department")]
    assert len(department) == 1 and department[0]["file"] == "aspects/die-casting.yaml"
    assert not [f for f in hits if f["ids"] == ["ASP-001"] and f["path"].endswith("activity")]


def test_check_in_an_english_repository_asks_for_no_chinese() -> None:
    from conftest import SAMPLE

    _, report = check_json(SAMPLE, "--select", "EMS701")
    assert report["findings"] == []


def test_pdf_lines_break_between_chinese_characters_and_keep_latin_words_whole() -> None:
    from fpdf import FPDF

    from emskit.documents.charts import CJK_FONT
    from emskit.documents.writers.pdf_table import NO_LINE_START, Widths, wrap

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Body", fname=str(CJK_FONT))
    pdf.add_font("CJK", fname=str(CJK_FONT))
    text = (
        "喷涂线采用HVLP喷枪和RTO焚烧炉处理挥发性有机物，排放浓度低于江苏省DB32/4439标准限值。" * 6
    )
    lines = wrap(text, 40, Widths(pdf, 9, False))
    assert len(lines) > 5 and "".join(lines) == text  # broken, nothing lost
    for first, second in itertools.pairwise(lines):
        assert not (
            first[-1:].isascii()
            and first[-1:].isalnum()
            and second[:1].isalnum()
            and second[:1].isascii()
        )
        assert second[:1] not in NO_LINE_START


def test_chinese_pdf_list_items_have_bullets(chinese_pack) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    _, files = chinese_pack
    text = PdfReader(io.BytesIO(files["pdf/environmental-policy.pdf"])).pages[0].extract_text()
    bullets = [line for line in text.splitlines() if line.startswith("•")]
    assert len(bullets) == 6 and not [line for line in text.splitlines() if line.startswith("- ")]
