"""From ISO 14001:2015+A1:2024 on, context.yaml records whether climate change is relevant.

Amendment 1 (2024) asks the organisation to decide whether climate change is a relevant
issue; the decision and its rationale belong in ``context.yaml``. Editions "2015+A1:2024"
and "2026" need it; plain "2015" does not.

Passes::

    climate_change: {relevant: true, rationale: Heavy rain floods the drum store}

Fails (edition 2015+A1:2024)::

    issues:
      - {id: ISS-001, type: external, description: Tight water supply in summer}
    # no climate_change decision
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.context import Context
from emskit.rule import ERROR, Rule

RULE = Rule("EMS302", "climate-change-decision", ERROR, ("4.1",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    if ctx.edition == "2015":
        return
    record = ctx.singleton("context", Context)
    if record is None:  # an absent or empty context.yaml is reported as missing content
        return
    if record.model.climate_change is None:
        yield RULE.at(
            record.file,
            (),
            f"edition {ctx.edition} asks whether climate change is "
            "a relevant issue: add 'climate_change: {relevant: ..., rationale: ...}'",
            line=1,
            column=1,
        )
