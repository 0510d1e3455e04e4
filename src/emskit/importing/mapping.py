"""Which column feeds which field: guessed from the header words (English and Chinese) and
the values, shown to the user, saved with --save-map and fixed with --map.

A mapping target is a record field (`title`), a criterion (`score:severity`), the register's
own result (`register:score`, `register:significant`), or `ignore`. Columns with no target
are kept as comments on each record, so nothing in the file is lost without a trace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from emskit.errors import UsageError
from emskit.importing.table import Table
from emskit.importing.values import is_yes_no

# field -> header words, most specific first. Matched on the lower-cased header without
# its parenthesis: "Scale (1-5)" is "scale".
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "aspects": {
        "id": ("aspect id", "id", "ref", "no", "编号", "序号"),
        "activity": (
            "activity/process",
            "activity",
            "process",
            "activity, product or service",
            "活动",
            "活动/产品/服务",
            "工序",
        ),
        "aspect": ("environmental aspect", "aspect", "环境因素"),
        "impact": ("environmental impact", "impact", "impacts", "环境影响"),
        "condition": ("condition", "operating condition", "状态", "时态/状态"),
        "department": ("department", "area", "部门", "区域"),
        "site": ("site", "location", "场所", "地点"),
        "owner": ("owner", "responsible", "责任人", "负责人"),
        "category": ("category", "type", "类别"),
        "reviewed": ("review date", "reviewed", "评审日期"),
        "objectives": ("objectives/targets", "objectives", "objective", "目标"),
        "register:score": ("score", "total score", "total", "得分", "总分", "风险值", "风险"),
        "register:significant": (
            "significant?",
            "significant",
            "significant? (y/n)",
            "significance",
            "是否重要",
            "重要环境因素",
            "重要性",
        ),
    },
    "obligations": {
        "id": ("id", "ref", "obligation id", "编号", "序号"),
        "title": (
            "document name",
            "title",
            "obligation",
            "law",
            "legislation",
            "regulation",
            "法规名称",
            "名称",
            "法律法规名称",
        ),
        "type": ("type", "类型"),
        "authority": (
            "authority",
            "administering department",
            "admin_department",
            "issued by",
            "发布机关",
            "发布部门",
            "颁布部门",
        ),
        "jurisdiction": ("jurisdiction", "country", "适用地区"),
        "reference": ("sfs number", "reference", "number", "document number", "文号", "source"),
        "requirement": (
            "requirement",
            "description",
            "summary (så här påverkas vi)",
            "summary",
            "obligation text",
            "适用条款",
            "要求",
            "条款内容",
        ),
        "status": ("status", "状态"),
        "effective": ("effective", "effective date", "in force", "实施日期", "施行日期"),
        "expires": ("expires", "expiry", "expiry date", "有效期至", "废止日期"),
        "evaluation_frequency": ("frequency", "evaluation frequency", "评价频次", "频次"),
        "owner": (
            "compliance owner",
            "owner",
            "compliance_owner",
            "responsible",
            "责任部门",
            "负责人",
        ),
    },
    "readings": {
        "date": (
            "date",
            "location / date",
            "datum",
            "month",
            "sample date",
            "sampling date",
            "period",
            "日期",
            "月份",
        ),
        "indicator": ("parameter", "indicator", "analyte", "pollutant", "监测项目", "指标"),
        "value": ("value", "result", "reading", "measurement", "监测值", "数值", "结果"),
        "unit": ("unit", "units", "单位"),
        "location": (
            "location",
            "site",
            "point",
            "bore",
            "meter_name",
            "meter",
            "building code",
            "sample point",
            "sample id",
            "well id",
            "monitoring point",
            "监测点",
            "点位",
        ),
        "limit:min": ("min limit", "minimum", "lower limit", "limit min", "下限"),
        "limit:max": (
            "max limit",
            "maximum",
            "upper limit",
            "limit max",
            "limit",
            "限值",
            "标准限值",
        ),
        "basis": ("basis", "averaging", "type", "statistic"),
    },
    "objectives": {
        "id": ("id", "objective id", "ref", "编号"),
        "title": ("objective", "title", "target description", "目标"),
        "addresses": ("addresses", "aspect", "aspects", "related aspect", "环境因素"),
        "indicator": ("indicator", "kpi", "指标"),
        "baseline": ("baseline", "基准值"),
        "target": ("target", "target value", "目标值"),
        "by": ("by", "deadline", "due", "target date", "完成时间", "完成日期"),
        "owner": ("owner", "responsible", "责任人", "负责部门"),
        "status": ("status", "状态"),
        "resources": ("resources", "资源"),
    },
    "nonconformities": {
        "id": ("id", "nc id", "nc no", "ref", "编号"),
        "raised": ("raised", "date", "date raised", "日期", "发现日期"),
        "source": ("source", "来源"),
        "description": ("description", "nonconformity", "finding", "不符合描述", "描述"),
        "requirement": ("requirement", "clause", "条款"),
        "grade": ("grade", "severity", "级别", "类别"),
        "correction": ("correction", "纠正"),
        "root_cause": ("root cause", "cause", "原因", "原因分析"),
        "status": ("status", "状态"),
        "closed_on": ("closed", "closed on", "close date", "关闭日期"),
    },
    "training": {
        "id": ("id", "ref", "编号"),
        "date": ("date", "training date", "日期", "培训日期"),
        "topic": ("topic", "course", "training", "subject", "培训内容", "主题"),
        "trainer": ("trainer", "instructor", "培训人", "讲师"),
        "attendees": ("attendees", "participants", "trainees", "参加人员", "参训人员"),
        "assessment": ("assessment", "result", "考核结果", "考核"),
    },
}
KINDS = tuple(SYNONYMS)
# Criterion words: a column of 1-5 or Y/N values under one of these is a scoring criterion.
CRITERIA: dict[str, tuple[str, ...]] = {
    "scale": ("scale", "规模", "影响范围"),
    "severity": ("severity", "严重程度", "严重性"),
    "probability": ("probability", "可能性"),
    "likelihood": ("likelihood",),
    "frequency": ("frequency", "freq", "频次", "频率", "发生频次"),
    "legal": ("legal", "legal y/n", "legal requirement", "法规", "法律法规"),
    "stakeholder": ("stakeholder", "stakeholder concern", "相关方关注"),
    "extent": ("extent", "影响程度"),
    "recoverability": ("recoverability", "可恢复性"),
    "public_concern": ("public concern", "公众关注"),
    "difficulty": ("difficulty", "控制难度"),
    "exposure": ("exposure",),
}


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)  # header -> target
    _by_target: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def target(self, header: str) -> str | None:
        target = self.columns.get(header)
        return None if target in (None, "ignore") else target

    def column_of(self, target: str) -> str | None:
        if self._by_target is None:  # asked for every cell of every row: built once
            self._by_target = {}
            for header, name in self.columns.items():
                self._by_target.setdefault(name, header)
        return self._by_target.get(target)

    def criteria(self) -> dict[str, str]:
        return {t.split(":", 1)[1]: h for h, t in self.columns.items() if t.startswith("score:")}


def normal(header: str) -> str:
    bare = re.sub(r"\s*[(（].*?[)）]\s*", " ", header).strip().lower()
    return " ".join(bare.split()) or header.strip().lower()


def guess(kind: str, table: Table) -> Mapping:
    synonyms = SYNONYMS[kind]
    mapping = Mapping()
    taken: set[str] = set()
    for rank in range(3):  # exact words first, then the header's first word, then contained
        for index, header in enumerate(table.header):
            if header in mapping.columns:
                continue
            target = _match(kind, header, synonyms, taken, rank, _values(table, index))
            if target:
                mapping.columns[header] = target
                taken.add(target)
    if kind == "readings" and "value" in taken and "indicator" not in taken:
        # No parameter column: a wide table, one column per parameter, and "pH value" is the
        # pH, not the values of a long table.
        mapping.columns = {h: t for h, t in mapping.columns.items() if t != "value"}
    return mapping


def _match(
    kind: str,
    header: str,
    synonyms: dict[str, tuple[str, ...]],
    taken: set[str],
    rank: int,
    values: list[str],
) -> str | None:
    word, full = normal(header), header.strip().lower()
    if kind == "aspects" and _scale_like(values):
        for name, words in CRITERIA.items():
            if f"score:{name}" not in taken and _hit(word, full, words, rank):
                return f"score:{name}"
    for target, words in synonyms.items():
        if target not in taken and _hit(word, full, words, rank):
            return target
    return None


def _hit(word: str, full: str, words: tuple[str, ...], rank: int) -> bool:
    if rank == 0:
        return word in words or full in words
    if rank == 1:
        return any(word.split(" ")[0] == w for w in words if " " not in w and len(w) > 2)
    # Containment only in short headers: "pH-Value (units) Winter Storage 1" is a parameter
    # of a wide table, not the value column of a long one.
    # Chinese words are short ("频次"), so they count from two characters.
    return len(word.split()) <= 3 and any(
        (len(w) > 3 or (len(w) > 1 and not w.isascii())) and w in word for w in words
    )


def _values(table: Table, index: int) -> list[str]:
    return [cells[index] for _, cells in table.rows[:50] if index < len(cells) and cells[index]]


def _scale_like(values: list[str]) -> bool:
    """Scores on a small scale, or yes/no: what a criterion column holds."""
    if not values:
        return False
    return all(is_yes_no(v) or re.fullmatch(r"\d{1,2}(\.\d+)?", v) for v in values)


def load_map(path: Path, kind: str) -> Mapping:
    import yaml

    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise UsageError(f"{path}: cannot read the mapping ({error})") from None
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict):
        raise UsageError(f"{path}: a mapping file holds 'columns:', a map of header to field")
    if data.get("kind", kind) != kind:
        raise UsageError(f"{path}: this mapping is for {data['kind']}, not {kind}")
    allowed = set(SYNONYMS[kind]) | {"ignore"}
    for header, target in columns.items():
        if not isinstance(target, str) or (
            target not in allowed and not target.startswith("score:")
        ):
            raise UsageError(
                f"{path}: column {header!r} maps to {target!r}; the targets for {kind} are "
                f"{', '.join(sorted(allowed))} and score:CRITERION"
            )
    return Mapping({str(h): str(t) for h, t in columns.items()})


def map_text(kind: str, mapping: Mapping, table: Table) -> str:
    import yaml

    columns = {h: mapping.columns.get(h, "ignore") for h in table.header}
    text: str = yaml.safe_dump(
        {"kind": kind, "columns": columns}, allow_unicode=True, sort_keys=False, width=100
    )
    return text
