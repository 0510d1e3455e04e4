"""Every file emskit writes goes through here, and never replaces what is not ours.

What the target is decides how it is written:

- a new path or a regular file: a temporary file beside it, then a rename, so that a reader
  never sees half of it;
- a regular file with other hard links: edited in place, so that every link sees the edit
  (a rename would leave the other links on the old content);
- a symbolic link: the same rules applied to the file it resolves to, so the link stays;
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a pipe): streamed to, never
  replaced (as root, a rename over ``/dev/null`` would break the whole machine);
- anything else (a folder, a socket, a block device): refused with a message, exit 2.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from emskit.errors import UsageError


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    mode = _mode_of(path)
    if mode is None:
        _replace(_link_target(path), data, None)
    elif stat.S_ISREG(mode):
        target = _link_target(path)
        if os.stat(target).st_nlink > 1:
            _overwrite(target, data)
        else:
            _replace(target, data, mode & 0o7777)
    elif stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        # through the path as given: /dev/stdout is a link only the kernel can follow
        with open(path, "wb") as stream:
            stream.write(data)
    else:
        raise UsageError(_refusal(path, mode))


def check_writable(path: Path) -> None:
    """Refuse, before any work is done, an output that ``write_bytes`` would refuse."""
    mode = _mode_of(path)
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise UsageError(_refusal(path, mode))


def is_stream(path: Path) -> bool:
    """Whether ``path`` leads to a pipe or a character device (written to, never replaced)."""
    mode = _mode_of(path)
    return mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode))


def _mode_of(path: Path) -> int | None:
    """The mode of what ``path`` leads to once links are followed; None when nothing is there
    yet (a new file, or a link to a file still to be written)."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None


def _link_target(path: Path) -> Path:
    """The file a link leads to, so that writing replaces the file and keeps the link."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def _refusal(path: Path, mode: int) -> str:
    return f"{path}: is {_what(mode)}; emskit writes only to files, pipes and character devices"


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode if mode is not None else _new_file_mode())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _overwrite(path: Path, data: bytes) -> None:
    """In place, for a file with other hard links; written and flushed before truncating, so
    an interruption leaves at worst the old tail after the new content, never nothing."""
    with open(path, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _new_file_mode() -> int:
    """A new file gets the usual permissions (mkstemp's 0600 would hide a pack or a schema
    from the rest of the team)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"
