"""The documents' words in the pack's language (ems.language: en or zh-CN).

emskit's own words come from the one vocabulary (emskit/words.tsv); the organisation's
bilingual fields are rendered with text_in, in Chinese where the repository has it and in
another language only where it has not.
"""

from __future__ import annotations

import re
from typing import Any

from emskit.model.common import text_in
from emskit.words import has_word, say_in, word

_DURATION = re.compile(r"^P(\d+)([YMWD])$")


class Labels:
    def __init__(self, language: str) -> None:
        self.language = language
        self.chinese = language == "zh-CN"

    def __call__(self, key: str, **values: Any) -> str:
        return word(key, self.language, **values)

    def text(self, value: Any) -> str:
        """A bilingual field of the repository, in the pack's language."""
        if isinstance(value, list):
            return self.separator.join(self.text(v) for v in value)
        return text_in(value, self.language)

    def term(self, value: Any) -> str:
        """A value of the repository format (a condition, a status, a result...) in words;
        a value the vocabulary does not know is shown as written."""
        if value is None or value == "":
            return ""
        key = f"term.{value}"
        return word(key, self.language) if has_word(key) else str(value)

    def label(self, value: Any) -> str:
        """A value of the format used as a label (a review input's name beside its text, a
        material's name at the head of its row): begun with a capital letter, as every other
        label is, where the language has capitals. The rest is kept: "EIA approval"."""
        text = self.term(value)
        return text[:1].upper() + text[1:]

    def terms(self, values: Any) -> str:
        return self.list_separator.join(self.term(v) for v in values)

    def period(self, value: str | None) -> str:
        """A frequency: 'annual', or an ISO 8601 duration of one unit ('P6M')."""
        if not value:
            return ""
        match = _DURATION.match(value)
        if match is None:
            return self.term(value)
        count, unit = match.groups()
        return self("every-period", count=count, unit=self(f"unit.{unit}"))

    def clause_title(self, title: str) -> str:
        key = f"clause.{title}"
        return word(key, self.language) if has_word(key) else title

    def says(self, paraphrase: str) -> str:
        """Our paraphrase of what a clause asks (the catalogue's ``says``), in the pack's
        language."""
        key = f"says.{paraphrase}"
        return word(key, self.language) if has_word(key) else paraphrase

    def say(self, message: str) -> str:
        """A judgement emskit made (readiness, gap), in the pack's language."""
        return say_in(message, self.language)

    def yes_no(self, value: bool | None) -> str:
        return "" if value is None else self.term("yes" if value else "no")

    @property
    def separator(self) -> str:
        """Between sentences or items of free text."""
        return "；" if self.chinese else "; "

    @property
    def list_separator(self) -> str:
        """Between the words of an enumeration: 正常、异常 / normal, abnormal."""
        return "、" if self.chinese else ", "
