"""The key table is the one truth: the loader reads it, the JSON Schema and the docs are made from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import DATA, MINIMAL, ROOT, SHIPPED, SHIPPED_TEXT, edited
from dgcli.data.fileformat import MAPPINGS, Key, documented_keys, input_schema, markdown
from dgcli.data.loader import load_dataset
from dgcli.errors import DataError

SCHEMA_FILE = ROOT / "schema" / "indicators.schema.json"
DOCS = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md")))
HEADER = SHIPPED_TEXT[: SHIPPED_TEXT.index("\nschema_version:")]
VALID = [SHIPPED, DATA / "editions.yaml", MINIMAL]


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == input_schema(), "run: python -m dgcli.data.fileformat > schema/indicators.schema.json"


def test_the_docs_tables_are_the_generated_ones() -> None:
    keys, kinds = markdown().split("\n\n", 1)
    between = re.compile(r"<!-- (\w+):begin[^>]*-->\n(.*?)\n<!-- \1:end -->", re.S)
    sections = dict(between.findall(DOCS))
    assert sections["keys"] == keys.rstrip("\n"), "regenerate with: python -m dgcli.data.fileformat --markdown"
    assert sections["kinds"] == kinds.rstrip("\n")


@pytest.mark.parametrize("key", sorted(documented_keys()))
def test_every_key_is_documented_in_the_files_header(key: str) -> None:
    assert re.search(rf"(?<![\w-]){re.escape(key)}:", HEADER), f"{key}: is not in indicators.yaml's header"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
@pytest.mark.parametrize("loader", [yaml.BaseLoader, yaml.SafeLoader], ids=["as-text", "as-an-editor-types"])
def test_valid_files_satisfy_the_schema(path: Path, loader: type[yaml.BaseLoader]) -> None:
    # BaseLoader: every scalar as text (what dgcli reads); SafeLoader: 18 and true typed (what editors see).
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    jsonschema.Draft202012Validator(input_schema()).validate(document)


@pytest.mark.parametrize(
    ("old", "new", "misspelt"),
    [
        ("    title: 社会のデジタル化意識に係る調査", "    titel: 社会のデジタル化意識に係る調査", "titel"),  # a survey
        ("        name_en: My Number Card holdings", "        name_english: My Number Card holdings", "name_english"),
        ("            value: 9,308万枚", "            valeu: 9,308万枚", "valeu"),  # an observation
        (
            "            from: 2023年7月\n            stated: 5%",
            "            form: 2023年7月\n            stated: 5%",
            "form",
        ),
        ("    publisher: デジタル庁\n", "    publisher: デジタル庁\n    rouding: half_up\n", "rouding"),  # a source
    ],
)
def test_a_misspelt_key_is_refused_by_the_loader_and_the_schema(
    tmp_path: Path, old: str, new: str, misspelt: str
) -> None:
    path = edited(tmp_path, (old, new))
    with pytest.raises(DataError) as refused:
        load_dataset(path)
    assert any(misspelt in problem.message for problem in refused.value.problems)
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    errors = list(jsonschema.Draft202012Validator(input_schema()).iter_errors(document))
    assert any(misspelt in error.message for error in errors), [e.message for e in errors]


def test_the_loader_reads_its_keys_from_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """So a key cannot be accepted without being in the table the docs and the schema are made from."""
    path = edited(
        tmp_path, ("    publisher: デジタル庁\n", "    publisher: デジタル庁\n    mirror: https://example.org\n")
    )
    with pytest.raises(DataError):
        load_dataset(path)
    monkeypatch.setitem(MAPPINGS, "source", {**MAPPINGS["source"], "mirror": Key("mirror", "text", False, "…")})
    assert load_dataset(path).sources[0].id == "progress-2024"
