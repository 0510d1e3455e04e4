"""Column widths from the content, for every paged format (PDF, Word).

Each column gets at least its longest word, so no reader breaks an id, a date or 'emergency'
letter by letter; what is left of the page goes to the columns with long text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from emskit.documents.content import Block, Table

PAPER_LETTER = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "DO", "PA"})


def paper_for(country: str | None) -> str:
    """'Letter' where the organisation's country uses it, 'A4' everywhere else."""
    return "Letter" if (country or "").upper() in PAPER_LETTER else "A4"


def share_width(
    minimums: Sequence[float],
    wants: Sequence[float],
    total: float,
    floors: Sequence[float] | None = None,
) -> list[float]:
    """Widths summing to ``total``: every column its minimum if the page allows, the slack
    shared in proportion to how much more each column wants. When the minimums do not fit,
    each column keeps its floor (the longest word of its cells: ids, dates), then as many
    columns as the page allows get their whole minimum (their longest header word), the
    cheapest first: a header broken in one column beats every header broken letter by letter.
    What is left goes to the columns still short of their minimum."""
    spare = total - sum(minimums)
    if spare <= 0 or not minimums:  # squeeze: words then break, nothing is lost
        if floors is not None and sum(floors) < total:
            return _floors_first(minimums, floors, total)
        scale = total / (sum(minimums) or 1.0)
        return [m * scale for m in minimums]
    if sum(wants) <= total:  # everything fits on one line: share out the slack in proportion
        scale = total / (sum(wants) or 1.0)
        return [w * scale for w in wants]
    growth = [max(w - m, 0.0) for w, m in zip(wants, minimums, strict=True)]
    total_growth = sum(growth) or 1.0
    return [m + spare * g / total_growth for m, g in zip(minimums, growth, strict=True)]


def _floors_first(minimums: Sequence[float], floors: Sequence[float], total: float) -> list[float]:
    widths = [min(f, m) for f, m in zip(floors, minimums, strict=True)]
    left = total - sum(widths)
    costs = sorted(range(len(widths)), key=lambda i: (minimums[i] - widths[i], i))
    short = []
    for index in costs:
        cost = minimums[index] - widths[index]
        if cost <= left:
            widths[index] = minimums[index]
            left -= cost
        else:
            short.append(index)
    owed = sum(minimums[i] - widths[i] for i in short) or 1.0
    for index in short:  # the rest, in proportion to what each still lacks
        widths[index] += left * (minimums[index] - widths[index]) / owed
    return widths


PAGED_COLUMNS = 14  # the most columns a landscape page holds without breaking words


def paged_tables(table: Table, most: int = PAGED_COLUMNS) -> list[Table]:
    """A register as a paged format (PDF, Word) prints it: without the columns no row fills
    (Excel and HTML keep every field), and a register wider than ``most`` columns as several
    tables one after the other, each led by the id column, so that no word breaks."""
    if table.sheet is None or not table.rows:
        return [table]
    keep = [i for i in range(len(table.headers)) if any(str(r[i]).strip() for r in table.rows)]
    if len(keep) <= most:
        return [_columns(table, keep)]
    rest = keep[1:]
    parts = -(-len(rest) // (most - 1))
    size = -(-len(rest) // parts)
    return [_columns(table, [keep[0], *rest[i : i + size]]) for i in range(0, len(rest), size)]


def _columns(table: Table, keep: list[int]) -> Table:
    if len(keep) == len(table.headers):
        return table
    return Table(
        tuple(table.headers[i] for i in keep),
        tuple(tuple(row[i] for i in keep) for row in table.rows),
        table.sheet,
    )


def paged_blocks(blocks: Sequence[Block]) -> list[Block]:
    """The blocks of a document as PDF and Word print them (see paged_tables)."""
    out: list[Block] = []
    for block in blocks:
        out.extend(paged_tables(block) if isinstance(block, Table) else [block])
    return out


def text_columns(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    measure: Callable[[str, bool], float],
    cap: float,
    floors: list[float] | None = None,
) -> tuple[list[float], list[float]]:
    """(minimums, wants) per column: the longest word and the longest cell (at most ``cap``),
    measured by ``measure(text, bold)``; ``floors``, if given, receives the longest word of
    the cells alone. A CJK run may break anywhere, so it counts as the width of two Latin
    capitals, never its whole length."""
    minimums, wants = [], []
    for index, header in enumerate(headers):
        cells = [str(row[index]) for row in rows]
        words = [_word(w) for c in cells for w in _WORDS.split(c.strip()) if w]
        heading = [_word(w) for w in str(header).split()]
        body = max([measure(w, False) for w in words] + [0.0])
        minimums.append(max([measure(w, True) for w in heading] + [body]))
        if floors is not None:
            floors.append(body)
        longest = [measure(line, False) for c in cells for line in c.split("\n")]
        wants.append(min(max([measure(str(header), True), *longest]), cap))
    return minimums, wants


# A sign and its number ("≤ 500") stay together: a limit broken after its sign misreads. A
# line may break after Chinese enumeration marks: "SITE-SZ、SITE-KS" is two words.
_WORDS = re.compile(r"(?<![≤≥<>=])\s+|(?<=[、，；])")


def _word(word: str) -> str:
    if word[-1:] in "、，；" and not any(ord(ch) > 0x2E80 for ch in word[:-1]):
        return word  # an id before an enumeration mark: unbreakable, measured whole
    return "MM" if any(ord(ch) > 0x2E80 for ch in word) else word


def display_width(text: str) -> int:
    """Width in Latin characters: CJK characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@cache
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Glyph advances in em of the bundled DejaVu Sans, read once: wider than Arial and
    Liberation Sans, so widths measured with it hold in Word and LibreOffice."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # no type hints

    from emskit.documents.charts import LATIN_BOLD_FONT, LATIN_FONT

    font = TTFont(str(LATIN_BOLD_FONT if bold else LATIN_FONT), lazy=True)
    units = float(font["head"].unitsPerEm)
    metrics = font["hmtx"].metrics
    cmap = font.getBestCmap()
    advances = {code: metrics[name][0] / units for code, name in cmap.items()}
    return advances, advances.get(ord("M"), 0.8)


@lru_cache(maxsize=1 << 16)  # words and cells repeat a lot in registers
def em_width(text: str, bold: bool = False) -> float:
    """The width of ``text`` in em (CJK characters one em each)."""
    advances, wide = _advances(bold)
    return sum(1.0 if ord(ch) > 0x2E80 else advances.get(ord(ch), wide) for ch in text)
