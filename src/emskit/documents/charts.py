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
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager, pyplot

    font_manager.fontManager.addfont(str(CJK_FONT))
    name = font_manager.FontProperties(fname=str(CJK_FONT)).get_name()
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", name]
    matplotlib.rcParams["svg.hashsalt"] = "emskit"
    return pyplot


def objective_chart(objective_id: str, series: list[Any], objective: Any, labels: Any) -> bytes:
    """Monthly readings of the objective's indicator with its baseline and target lines."""
    pyplot = _pyplot()
    figure, axes = pyplot.subplots(figsize=(7, 3), dpi=100)
    axes.plot(
        [r.date for r in series],
        [r.value for r in series],
        marker="o",
        linewidth=1.5,
        color="#2f6690",
    )
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
    axes.set_title(f"{objective_id} {labels.text(objective.title)}", fontsize=9)
    axes.legend(fontsize=8, loc="best")
    axes.tick_params(labelsize=8)
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    pyplot.close(figure)
    return buffer.getvalue()
