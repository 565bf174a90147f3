"""Every number printed on the page is in indicators.yaml (the seed text is the source of truth)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import SEED_DIR, SHIPPED
from dgcli.model import Dataset

NUMBER = re.compile(r"約?\d[\d,]*(?:\.\d+)?(?:万|億)?")
# A history line of the page: "- 2024年7月:9,308万枚", "- 良いと思う:50.9%", "- iOS:2.2万".
# The page glues some to the sentence before them ("…増加しました。- 2024年7月:9,308万枚").
FIGURE_LINE = re.compile(r"- (?P<label>[^:\n]+?)\s*:\s*(?:年間)?(?P<figure>約?\d[\d,]*(?:\.\d+)?(?:万|億)?[^\s\d(]*)")


def history_figures(text: str) -> list[str]:
    return [match["figure"] for match in FIGURE_LINE.finditer(text)]


def seed_text() -> str:
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed text in {SEED_DIR}")
    return unicodedata.normalize("NFKC", "\n".join(f.read_text(encoding="utf-8") for f in files))


def published_figures(dataset: Dataset) -> set[str]:
    found: set[str] = set()
    for metric in dataset.metrics.values():
        for observation in metric.observations:
            found.add(observation.figure.text)
            found.update(s.figure.text for s in observation.shares)
            found.update(p.figure.text for p in observation.parts)
    return {unicodedata.normalize("NFKC", text) for text in found}


def test_every_number_on_the_page_is_in_the_file() -> None:
    data = unicodedata.normalize("NFKC", SHIPPED.read_text(encoding="utf-8"))
    missing = sorted({n for n in NUMBER.findall(seed_text()) if n not in data})
    assert missing == []


def test_every_history_figure_is_an_observation(shipped: Dataset) -> None:
    figures = published_figures(shipped)
    printed = history_figures(seed_text())
    assert len(printed) > 80
    missing = [figure for figure in printed if figure not in figures]
    assert missing == []


def test_the_check_can_fail(shipped: Dataset) -> None:
    """Drop a figure from the model: the history check must notice."""
    figures = published_figures(shipped)
    assert "9,308万枚" in figures
    figures.discard("9,308万枚")
    assert "9,308万枚" in history_figures(seed_text())
    assert [f for f in history_figures(seed_text()) if f not in figures] == ["9,308万枚"]
