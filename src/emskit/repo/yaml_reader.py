"""The one configured YAML reader: fast by default, careful where it has to be.

Most files go straight through yaml-rs (YAML 1.2, Rust), which also rejects duplicate keys
and caps alias expansion.  A cheap prescan sends any file that could hold a tag, an anchor,
an alias, several documents or deep nesting through a libyaml event scan first, which
rejects those with an exact line and column and never builds anything, so nothing in a
file is executed and no alias bomb is expanded.  The event scan also locates errors that
yaml-rs reports without a position (duplicate keys).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from emskit.repo.text_file import FileProblem

try:
    import yaml_rs
except ImportError:  # no wheel for this platform: the slower YAML 1.2 reader with PyYAML
    # An optional binary module: None says it is absent (mypy knows only the module type).
    yaml_rs = None  # type: ignore[assignment]

MAX_DEPTH = 100
MAX_ALIAS_NODES = 10_000

# Characters that can start a tag, anchor or alias; found with one C-speed scan per file.
_NODE_PROPERTY = re.compile(r"[!&*]")
_DEEP_FLOW = re.compile(r"[\[{](?:[ \t]*[\[{]){7}")
# Control characters (other than tab and newline), raw or written as a double-quoted escape:
# an ESC or BEL in a title would act on a terminal and break every report format.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ESCAPE = re.compile(r"\\[0abefvrxuUN]")
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f\D]")  # neither ASCII nor a non-digit
# Byte maps for needs_scan: a digit to b"0" (anything else to b" "); '[' and '{' to b"["
# (anything else but the blanks, deleted, to b"x"): a long run of digits or of openers with
# only blanks between them is then a plain substring search.
_DIGITS_TABLE = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
_FLOW_TABLE = bytes(91 if b in (91, 123) else 120 for b in range(256))
_MARKERS = ("\n---", "\n...", "\n%", "\n" + " " * 100, "\n" + "\t" * 20)
# The markers in one pattern led by a newline, which the regex engine scans for at C speed.
_MARKER = re.compile("\n(?:" + "|".join(re.escape(m[1:]) for m in _MARKERS) + ")")
# Control bytes of an ASCII text (the controls above below 0x80) to 0, any other byte to 1.
_CONTROL_TABLE = bytes(0 if (b < 32 and b not in (9, 10)) or b == 127 else 1 for b in range(256))
_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RS_POSITION = re.compile(r"line (\d+), column (\d+)")
# An integer this long is no quantity (a float tops out at 309 digits), and Python refuses to
# turn one past 4,300 digits into text: such a plain number is refused where it is written.
_LONG_DIGITS = re.compile(r"\d{1000,}")
_HUGE_INTEGER = re.compile(r"[-+]?\d{1000,}")


def needs_scan(text: str) -> bool:
    """Could the text hold a tag, anchor, alias, second document, deep nesting, a control
    character or a number of a thousand digits?

    False positives only cost the event scan; a false negative would let a construct
    through that yaml-rs handles on its own (it still rejects tags it cannot build, caps
    alias expansion and nesting), so the check errs on the side of scanning.
    """
    if text.startswith(("---", "...", "%")) or _MARKER.search(text):
        return True
    ascii_only = text.isascii()
    data = text.encode("ascii" if ascii_only else "utf-8", "surrogatepass")
    # An ASCII text (most files) is looked at as bytes: one C-speed translate finds a control.
    if (b"\0" in data.translate(_CONTROL_TABLE)) if ascii_only else _CONTROL.search(text):
        return True
    if "\\" in text and _ESCAPE.search(text):
        return True
    if "!" in text or "&" in text or "*" in text:
        for match in _NODE_PROPERTY.finditer(text):
            before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].rstrip(" \t")
            if not before or before[-1] in ":,[{?-":
                return True
    if not ascii_only and _OTHER_DIGIT.search(text):  # a digit beyond ASCII: regexes decide
        return _LONG_DIGITS.search(text) is not None or _deep_flow(text)
    # ASCII digits, brackets and blanks are single bytes in UTF-8 (and no byte of a longer
    # character), so one C-speed translate of the bytes answers both questions.
    if b"0" * 1000 in data.translate(_DIGITS_TABLE):
        return True
    return ("[" in text or "{" in text) and b"[" * 8 in data.translate(_FLOW_TABLE, b" \t")


def _deep_flow(text: str) -> bool:
    return ("[" in text or "{" in text) and _DEEP_FLOW.search(text) is not None


def parse_yaml(text: str) -> Any:
    """Parse one YAML document into plain Python values; dates stay strings."""
    if yaml_rs is None:
        return _parse_without_yaml_rs(text)
    if needs_scan(text):
        scan_events(text)
    try:
        return yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_NODES),
        )
    except yaml_rs.YAMLDecodeError as exc:
        scan_events(text)  # raises with a precise position when libyaml sees the problem
        raise _from_yaml_rs(exc) from None
    except RecursionError:
        raise FileProblem(f"nesting deeper than {MAX_DEPTH} levels") from None
    except ValueError:  # an integer past Python's int-to-str digit limit (4,300 digits)
        raise _long_number(text) from None


def _long_number(text: str) -> FileProblem:
    match = _LONG_DIGITS.search(text)
    start = match.start() if match else 0
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return FileProblem("a number of thousands of digits: write a number below 10^15", line, column)


def _parse_without_yaml_rs(text: str) -> Any:
    from emskit.repo.yaml_fallback import load

    scan_events(text)  # duplicate keys, tags, aliases, depth: what yaml-rs would reject
    try:
        return load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise (_at(mark, f"YAML: {problem}") if mark else FileProblem(f"YAML: {problem}")) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise FileProblem(f"YAML: {exc}") from None
    except RecursionError:
        raise FileProblem(f"nesting deeper than {MAX_DEPTH} levels") from None


def _from_yaml_rs(exc: Exception) -> FileProblem:
    message = str(exc)
    first = message.splitlines()[-1].strip() if "\n" in message else message
    match = _RS_POSITION.search(message)
    if match:
        return FileProblem(f"YAML syntax: {first}", int(match[1]), int(match[2]))
    return FileProblem(f"YAML: {first}")


class _Frame:
    __slots__ = ("anchor", "expect_key", "is_map", "keys", "size")

    def __init__(self, is_map: bool, anchor: str | None) -> None:
        self.is_map = is_map
        self.expect_key = True
        self.keys: dict[str, int] = {}
        self.size = 1
        self.anchor = anchor


def _at(mark: Any, message: str) -> FileProblem:
    return FileProblem(message, mark.line + 1, mark.column + 1)


def scan_events(text: str) -> None:
    """Walk libyaml's events and raise FileProblem for anything the format forbids."""
    stack: list[_Frame] = []
    anchor_sizes: dict[str, int] = {}
    documents = 0
    expanded = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _at(event.start_mark, "several YAML documents in one file: keep one")
                continue
            # Scalars, aliases and the starts of mappings and sequences: the nodes.
            if isinstance(event, yaml.NodeEvent):
                _check_tag(event)
                size = 1
                if kind is yaml.AliasEvent:
                    if event.anchor not in anchor_sizes:
                        raise _at(event.start_mark, f"alias *{event.anchor} has no anchor")
                    size = anchor_sizes[event.anchor]
                    expanded += size
                    if expanded > MAX_ALIAS_NODES:
                        raise _at(
                            event.start_mark,
                            f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes",
                        )
                if stack and stack[-1].is_map and stack[-1].expect_key:
                    _check_key(stack[-1], event, kind)
                if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                    if len(stack) >= MAX_DEPTH:
                        raise _at(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
                    stack.append(_Frame(kind is yaml.MappingStartEvent, event.anchor))
                    continue
                if kind is yaml.ScalarEvent:
                    _check_scalar(event)
                    if event.anchor:
                        anchor_sizes[event.anchor] = 1
                _child_done(stack, size)
            elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                frame = stack.pop()
                if frame.anchor:
                    anchor_sizes[frame.anchor] = frame.size
                _child_done(stack, frame.size)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is None:
            raise FileProblem(f"YAML syntax: {problem}") from None
        raise _at(mark, f"YAML syntax: {problem}") from None
    except yaml.reader.ReaderError as exc:  # a raw control character, found by libyaml
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise FileProblem(
            f"control character U+{exc.character:04X} in the file: remove it "
            "(terminals and report formats would act on it)",
            line,
            column,
        ) from None
    except yaml.YAMLError as exc:
        raise FileProblem(f"YAML: {exc}") from None


def _child_done(stack: list[_Frame], size: int) -> None:
    if stack:
        parent = stack[-1]
        parent.size += size
        if parent.is_map:
            parent.expect_key = not parent.expect_key


def _check_scalar(event: Any) -> None:
    if event.implicit[0] and _HUGE_INTEGER.fullmatch(event.value):  # a plain scalar
        raise _at(
            event.start_mark,
            f"a number of {len(event.value)} digits: write a number below 10^15, "
            "or quote it if it is text",
        )
    control = _CONTROL.search(event.value)
    if control is not None:
        raise _at(
            event.start_mark,
            f"control character U+{ord(control.group()):04X} in a value: remove it "
            "(terminals and report formats would act on it)",
        )


def _check_tag(event: Any) -> None:
    tag = getattr(event, "tag", None)  # aliases carry no tag
    if tag is None or tag == "!" or tag in _CORE_TAGS:
        return
    if isinstance(event, yaml.ScalarEvent) and event.implicit[0]:
        return
    raise _at(event.start_mark, f"YAML tags are not allowed ({tag}): write a plain value")


def _check_key(frame: _Frame, event: Any, kind: type) -> None:
    if kind is not yaml.ScalarEvent:
        raise _at(event.start_mark, "only plain keys are allowed in a mapping")
    first = frame.keys.get(event.value)
    if first is not None:
        raise _at(event.start_mark, f"duplicate key {event.value!r} (first at line {first})")
    frame.keys[event.value] = event.start_mark.line + 1
