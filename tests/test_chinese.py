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
import shutil
import string
import subprocess
import typing
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pydantic
import pytest
from conftest import AS_OF, ROOT, check_json, run_cli
from test_pack import committed_copy

from emskit.words import LANGUAGES, has_word, vocabulary

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
        if _is_bilingual(data):  # the Chinese of a bilingual text, never its English
            found.add(text_in(data, "zh-CN"))
        elif isinstance(data, dict):
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
    authors = ["git", "-C", str(root), "log", "--format=%an"]  # the master list names them
    found |= set(subprocess.run(authors, capture_output=True, text=True).stdout.splitlines())
    return sorted((s for s in found if len(s.strip()) > 1), key=len, reverse=True)


def _emskit_documents(files: dict[str, bytes]) -> list[str]:
    """The documents emskit wrote; attachments/ holds the organisation's own files as they are."""
    kinds = ("pdf", "docx", "xlsx", "html", "md")
    return [n for n in files if not n.startswith("attachments/") and n.rsplit(".", 1)[-1] in kinds]


def _names_in(files: dict[str, bytes], organisation: list[str]) -> list[str]:
    """The organisation's strings and the names the pack gives its parts: the files of the
    pack (the index lists them) and the documents' numbers (EMS-REG-ASP), longest first."""
    from emskit.documents.numbers import GENERATED_NUMBERS

    names = {*organisation, *files, *GENERATED_NUMBERS.values()}
    return sorted(names, key=len, reverse=True)


def _is_bilingual(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and bool(data)
        and set(data) <= set(LANGUAGES)
        and all(isinstance(v, str) for v in data.values())
    )


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
        return html.unescape(data.decode("utf-8").replace("\\|", "|"))
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
    if name.endswith(".pdf"):  # poppler, in the order the page draws its text (cell by cell)
        return subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    raise AssertionError(name)


def _without(text: str, strings: list[str]) -> str:
    """The text with the organisation's strings blanked out, each as a whole (not inside a
    word). Matched with the white space taken out of both: a PDF table cell wraps a long text
    over lines, and a Chinese one wraps between any two characters."""
    kept = [i for i, char in enumerate(text) if not char.isspace()]
    flat = "".join(text[i] for i in kept)
    out = list(text)

    def latin(index: int) -> bool:
        return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()

    for organisation in strings:
        needle = "".join(organisation.split())
        start = flat.find(needle) if needle else -1
        while start >= 0:
            first, last = kept[start], kept[start + len(needle) - 1]
            if not latin(first - 1) and not latin(last + 1):
                out[first : last + 1] = " " * (last + 1 - first)
            start = flat.find(needle, start + 1)
    return "".join(out)


# What a Chinese document may write in Latin letters besides the organisation's own text:
# names (emskit, ISO, MSDS, CAS) and the names of file formats.
FORMAT_NAMES = {"docx", "xlsx", "md", "csv", "yaml", "json", "git", "png"}
ALLOWED = PROPER_NAMES | FORMAT_NAMES
COMMIT = re.compile(r"\b[0-9a-f]{7,40}\b")  # the short commit in every footer


def _latin_words(text: str) -> set[str]:
    """Every run of two or more Latin letters that is not an allowed name."""
    words = re.findall(r"[A-Za-z]{2,}", COMMIT.sub(" ", text))
    return {w for w in words if w.lower() not in ALLOWED}


def test_the_scan_finds_english_however_the_text_was_broken() -> None:
    text = "审核 Die\ncast-\ning 正常 compliant 熔炼铝\n锭 NC"
    left = _latin_words(_without(text, ["Die cast-ing", "熔炼铝锭"]))
    assert left == {"compliant", "NC"}
    assert _latin_words(_without("Diecasting", ["Die"])) == {"Diecasting"}  # never inside a word
    assert _latin_words("由 emskit 依据提交 5b9e2ac0741d 生成 PDF、Word") == set()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_chinese_pack_has_no_english_word_of_emskit(chinese_pack) -> None:  # type: ignore[no-untyped-def]
    """Strict: once the organisation's own strings (its Chinese where it has it, names, ids,
    units, file names) are cut out, no Latin word is left in any document but a name from
    ALLOWED; that covers the vocabulary's English and any English written in the code."""
    root, files = chinese_pack
    forbidden = _english_words()
    assert {"normal", "compliant", "approved", "closed", "met", "stage", "ready"} <= forbidden
    assert forbidden & ALLOWED <= FORMAT_NAMES  # the allowed names hide none of its words
    organisation = _names_in(files, _organisation_strings(root))
    documents = _emskit_documents(files)
    assert {n.rsplit(".", 1)[-1] for n in documents} == {"pdf", "docx", "xlsx", "html", "md"}
    leaks = {}
    for name in sorted(documents):
        left = _latin_words(_without(_text_of(name, files[name]), organisation))
        if left:
            leaks[name] = sorted(left)
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


def test_a_latin_word_inside_chinese_text_gets_room_to_stay_whole() -> None:
    """A column is at least as wide as the longest Latin run of its Chinese words: the header
    使用点张贴MSDS was given the width of two letters and its PDF broke it into MSD / S."""
    from emskit.documents.writers.widths import text_columns

    def letters(text: str, bold: bool) -> float:
        return float(len(text))

    minimums, _ = text_columns(["使用点张贴MSDS"], [["是"], ["否"]], letters, 100.0)
    assert minimums == [4.0]
    minimums, _ = text_columns(["排放"], [["是"]], letters, 100.0)
    assert minimums == [2.0]  # Chinese alone may break anywhere: two letters' room
