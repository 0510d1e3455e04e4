"""Data flows one way: no module imports a layer above its own, lazily or not.

Every module under src/emskit is parsed with ``ast``; every import in it counts, at the top,
inside functions and under ``if TYPE_CHECKING:``. The layer order is written here, top first,
so that moving a module up or down is a visible decision in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

# Top first. A module belongs to the layer of the longest prefix naming it; a module may import
# its own layer and any layer below it, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("emskit.cli", "emskit.__main__", "emskit"),  # "emskit": the library facade
    ("emskit.commands",),
    ("emskit.report",),
    ("emskit.documents",),
    # Many repositories and two revisions compared: values over the judgements, shown by
    # reports and documents.
    ("emskit.portfolio", "emskit.changes"),
    ("emskit.certification",),
    ("emskit.rules", "emskit.clauses"),
    # One function per question an auditor asks of the records ("is this nonconformity's
    # effectiveness checked after its actions?"), answered once for check, gap and ready.
    ("emskit.judgements",),
    ("emskit.analysis",),
    (
        "emskit.calendar",
        "emskit.scoring",
        # The certification cycle's dates feed the one analysis context; they are not
        # readiness, so they sit with the calendar.
        "emskit.certification.cycle",
        "emskit.certification.audit_time",
        # The implementation steps' planned dates are due items too, judged by the records.
        "emskit.certification.roadmap",
        "emskit.certification.step_evidence",
    ),
    # importing/ reads consultants' registers as repo/ reads the repository's files: an input
    # adapter, below every judgement.
    ("emskit.repo", "emskit.git", "emskit.importing"),
    ("emskit.model",),
    ("emskit.vocabulary",),
    (
        "emskit.finding",
        "emskit.rule",
        "emskit.check_result",  # the findings of one check run: a value, like Finding
        "emskit.errors",
        "emskit.listing",
        "emskit.atomic",
        "emskit.signed_cache",  # signed entries in the user's cache (checks, charts)
        "emskit.escaping",  # imports nothing from emskit: every output layer may use it
        "emskit.words",  # the words in each language (words.tsv), said by every layer above
        "emskit.resources",
        "emskit.__version__",  # a literal in the root package, imported by reporters
    ),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def layer_of(module: str) -> int:
    """Index in LAYERS, 0 the top; the longest matching prefix decides."""
    best, best_len = None, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every emskit import in the file, wherever it stands."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "emskit"]
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}:{node.lineno}: use absolute imports"
            if node.module.split(".")[0] != "emskit":
                continue
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                # `from emskit.repo import loading_rules` imports the submodule.
                out.append(
                    (
                        node.lineno,
                        full if full in MODULES or alias.name == "__version__" else node.module,
                    )
                )
    return out


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_runs_back_up(module: str) -> None:
    own = layer_of(module)
    upward = [
        f"{MODULES[module].relative_to(SRC)}:{line}: {module} imports {target}"
        for line, target in imports_of(MODULES[module])
        if layer_of(target) < own
    ]
    assert not upward, "imports against the layer order:\n" + "\n".join(upward)


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    """The scan sees a lazy import inside a function and one under TYPE_CHECKING."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from emskit.rules import RULES\n"
        "def f():\n    from emskit.commands.check import run_check\n",
        encoding="utf-8",
    )
    targets = [target for _, target in imports_of(sample)]
    assert sorted(targets) == ["emskit.commands.check", "emskit.rules"]
    assert all(layer_of(t) < layer_of("emskit.repo.loader") for t in targets)
