"""YAML 1.2 core-schema reading with PyYAML, for when the fast reader (yaml-rs) is missing.

yaml-rs ships wheels for the common platforms only; elsewhere emskit still has to read the
repository the same way. PyYAML resolves plain scalars by YAML 1.1 rules (`yes`, `no`, `on`,
`off` become booleans, `012` is octal, `2026-01-01` a date), which would change what a file
means, so this loader resolves by the YAML 1.2 core schema instead, with the digit separators
(`1_000`) and `0b` integers yaml-rs also reads, and leaves dates as strings as the loader
expects. The caller scans events first (tags, aliases, duplicate keys, depth) as on the fast
path.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:  # the same interface; at run time libyaml's loader when PyYAML was built with it
    _BASE = yaml.SafeLoader
else:
    _BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"

_INT_FORMS = re.compile(r"[-+]?(?:[0-9_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)\Z")
_SPECIAL_FLOATS = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")
_FLOAT_FORMS = re.compile(
    r"[-+]?(?:\.[0-9_]+|[0-9_]+(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9_]+)?\Z|" + _SPECIAL_FLOATS.pattern
)


class Yaml12Loader(_BASE):
    # Its own table, empty: none of PyYAML's YAML 1.1 resolvers carry over.
    yaml_implicit_resolvers = {}  # noqa: RUF012 - PyYAML's class-level table (an instance one in its stubs)

    def resolve(self, kind: Any, value: str, implicit: Any) -> Any:
        # A scalar that looks like a number but has no digit ("_", "+.") stays a string, as in
        # yaml-rs. (types-PyYAML leaves BaseResolver.resolve unannotated.)
        tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        if tag in (_INT, _FLOAT) and not _is_number(value):
            return "tag:yaml.org,2002:str"
        return tag


for _tag, _pattern, _first in (
    (_NULL, re.compile(r"(?:~|null|Null|NULL|)\Z"), ["~", "n", "N", ""]),
    (_BOOL, re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z"), list("tTfF")),
    (_INT, _INT_FORMS, list("-+0123456789_")),
    (_FLOAT, _FLOAT_FORMS, list("-+.0123456789_")),
):
    Yaml12Loader.add_implicit_resolver(_tag, _pattern, _first)


def _is_number(text: str) -> bool:
    return any(c.isdigit() for c in text) or _SPECIAL_FLOATS.match(text) is not None


def _int(loader: Any, node: yaml.ScalarNode) -> int:
    text = node.value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if text.startswith(prefix):
            return sign * int(text[2:], base)
    return sign * int(text, 10)


def _float(loader: Any, node: yaml.ScalarNode) -> float:
    text = node.value.replace("_", "")
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(text)


def _bool(loader: Any, node: yaml.ScalarNode) -> bool:
    return bool(node.value.lower() == "true")


Yaml12Loader.add_constructor(_INT, _int)
Yaml12Loader.add_constructor(_FLOAT, _float)
Yaml12Loader.add_constructor(_BOOL, _bool)


def load(text: str) -> Any:
    """Plain Python values of the one document in ``text`` (raises yaml.YAMLError)."""
    return yaml.load(text, Loader=Yaml12Loader)  # a SafeLoader: builds plain values only
