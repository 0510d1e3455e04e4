"""The check cache: a second check with nothing changed reuses the result; anything changed,
or any entry not written by this user's emskit, and the check runs again."""

from __future__ import annotations

import ast
import hashlib
import hmac
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, run_cli


def _check(root: Path, cache: Path, *extra: str) -> tuple[int, str, str]:
    env_before = os.environ.get("EMSKIT_CACHE_DIR")
    os.environ["EMSKIT_CACHE_DIR"] = str(cache)
    try:
        result = run_cli(
            "check", "--repo", str(root), "--as-of", "2026-11-22", "--format", "json", *extra
        )
    finally:
        if env_before is not None:
            os.environ["EMSKIT_CACHE_DIR"] = env_before
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    # Findings to carry: an aspect with most of its fields missing.
    (root / "aspects" / "extra.yaml").write_text(
        "aspects:\n  - id: ASP-900\n    condition: on\n", encoding="utf-8"
    )
    return root


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("*.json"))


def test_a_second_check_reuses_the_result_and_a_change_is_seen(
    sample: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    fresh = _check(sample, cache, "--no-cache")
    assert not cache.exists()  # --no-cache neither reads nor writes
    first = _check(sample, cache)
    assert first == fresh
    assert len(_entries(cache)) == 1
    assert stat.S_IMODE((cache / "key").stat().st_mode) == 0o600
    assert _check(sample, cache) == fresh
    # The warm answer came from the entry: a (correctly signed) edit of it shows through.
    # (Only this user's key can sign; see the tests below for anything else.)
    aspects = sample / "aspects" / "extra.yaml"
    aspects.write_text(aspects.read_text(encoding="utf-8") + "  - id: ASP-DANGLING\n", "utf-8")
    changed = _check(sample, cache)
    assert changed == _check(sample, cache, "--no-cache") and changed != fresh
    assert len(_entries(cache)) == 2


def _forge(entry: Path, secret: bytes, key: str) -> None:
    body = json.dumps(
        {"format": "emskit-check-cache/1", "key": key, "edition": "2015", "findings": []}
    ).encode()
    mac = hmac.new(secret, key.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()
    entry.write_bytes(mac + b"\n" + body)


@pytest.mark.parametrize(
    "damage",
    ["truncate", "flip", "garbage", "unsigned-empty", "foreign-key", "wrong-shape"],
)
def test_a_damaged_or_foreign_entry_is_never_trusted(
    sample: Path, tmp_path: Path, damage: str
) -> None:
    cache = tmp_path / "cache"
    fresh = _check(sample, cache, "--no-cache")
    assert _check(sample, cache) == fresh
    [entry] = _entries(cache)
    key = entry.stem
    raw = entry.read_bytes()
    secret = (cache / "key").read_bytes()
    if damage == "truncate":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "flip":
        entry.write_bytes(raw[:-10] + bytes([raw[-10] ^ 1]) + raw[-9:])
    elif damage == "garbage":
        entry.write_bytes(b"\xff\xfe not json at all \x00")
    elif damage == "unsigned-empty":
        entry.write_bytes(
            b"0" * 64
            + b"\n"
            + raw.partition(b"\n")[2].replace(b'"findings":[', b'"findings":[]]', 1)
        )
    elif damage == "foreign-key":
        # Someone else can write the key: it signs nothing any more.
        os.chmod(cache / "key", 0o644)
        _forge(entry, secret, key)
    elif damage == "wrong-shape":
        body = json.dumps(
            {
                "format": "emskit-check-cache/1",
                "key": key,
                "edition": "2015",
                "findings": [{"code": 1}],
            }
        ).encode()
        mac = hmac.new(secret, key.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()
        entry.write_bytes(mac + b"\n" + body)
    code, out, err = _check(sample, cache)
    assert "Traceback" not in err
    assert (code, out, err) == fresh


def test_an_entry_signed_with_the_users_key_is_used(sample: Path, tmp_path: Path) -> None:
    # The other side of the tests above: the cache really answers when it can be trusted.
    cache = tmp_path / "cache"
    fresh = _check(sample, cache)
    [entry] = _entries(cache)
    _forge(entry, (cache / "key").read_bytes(), entry.stem)
    _, out, _ = _check(sample, cache)
    assert json.loads(out)["findings"] == [] and json.loads(fresh[1])["findings"] != []


def test_evidence_that_appears_or_goes_is_seen(sample: Path, tmp_path: Path) -> None:
    # Evidence is not loaded, only looked for: its presence must still change the key.
    cache = tmp_path / "cache"
    record = sample / "records" / "training" / "TRN-2026-001.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace(
            "evidence/training/painters-test-2026-01.md", "evidence/training/scan.pdf"
        ),
        encoding="utf-8",
    )
    missing = _check(sample, cache)
    assert "scan.pdf" in missing[1]
    (sample / "evidence" / "training" / "scan.pdf").write_bytes(b"%PDF-1.4 scanned")
    present = _check(sample, cache)
    assert present == _check(sample, cache, "--no-cache")
    assert "scan.pdf" not in present[1]


_WARM_IMPORTS = """
import sys
from emskit.cli.main import run
sys.argv = ["emskit", *sys.argv[1:]]
try:
    run()
except SystemExit:
    pass
heavy = sorted(
    name for name in sys.modules
    if name.startswith(("emskit.rules", "emskit.model", "emskit.analysis", "emskit.repo.loader",
                        "emskit.scoring", "emskit.clauses", "emskit.calendar"))
)
print("HEAVY", heavy, file=sys.stderr)
"""


def _imports_of_a_check(root: Path, cache: Path, *extra: str) -> list[str]:
    env = {**os.environ, "EMSKIT_CACHE_DIR": str(cache), "NO_COLOR": "1", "GITHUB_ACTIONS": ""}
    args = ["check", "--repo", str(root), "--as-of", "2026-11-22", *extra]
    result = subprocess.run(
        [sys.executable, "-c", _WARM_IMPORTS, *args],
        capture_output=True,
        text=True,
        env=env,
    )
    line = next(x for x in result.stderr.splitlines() if x.startswith("HEAVY"))
    return list(ast.literal_eval(line.removeprefix("HEAVY ")))


def test_a_check_answered_from_the_cache_imports_no_rule_model_or_loader(
    sample: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cold = _imports_of_a_check(sample, cache)
    assert "emskit.rules" in cold and "emskit.repo.loader" in cold  # the cache was filled
    assert _imports_of_a_check(sample, cache) == []
    assert _imports_of_a_check(sample, cache, "--select", "EMS1") != []  # other options: a miss
    assert _imports_of_a_check(sample, cache, "--select", "EMS1") == []


def test_sarif_from_the_cache_still_lists_every_rule(sample: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = _check(sample, cache, "--no-cache", "--format", "sarif")
    _check(sample, cache, "--format", "sarif")
    warm = _check(sample, cache, "--format", "sarif")
    assert warm == fresh
    rules = json.loads(warm[1])["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) > 20


def test_an_unknown_selector_is_refused_before_and_after_a_cached_run(
    sample: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    _check(sample, cache)
    code, _, err = _check(sample, cache, "--select", "EMS9999")
    assert code == 2 and "no rule matches 'EMS9999'" in err
    assert _entries(cache) and len(_entries(cache)) == 1  # a refused run stores nothing


def test_the_key_covers_every_module_of_emskit_not_only_the_commands(tmp_path: Path) -> None:
    # A rule edited in place (an editable install, a patched checkout) must not reuse the
    # results its old version found.
    from emskit.commands import check_cache

    assert {"rules", "judgements", "model", "repo"} <= {
        p.name for p in check_cache._PACKAGE.iterdir()
    }
    package = tmp_path / "emskit"
    shutil.copytree(check_cache._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    fingerprint = check_cache._emskit_fingerprint.__wrapped__  # uncached: one call per state
    before = fingerprint(package)
    assert fingerprint(package) == before
    rule = package / "rules" / "date_order.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint(package) != before
    words = package / "words.tsv"
    edited = fingerprint(package)
    words.write_text(words.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert fingerprint(package) != edited


def test_a_cached_result_is_not_reused_on_another_today(sample: Path, tmp_path: Path) -> None:
    # The same as-of date on another day can leave out other records (EMS204).
    cache = tmp_path / "cache"
    before = os.environ["EMSKIT_TODAY"]
    try:
        os.environ["EMSKIT_TODAY"] = "2026-11-22"
        _, same_day, _ = _check(sample, cache, "--as-of", "2026-06-30")
        os.environ["EMSKIT_TODAY"] = "2026-06-30"
        _, earlier, _ = _check(sample, cache, "--as-of", "2026-06-30")
    finally:
        os.environ["EMSKIT_TODAY"] = before
    codes = {f["code"] for f in json.loads(same_day)["findings"]}
    assert "EMS204" in codes
    assert "EMS204" not in {f["code"] for f in json.loads(earlier)["findings"]}
    assert len(_entries(cache)) == 2
