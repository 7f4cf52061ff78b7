"""docs/api.md names every public name of the package and every field of every record, and
the repository carries the licence pyproject.toml declares."""
from __future__ import annotations

import re
import tomllib

import pydantic
import pytest

import factkit
from conftest import REPO

API = (REPO / "docs" / "api.md").read_text(encoding="utf-8")


def _section(name: str) -> str:
    match = re.search(rf"^### `{re.escape(name)}`\n(.*?)(?=^##)", API + "\n##", re.S | re.M)
    assert match, f"docs/api.md has no section ### `{name}`"
    return match.group(1)


@pytest.mark.parametrize("name", factkit.__all__)
def test_every_public_name_is_documented(name):
    assert re.search(rf"^### `(factkit\.)?{re.escape(name)}[`(]", API, re.M), \
        f"docs/api.md does not document factkit.{name}"


def _records():
    return sorted({obj for obj in vars(factkit).values()
                   if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel)},
                  key=lambda cls: cls.__name__)


@pytest.mark.parametrize("record", _records(), ids=lambda cls: cls.__name__)
def test_every_record_field_is_documented(record):
    section = _section(record.__name__)
    inherited = set(factkit.Fact.model_fields) if issubclass(record, factkit.Fact) else set()
    for field in record.model_fields:
        if field in inherited and record is not factkit.Fact:
            assert "`text`, `start`, `end`" in section or f"`{field}`" in section
            continue
        assert re.search(rf"^\| `{field}`", section, re.M), \
            f"docs/api.md: {record.__name__}.{field} is not in its table"


def test_licence_file_matches_pyproject():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["license"]["text"] == "MIT"
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "THE SOFTWARE IS PROVIDED \"AS IS\"" in licence


def test_readme_cites_only_files_that_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path in re.findall(r"`((?:docs|examples|scripts|benchmarks|factkit|tests)/[\w./-]+)`",
                           readme):
        if "*" not in path and "…" not in path:
            assert (REPO / path).exists(), f"README cites {path}, which is not there"
    assert "API.md" not in readme.replace("docs/api.md", "")
