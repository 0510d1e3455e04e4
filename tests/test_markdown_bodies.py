"""A controlled document's Markdown body reads as text in every format: links as their text
(an outside address in parentheses), emphasis and code as plain text, list items as
bullets; never ``[x](y)``, ``**`` or a leading ``- `` (PDF read back with poppler, Word
with python-docx, HTML with the standard library's parser)."""

from __future__ import annotations

import io
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, SAMPLE, appended

from emskit.documents.content import Heading, Paragraph, Table, paragraph_parts
from emskit.documents.markdown import markdown_blocks

BODY = """\
# Waste *handling*

Classify by the [national list](https://www.mee.gov.cn/ywgz/) and **never** mix _codes_;
see [the store procedure](../procedures/chemical-management.md) and `wastes.yaml`.
Write to <ehs@example.org>.

- a **closed** container
- [labelled](https://example.org/label)
  the same shift

1. weigh
2. enter in the *ledger*

| code | **store** |
| --- | --- |
| HW08 | [A](https://example.org/a) |

危险废物分类后
当班入库。

```
keep = as written
```
"""


def test_inline_markup_becomes_the_text_a_reader_sees() -> None:
    blocks = markdown_blocks(BODY)
    assert blocks == [
        Heading("Waste handling", 2),
        Paragraph(
            "Classify by the national list (https://www.mee.gov.cn/ywgz/) and never mix codes; "
            "see the store procedure and wastes.yaml. Write to ehs@example.org."
        ),
        Paragraph("• a closed container"),
        Paragraph("• labelled (https://example.org/label) the same shift"),
        Paragraph("1. weigh"),
        Paragraph("2. enter in the ledger"),
        Table(("code", "store"), (("HW08", "A (https://example.org/a)"),)),
        Paragraph("危险废物分类后当班入库。"),  # no space where a Chinese line was broken
        Paragraph("keep = as written"),
    ]


def test_paragraph_parts_split_list_items_from_the_lines_around_them() -> None:
    text = "We commit to:\n- protect\n* comply\n• improve\nPublished."
    assert paragraph_parts(text) == [
        (False, "We commit to:"),
        (True, "protect"),
        (True, "comply"),
        (True, "improve"),
        (False, "Published."),
    ]
    assert paragraph_parts("2025 - 2026\n-5 °C") == [(False, "2025 - 2026\n-5 °C")]


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.items: list[str] = []
        self.tag = ""
        self.skip = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tag, self.skip = tag, tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self.tag, self.skip = "", False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)
            if self.tag == "li":
                self.items.append(data)


def _read(fmt: str, data: bytes) -> tuple[str, list[str]]:
    """(all text, the list items) of a document, read by a reader that is not emskit."""
    if fmt == "pdf":
        text = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        lines = [line.strip() for line in text.splitlines()]
        return text, [line[1:].strip() for line in lines if line.startswith("•")]
    if fmt == "docx":
        import docx

        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        items = [
            p.text for p in paragraphs if p.style is not None and p.style.name == "List Bullet"
        ]
        return "\n".join(p.text for p in paragraphs), items
    parser = _Html()
    parser.feed(data.decode("utf-8"))
    return "".join(parser.text), parser.items


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    from emskit.commands.docs import render_document

    root = tmp_path_factory.mktemp("md") / "org"
    shutil.copytree(SAMPLE, root)
    appended("documents/procedures/waste-management.md", "\n" + BODY)(root)
    out = {}
    for fmt in ("pdf", "docx", "html"):
        target = root.parent / f"waste.{fmt}"
        render_document(root, AS_OF, "DOC-PRO-03", fmt, target)
        out[fmt] = target.read_bytes()
    return out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_rendered_markdown_carries_no_markup(rendered, fmt: str) -> None:  # type: ignore[no-untyped-def]
    text, items = _read(fmt, rendered[fmt])
    for markup in ("](", "**", "_codes_", "*handling*", "`", "\n- ", "<ehs@"):
        assert markup not in text, (fmt, markup)
    flat = " ".join(text.split())
    assert "national list (https://www.mee.gov.cn/ywgz/) and never mix codes" in flat
    assert "see the store procedure and wastes.yaml" in flat
    # The procedure's four items, then the two of the appended body: bullets, not dashes.
    assert items[0].startswith("Hazardous waste is classified"), items
    assert items[4:] == [
        "a closed container",
        "labelled (https://example.org/label) the same shift",
    ]


def test_a_list_in_the_organisations_text_is_a_list_in_word_html_and_markdown(
    tmp_path: Path,
) -> None:
    """The policy's commitments, written '- ...' in policy.yaml, are bulleted items."""
    from emskit.commands.pack import build_pack

    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    build_pack(root, tmp_path / "pack", AS_OF, formats=("docx", "html", "md"))
    for fmt in ("docx", "html"):
        text, items = _read(fmt, (tmp_path / f"pack/{fmt}/environmental-policy.{fmt}").read_bytes())
        assert len(items) == 6 and "\n- " not in text, fmt
    markdown = (tmp_path / "pack/md/environmental-policy.md").read_text(encoding="utf-8")
    assert markdown.count("\n- ") >= 6 and "\\- " not in markdown


def test_a_rendered_document_says_its_type_and_status_in_chinese(tmp_path: Path) -> None:
    from conftest import replace_in

    from emskit.commands.docs import render_document

    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    replace_in("emskit.yaml", "  language: en", "  language: zh-CN")(root)
    target = render_document(root, AS_OF, "DOC-PRO-03", "md", tmp_path / "waste.md")
    text = target.read_text(encoding="utf-8")
    assert "程序文件" in text and "已批准" in text  # type: procedure, status: approved
    assert "procedure" not in text and "approved" not in text
