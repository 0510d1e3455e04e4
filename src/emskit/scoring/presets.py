"""The significance methods shipped with emskit, written as data in the emskit.yaml shape.

The criteria, scales and thresholds are those in common use (see the format spec's table);
the labels are ours. A preset is resolved like a method written out, so `emskit score
--explain` shows exactly the same arithmetic for both.
"""

from __future__ import annotations

from typing import Any

from emskit.scoring.preset_scales import meanings

_ONE_TO_FIVE = [1, 2, 3, 4, 5]


def _criterion(values: list[Any], en: str, zh: str) -> dict[str, Any]:
    return {"values": values, "label": {"en": en, "zh-CN": zh}}


_PRESETS: dict[str, dict[str, Any]] = {
    "likelihood-x-severity": {
        "criteria": {
            "likelihood": _criterion(_ONE_TO_FIVE, "Likelihood", "发生可能性"),
            "severity": _criterion(_ONE_TO_FIVE, "Severity", "严重程度"),
        },
        "aggregate": "product",
        "threshold": 15,
    },
    "likelihood-x-severity-50": {
        "criteria": {
            "likelihood": _criterion(_ONE_TO_FIVE, "Likelihood", "发生可能性"),
            "severity": _criterion([1, 2, 4, 6, 8, 10], "Severity", "严重程度"),
        },
        "aggregate": "product",
        "threshold": 20,
        "threshold_inclusive": False,
    },
    "additive-5": {
        "criteria": {
            "severity": _criterion(_ONE_TO_FIVE, "Severity", "严重程度"),
            "frequency": _criterion(_ONE_TO_FIVE, "Frequency", "发生频率"),
            "legal": _criterion(_ONE_TO_FIVE, "Legal requirements", "法律法规要求"),
            "stakeholder": _criterion(_ONE_TO_FIVE, "Stakeholder concern", "相关方关注"),
            "improvement": _criterion(_ONE_TO_FIVE, "Scope for improvement", "改进空间"),
        },
        "aggregate": "sum",
        "threshold": 18,
    },
    "multi-factor-cn": {
        "criteria": {
            "frequency": _criterion(_ONE_TO_FIVE, "Frequency", "发生频率"),
            "legal": _criterion([1, 3, 5], "Legal requirements", "法律法规符合性"),
            "extent": _criterion([1, 3, 5], "Extent of impact", "影响范围"),
            "recoverability": _criterion(_ONE_TO_FIVE, "Recoverability", "影响的可恢复性"),
            "public_concern": _criterion(_ONE_TO_FIVE, "Public concern", "社会关注程度"),
            "difficulty": _criterion([1, 2, 3], "Difficulty of control", "控制难度"),
        },
        "aggregate": "sum",
        "threshold": 17,
        "overrides": [
            {
                "when": {"criterion": "legal", "equals": 5},
                "reason": {
                    "en": "A legal limit or requirement applies directly (legal = 5)",
                    "zh-CN": "直接涉及法律法规限值或要求（法律法规符合性 = 5）",
                },
            },
        ],
    },
    "fine-kinney": {
        "criteria": {
            "probability": _criterion([0.1, 0.2, 0.5, 1, 3, 6, 10], "Probability", "发生可能性"),
            "exposure": _criterion([0.5, 1, 2, 3, 6, 10], "Exposure", "暴露频率"),
            "severity": _criterion([1, 3, 7, 15, 40], "Severity", "后果严重性"),
        },
        "aggregate": "product",
        "threshold": 70,
    },
    "yes-no-screening": {
        # Any "yes" makes the aspect significant: max over yes/no criteria reaches 1.
        "criteria": {
            "limit_exceeded": _criterion(
                ["no", "yes"], "Legal limit exceeded or near", "超标或接近限值"
            ),
            "complaints": _criterion(["no", "yes"], "Repeated complaints", "多次投诉"),
            "major_emergency": _criterion(
                ["no", "yes"], "Major emergency potential", "重大紧急情况可能"
            ),
            "regulated": _criterion(
                ["no", "yes"], "Covered by law or permit", "受法律法规或许可证约束"
            ),
        },
        "aggregate": "max",
        "threshold": 1,
    },
}


def _with_meanings(name: str, preset: dict[str, Any]) -> dict[str, Any]:
    """Each criterion with the meaning of each value of its scale (preset_scales)."""
    criteria = {
        key: {**spec, "meanings": meanings(name, key)} for key, spec in preset["criteria"].items()
    }
    return {**preset, "criteria": criteria}


PRESETS: dict[str, dict[str, Any]] = {name: _with_meanings(name, p) for name, p in _PRESETS.items()}
