"""Where templates come from: the repository's ``templates/`` folder first, then the built-in
ones. Only regular files inside the repository are read: a template named with ``..`` or an
absolute path, a link that leaves the repository, a FIFO or a device is refused by name."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from emskit.repo.confinement import inside

MAX_TEMPLATE_BYTES = 4 * 1024 * 1024


class UnsafeTemplate(Exception):
    """A template file emskit will not read; the message says why and what to do."""


class ConfinedLoader(jinja2.BaseLoader):
    """Templates under ``folder`` that resolve inside ``confine_to``; messages name them
    ``shown_as`` + their name (``templates/reports/gap.html.j2``)."""

    def __init__(self, folder: Path, confine_to: Path, shown_as: str) -> None:
        self.folder = folder
        self.real_root = os.path.realpath(confine_to)
        self.shown_as = shown_as
        self.shown: list[str] = []  # every template read, in order, for locating errors

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        if template.startswith(("/", "\\")) or "\\" in template or ":" in template:
            raise UnsafeTemplate(
                f"template name {template!r}: name templates relative to the templates folder"
            )
        pieces = split_template_path(template)  # refuses '..' (TemplateNotFound)
        path = os.path.join(self.folder, *pieces)
        shown = self.shown_as + "/".join(pieces)
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        real = os.path.realpath(path)
        if not inside(real, self.real_root):
            raise UnsafeTemplate(
                f"{shown}: a link to outside the repository; emskit reads only templates "
                "inside the repository (replace the link by the file)"
            )
        try:
            info = os.stat(real)
        except OSError as error:
            raise UnsafeTemplate(f"{shown}: cannot be read ({error.strerror})") from None
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeTemplate(f"{shown}: not a regular file; a template must be a text file")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise UnsafeTemplate(
                f"{shown}: {info.st_size:,} bytes; a template may have at most "
                f"{MAX_TEMPLATE_BYTES:,}"
            )
        try:
            with open(real, "rb") as handle:
                source = handle.read(MAX_TEMPLATE_BYTES + 1).decode("utf-8")
        except UnicodeDecodeError as error:
            raise UnsafeTemplate(f"{shown}: not UTF-8 text ({error.reason})") from None
        except OSError as error:
            raise UnsafeTemplate(f"{shown}: cannot be read ({error.strerror})") from None
        self.shown.append(shown)
        return source, shown, lambda: False


def loaders(repo_root: Path, built_in: Path) -> tuple[ConfinedLoader, ConfinedLoader]:
    """The organisation's override wins over the built-in template of the same name."""
    return (
        ConfinedLoader(repo_root / "templates", repo_root, "templates/"),
        ConfinedLoader(built_in, built_in, "built-in template "),
    )
