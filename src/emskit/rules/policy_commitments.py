"""The environmental policy makes the three commitments of 5.2.

Protection of the environment (including prevention of pollution), fulfilment of compliance
obligations, and continual improvement of the EMS must each be committed to.

Passes::

    commitments: {environmental_protection: true, compliance_obligations: true,
                  continual_improvement: true}

Fails::

    commitments: {environmental_protection: true, compliance_obligations: true}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.model.context import Policy
from emskit.rule import ERROR, Rule

RULE = Rule("EMS301", "policy-commitments", ERROR, ("5.2",), __doc__ or "")
_COMMITMENTS = {
    "environmental_protection": "protection of the environment, including prevention of pollution",
    "compliance_obligations": "fulfilling compliance obligations",
    "continual_improvement": "continual improvement of the EMS",
}


def check(ctx: Analysis) -> Iterator[Finding]:
    record = ctx.singleton("policy", Policy)
    if record is None:
        return
    given = record.model.commitments
    for name, meaning in _COMMITMENTS.items():
        if not getattr(given, name):
            yield RULE.at(
                record.file,
                ("commitments", name),
                f"the policy does not commit to {meaning}: set {name}: true "
                f"once the policy text says so",
                ids=(record.id,),
            )
