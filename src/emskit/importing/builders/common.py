"""What the builders share: ids, names linked to ids, the columns kept as comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from emskit.importing.ids import IdAllocator
from emskit.importing.names import NameIndex
from emskit.importing.rows import Built, Row

ID_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$")
_ID_IN_TEXT = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\b")


@dataclass
class Links:
    """The repository as the builders see it: who is who, which ids exist, which are free."""

    people: NameIndex
    sites: NameIndex
    ids: IdAllocator
    existing: set[str] = field(default_factory=set)  # every id in the repository
    # Records of this kind outside the import's own files: id -> file, for --update.
    elsewhere: dict[str, str] = field(default_factory=dict)
    update: bool = False
    merge_into: dict[str, str] = field(default_factory=dict)  # id -> existing file
    _seen: dict[str, int] = field(default_factory=dict)

    def own_id(self, row: Row) -> str:
        """The file's id when it has a usable one, else the next free one; "" when the row
        must not be imported (its id is another record's, and --update was not given)."""
        given = row.text("id")
        if given and ID_LIKE.match(given):
            return self._given(row, given)
        if given and not ID_LIKE.match(given):
            row.context.notes.append(
                f"{row.context.file}:{row.number}: id {given!r} is not an emskit id "
                "(letters, digits, '-'); a new one was given"
            )
        return self.ids.allocate()

    def _given(self, row: Row, given: str) -> str:
        if given.upper() in self._seen:
            row.problem(
                "id", f"id {given} is also on row {self._seen[given.upper()]}: ids are unique"
            )
            return ""
        self._seen[given.upper()] = row.number
        if self.ids.claim(given):
            return given
        if self.update and given in self.elsewhere:
            self.merge_into[given] = self.elsewhere[given]
            return given
        where = self.elsewhere.get(given)
        row.problem(
            "id",
            f"id {given} is already used"
            + (f" by a record in {where}; give --update to merge into it" if where else
               " by another kind of record; change it or drop the id column"),
        )  # fmt: skip
        return ""

    def person(self, row: Row, target: str, record: dict[str, Any], built: Built) -> None:
        text = " ".join(row.text(target).split())
        if not text:
            return
        found = self.people.resolve(text, f"{row.context.file}:{row.number}")
        if found:
            record[target] = found
        else:
            built.comments.append(f"{target}: {text} (no person or role of that name yet)")

    def site(self, row: Row, record: dict[str, Any], built: Built, target: str = "site") -> None:
        text = row.text(target)
        if not text:
            return
        found = self.sites.ids.get(" ".join(text.split()).casefold())
        if found:
            record["site"] = found
        else:
            built.comments.append(f"{target}: {text}")

    def referenced_ids(self, text: str) -> tuple[list[str], bool]:
        """Ids named in a cell that the repository has; and whether the cell says more."""
        found = [i for i in _ID_IN_TEXT.findall(text) if i.upper() in self.existing]
        return sorted(set(found)), bool(text.strip())


def keep_unmapped(row: Row, built: Built) -> None:
    for header, text in row.unmapped():
        built.comments.append(f"{header}: {text}")


def text_value(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().split("\n") if line.strip())
