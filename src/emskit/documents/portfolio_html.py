"""The portfolio dashboard: one static page with every repository as a row, filters by status,
and per repository its gap and readiness pages. Plain files that work from the file system
(file://), no server, no network: the script is inline and reads only the page itself."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from emskit import __version__
from emskit.certification.ready_result import ReadyResult
from emskit.documents.render import render_template
from emskit.portfolio.summary import STATUS_ORDER, RepoSummary
from emskit.resources import data_dir

if TYPE_CHECKING:
    import datetime as dt

INDEX = "index.html"
PAGES = ("gap.html", "ready.html")


def dashboard_files(rows: list[RepoSummary], as_of: dt.date) -> dict[str, str]:
    """Relative path -> HTML for the whole dashboard: the index and each row's pages."""
    folders = page_folders(rows)
    files: dict[str, str] = {}
    listed: list[dict[str, Any]] = []
    for row in rows:
        entry = row.as_dict()
        folder = folders[row.path]
        entry["links"] = {name: f"{folder}/{name}" for name in PAGES if name in row.pages}
        listed.append(entry)
        for name, html in row.pages.items():
            files[f"{folder}/{name}"] = html
    context = {
        "rows": listed,
        "statuses": STATUS_ORDER,
        "counts": {s: sum(1 for r in rows if r.status == s) for s in STATUS_ORDER},
        "as_of": as_of.isoformat(),
        "emskit": __version__,
    }
    # The dashboard belongs to no one repository, so only the built-in template renders it.
    files[INDEX] = render_template(
        data_dir("templates").parent, "reports/portfolio.html.j2", context
    )
    return files


def page_folders(rows: list[RepoSummary]) -> dict[str, str]:
    """A folder name per repository under repos/, readable and unique, stable across runs."""
    parts = [PurePosixPath(row.path).parts for row in rows]
    common = 0
    while parts and all(len(p) > common + 1 and p[common] == parts[0][common] for p in parts):
        common += 1
    out: dict[str, str] = {}
    taken: set[str] = set()
    for row, path_parts in sorted(zip(rows, parts, strict=True), key=lambda x: x[0].path):
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", "-".join(path_parts[common:])).strip("-.")
        name, n = base or "repository", 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name)
        out[row.path] = f"repos/{name}"
    return out


def render_ready_page(summary: RepoSummary, result: ReadyResult) -> str:
    context = {
        "organisation": summary.organisation,
        "path": summary.path,
        "ready": result.ready,
        "as_of": result.as_of.isoformat(),
        "rules": [
            {"id": v.id, "status": v.status, "message": v.message, "clauses": list(v.clauses)}
            for v in result.verdicts
        ],
        "emskit": __version__,
    }
    return render_template(data_dir("templates").parent, "reports/portfolio-ready.html.j2", context)
