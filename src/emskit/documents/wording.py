"""The significance method and an aspect's verdict in the pack's language.

English documents use scoring.explain's words as they are; in Chinese the criteria are named
by their labels, the preset by its Chinese name and the comparison by its sign.
"""

from __future__ import annotations

import re
from typing import Any

from emskit.documents.labels import Labels
from emskit.model.common import text_in
from emskit.scoring.arithmetic import format_number
from emskit.scoring.explain import method_summary, override_text
from emskit.scoring.method import Method

_SIGNS = {">=": "≥", "<=": "≤"}


def method_in_words(method: Method, labels: Labels) -> str:
    """'multi-factor-cn: frequency + legal + ... >= 17, or legal = 5', or its Chinese."""
    english = method_summary(method)
    if not labels.chinese:
        return english
    criteria = {c.name: labels.text(c.label) or c.name for c in method.criteria}
    preset, _, rest = english.partition(": ")
    text = rest or ""
    for name in sorted(criteria, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", criteria[name], text)
    text = text.replace(", or ", f"{labels.separator}{labels('or-clause')} ")
    text = text.replace(" and ", f" {labels('and-clause')} ")
    for sign, shown in _SIGNS.items():
        text = text.replace(sign, shown)
    return f"{_method_name(preset, labels)}{labels('colon')}{text}" if rest else text


def _method_name(name: str, labels: Labels) -> str:
    base, adjusted = name.removesuffix(" (adjusted)"), name.endswith(" (adjusted)")
    shown = labels("custom-method") if base == "custom" else labels.term(base)
    return shown + (labels("adjusted") if adjusted else "")


def score_reason(outcome: Any, labels: Labels) -> str:
    """Why an aspect is significant or not: 'score 19 >= 17', 'override: ...', in words."""
    if not labels.chinese:
        return str(outcome.reason)
    method = outcome.method
    threshold = format_number(method.threshold) if method.threshold is not None else ""
    if outcome.above_threshold:
        sign = "≥" if method.inclusive else ">"
    elif outcome.override is not None:
        reason = text_in(outcome.override.reason, labels.language) or override_text(outcome)
        return labels("score-override", reason=reason)
    elif outcome.score is None:
        return labels("unscored")
    else:
        sign = "<" if method.inclusive else "≤"
    return labels("score-above", score=outcome.score_text, op=sign, threshold=threshold)
