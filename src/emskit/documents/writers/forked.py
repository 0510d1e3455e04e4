"""Writing some of a pack's files in a forked process, while the caller writes the rest.

Fork, not a process pool: the child has the documents already (nothing to pickle on the way
in) and only its files come back, through a file in a folder the caller owns. The child ends
with os._exit, so it never flushes or closes what it inherited (a terminal spinner's stream,
for one). Anything that goes wrong in the child (an error, a kill) makes ``result()`` None,
and the caller writes those files itself: the same error is then raised where it is handled.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from pathlib import Path


class Forked:
    def __init__(self, pid: int, path: Path) -> None:
        self.pid, self.path = pid, path

    def stop(self) -> None:
        """End the child (the caller failed: its files are not wanted)."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)

    def result(self) -> dict[str, bytes] | None:
        _, status = os.waitpid(self.pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not self.path.exists():
            return None
        with self.path.open("rb") as handle:
            files: dict[str, bytes] = pickle.load(handle)  # written by our own child just now
        return files


def can_fork() -> bool:
    """Fork is safe and worth it: Linux, and more than one core for this process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return sys.platform.startswith("linux") and cores > 1


def fork_writer(work: Callable[[], dict[str, bytes]], folder: Path) -> Forked | None:
    """Run ``work`` in a forked child; None where forking is not possible (the caller then
    does the work itself)."""
    if not can_fork():
        return None
    path = folder / f"forked-{os.getpid()}.pickle"
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: write the files, hand them over, end without cleaning up
        code = 1
        try:
            files = work()
            with open(f"{path}.part", "wb") as handle:
                pickle.dump(files, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(f"{path}.part", path)
            code = 0
        finally:
            os._exit(code)
    return Forked(pid, path)
