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
    """The progress chart as a PNG (see objective_figure)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = objective_figure(objective_id, series, objective, labels, unit)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)  # attaches itself: savefig draws on Agg
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


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
