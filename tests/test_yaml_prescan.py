"""The YAML prescan (which files go through the careful event scan) answers as the plain
regexes it was first written with, on crafted and on random texts: speed, same verdicts."""

from __future__ import annotations

import random
import re

import pytest

from emskit.repo.text_file import FileProblem
from emskit.repo.yaml_reader import needs_scan, parse_yaml

_MARKERS = ("\n---", "\n...", "\n%", "\n" + " " * 100, "\n" + "\t" * 20)
_CONTROL_OR_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\\[0abefvrxuUN]")
_LONG_DIGITS = re.compile(r"\d{1000,}")
_NODE_PROPERTY = re.compile(r"[!&*]")
_DEEP_FLOW = re.compile(r"[\[{](?:[ \t]*[\[{]){7}")


def reference(text: str) -> bool:
    """The prescan as first written: one regex per question."""
    if text.startswith(("---", "...", "%")) or any(marker in text for marker in _MARKERS):
        return True
    if _CONTROL_OR_ESCAPE.search(text) or _LONG_DIGITS.search(text):
        return True
    for match in _NODE_PROPERTY.finditer(text):
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].rstrip(" \t")
        if not before or before[-1] in ":,[{?-":
            return True
    return ("[" in text or "{" in text) and _DEEP_FLOW.search(text) is not None


CASES = [
    "a: 1\n",
    "n: " + "7" * 1000 + "\n",
    "n: " + "7" * 999 + "\n",
    "n: " + "7" * 500 + "x" + "7" * 500 + "\n",
    "n: " + "٣" * 1000 + "\n",  # Arabic-Indic digits: \d, not 0-9
    "n: " + "٣" * 500 + "7" * 500 + "\n",
    "t: 中文" + "7" * 1000 + "\n",
    "t: 中文 ٣ " + "7" * 10 + "\n",
    "x: " + "[" * 8 + "]" * 8 + "\n",
    "x: " + "[" * 7 + "]" * 7 + "\n",
    "x: [ {\t[ [ { [ [ [ ] ] ] } ] ] } ]\n",
    "x: [ {\t[ [ { [ [ a ] ] ] } ] ] } ]\n",
    "x: [[[[\n  [[[[1]]]]]]]]\n",
    "x: 中[[[[[[[[1]]]]]]]]\n",
    "a: &anchor 1\nb: *anchor\n",
    "a: R&D and 5*3!\n",
    "a: !!str 1\n",
    "a: 'bell \x07'\n",
    'a: "esc \\x1b"\n',
    "a: 1\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
]


@pytest.mark.parametrize("text", CASES)
def test_prescan_answers_as_the_plain_regexes(text: str) -> None:
    assert needs_scan(text) == reference(text)


def test_prescan_on_random_texts() -> None:
    rng = random.Random(14001)
    alphabet = ["[", "{", " ", "\t", "]", "7", "0", "٣", "中", "a", ":", "\n", "-", "&", "*"]
    for _ in range(3000):
        pieces = [rng.choice(alphabet) * rng.choice((1, 1, 2, 3, 8, 400, 1000)) for _ in range(6)]
        text = "k: " + "".join(pieces)
        assert needs_scan(text) == reference(text), repr(text[:80])


def test_a_thousand_digit_number_is_still_refused_where_it_is() -> None:
    with pytest.raises(FileProblem) as problem:
        parse_yaml("a: 1\nb: " + "9" * 1200 + "\n")
    assert (problem.value.line, problem.value.column) == (2, 4)
    assert "1200 digits" in problem.value.message


def test_prescan_on_random_texts_with_controls_markers_and_escapes() -> None:
    """Controls found as bytes in ASCII texts, by the regex in others; the markers of a second
    document, a directive and deep indentation found by one newline-led pattern."""
    rng = random.Random(9001)
    alphabet = ["a", " ", "\t", "\n", "-", ".", "%", "\x07", "\x7f", "\x85", "\r", "\x0b",
                "\\", "\\x", "\\e", "é", "中", "7", "["]  # fmt: skip
    for _ in range(3000):
        pieces = [rng.choice(alphabet) * rng.choice((1, 1, 2, 3, 20, 100)) for _ in range(4)]
        text = "k: " + "".join(pieces)
        assert needs_scan(text) == reference(text), repr(text[:80])
