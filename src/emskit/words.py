"""emskit's own words in every language it writes: one vocabulary, one definition per word.

The table is words.tsv beside this module: one word a line, ``key<TAB>English<TAB>Chinese``,
sorted by key, so that engineers adding words at the same time merge without conflicts. Keys:
``label`` for the documents' labels, ``term.<value>`` for a value of the repository format
(``term.compliant``), ``clause.<English title>`` for clause titles, ``unit.<Y|M|W|D>`` for
units of time, ``readiness.<rule>`` and ``ready.<...>`` for the readiness verdicts.

A judgement that documents repeat in another language returns a Message: an ordinary English
string that also remembers its key and values, so a Chinese document can say it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "zh-CN")
_TABLE = Path(__file__).with_name("words.tsv")


@cache
def vocabulary() -> dict[str, tuple[str, str]]:
    """key -> (English, Chinese), read once."""
    out: dict[str, tuple[str, str]] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, en, zh = line.split("\t")
        out[key] = (en, zh)
    return out


def has_word(key: str) -> bool:
    return key in vocabulary()


def word(key: str, language: str = "en", **values: Any) -> str:
    """The word or sentence ``key`` in ``language`` (Chinese only for zh-CN), filled in."""
    en, zh = vocabulary()[key]
    text = zh if language == "zh-CN" and zh else en
    if not values:
        return text
    shown = {k: v.say(language) if isinstance(v, Message) else v for k, v in values.items()}
    return text.format(**shown)


class Message(str):
    """An English sentence from the vocabulary that can be said again in another language."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Message:
        message = super().__new__(cls, word(key, "en", **values))
        message.key, message.values = key, values
        return message

    def say(self, language: str) -> str:
        return word(self.key, language, **self.values)


class Joined(Message):
    """Several messages said one after the other: '...; ...'."""

    parts: tuple[Message, ...]

    def __new__(cls, parts: Iterable[Message], separator: str = "; ") -> Joined:
        items = tuple(parts)
        message = str.__new__(cls, separator.join(items))
        message.key, message.values, message.parts = "", {}, items
        message.separator = separator
        return message

    separator: str

    def say(self, language: str) -> str:
        separator = "；" if language == "zh-CN" and self.separator == "; " else self.separator
        return separator.join(p.say(language) for p in self.parts)


def say(key: str, /, **values: Any) -> Message:
    return Message(key, **values)


def say_in(text: str, language: str) -> str:
    """Any text emskit produced: a Message in ``language``, other text as it is."""
    return text.say(language) if isinstance(text, Message) else text
