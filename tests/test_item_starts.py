"""Where each item of a register starts, found with regular expressions, answers as the
line-by-line reading it was first written as, on crafted and on random texts: speed, same
positions (and the same None where the layout is not the plain one)."""

from __future__ import annotations

import random

import pytest

from emskit.repo.positions import Point, item_starts


def reference(text: str, key: str) -> list[Point] | None:
    """item_starts as first written: one Python step per line."""
    lines = text.split("\n")
    head = f"{key}:"
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.rstrip() == head
            or (line.startswith(head) and line[len(head) :].lstrip().startswith("#"))
        ),
        None,
    )
    if start is None:
        return None
    starts: list[Point] = []
    indent: str | None = None
    for number, line in enumerate(lines[start + 1 :], start + 2):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(line) - len(stripped)
        if indent is None:
            if not stripped.startswith("- "):
                return None
            indent = line[:depth]
        if depth < len(indent) or (depth == len(indent) and not stripped.startswith("- ")):
            break
        if depth == len(indent):
            starts.append((number, depth + 3))
    return starts


CRAFTED = [
    "aspects:\n  - id: A-1\n    x: 1\n  - id: A-2\n",
    "# register\naspects:   # the list\n- id: A-1\n- id: A-2\nother: 1\n",
    "aspects:\n\n  # a comment\n  - id: A-1\n\n  - id: A-2\n    - nested\nrisks: []\n",
    "aspects: [A-1, A-2]\n",  # a flow sequence: not the plain layout
    "aspects:\n  id: A-1\n",  # a mapping: not a sequence
    "aspects:\r\n  - id: A-1\r\n  - id: A-2\r\n",
    "aspects:\xa0\n  - id: A-1\n",  # blanks as str.strip reads them
    "aspects:\n  - a\n\t- b\n  - c\n",  # a tab ends the list
    "aspects:\n  - a\n  -\n  - c\n",  # a bare dash ends it too
    "aspects:",
    "aspects:\n",
    "x: 1\n",
    " aspects:\n  - a\n",
]


@pytest.mark.parametrize("text", CRAFTED)
def test_crafted_layouts(text: str) -> None:
    assert item_starts(text, "aspects") == reference(text, "aspects")


def test_crafted_layouts_cover_each_answer() -> None:
    answers = [reference(text, "aspects") for text in CRAFTED]
    assert None in answers and [] in answers
    assert [(3, 3), (4, 3)] in answers  # the items after a head with a comment


def test_random_texts() -> None:
    pieces = ["aspects:", "aspects: ", "aspects:\t", "aspects: # c", "aspects:#x", "aspects:\xa0",
              "aspects:\r", " aspects:", "aspectsx:", "other:", "- a", "  - a", "    - b",
              "  x: 1", "    x: 1", "", " ", "  ", "# c", "  # c", "-", "  -", "  -x", "\t- a",
              "- ", "  - ", "x: 1", "   - c", "\r", "  - a\r", "- {a: 1}", "-  a"]  # fmt: skip
    rng = random.Random(14001)
    for _ in range(20_000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 12))]
        if rng.random() < 0.7:
            lines.insert(rng.randint(0, len(lines)), "aspects:")
        text = "\n".join(lines) + ("\n" if rng.random() < 0.5 else "")
        assert item_starts(text, "aspects") == reference(text, "aspects"), repr(text)


def test_a_key_with_regex_characters_is_read_literally() -> None:
    text = "waste.streams:\n  - a\nwaste-streams:\n  - b\n  - c\n"
    assert (
        item_starts(text, "waste-streams") == reference(text, "waste-streams") == [(4, 5), (5, 5)]
    )
