"""Render a built-in template, or the organisation's own of the same name.

A repository's templates are untrusted code: they run in the budgeted sandbox
(``documents/sandbox.py``), are read only from regular files inside the repository
(``documents/template_files.py``), and a misspelt variable fails loudly instead of printing
nothing in an auditor's document. Whatever goes wrong in a template, the user gets one
message naming the template file and line (exit 2), never an internal error.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from emskit.documents.sandbox import BudgetExceeded, RenderBudget
from emskit.errors import EmskitError
from emskit.resources import data_dir


class TemplateError(EmskitError):
    """A template that cannot be rendered: the message names the file and line."""


def render_template(
    repo_root: Path, name: str, context: dict[str, Any], budget: RenderBudget | None = None
) -> str:
    import jinja2

    from emskit.documents.sandbox import BudgetedEnvironment, hard_limits
    from emskit.documents.template_files import UnsafeTemplate, loaders

    budget = budget or RenderBudget()
    own, built_in = loaders(repo_root, data_dir("templates"))
    env = BudgetedEnvironment(
        budget,
        loader=jinja2.ChoiceLoader([own, built_in]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "j2"]),
        keep_trailing_newline=True,
    )
    try:
        with hard_limits(budget):
            return _collect(env.get_template(name).generate(**context), budget, env)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"{error.filename or name}:{error.lineno}: template syntax error: {error.message}"
        ) from None
    except UnsafeTemplate as error:
        raise TemplateError(f"{_where(error, own, built_in, name)}{error}") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(
            f"{_where(error, own, built_in, name)}template {error.name!r} not found in "
            "templates/ or the built-in templates"
        ) from None
    except RecursionError as error:
        raise TemplateError(
            f"{_where(error, own, built_in, name)}the template includes or calls itself without "
            "end (recursion too deep)"
        ) from None
    except MemoryError as error:
        raise TemplateError(
            f"{_where(error, own, built_in, name)}the template needs more than "
            f"{budget.memory_bytes // 1024**2:,} MB of memory (the template budget)"
        ) from None
    except BudgetExceeded as error:
        raise TemplateError(f"{_where(error, own, built_in, name)}{error}") from None
    except jinja2.UndefinedError as error:
        raise TemplateError(
            f"{_where(error, own, built_in, name)}{error.message}; check the variable names "
            "against the built-in template"
        ) from None
    except jinja2.TemplateError as error:  # sandbox violations, {% raise %}-like runtime errors
        raise TemplateError(f"{_where(error, own, built_in, name)}{error.message}") from None
    except (ArithmeticError, ValueError, TypeError, LookupError, AttributeError) as error:
        raise TemplateError(
            f"{_where(error, own, built_in, name)}{type(error).__name__}: {error}"
        ) from None


def _collect(chunks: Iterator[str], budget: RenderBudget, env: Any) -> str:
    """The output, a batch of chunks at a time, so that its size and the deadline are checked
    while the template runs rather than after it built gigabytes (batches keep the check
    cheap: a 10,000-row register is 800,000 chunks)."""
    out: list[str] = []
    size = 0
    while batch := list(islice(chunks, 4096)):
        size += sum(map(len, batch))
        if size > budget.output_chars:
            raise BudgetExceeded(
                f"the output is longer than {budget.output_chars:,} characters "
                "(the template budget)"
            )
        out += batch
        env.tick()
    return "".join(out)


def _where(error: BaseException, *sources: Any) -> str:
    return _location(error.__traceback__, sources[:-1], sources[-1])


def _location(tb: TracebackType | None, loaders: tuple[Any, ...], name: str) -> str:
    """``file:line: `` of the innermost template frame: jinja2 rewrites tracebacks so that
    a template's frames carry its file name and line. For a recursion, the innermost of
    thousands of identical frames is as good as any."""
    shown = [file for loader in loaders for file in loader.shown]
    for frame in reversed(traceback.extract_tb(tb)) if tb is not None else ():
        if frame.filename in shown:
            return f"{frame.filename}:{frame.lineno}: "
    return f"{shown[0] if shown else name}: "
