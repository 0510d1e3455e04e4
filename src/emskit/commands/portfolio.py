"""emskit portfolio: every EMS repository below some folders, each summarised in a worker
process, the rows sorted worst first. A repository that cannot be read is a row with its
error, never the end of the run. Nothing here prints or reads the clock.

Each worker calls the check use case (so a repository unchanged since its last check is
answered from the check cache) and builds one Analysis for readiness, gap and the calendar.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import NamedTuple

from emskit import git
from emskit.analysis import Analysis
from emskit.certification.readiness import readiness
from emskit.certification.ready_result import ReadyResult
from emskit.clauses.assessment import GapResult, assess
from emskit.commands.check import run_check
from emskit.documents.gap_html import render_html as render_gap_html
from emskit.documents.portfolio_html import render_ready_page
from emskit.errors import EmskitError, UsageError
from emskit.portfolio.discovery import find_repositories
from emskit.portfolio.result import PortfolioResult
from emskit.portfolio.summary import RepoSummary, broken, summarise
from emskit.repo.loader import load_repository

__all__ = ["PortfolioResult", "run_portfolio", "write_dashboard"]

NO_GIT = (
    "no git history: the folder is not in a git repository or has no commit yet; emskit keeps "
    "the EMS in git (git init, git add ., git commit)"
)


def default_jobs() -> int:
    # The cores this process may use (a container or taskset may allow fewer than exist).
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_portfolio(
    folders: list[Path],
    as_of: dt.date,
    jobs: int | None = None,
    pages: bool = False,
    cache_dir: Path | None = None,
) -> PortfolioResult:
    """Summarise every repository below ``folders``; ``pages`` also renders each one's gap
    and readiness pages (for the dashboard); ``cache_dir`` is the check cache's folder."""
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more worker processes")
    roots = find_repositories(folders)
    if not roots:
        shown = ", ".join(str(f) for f in folders)
        raise UsageError(f"no EMS repository (a folder holding emskit.yaml) below {shown}")
    tasks = [Task(str(root), as_of, pages, cache_dir) for root in roots]
    workers = min(jobs or default_jobs(), len(tasks))
    rows = [summarise_one(t) for t in tasks] if workers == 1 else _in_processes(tasks, workers)
    return PortfolioResult(as_of, sorted(rows, key=RepoSummary.sort_key))


def _in_processes(tasks: list[Task], workers: int) -> list[RepoSummary]:
    rows: list[RepoSummary] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(summarise_one, task) for task in tasks]
        for task, future in zip(tasks, futures, strict=True):
            try:
                rows.append(future.result())
            except BrokenProcessPool:
                # A worker was killed (out of memory, a signal): its repositories are rows too.
                rows.append(
                    broken(task.path, "the worker process running it died (out of memory?)")
                )
    return rows


class Task(NamedTuple):
    """One repository's work, sent to a worker process (so: plain, picklable values)."""

    path: str
    as_of: dt.date
    pages: bool = False
    cache_dir: Path | None = None


def summarise_one(task: Task) -> RepoSummary:
    """One repository's row; every failure becomes the row's error (this runs in a worker:
    an exception escaping here would cost the whole run)."""
    path = task.path
    try:
        return _summarise(Path(path), task)
    except EmskitError as error:
        return broken(path, str(error))
    except Exception as error:  # a bug in emskit, reported on the row instead of ending the run
        where = traceback.extract_tb(error.__traceback__)[-1]
        return broken(
            path,
            f"internal error ({type(error).__name__} at {Path(where.filename).name}:"
            f"{where.lineno}): a bug; run 'emskit check --debug --repo {path}' and report it",
        )


def _summarise(root: Path, task: Task) -> RepoSummary:
    as_of = task.as_of
    last_commit = git.last_commit_date(root)
    if last_commit is None:
        return broken(str(root), NO_GIT)
    check = run_check(root, as_of, cache_dir=task.cache_dir)
    ctx = Analysis(load_repository(root), as_of)
    verdicts = readiness(ctx)
    clauses = assess(ctx)
    summary = summarise(ctx, check, verdicts, clauses, last_commit)
    if task.pages:
        gap_page = io.StringIO()
        render_gap_html(
            GapResult(root, as_of, ctx.edition, ctx.repo.edition, clauses), gap_page, None
        )
        summary.pages = {
            "gap.html": gap_page.getvalue(),
            "ready.html": render_ready_page(summary, ReadyResult(as_of, verdicts)),
        }
    return summary


def write_dashboard(result: PortfolioResult, out: Path) -> list[Path]:
    """Write the dashboard (index.html and each repository's pages) into ``out``; every file
    written whole (atomic.py), so a reader never opens half a page."""
    from emskit import atomic
    from emskit.documents.portfolio_html import dashboard_files

    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: not a folder; give a folder for the dashboard")
    written = []
    for rel, html in sorted(dashboard_files(result.rows, result.as_of).items()):
        target = out / rel
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_text(target, html)
        except OSError as error:
            raise UsageError(f"--out {out}: cannot write {target}: {error.strerror}") from None
        written.append(target)
    return written
