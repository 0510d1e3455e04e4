"""Render a built-in template, or the organisation's own of the same name.

A sandboxed jinja2 environment with strict undefined variables and HTML autoescaping: a
repository's templates are user content and must not reach Python, and a misspelt variable
must fail loudly instead of printing nothing in an auditor's document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from emskit.errors import EmskitError
from emskit.resources import data_dir


def render_template(repo_root: Path, name: str, context: dict[str, Any]) -> str:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(
                str(repo_root / "templates")
            ),  # the organisation's override wins
            jinja2.FileSystemLoader(str(data_dir("templates"))),
        ]
    )
    env = SandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "j2"]),
        keep_trailing_newline=True,
    )
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as error:
        raise EmskitError(
            f"{error.filename or name}:{error.lineno}: template error: {error.message}"
        ) from None
    except jinja2.UndefinedError as error:
        raise EmskitError(
            f"template {name}: {error.message}; check the variable names "
            "against the built-in template"
        ) from None
