"""The jinja2 environment a repository's templates run in: untrusted code, on a budget.

A repository may override any built-in template, so a template is code written by whoever can
push to the repository. The sandbox keeps it away from Python (jinja2's immutable sandbox);
this module keeps it from exhausting the machine: every way we know for a few characters of
template to ask for gigabytes or hours is capped, and a wall-clock alarm and an address-space
limit catch what the caps miss. Exceeding a cap raises ``BudgetExceeded``, which the renderer
turns into a message naming the template line.
"""

from __future__ import annotations

import functools
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Namespace


@dataclass(frozen=True)
class RenderBudget:
    """What one template render may spend. Generous for any real register (the large
    benchmark organisation's pack stays far below), tiny next to what a machine has."""

    seconds: float = 60.0
    output_chars: int = 200_000_000
    value_items: int = 20_000_000  # the longest string or list one operation may build
    loop_steps: int = 1_000_000  # range() items over the whole render
    int_bits: int = 100_000  # about 30,000 decimal digits
    memory_bytes: int = 2 * 1024**3  # address space the render may add (Linux)


class BudgetExceeded(Exception):
    """A template asked for more than its budget; the message says what."""


# str methods whose first argument is the length of the result.
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
# Filters whose integer arguments size the result (indent's width is repeated on every line).
_WIDTH_FILTERS = frozenset({"center", "indent", "batch", "slice"})
_NUMBER = re.compile(r"\d+")


class BudgetedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with caps on range(), repetition, powers, concatenation, padding widths,
    format widths and loop steps, and a deadline checked at every call and filter."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, budget: RenderBudget, **options: Any) -> None:
        super().__init__(**options)
        self.budget = budget
        self.deadline = time.monotonic() + budget.seconds
        self.steps = 0
        self.globals["range"] = self._range
        self.globals["namespace"] = _bounded_namespace(self)
        self.globals.pop("lipsum", None)  # lipsum(n=10**9) builds gigabytes of text
        self.filters = {name: self._guarded(name, f) for name, f in self.filters.items()}

    # -- the deadline ---------------------------------------------------------------------
    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(
                f"rendering took longer than {self.budget.seconds:g} s (the template budget)"
            )

    # -- sizes ----------------------------------------------------------------------------
    def check_size(self, value: Any) -> Any:
        if isinstance(value, (str, bytes, list, tuple)) and len(value) > self.budget.value_items:
            raise BudgetExceeded(
                f"a value of {len(value):,} items is longer than the template budget "
                f"({self.budget.value_items:,})"
            )
        if isinstance(value, int) and value.bit_length() > self.budget.int_bits:
            raise BudgetExceeded(self._int_message())
        return value

    def _int_message(self) -> str:
        return (
            f"an integer of more than {self.budget.int_bits:,} bits is larger than the "
            "template budget"
        )

    def _check_widths(self, values: tuple[Any, ...]) -> None:
        for value in values:
            if isinstance(value, int) and abs(value) > self.budget.value_items:
                raise BudgetExceeded(
                    f"a width or count of {value:,} is larger than the template budget "
                    f"({self.budget.value_items:,})"
                )

    def _check_format(self, text: str) -> None:
        """A format string's widths ('%999999999d', '{:>999999999}') size its result."""
        for digits in _NUMBER.findall(text):
            if len(digits) > 9 or int(digits) > self.budget.value_items:
                raise BudgetExceeded(
                    f"a format width of {digits[:12]}{'...' if len(digits) > 12 else ''} is "
                    "larger than the template budget"
                )

    # -- operators --------------------------------------------------------------------------
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "**":
            self._check_power(left, right)
        elif operator == "*":
            self._check_product(left, right)
        elif operator == "+":
            if _sized(left) and _sized(right):
                self.check_size_of(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            self._check_format(left)
        return self.check_size(super().call_binop(context, operator, left, right))

    def check_size_of(self, items: int) -> None:
        if items > self.budget.value_items:
            raise BudgetExceeded(
                f"a value of {items:,} items is longer than the template budget "
                f"({self.budget.value_items:,})"
            )

    def _check_power(self, base: Any, exponent: Any) -> None:
        # the result has about bit_length(base) * exponent bits
        if (
            _integer(base)
            and _integer(exponent)
            and exponent > 0
            and (abs(base).bit_length() - 1) * exponent > self.budget.int_bits
        ):
            raise BudgetExceeded(self._int_message())

    def _check_product(self, left: Any, right: Any) -> None:
        if _integer(left) and _integer(right):
            if left.bit_length() + right.bit_length() > self.budget.int_bits + 1:
                raise BudgetExceeded(self._int_message())
            return
        for sequence, count in ((left, right), (right, left)):
            if _sized(sequence) and _integer(count):
                self.check_size_of(len(sequence) * max(count, 0))

    # -- calls, filters, range, namespaces ------------------------------------------------
    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.tick()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in _WIDTH_METHODS:
            __self._check_widths(args)
        for value in (*args, *kwargs.values()):  # a macro recursing on a doubled argument
            __self.check_size(value)
        result = super().call(__context, __obj, *args, **kwargs)
        return __self.check_size(result)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """str.format is wrapped when it is looked up, not when called: check it there."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            self._check_format(value.__self__)
        return wrapped

    def _guarded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)  # keeps jinja's pass_context/pass_environment marks
        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            if name in _WIDTH_FILTERS:
                self._check_widths(args + tuple(kwargs.values()))
            elif name == "format" and args:
                self._check_format(str(args[0]))
            return self.check_size(function(*args, **kwargs))

        return guarded

    def _range(self, *args: int) -> CountedRange:
        return CountedRange(self, safe_range(*args))


class CountedRange:
    """range() whose iteration counts against the render's loop budget, so nested loops
    (``range(100000)`` inside ``range(100000)``) stop after a bounded number of steps."""

    def __init__(self, env: BudgetedEnvironment, items: range) -> None:
        self._env = env
        self._items = items

    def __iter__(self) -> Iterator[int]:
        env = self._env
        for number in self._items:
            env.steps += 1
            if env.steps > env.budget.loop_steps:
                raise BudgetExceeded(
                    f"loops ran more than {env.budget.loop_steps:,} range() steps "
                    "(the template budget)"
                )
            if env.steps % 4096 == 0:
                env.tick()
            yield number

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> int:
        return self._items[index]

    def __contains__(self, number: object) -> bool:
        return number in self._items

    def __repr__(self) -> str:
        return repr(self._items)


def _bounded_namespace(env: BudgetedEnvironment) -> type[Namespace]:
    """namespace() whose attributes obey the size budget: a loop that doubles
    ``ns.text`` forty times would otherwise build a terabyte."""

    class BoundedNamespace(Namespace):
        def __setitem__(self, name: str, value: Any) -> None:
            env.tick()
            super().__setitem__(name, env.check_size(value))

    return BoundedNamespace


def _sized(value: Any) -> bool:
    return isinstance(value, (str, bytes, list, tuple))


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@contextmanager
def hard_limits(budget: RenderBudget) -> Iterator[None]:
    """The backstops for what no cap above foresaw: an alarm that interrupts a render past its
    deadline (pure-Python loops over data, no calls), and an address-space limit that turns a
    multi-gigabyte allocation into MemoryError instead of the machine's OOM killer."""
    with _alarm(budget.seconds), _address_space(budget.memory_bytes):
        yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    active = {"on": True}

    def expire(signum: int, frame: Any) -> None:
        if active["on"]:
            raise BudgetExceeded(f"rendering took longer than {seconds:g} s (the template budget)")

    previous = signal.signal(signal.SIGALRM, expire)
    # The cooperative tick fires first; the alarm repeats in case a template-called function
    # swallowed it.
    signal.setitimer(signal.ITIMER_REAL, seconds + 0.5, 0.5)
    try:
        yield
    finally:
        active["on"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _address_space(extra: int) -> Iterator[None]:
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        yield  # not Linux: the caps and the deadline still apply
        return
    wanted = current + extra
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        yield  # already limited at least as tightly
        return
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
