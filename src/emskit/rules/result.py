"""What emskit check returns; the value lives in emskit.check_result, below the rules, so that
a check answered from the cache imports no rule."""

from __future__ import annotations

from emskit.check_result import CheckResult

__all__ = ["CheckResult"]
