"""Charts as PNG images, with matplotlib's Agg backend (imported only when a pack is built).

The PNG carries no timestamp or software version, so the same data gives the same bytes and
the pack stays reproducible. The bundled CJK font is registered so Chinese labels render.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

FONTS = Path(__file__).resolve().parent.parent / "fonts"
CJK_FONT = FONTS / "DroidSansFallback.ttf"
LATIN_FONT = FONTS / "DejaVuSans.ttf"  # bundled: PDFs need no matplotlib for their text
LATIN_BOLD_FONT = FONTS / "DejaVuSans-Bold.ttf"


@cache
def _figure_class() -> Any:
    """matplotlib's Figure, fonts registered. pyplot is not imported: its state machine and
    backend selection cost a third of a second and a pack draws on an Agg canvas directly."""
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font_manager.fontManager.addfont(str(CJK_FONT))
    name = font_manager.FontProperties(fname=str(CJK_FONT)).get_name()
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", name]
    matplotlib.rcParams["svg.hashsalt"] = "emskit"
    return Figure


def objective_chart(
    objective_id: str, series: list[Any], objective: Any, labels: Any, unit: str = ""
) -> bytes:
    """The progress chart as a PNG (see objective_figure). The same inputs give the same
    bytes, so a chart drawn once is kept in the user's cache (signed, like the check cache)
    and a pack rebuilt with the objective unchanged never imports matplotlib (about two
    seconds of a sample pack). An entry that is not emskit's own, or not a PNG, is drawn anew."""
    import os

    from emskit.signed_cache import default_dir, read_signed, write_signed

    key = _chart_key(objective_id, series, objective, labels, unit)
    path = default_dir(dict(os.environ)) / f"chart-{key}.png"
    cached = read_signed(path, key)
    if cached is not None and cached.startswith(_PNG_SIGNATURE):
        return cached
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = objective_figure(objective_id, series, objective, labels, unit)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)  # attaches itself: savefig draws on Agg
    figure.savefig(buffer, format="png", metadata={"Software": None})
    png = buffer.getvalue()
    write_signed(path, key, png)
    return png


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chart_key(objective_id: str, series: list[Any], objective: Any, labels: Any, unit: str) -> str:
    """Everything the picture depends on: the data and words drawn, emskit's own files (this
    module's drawing code among them), the fonts and matplotlib's version."""
    import hashlib
    import json
    from importlib.metadata import version

    from emskit.signed_cache import emskit_fingerprint

    baseline = objective.baseline.value if objective.baseline is not None else None
    drawn = [
        "emskit-chart/1",
        emskit_fingerprint(),
        version("matplotlib"),
        labels.language,
        objective_id,
        labels.text(objective.title),
        [[r.date.isoformat(), r.value] for r in series],
        objective.target.value,
        baseline,
        labels("target"),
        labels("baseline"),
        unit,
    ]
    text = json.dumps(drawn, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def objective_figure(
    objective_id: str, series: list[Any], objective: Any, labels: Any, unit: str = ""
) -> Any:
    """Monthly readings of the objective's indicator with its baseline and target lines, the
    indicator's unit on the y axis. Readings one a month (often dated the month's last day)
    are placed on their own month's tick, labelled YYYY-MM, not next to the next month's."""
    import datetime as dt

    from matplotlib import dates as dates_module

    dates: Any = dates_module  # matplotlib.dates is not typed

    figure = _figure_class()(figsize=(7, 3), dpi=100)
    axes = figure.add_subplot()
    when = [r.date for r in series]
    monthly = len({(d.year, d.month) for d in when}) == len(when)
    if monthly:
        when = [dt.date(d.year, d.month, 1) for d in when]
    axes.plot(when, [r.value for r in series], marker="o", linewidth=1.5, color="#2f6690")
    if monthly:
        step = max(1, -(-len(when) // 12))  # at most about twelve labels
        axes.xaxis.set_major_locator(dates.MonthLocator(interval=step))
        axes.xaxis.set_major_formatter(dates.DateFormatter("%Y-%m"))
    axes.axhline(
        objective.target.value,
        color="#3a7d44",
        linestyle="--",
        label=f"{labels('target')} {objective.target.value:g}",
    )
    if objective.baseline is not None:
        axes.axhline(
            objective.baseline.value,
            color="#999999",
            linestyle=":",
            label=f"{labels('baseline')} {objective.baseline.value:g}",
        )
    if unit:
        axes.set_ylabel(unit, fontsize=8)
    axes.set_title(f"{objective_id} {labels.text(objective.title)}", fontsize=9)
    axes.legend(fontsize=8, loc="best")
    axes.tick_params(labelsize=8)
    # Fixed margins, measured for the title, the unit and the slanted month labels: a tight
    # layout measured every text's extent and cost as much as drawing the chart.
    figure.autofmt_xdate(bottom=0.22)
    figure.subplots_adjust(left=0.1, right=0.98, top=0.9)
    return figure


def indicator_unit(ctx: Any, objective: Any) -> str:
    """The unit of the objective's indicator (from the pack context), for the y axis."""
    for record in ctx.analysis.index.resolve(objective.indicator or ""):
        return str(getattr(record.model, "unit", "") or "")
    return ""
