"""The committed schemas are what `emskit schema` writes, and they accept the sample org."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SAMPLE, run_cli

from emskit.commands.schema import all_schemas, dump
from emskit.repo.layout import ALL_PARTS
from emskit.repo.text_file import decode_utf8
from emskit.repo.yaml_reader import parse_yaml


def test_committed_schemas_are_current(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = {p.name: p.read_text() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_text() for p in (ROOT / "schemas").glob("*.json")}
    assert written == committed, "schemas/ is stale: run `emskit schema` and commit the result"


def _sample_files():
    for part in ALL_PARTS:
        if part.pattern.endswith(".md"):
            continue
        for path in sorted(SAMPLE.glob(part.pattern)):
            yield part.name, path
    yield "emskit", SAMPLE / "emskit.yaml"


@pytest.mark.parametrize(
    "name, path", list(_sample_files()), ids=lambda v: str(v).split("sample-org/")[-1]
)
def test_sample_files_validate_against_their_schema(name: str, path: Path) -> None:
    schema = all_schemas()[f"{name}.schema.json"]
    data = parse_yaml(decode_utf8(path.read_bytes()))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_unknown_keys() -> None:
    schema = all_schemas()["aspects.schema.json"]
    bad = {
        "aspects": [
            {
                "id": "ASP-1",
                "activity": "a",
                "aspect": "b",
                "impact": "c",
                "condition": "normal",
                "sevrity": 3,
            }
        ]
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_dump_is_deterministic() -> None:
    assert [dump(s) for s in all_schemas().values()] == [dump(s) for s in all_schemas().values()]
    assert all(json.loads(dump(s)) == s for s in all_schemas().values())


def _properties(schema: dict, where: str):
    """(where, name, property) of every property of a schema and of its definitions."""
    for name, prop in schema.get("properties", {}).items():
        yield where, name, prop
    for def_name, definition in schema.get("$defs", {}).items():
        yield from _properties(definition, f"{where}#{def_name}")


def test_every_property_has_a_description() -> None:
    undescribed = [
        f"{where}.{name}"
        for file, schema in all_schemas().items()
        for where, name, prop in _properties(schema, file)
        if not str(prop.get("description", "")).strip()
    ]
    assert undescribed == [], f"properties without a description: {undescribed}"


def test_field_description_wins_over_the_vocabulary() -> None:
    chemicals = all_schemas()["chemicals.schema.json"]["$defs"]["Chemical"]["properties"]
    assert chemicals["hazardous"]["description"].startswith("A hazardous chemical")
    assert "application material" in (
        all_schemas()["emskit.schema.json"]["$defs"]["Application"]["properties"]["site_plan"][
            "description"
        ].lower()
    )


def test_old_and_new_application_forms_validate() -> None:
    schema = all_schemas()["emskit.schema.json"]
    config = parse_yaml(decode_utf8((SAMPLE / "emskit.yaml").read_bytes()))
    application = config["certification"]["application"]
    assert isinstance(application["legal_status"], list)
    application["discharge_permit"] = {
        "files": ["evidence/permits/discharge-permit.md"],
        "number": "91320594MA1X000000001V",
        "valid_until": "2028-06-14",
    }
    application["eia_approval"] = {"not_applicable": "registration form only", "files": []}
    jsonschema.Draft202012Validator(schema).validate(config)
    application["site_plan"] = {"files": "not-a-list"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(config)
