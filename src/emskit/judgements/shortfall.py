"""What a judgement returns: the records that fall short of a requirement, and why."""

from __future__ import annotations

from dataclasses import dataclass

from emskit.words import Message


@dataclass(frozen=True)
class Shortfall:
    """One thing an auditor would raise: the records it rests on (the first is the one to
    fix) and the reason as a sentence an auditor would write, e.g. "OBJ-002 reads 1313 kWh/t
    on 2026-10-31, worse than its baseline 1250; target 1150 by 2026-12-31"."""

    ids: tuple[str, ...]
    reason: Message
    # How serious: "fail" where an auditor would refuse (a nonconformity), "warn" where they
    # would note it (an opportunity for improvement). Uses vocabulary.FAIL / WARN.
    severity: str = "fail"


__all__ = ["Shortfall"]
