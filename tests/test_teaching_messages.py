"""Messages that teach: each common mistake of a new user is provoked and its message says what
to change (issue 15, point 4)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from conftest import AS_OF, check_json, run_cli

ASPECT = {
    "id": "ASP-001",
    "activity": "Painting",
    "aspect": "VOC",
    "impact": ["Air"],
    "condition": "normal",
}


def _messages(repo: Path, file: str) -> list[dict[str, Any]]:
    _, report = check_json(repo)
    return [f for f in report["findings"] if f["file"] == file and f["severity"] == "error"]


def _only(repo: Path, file: str) -> dict[str, Any]:
    found = _messages(repo, file)
    assert len(found) == 1, found
    return found[0]


def test_init_templates_hold_no_one_line_mappings(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    assert run_cli("init", str(target)).returncode == 0
    texts = {p: p.read_text(encoding="utf-8") for p in target.rglob("*.yaml")}
    assert len(texts) > 10
    for path, text in texts.items():
        for number, line in enumerate(text.splitlines(), start=1):
            assert not re.search(r"\{[^}]*:", line), f"{path}:{number}: {line}"


def test_a_value_cut_at_a_comma_says_quote_the_value(make_repo) -> None:  # type: ignore[no-untyped-def]
    text = "roles:\n  - {id: ROLE-A, title: Fitter, responsibilities: Compressors, heating}\n"
    finding = _only(make_repo({"roles.yaml": text}), "roles.yaml")
    assert "quote the value" in finding["message"]
    assert 'responsibilities: "Compressors, heating"' in finding["message"]
    assert (finding["line"], finding["ids"]) == (2, ["ROLE-A"])


def test_a_tab_in_the_indentation_says_so(make_repo) -> None:  # type: ignore[no-untyped-def]
    text = "aspects:\n  - id: ASP-001\n\tactivity: Painting\n"
    finding = _only(make_repo({"aspects/a.yaml": text}), "aspects/a.yaml")
    assert "tab in the indentation" in finding["message"]
    assert (finding["line"], finding["column"]) == (3, 1)


def test_a_second_colon_in_a_value_says_quote_it(make_repo) -> None:  # type: ignore[no-untyped-def]
    text = "aspects:\n  - id: ASP-001\n    activity: Painting: spray booth\n"
    finding = _only(make_repo({"aspects/a.yaml": text}), "aspects/a.yaml")
    assert 'quote the value (activity: "Painting: spray booth")' in finding["message"]
    assert finding["line"] == 3


def test_an_unclosed_quote_points_where_it_opens(make_repo) -> None:  # type: ignore[no-untyped-def]
    text = 'aspects:\n  - id: ASP-001\n    activity: "Painting\n    aspect: VOC\n    impact: []\n'
    finding = _only(make_repo({"aspects/a.yaml": text}), "aspects/a.yaml")
    assert "quote opened here is never closed" in finding["message"]
    assert (finding["line"], finding["column"]) == (3, 15)


def test_a_syntax_hint_in_emskit_yaml_too(make_repo) -> None:  # type: ignore[no-untyped-def]
    repo = make_repo()
    (repo / "emskit.yaml").write_text(
        'emskit: 1\norganization:\n  name: "Test Co\nems:\n  edition: "2015"\n'
    )
    result = run_cli("check", "--repo", str(repo))
    assert result.returncode == 2
    assert "emskit.yaml:3:9: YAML syntax: the quote opened here is never closed" in result.stderr


def test_a_semicolon_csv_says_what_it_is_and_how_to_convert(make_repo) -> None:  # type: ignore[no-untyped-def]
    csv = "date;indicator;value;site;note\n2026-01-31;IND-A;1,5;SITE-A;\n"
    finding = _only(make_repo({"monitoring/data/lab.csv": csv}), "monitoring/data/lab.csv")
    assert "separated by semicolons" in finding["message"]
    assert "emskit import readings" in finding["message"]


def test_a_decimal_comma_says_what_it_is(make_repo) -> None:  # type: ignore[no-untyped-def]
    csv = (
        "date,indicator,value,site,note\n"
        '2026-01-31,IND-A,"1,5",SITE-A,\n'
        "2026-02-28,IND-A,2,5,SITE-A,\n"
    )
    found = _messages(make_repo({"monitoring/data/lab.csv": csv}), "monitoring/data/lab.csv")
    assert [f["line"] for f in found] == [2, 3]
    assert all("decimal comma" in f["message"] for f in found), found
    assert "2,5 has a decimal comma" in found[1]["message"]


def test_a_reference_to_an_invalid_record_says_it_is_invalid(make_repo) -> None:  # type: ignore[no-untyped-def]
    broken = {**ASPECT, "condition": "norml"}
    control = {"id": "CTL-001", "title": "Booth filters", "aspects": ["ASP-001"]}
    repo = make_repo(
        {"aspects/a.yaml": {"aspects": [broken]}, "controls/c.yaml": {"controls": [control]}}
    )
    schema = _only(repo, "aspects/a.yaml")
    assert schema["message"].startswith("ASP-001: condition:"), schema
    assert schema["ids"] == ["ASP-001"]
    reference = _only(repo, "controls/c.yaml")
    assert "defined at aspects/a.yaml:2 but that record is invalid" in reference["message"]
    assert "does not exist" not in reference["message"]


def test_ids_and_people_written_by_name_get_did_you_mean(make_repo) -> None:  # type: ignore[no-untyped-def]
    roles = {
        "roles": [{"id": "ROLE-EHS", "title": "EHS manager"}],
        "people": [
            {"id": "PER-LIW", "name": {"en": "Li Wei", "zh-CN": "李伟"}, "roles": ["ROLE-EHS"]}
        ],
    }
    controls = {
        "controls": [
            {"id": "CTL-001", "title": "Booth filters", "aspects": ["ASP-01"], "owner": "Li Wei"},
            {"id": "CTL-002", "title": "Spill kit", "aspects": ["ASP-001"], "owner": "ehs manager"},
        ]
    }
    repo = make_repo(
        {"roles.yaml": roles, "aspects/a.yaml": {"aspects": [ASPECT]}, "controls/c.yaml": controls}
    )
    messages = [f["message"] for f in _messages(repo, "controls/c.yaml")]
    assert any("ASP-01, which does not exist; did you mean ASP-001?" in m for m in messages)
    assert any("did you mean PER-LIW (Li Wei)?" in m for m in messages), messages
    assert any("did you mean ROLE-EHS (ehs manager)?" in m for m in messages), messages


def test_rule_names_get_did_you_mean(make_repo) -> None:  # type: ignore[no-untyped-def]
    from conftest import BASE_CONFIG

    repo = make_repo(config={**BASE_CONFIG, "rules": {"dangling-refrence": "off"}})
    finding = _only(repo, "emskit.yaml")
    assert "did you mean 'dangling-reference'?" in finding["message"]
    # (EMS31 is now as near EMS301 as EMS341, so no guess is made; a stray hyphen is not.)
    result = run_cli("check", "--repo", str(repo), "--select", "EMS-301")
    assert result.returncode == 2
    assert "did you mean 'EMS301'?" in result.stderr


def test_messages_never_name_internal_models(make_repo) -> None:  # type: ignore[no-untyped-def]
    from emskit.model import all_models

    indicators = {"indicators": [{"id": "IND-A", "name": "VOC", "unit": "mg", "limit": 5}]}
    objectives = {"objectives": [{"id": "OBJ-001", "title": "t", "target": 5, "addresses": []}]}
    repo = make_repo(
        {
            "aspects/a.yaml": {"aspects": ["just a string", {**ASPECT, "impact": {"x": 1}}]},
            "monitoring/indicators.yaml": indicators,
            "objectives/o.yaml": objectives,
            "policy.yaml": ["a list"],
            "records/audits/AUD-1.yaml": "id: AUD-1\nscope: 5\n",
        }
    )
    _, report = check_json(repo, "--as-of", AS_OF.isoformat())
    messages = [f["message"] for f in report["findings"] if f["code"] == "EMS003"]
    assert len(messages) >= 5, messages
    names = {model.__name__ for model in all_models()}
    for message in messages:
        assert not set(re.findall(r"[A-Za-z]+", message)) & names, message
    assert any("IND-A: limit: expected keys and values" in m for m in messages), messages
