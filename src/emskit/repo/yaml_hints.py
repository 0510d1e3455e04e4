"""YAML syntax errors explained in the terms of the mistake a person made.

The parsers say what they met ("mapping values are not allowed here", "found unexpected end of
stream"); a new user needs what to change. The usual mistakes are few: a tab in the
indentation, a second ': ' inside an unquoted value, a quote opened and never closed. Each is
recognised from the text around the reported position, so the hint holds whichever parser
reported the error.
"""

from __future__ import annotations

import re

import yaml

from emskit.repo.text_file import FileProblem

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# `key: value: more` (optionally as a list item), the value not quoted or bracketed.
_KEY_VALUE_COLON = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s:#'\"][^:#]*?):\s+"
    r"(?P<value>[^'\"\[{|>&*!#\s].*?:(?:\s.*)?)$"
)

# A value that opens with a quote: `key: "...` or `- "...`; `rest` follows the opening quote.
_OPENING_QUOTE = re.compile(r"^\s*(?:-\s+|[^\s#'\"][^:#]*:\s+)(?P<quote>[\"'])(?P<rest>.*)$")
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)")


def explain_syntax(text: str, problem: FileProblem) -> FileProblem:
    """The problem with a message that says what to change, when the mistake is a known one."""
    if not problem.message.startswith(("YAML syntax", "YAML:")):
        return problem  # the reader's own refusals (control characters, huge numbers) say it
    for hint in (_tab_indent, _unclosed_quote, _colon_in_value):
        better = hint(text, problem)
        if better is not None:
            return better
    return problem


def _tab_indent(text: str, problem: FileProblem) -> FileProblem | None:
    lines = text.split("\n")
    for number, line in enumerate(lines[: problem.line], start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return FileProblem(
                "YAML syntax: a tab in the indentation; YAML indents with spaces only: "
                "replace the tab by spaces",
                number,
                indent.index("\t") + 1,
            )
    return None


def _unclosed_quote(text: str, problem: FileProblem) -> FileProblem | None:
    try:
        for _ in yaml.parse(text, Loader=_LOADER):
            pass
    except yaml.MarkedYAMLError as exc:
        if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
            mark = exc.context_mark
            return FileProblem(
                f"YAML syntax: the quote opened here is never closed (the parser read on to "
                f"line {problem.line}): close it, or quote the whole value",
                mark.line + 1,
                mark.column + 1,
            )
    except yaml.YAMLError:
        return None
    return _quote_swallowing_keys(text, problem)


def _quote_swallowing_keys(text: str, problem: FileProblem) -> FileProblem | None:
    """A quote left open runs on to the next quote, lines later, and the parser only stumbles
    after it: the opening is the first quoted value (before the error) that does not close on
    its own line while the next line reads like a key."""
    lines = text.split("\n")
    for number, line in enumerate(lines[: problem.line - 1], start=1):
        match = _OPENING_QUOTE.match(line)
        if match is None or match["rest"].count(match["quote"]) % 2 == 1:
            continue
        if number < len(lines) and _KEY_LINE.match(lines[number]):
            return FileProblem(
                f"YAML syntax: the quote opened here is never closed on its line (the parser "
                f"read on to line {problem.line}): close it, or quote the whole value",
                number,
                match.start("quote") + 1,
            )
    return None


def _colon_in_value(text: str, problem: FileProblem) -> FileProblem | None:
    lines = text.split("\n")
    if not 1 <= problem.line <= len(lines):
        return None
    match = _KEY_VALUE_COLON.match(lines[problem.line - 1].rstrip())
    if match is None:
        return None
    key, value = match["key"].strip(), match["value"].strip()
    quoted = value.replace('"', '\\"')
    return FileProblem(
        f"YAML syntax: the value of '{key}' holds ': ', which YAML reads as a second key: "
        f'quote the value ({key}: "{quoted}")',
        problem.line,
        len(match["lead"]) + len(match["key"]) + 3,
    )
