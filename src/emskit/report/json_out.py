"""Every JSON document emskit prints goes through here: one format (UTF-8, two-space indent,
a final newline) and one write, since json.dump's many small writes to a pipe cost a quarter
of a second on a large repository's findings."""

from __future__ import annotations

import json
from typing import Any, TextIO


def write_json(document: Any, out: TextIO) -> None:
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
