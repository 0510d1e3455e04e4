"""The cycle collector kept out of the way of loading.

A large repository is millions of small objects (parsed values, models, readings) that
never form cycles and live as long as the run. Left to itself the collector scans all of them
again at every full collection, which cost more than the parsing on the benchmark
organisation. While they are built it is paused; afterwards they are moved out of its sight
(``gc.freeze``). Reference counting still frees them when the repository goes: only cyclic
garbage among them would wait, and loading makes none that matters.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
