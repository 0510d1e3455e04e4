"""A repository's templates are untrusted code: they read nothing outside the repository, run
on a time and size budget, and every failure is a located exit-2 message (issue 10 point 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLE, findings, run_cli

AS_OF = "2026-11-22"
GAP = "templates/reports/gap.html.j2"
DOCUMENT = "templates/documents/document.html.j2"

# Each hostile template body goes on line 2 of the override; the message must name that line
# and say what went wrong.
HOSTILE = {
    "nested-range": (
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "range() steps",
    ),
    "nested-range-empty": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "range() steps",
    ),
    "repetition": ("{{ 'x' * 2000000000 }}", "longer than the template budget"),
    "list-repetition": ("{{ [0] * 2000000000 }}", "longer than the template budget"),
    "power": ("{{ 10 ** (10 ** 9) }}", "integer of more than"),
    "product": ("{{ (7 ** 30000) * (7 ** 30000) * (7 ** 30000) }}", "integer of more than"),
    "float-overflow": ("{{ 10.0 ** 400 }}", "OverflowError"),
    "division-by-zero": ("{{ 1 // 0 }}", "ZeroDivisionError"),
    "padding": ("{{ 'x'.center(2000000000) }}", "width or count"),
    "center-filter": ("{{ 'x'|center(2000000000) }}", "width or count"),
    "batch-filter": ("{{ [1]|batch(2000000000, 0)|list }}", "width or count"),
    "format-width": ("{{ '{:>999999999}'.format(1) }}", "format width"),
    "percent-width": ("{{ '%999999999d' % 1 }}", "format width"),
    "doubling": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s }}",
        "longer than the template budget",
    ),
    "memory": (
        "{{ ('x' * 10000000)|replace('x', 'x' * 1000) }}",
        "MB of memory",
    ),
    "macro-doubling": (
        "{% macro f(n, s) %}{% if n %}{{ f(n - 1, s ~ s) }}{% else %}{{ s|length }}{% endif %}"
        "{% endmacro %}{{ f(64, 'x') }}",
        "longer than the template budget",
    ),
    "macro-recursion": (
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        "recursion too deep",
    ),
    "self-include": ("{% include 'reports/gap.html.j2' %}", "recursion too deep"),
    "missing-include": ("{% include 'no/such.j2' %}", "'no/such.j2' not found"),
    "dotdot-include": ("{% include '../emskit.yaml' %}", "not found"),
    "absolute-include": ("{% include '/etc/hostname' %}", "relative to the templates folder"),
    "sandbox": ("{{ ''.__class__.__mro__ }}", "unsafe"),
    "mutation": ("{{ [1].append(2) }}", "unsafe"),
    "lipsum": ("{{ lipsum(1000000000) }}", "'lipsum' is undefined"),
    "undefined": ("{{ no_such_variable }}", "no_such_variable"),
    "syntax": ("{% for %}", "syntax error"),
}


def gap_html(root: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("gap", "--repo", str(root), "--as-of", AS_OF, "--format", "html", timeout=300)


def assert_located_error(result: subprocess.CompletedProcess[str], where: str, what: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert where in result.stderr and what in result.stderr, result.stderr[-2000:]
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_gap_template_is_a_located_user_error(make_repo, case: str) -> None:  # type: ignore[no-untyped-def]
    body, what = HOSTILE[case]
    root = make_repo({GAP: "<p>start</p>\n" + body + "\n"})
    assert_located_error(gap_html(root), f"{GAP}:2:", what)


def test_a_template_link_out_of_the_repository_is_never_read(make_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "passwd").write_text("root:SECRET-LINE\n", encoding="utf-8")
    root = make_repo({GAP: "<p>start</p>\n{% include 'etcdir/passwd' %}\n"})
    os.symlink(secret, root / "templates/etcdir")
    result = gap_html(root)
    assert_located_error(result, f"{GAP}:2:", "templates/etcdir/passwd: a link to outside")
    assert "SECRET-LINE" not in result.stdout + result.stderr
    # the override itself linked out is refused too, not silently replaced by the built-in
    (root / GAP).unlink()
    os.symlink(secret / "passwd", root / GAP)
    result = gap_html(root)
    assert_located_error(result, GAP, "a link to outside the repository")
    assert "SECRET-LINE" not in result.stdout


def test_check_reports_template_links_out_of_the_repository(make_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "page.j2").write_text("hello\n", encoding="utf-8")
    root = make_repo({"templates/reports/own.j2": "fine\n", "shared/inner.j2": "inner\n"})
    os.symlink(outside, root / "templates/etcdir")
    os.symlink(outside / "page.j2", root / "templates/reports/page.j2")
    os.symlink(root / "shared/inner.j2", root / "templates/reports/inner.j2")  # inside: fine
    reported = sorted((f.file, f.code) for f in findings(root) if f.code == "EMS007")
    assert reported == [
        ("templates/etcdir", "EMS007"),
        ("templates/reports/page.j2", "EMS007"),
    ]


def test_a_link_inside_the_repository_is_an_ordinary_template(make_repo) -> None:  # type: ignore[no-untyped-def]
    root = make_repo({"shared/gap.j2": "<p>OWN GAP {{ title }}</p>\n"})
    (root / "templates/reports").mkdir(parents=True)
    os.symlink(root / "shared/gap.j2", root / GAP)
    result = gap_html(root)
    assert result.returncode in (0, 1) and "<p>OWN GAP" in result.stdout, result.stderr


def test_a_fifo_template_is_refused_not_waited_for(make_repo) -> None:  # type: ignore[no-untyped-def]
    root = make_repo({"templates/reports/README.md": "own templates\n"})
    os.mkfifo(root / GAP)
    assert_located_error(gap_html(root), GAP, "not a regular file")


def _sample(tmp_path: Path) -> Path:
    root = tmp_path / "org"
    shutil.copytree(SAMPLE, root)
    return root


def test_hostile_document_template_stops_pack_and_docs_render(tmp_path: Path) -> None:
    root = _sample(tmp_path)
    (root / "templates/documents").mkdir(parents=True)
    for body, what in (HOSTILE["nested-range"], HOSTILE["power"], HOSTILE["memory"]):
        (root / DOCUMENT).write_text("<html>\n" + body + "\n", encoding="utf-8")
        pack = run_cli(
            "pack",
            "--repo",
            str(root),
            "--out",
            str(tmp_path / "pack"),
            "--as-of",
            AS_OF,
            "--formats",
            "html",
            "--allow-dirty",
            timeout=300,
        )
        assert_located_error(pack, f"{DOCUMENT}:2:", what)
        assert not (tmp_path / "pack").exists()  # nothing half-written
        render = run_cli(
            "docs",
            "--repo",
            str(root),
            "render",
            "DOC-PRO-03",
            "--format",
            "html",
            "--out",
            str(tmp_path / "doc.html"),
        )
        assert_located_error(render, f"{DOCUMENT}:2:", what)
        assert not (tmp_path / "doc.html").exists()


def test_pack_reads_no_template_link_out_of_the_repository(tmp_path: Path) -> None:
    root = _sample(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-LINE\n", encoding="utf-8")
    (root / "templates/documents").mkdir(parents=True)
    os.symlink(secret, root / "templates/documents/extra.j2")
    (root / DOCUMENT).write_text(
        "<html>{{ doc.title }}\n{% include 'documents/extra.j2' %}\n", encoding="utf-8"
    )
    pack = run_cli(
        "pack",
        "--repo",
        str(root),
        "--out",
        str(tmp_path / "pack"),
        "--as-of",
        AS_OF,
        "--formats",
        "html",
        "--allow-dirty",
        timeout=300,
    )
    assert_located_error(pack, f"{DOCUMENT}:2:", "a link to outside the repository")


def test_the_wall_clock_budget_stops_loops_that_call_nothing(make_repo) -> None:  # type: ignore[no-untyped-def]
    from emskit.documents.render import TemplateError, render_template
    from emskit.documents.sandbox import RenderBudget

    # Loops over data, no range(), no calls, no output: only the deadline can stop them.
    root = make_repo(
        {
            "templates/t.j2": "start\n{% for a in items %}{% for b in items %}{% for c in items %}"
            "{% endfor %}{% endfor %}{% endfor %}\n"
        }
    )
    with pytest.raises(
        TemplateError, match=r"templates/t\.j2:2: rendering took longer than 0\.2 s"
    ):
        render_template(root, "t.j2", {"items": list(range(5000))}, RenderBudget(seconds=0.2))


def test_the_output_budget_stops_a_template_that_writes_too_much(make_repo) -> None:  # type: ignore[no-untyped-def]
    from emskit.documents.render import TemplateError, render_template
    from emskit.documents.sandbox import RenderBudget

    root = make_repo({"templates/t.j2": "{% for a in items %}{{ 'y' * 1000 }}{% endfor %}\n"})
    budget = RenderBudget(output_chars=100_000)
    with pytest.raises(TemplateError, match=r"templates/t\.j2: the output is longer than 100,000"):
        render_template(root, "t.j2", {"items": list(range(1000))}, budget)
    small = render_template(root, "t.j2", {"items": list(range(99))}, budget)
    assert len(small) == 99_001


def test_ordinary_template_features_still_work(make_repo) -> None:  # type: ignore[no-untyped-def]
    from emskit.documents.render import render_template

    root = make_repo(
        {
            "templates/t.j2": "{{ '{}-{}'.format(1, 2) }} {{ '%05d'|format(42) }} "
            "{{ range(3)|list }} {{ range(4)|length }} {{ 2 ** 10 }} {{ 'ab' * 2 }} "
            "{{ [1] + [2] }} {{ 'ab'.center(6) }}|{% set ns = namespace(n=0) %}"
            "{% for i in range(5) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}"
            "{% include 't2.j2' %}",
            "templates/t2.j2": " and {{ 7 // 2 }}",
        }
    )
    assert render_template(root, "t.j2", {}) == (
        "1-2 00042 [0, 1, 2] 4 1024 abab [1, 2]   ab  |10 and 3"
    )
