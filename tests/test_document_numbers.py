"""Every document the pack generates has a stable, unique number."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SAMPLE

from emskit.documents.numbers import GENERATED_NUMBERS


def test_numbers_are_unique() -> None:
    assert len(set(GENERATED_NUMBERS.values())) == len(GENERATED_NUMBERS)


def test_every_pack_document_is_numbered() -> None:
    pytest.importorskip("fpdf")
    from emskit.commands.pack import build_documents
    from emskit.documents.context import PackContext
    from emskit.repo.loader import load_repository

    repo = load_repository(SAMPLE)
    assert repo.config is not None
    ctx = PackContext(repo, dt.date(2026, 12, 1), None)
    names = [d.name for d in build_documents(ctx, repo.config.ems.jurisdiction)]
    assert [n for n in names if n not in GENERATED_NUMBERS] == []
