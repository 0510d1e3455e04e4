"""What each value of each preset's scales means, in English and Chinese: an aspects register
defines its scale, or an auditor cannot tell a 3 from a 5 (the wording is ours, in the sense
these scales are commonly used).
"""

from __future__ import annotations

from typing import Any

Scale = dict[str, tuple[str, str]]  # value as written ("1", "0.5", "yes") -> (en, zh-CN)

_LIKELIHOOD: Scale = {
    "1": ("Rare: not expected in the life of the activity", "极少：活动期间预计不会发生"),
    "2": ("Unlikely: could happen once in several years", "不太可能：数年可能发生一次"),
    "3": ("Possible: may happen about once a year", "可能：约每年发生一次"),
    "4": ("Likely: happens several times a year", "很可能：每年发生数次"),
    "5": ("Almost certain: happens routinely", "几乎肯定：经常发生"),
}
_SEVERITY: Scale = {
    "1": ("Negligible: no measurable effect", "轻微：无可测影响"),
    "2": ("Minor: local, short and fully reversible", "较小：局部、短期、可完全恢复"),
    "3": ("Moderate: on site, reversible with effort", "中等：厂区内、经处理可恢复"),
    "4": ("Major: off site or long lasting", "严重：影响厂外或持续时间长"),
    "5": ("Severe: widespread or irreversible harm", "极严重：大范围或不可逆的损害"),
}
_SEVERITY_10: Scale = {
    "1": ("Negligible: no measurable effect", "轻微：无可测影响"),
    "2": ("Minor: local and short", "较小：局部、短期"),
    "4": ("Moderate: on site, reversible", "中等：厂区内、可恢复"),
    "6": ("Significant: off site, reversible", "较大：影响厂外、可恢复"),
    "8": ("Major: off site and long lasting", "严重：影响厂外且持续时间长"),
    "10": ("Catastrophic: widespread, irreversible", "灾难性：大范围、不可逆"),
}
_FREQUENCY: Scale = {
    "1": ("Rarely: less than once a year", "极少：少于每年一次"),
    "2": ("Occasionally: a few times a year", "偶尔：每年数次"),
    "3": ("Sometimes: monthly", "有时：每月"),
    "4": ("Often: weekly", "经常：每周"),
    "5": ("Continuously or daily", "持续或每天"),
}
_LEGAL_5: Scale = {
    "1": ("No legal requirement applies", "无法律法规要求"),
    "2": ("General duty only", "仅有一般性要求"),
    "3": ("A requirement applies and is met with margin", "有要求且有充分余量满足"),
    "4": ("A requirement applies and is met narrowly", "有要求且勉强满足"),
    "5": ("A legal limit applies and is exceeded or near", "有法定限值且超标或接近"),
}
_STAKEHOLDER: Scale = {
    "1": ("No concern known", "无已知关注"),
    "2": ("Occasional questions", "偶有询问"),
    "3": ("Some concern expressed", "有一定关注"),
    "4": ("Repeated concern or complaints", "多次关注或投诉"),
    "5": ("Strong public or authority concern", "公众或主管部门高度关注"),
}
_IMPROVEMENT: Scale = {
    "1": ("Already at best practice", "已达最佳实践"),
    "2": ("Little room to improve", "改进空间小"),
    "3": ("Some room to improve", "有一定改进空间"),
    "4": ("Clear room to improve", "改进空间明显"),
    "5": ("Large, affordable improvement possible", "可低成本大幅改进"),
}
_LEGAL_CN: Scale = {
    "1": ("No legal requirement applies", "无法律法规要求"),
    "3": ("A requirement applies and is met", "有法律法规要求且满足"),
    "5": ("A legal limit applies and is exceeded or near", "有法定限值且超标或接近"),
}
_EXTENT: Scale = {
    "1": ("Within the workplace", "影响限于作业场所"),
    "3": ("Within the site", "影响限于厂区内"),
    "5": ("Beyond the site boundary", "影响超出厂界"),
}
_RECOVERABILITY: Scale = {
    "1": ("Recovers at once by itself", "可立即自然恢复"),
    "2": ("Recovers within days", "数日内可恢复"),
    "3": ("Recovers within months with treatment", "经治理数月内可恢复"),
    "4": ("Recovers only after years", "需数年才能恢复"),
    "5": ("Irreversible", "不可恢复"),
}
_PUBLIC: Scale = {
    "1": ("No concern", "无关注"),
    "2": ("Little concern", "关注较少"),
    "3": ("Some concern", "一般关注"),
    "4": ("Considerable concern", "较多关注"),
    "5": ("High concern or complaints", "高度关注或有投诉"),
}
_DIFFICULTY: Scale = {
    "1": ("Easy to control with existing means", "现有手段易于控制"),
    "2": ("Needs added controls", "需增加控制措施"),
    "3": ("Hard to control: needs investment", "难以控制：需要投入"),
}
_PROBABILITY: Scale = {
    "0.1": ("Virtually impossible", "实际上不可能"),
    "0.2": ("Practically impossible", "几乎不可能"),
    "0.5": ("Conceivable but very unlikely", "可以设想但极不可能"),
    "1": ("Unlikely but possible in the long run", "不太可能但长期可能发生"),
    "3": ("Unusual but possible", "不常见但可能"),
    "6": ("Quite possible", "相当可能"),
    "10": ("Expected", "预计会发生"),
}
_EXPOSURE: Scale = {
    "0.5": ("Very rare: less than yearly", "极少：少于每年一次"),
    "1": ("Rare: a few times a year", "很少：每年数次"),
    "2": ("Monthly", "每月一次"),
    "3": ("Weekly", "每周一次"),
    "6": ("Daily", "每天"),
    "10": ("Continuous", "持续"),
}
_SEVERITY_FK: Scale = {
    "1": ("Noticeable: minimal effect", "可察觉：影响极小"),
    "3": ("Important: on-site effect, reversible", "重要：厂内影响、可恢复"),
    "7": ("Serious: off-site effect", "严重：影响厂外"),
    "15": ("Very serious: lasting off-site harm", "很严重：厂外持久损害"),
    "40": ("Disaster: widespread, irreversible harm", "灾难：大范围不可逆损害"),
}
_YES_NO: Scale = {
    "no": ("Does not apply", "不适用"),
    "yes": ("Applies: the aspect is significant", "适用：判定为重要环境因素"),
}

PRESET_SCALES: dict[str, dict[str, Scale]] = {
    "likelihood-x-severity": {"likelihood": _LIKELIHOOD, "severity": _SEVERITY},
    "likelihood-x-severity-50": {"likelihood": _LIKELIHOOD, "severity": _SEVERITY_10},
    "additive-5": {
        "severity": _SEVERITY,
        "frequency": _FREQUENCY,
        "legal": _LEGAL_5,
        "stakeholder": _STAKEHOLDER,
        "improvement": _IMPROVEMENT,
    },
    "multi-factor-cn": {
        "frequency": _FREQUENCY,
        "legal": _LEGAL_CN,
        "extent": _EXTENT,
        "recoverability": _RECOVERABILITY,
        "public_concern": _PUBLIC,
        "difficulty": _DIFFICULTY,
    },
    "fine-kinney": {"probability": _PROBABILITY, "exposure": _EXPOSURE, "severity": _SEVERITY_FK},
    "yes-no-screening": {
        "limit_exceeded": _YES_NO,
        "complaints": _YES_NO,
        "major_emergency": _YES_NO,
        "regulated": _YES_NO,
    },
}


def meanings(preset: str, criterion: str) -> dict[str, Any]:
    """The ``meanings:`` of a preset's criterion in the emskit.yaml shape: value -> text."""
    scale = PRESET_SCALES.get(preset, {}).get(criterion, {})
    return {value: {"en": en, "zh-CN": zh} for value, (en, zh) in scale.items()}
