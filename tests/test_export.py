"""``dgcli export``: every figure as one tidy table, read back by real consumers (csv, json)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DATA, SHIPPED, Outcome, run_process
from dgcli.data.export import COLUMNS
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset
from dgcli.text.numbers import Figure

EDITIONS = DATA / "editions.yaml"


def read_csv(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith("\ufeff".encode()), "a byte-order mark, so spreadsheets read UTF-8"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "RFC 4180 line ends"
    return list(csv.DictReader(io.StringIO(text, newline="")))


def exported(path: Path) -> list[dict[str, str]]:
    import subprocess

    from conftest import DGCLI, clean_environment

    completed = subprocess.run(
        [DGCLI, "export", "--file", str(path)], capture_output=True, env=clean_environment(), check=True
    )
    return read_csv(completed.stdout)


def model_figures(dataset: Dataset) -> list[tuple[str, str | None, str, str, str, str]]:
    """(metric, period as printed, source, answer, part, figure as printed), straight from the model."""
    found = []
    for metric in dataset.metrics.values():
        for observation in metric.observations:
            period = observation.period.text if observation.period else None
            if not observation.shares:
                found.append((metric.id, period, observation.source, "", "", observation.figure.text))
            found += [(metric.id, period, observation.source, s.answer, "", s.figure.text) for s in observation.shares]
            found += [(metric.id, period, observation.source, "", p.name, p.figure.text) for p in observation.parts]
    return found


@pytest.mark.parametrize("path", [SHIPPED, EDITIONS], ids=lambda p: p.name)
def test_every_figure_is_one_row_and_reads_back(path: Path) -> None:
    rows = exported(path)
    assert list(rows[0]) == list(COLUMNS)
    dataset = load_dataset(path)
    back = [
        (r["metric"], r["period_published"] or None, r["source"], r["answer"], r["part"], r["published"]) for r in rows
    ]
    assert sorted(back, key=repr) == sorted(model_figures(dataset), key=repr)
    for row in rows:  # the exact value is the printed figure's, digit for digit
        if row["value"]:
            figure = next(f for _, f in _figures(dataset, row) if f.text == row["published"])
            assert Decimal(row["value"]) == figure.value


def _figures(dataset: Dataset, row: dict[str, str]) -> list[tuple[str, Figure]]:
    metric = dataset.metrics[row["metric"]]
    return [
        pair
        for o in metric.observations
        if (o.period.text if o.period else "") == row["period_published"] and o.source == row["source"]
        for pair in o.figures()
    ]


def by_key(rows: list[dict[str, str]], metric: str, period: str, answer: str = "", part: str = "") -> dict[str, str]:
    (row,) = [
        r
        for r in rows
        if (r["metric"], r["period_published"], r["answer"], r["part"]) == (metric, period, answer, part)
        and r["source"] == "progress-2024"
    ]
    return row


def test_intervals_worked_by_hand() -> None:
    rows = exported(SHIPPED)
    # 9,308万枚, no rule declared (nearest): 93,080,000 ± 5,000, both ends possible.
    mynacard = by_key(rows, "mynacard", "2024年7月")
    assert (mynacard["value"], mynacard["low"], mynacard["high"]) == ("93080000", "93075000", "93085000")
    assert (mynacard["low_open"], mynacard["high_open"], mynacard["exact"]) == ("false", "false", "false")
    assert (mynacard["period"], mynacard["period_start"], mynacard["period_end"]) == (
        "2024-07",
        "2024-07-01",
        "2024-07-31",
    )
    # 50.9% of a survey rounded 四捨五入 (half_up): [50.85, 50.95), the top end excluded.
    approval = by_key(rows, "approval", "2024年7月", answer="良いと思う")
    assert (approval["low"], approval["high"], approval["high_open"], approval["rounding"]) == (
        "50.85",
        "50.95",
        "true",
        "half_up",
    )


def test_the_dashboards_truncated_figures() -> None:
    rows = [r for r in exported(EDITIONS) if r["source"] == "dashboard" and r["answer"] == "良いと思う"]
    # The dashboard declares rounding: down (切り捨て): 50% stands for [50, 51).
    assert [(r["published"], r["low"], r["high"], r["low_open"], r["high_open"]) for r in rows] == [
        ("50%", "50", "51", "false", "true")
    ]


def test_pandas_style_reading_needs_no_options(tmp_path: Path) -> None:
    """Once the BOM is taken (pandas and spreadsheets do), the header is plain and every row has its width."""
    outcome = run_process("export")
    assert outcome.code == 0
    reader = csv.reader(io.StringIO(outcome.out.lstrip("\ufeff"), newline=""))
    header = next(reader)
    assert header[0] == "section" and len({len(row) for row in reader}) == 1


def test_json_records_match_the_csv(run: Callable[..., Outcome]) -> None:
    document = json.loads(run("export", "--json").out)
    rows = exported(SHIPPED)
    assert document["schema_version"] == 2 and len(document["records"]) == len(rows)
    for record, row in zip(document["records"], rows, strict=True):
        assert record["published"] == row["published"]
        if row["value"]:
            # JSON numbers: the shortest form that reads back as the exact decimal.
            assert Decimal(str(record["value"])) == Decimal(row["value"])
