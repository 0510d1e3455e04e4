"""No module in src/ is over 400 lines: a module that grows past that holds more than one job."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
MOST_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    modules = sorted(SRC.rglob("*.py"))
    assert modules, f"no modules found under {SRC}"
    too_long = [
        f"{path.relative_to(SRC)}: {count} lines"
        for path in modules
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    ]
    assert not too_long, f"modules over {MOST_LINES} lines (split them by job):\n" + "\n".join(
        too_long
    )
