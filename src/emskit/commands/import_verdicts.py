"""An aspects register's own scores and verdicts against emskit's, with the register's method
(--method, written into emskit.yaml) or the repository's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from emskit.errors import UsageError
from emskit.importing.mapping import Mapping
from emskit.importing.register_method import stated_method
from emskit.importing.rows import Built
from emskit.importing.table import Table
from emskit.model.planning import Aspect
from emskit.repo.repository import Record, Repository


def compare(
    root: Path,
    repo: Repository,
    text: str,
    table: Table,
    mapping: Mapping,
    built: list[Built],
    options: Any,
    result: Any,
) -> None:
    from emskit.commands.import_records import Difference
    from emskit.model.config import Significance
    from emskit.scoring.engine import score_aspect
    from emskit.scoring.method import resolve

    method = _method(repo, text, table, mapping, options, result)
    if method is None:
        return
    methods = resolve(Significance.model_validate(method))
    if not methods.usable:
        raise UsageError(f"the register's method is not usable: {methods.problems[0].message}")
    for item in built:
        # Scored as check scores it: the record as its model (the import validated it already).
        aspect = Aspect.model_validate(item.record)
        record = Record("aspect", aspect.id, aspect, "", ())
        outcome = score_aspect(record, methods.for_condition(aspect.condition), _no_link)
        result.compared += 1
        theirs_score = item.register.get("score")
        theirs = item.register.get("significant")
        score_differs = theirs_score is not None and outcome.score != theirs_score
        if score_differs or (theirs is not None and outcome.significant != theirs):
            result.differences.append(
                Difference(
                    item.record["id"],
                    item.row,
                    theirs_score,
                    theirs,
                    outcome.score,
                    outcome.significant,
                )
            )


def _no_link(record: Record[Aspect], link: str) -> bool:
    return bool(getattr(record.model, link, None))


def _method(
    repo: Repository, text: str, table: Table, mapping: Mapping, options: Any, result: Any
) -> dict[str, Any] | None:
    if not options.method:
        config = repo.raw_config.get("significance")
        return config if isinstance(config, dict) else None
    criteria = mapping.criteria()
    values = {
        name: [cells[table.header.index(h)] for _, cells in table.rows]
        for name, h in criteria.items()
    }
    method = stated_method(text, criteria, values)
    if method is None:
        raise UsageError(
            "--method: the file states no significance method emskit can read (a formula such "
            "as 'Score = A × B + C' or 'sum', and a threshold such as 'score ≥ 15 is "
            "significant'); write the method into emskit.yaml by hand and import without --method"
        )
    result.method = method
    from emskit.importing.writer import PlannedFile

    config = config_with_method(repo.root, method)
    if config is not None:
        result.files.append(PlannedFile("emskit.yaml", config, "changed"))
    return method


def config_with_method(root: Path, method: dict[str, Any]) -> str | None:
    """emskit.yaml with the method added; None when it already holds exactly this method."""
    import yaml

    path = root / "emskit.yaml"
    text = path.read_text(encoding="utf-8")
    current = (yaml.safe_load(text) or {}).get("significance")
    if current == method:
        return None
    if current is not None:
        raise UsageError(
            "emskit.yaml already has a significance method different from the register's; "
            "remove it to take the register's (--method), or import without --method"
        )
    block: str = yaml.safe_dump({"significance": method}, sort_keys=False, default_flow_style=None)
    comment = "# The significance method the imported register states (emskit import --method).\n"
    return re.sub(r"\n*$", "\n", text) + comment + block
