"""Due dates of the records a certification body checks on site (format 1 additions).

A contractor's licence and contract expire like permits; a hazardous chemical's MSDS ages out
after ``limits.msds_max_age``; a hazardous waste batch must leave the store within its
stream's storage limit; a person's licence expires; an application material is valid until a
date. Each source is one small function yielding DueItems, like the EMS calendar's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from emskit.calendar.due_item import DueItem as Item
from emskit.calendar.periods import add
from emskit.model.common import text_in
from emskit.model.config import Application, Material
from emskit.model.waste import DEFAULT_STORAGE_LIMIT
from emskit.repo.layout import CONFIG_FILE
from emskit.repo.repository import Record, Repository

# Kinds in the order a reader meets them; due_dates.KINDS lists them with the others.
SITE_KINDS = (
    "contractor-licence",
    "contractor-contract",
    "msds-revision",
    "waste-storage",
    "licence-expiry",
    "material-expiry",
)


def site_record_items(repo: Repository, as_of: dt.date) -> Iterator[Item]:
    for source in (_contractors, _msds, _waste_storage, _licences, _materials):
        yield from source(repo, as_of)


def _of(repo: Repository, kind: str) -> list[Record]:
    return [r for r in repo.records if r.kind == kind]


def _contractors(repo: Repository, as_of: dt.date) -> Iterator[Item]:
    for record in _of(repo, "contractor"):
        name = text_in(record.model.name, "en")
        licence, contract = record.model.licence, record.model.contract
        if licence is not None and licence.expires:
            yield Item(
                record.id,
                "contractor-licence",
                f"Waste contractor's licence {licence.number} expires: {name}",
                licence.expires,
                None,
                record.file,
                (*record.loc, "licence", "expires"),
                ("8.1",),
            )
        if contract is not None and contract.expires:
            yield Item(
                record.id,
                "contractor-contract",
                f"Renew the waste contract: {name}",
                contract.expires,
                None,
                record.file,
                (*record.loc, "contract", "expires"),
                ("8.1",),
                f"signed {contract.signed}" if contract.signed else "",
            )


def _msds(repo: Repository, as_of: dt.date) -> Iterator[Item]:
    max_age = repo.config.limits.msds_max_age if repo.config else "P5Y"
    for record in _of(repo, "chemical"):
        msds = record.model.msds
        if record.model.hazardous and msds is not None and msds.revised:
            yield Item(
                record.id,
                "msds-revision",
                f"Get a current MSDS: {text_in(record.model.name, 'en')}",
                add(msds.revised, max_age),
                record.model.owner,
                record.file,
                (*record.loc, "msds", "revised"),
                ("8.1",),
                f"revised {msds.revised}; oldest allowed {max_age}",
                msds.revised,
            )


def last_transfers(repo: Repository, as_of: dt.date) -> dict[str, dt.date]:
    """Each waste stream's last transfer on or before the as-of date."""
    last: dict[str, dt.date] = {}
    for transfer in _of(repo, "waste-transfer"):
        day, stream = transfer.model.date, transfer.model.stream
        if day <= as_of and day > last.get(stream, dt.date.min):
            last[stream] = day
    return last


def _waste_storage(repo: Repository, as_of: dt.date) -> Iterator[Item]:
    last = last_transfers(repo, as_of)
    live = repo.config.ems.operating_since if repo.config else None
    for record in _of(repo, "waste-stream"):
        stream = record.model
        since = last.get(record.id) or live
        if not stream.hazardous or since is None:
            continue
        limit = stream.storage_limit or DEFAULT_STORAGE_LIMIT
        yield Item(
            record.id,
            "waste-storage",
            f"Transfer hazardous waste (storage limit {limit}): {text_in(stream.name, 'en')}",
            add(since, limit),
            None,
            record.file,
            record.loc,
            ("8.1",),
            f"last transfer {since}" if record.id in last else f"stored since {since}",
            last.get(record.id),
        )


def _licences(repo: Repository, as_of: dt.date) -> Iterator[Item]:
    for person in _of(repo, "person"):
        name = text_in(person.model.name, "en")
        for index, licence in enumerate(person.model.licences):
            if licence.expires:
                yield Item(
                    f"{person.id}/{licence.requirement}",
                    "licence-expiry",
                    f"Renew {name}'s licence {licence.number or ''} ({licence.requirement})",
                    licence.expires,
                    person.id,
                    person.file,
                    (*person.loc, "licences", index, "expires"),
                    ("7.2",),
                )


def _materials(repo: Repository, as_of: dt.date) -> Iterator[Item]:
    cert = repo.config.certification if repo.config else None
    application = cert.application if cert else None
    if application is None:
        return
    for name in Application.model_fields:
        material = getattr(application, name)
        if isinstance(material, Material) and material.valid_until:
            number = f" {material.number}" if material.number else ""
            yield Item(
                name,
                "material-expiry",
                f"Application material expires: {name.replace('_', ' ')}{number}",
                material.valid_until,
                None,
                CONFIG_FILE,
                ("certification", "application", name, "valid_until"),
                (),
            )
