"""The optional document libraries: present only with ``pip install "emskit[documents]"``.

Checking, scoring and the reports run on the light install; the certification pack and the
PDF and Word renderings need these. A command that needs them asks for them first, so a
missing one is a user error that says what to install, not an ImportError deep in a writer.
"""

from __future__ import annotations

import importlib

from emskit.errors import UsageError

INSTALL = 'pip install "emskit[documents]"'

# Import name -> distribution name, per output that needs it.
CHARTS = {"matplotlib": "matplotlib"}
PDF = {"fpdf": "fpdf2", "fontTools": "fonttools"}
WORD = {"docx": "python-docx"}
PACK = {**PDF, **WORD, **CHARTS}


def require(purpose: str, modules: dict[str, str]) -> None:
    """Raise UsageError (exit 2) naming what is missing and how to install it."""
    missing = []
    for module, distribution in sorted(modules.items(), key=lambda item: item[1]):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(distribution)
    if missing:
        raise UsageError(
            f"{purpose} needs the document libraries, and {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not installed: {INSTALL}"
        )
