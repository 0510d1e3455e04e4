"""emskit roadmap as a table with the current step, as JSON, and as HTML with a Gantt chart."""

from __future__ import annotations

from typing import Any, TextIO

from emskit import __version__
from emskit.certification.roadmap import FILE, RoadmapStep
from emskit.certification.roadmap_result import RoadmapResult
from emskit.escaping import terminal_text
from emskit.report.json_out import write_json
from emskit.report.table import render_table


def _day(day: Any) -> str:
    return day.isoformat() if day else ""


def _records_show(step: RoadmapStep) -> str:
    if step.status == "contradicted":
        return f"contradicts: {step.contradiction}"
    if not step.shown.judged:
        return "-"
    return ("done: " if step.shown.done else "not done: ") + step.shown.reason


def render_text(result: RoadmapResult, out: TextIO) -> None:
    roadmap = result.roadmap
    rows = [
        [
            str(s.number),
            s.step,
            _day(s.planned),
            _day(s.done_on),
            s.status,
            s.skipped or _records_show(s),
        ]
        for s in roadmap.steps
    ]
    render_table(
        out,
        ["#", "step", "planned", "done", "status", "records show"],
        rows,
        title=f"Implementation roadmap: {result.organization}",
        right=frozenset({0}),
    )
    out.write("\n")
    current = roadmap.current
    if not roadmap.declared:
        out.write(f"No {FILE}: dates are what the records show (emskit init writes one).\n")
    if current is None:
        out.write(f"emskit roadmap: every step done (as of {roadmap.as_of})\n")
        return
    planned = f", planned {current.planned}" if current.planned else ""
    out.write(f"Current step: {current.number} {current.step}{planned}\n")
    out.write(f"Blocking the next step: {terminal_text(roadmap.blocker or '')}\n")
    done = sum(1 for s in roadmap.steps if s.is_done)
    out.write(
        f"emskit roadmap: {done} of {len(roadmap.steps)} steps done, "
        f"{result.contradicted} contradicted by the records (as of {roadmap.as_of})\n"
    )


def step_json(step: RoadmapStep, line: int | None) -> dict[str, Any]:
    return {
        "step": step.step,
        "number": step.number,
        "planned": _day(step.planned) or None,
        "done": _day(step.done_on) or None,
        "declared_done": _day(step.declared) or None,
        "skipped": step.skipped or None,
        "status": step.status,
        "records": {
            "judged": step.shown.judged,
            "done": step.shown.done,
            "on": _day(step.shown.on) or None,
            "reason": str(step.shown.reason),
        },
        "contradiction": str(step.contradiction) if step.contradiction else None,
        "file": FILE if line else None,
        "line": line,
    }


def render_json(result: RoadmapResult, out: TextIO) -> None:
    roadmap = result.roadmap
    current = roadmap.current
    write_json(
        {
            "emskit": __version__,
            "as_of": roadmap.as_of.isoformat(),
            "start": _day(roadmap.start) or None,
            "declared": roadmap.declared,
            "current": current.step if current else None,
            "blocker": str(roadmap.blocker) if roadmap.blocker else None,
            "steps": [step_json(s, result.lines.get(s.step)) for s in roadmap.steps],
        },
        out,
    )


def render_html(result: RoadmapResult, out: TextIO) -> None:
    from emskit.documents.gantt import gantt
    from emskit.documents.render import render_template

    roadmap = result.roadmap
    context: dict[str, Any] = {
        "title": f"Implementation roadmap: {result.organization}",
        "roadmap": roadmap,
        "current": roadmap.current,
        "blocker": roadmap.blocker,
        "records_show": {s.step: _records_show(s) for s in roadmap.steps},
        "chart": gantt(roadmap),
        "emskit": __version__,
    }
    out.write(render_template(result.root, "reports/roadmap.html.j2", context))
