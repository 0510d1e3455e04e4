"""A zip whose bytes depend only on its entries and the as-of date (the pack, and the Office
files inside it)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator

# Zip stores dates as DOS timestamps, which hold 1980 to 2107 only.
_ZIP_FIRST, _ZIP_LAST = dt.date(1980, 1, 1), dt.date(2107, 12, 31)


def _zip_time(as_of: dt.date) -> tuple[int, int, int, int, int, int]:
    """The as-of date as a zip timestamp, clamped to the range a zip can hold."""
    day = min(max(as_of, _ZIP_FIRST), _ZIP_LAST)
    return (day.year, day.month, day.day, 0, 0, 0)


def fixed_zip(entries: Iterable[tuple[str, bytes]], as_of: dt.date) -> bytes:
    """A zip whose bytes depend only on its entries and the as-of date: every entry stamped
    with the as-of date, the same permissions and compression, in the order given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in entries:
            entry = zipfile.ZipInfo(name, date_time=_zip_time(as_of))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, body)
    return out.getvalue()


def normalise_zip(
    data: bytes,
    as_of: dt.date,
    rewrite: Callable[[str, bytes], bytes] = lambda _, body: body,
) -> bytes:
    """Rewrite an Office file (docx, xlsx) through fixed_zip; entry order is kept (Office wants
    [Content_Types].xml first) and the 'modified' stamp openpyxl takes from the clock is pinned.
    ``rewrite(name, body)`` may change an entry on the way (the Word writer splices its
    tables in)."""
    import re

    source = zipfile.ZipFile(io.BytesIO(data))
    stamp = f"{as_of.isoformat()}T00:00:00Z".encode()

    def entries() -> Iterator[tuple[str, bytes]]:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    body,
                )
            yield info.filename, rewrite(info.filename, body)

    return fixed_zip(entries(), as_of)
