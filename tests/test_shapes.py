"""Pages of the shapes real publications take (issue #16), drafted and audited.

tests/data/pages/shapes/ holds pages written for the purpose (invented figures, real style): prose
with an inline multi-period history and two labels for one series, a dashboard with numbered
sections and integer shares, the agency's .txt with slides, saved HTML pages with tables (one with
rowspan and colspan), and text copied from a browser with a heading figure and a direction sentence;
then shapes of other publishers: a press release (報道発表) with ○ bullets and a （参考） note, survey
summaries (問1, answers adding up to 100%, the last survey's share in brackets), 令和 dates only, a
plain-text table with wide spaces, hedged figures and ▲ negatives, histories newest- and oldest-first,
a one-sentence history named by its subject, and a white paper's HTML page. expected.yaml says by hand
where each figure belongs. ``python tests/test_shapes.py`` prints the per-page report.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import DATA, run_bash
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset
from dgcli.page.audit import audit
from dgcli.page.draft import draft
from dgcli.page.reader import as_period
from dgcli.text.normalize import fold

SHAPES = DATA / "pages" / "shapes"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((SHAPES / "expected.yaml").read_text(encoding="utf-8"))
PAGES = sorted(EXPECTED)
_NOT_PLACED = re.compile(r"^# not placed: (.+?) in 「", re.MULTILINE)


class Score(NamedTuple):
    right: int  # figures drafted under the metric, period and answer the page gives them
    wrong: int  # figures drafted somewhere else only
    listed: int  # figures listed atop the draft as not placed
    dropped: int  # figures neither drafted nor listed
    claims_right: int
    claims_wrong: int  # a claim of the stated figure, of another kind
    claims_total: int


def drafted(name: str) -> tuple[str, Dataset]:
    text = draft((SHAPES / name).read_text(encoding="utf-8"), name)
    return text, load_dataset(Path(name), file=name, text=text)


def _names(dataset: Dataset, metric_id: str) -> list[str]:
    metric = dataset.metrics[metric_id]
    section = next((s.title for s in dataset.sections if any(m == metric_id for m in s.metrics)), "")
    return [fold(n) for n in (metric.name, *metric.aliases, metric.category, section) if n]


def score(name: str) -> Score:
    text, dataset = drafted(name)
    listed = _NOT_PLACED.findall(text)
    right = wrong = not_placed = dropped = 0
    for want in EXPECTED[name]["figures"]:
        period = as_period(want["period"]) if want["period"] is not None else None  # null: the page gives none
        assert period is not None or want["period"] is None
        held = [
            (metric.id, observation.period_key, answer)
            for metric in dataset.metrics.values()
            for observation in metric.observations
            for answer, figure in observation.figures()
            if figure.text == want["figure"]
        ]

        fits = [
            any(fold(w) in n for w in want["metric"] for n in _names(dataset, metric_id))
            and key == (period.key if period is not None else None)
            and answer == want.get("answer", "")
            for metric_id, key, answer in held
        ]
        if any(fits):
            right += 1
        elif held:
            wrong += 1
        elif want["figure"] in listed:
            not_placed += 1
        else:
            dropped += 1
    claims = list(dataset.claims())
    claims_right = claims_wrong = 0
    for want in EXPECTED[name]["claims"]:
        stated = [c for c in claims if (c.stated.text if c.stated else "") == want["stated"]]
        if any(c.kind == want["kind"] for c in stated):
            claims_right += 1
        elif stated and want["stated"]:
            claims_wrong += 1
    return Score(right, wrong, not_placed, dropped, claims_right, claims_wrong, len(EXPECTED[name]["claims"]))


@pytest.mark.parametrize("name", PAGES)
def test_no_figure_is_drafted_wrong_or_dropped(name: str) -> None:
    result = score(name)
    assert (result.wrong, result.dropped) == (0, 0)
    assert result.right + result.listed == len(EXPECTED[name]["figures"])


@pytest.mark.parametrize("name", PAGES)
def test_the_draft_lists_what_it_leaves_out(name: str) -> None:
    text, _ = drafted(name)
    assert _NOT_PLACED.findall(text) == EXPECTED[name]["not_placed"]


@pytest.mark.parametrize("name", PAGES)
def test_the_claims_are_drafted_with_their_kinds(name: str) -> None:
    result = score(name)
    missing = len(EXPECTED[name]["not_placed"])  # a figure left out is a claim left out, too
    assert (result.claims_right, result.claims_wrong) == (result.claims_total - missing, 0)


@pytest.mark.parametrize("name", PAGES)
def test_the_draft_audits_clean_but_for_what_it_lists(name: str) -> None:
    _, dataset = drafted(name)
    report = audit((SHAPES / name).read_text(encoding="utf-8"), dataset, page_file=name)
    assert sorted(f.printed for f in report.findings) == sorted(EXPECTED[name]["not_placed"])


def test_the_draft_of_a_saved_html_page_loads_verifies_and_audits_end_to_end(tmp_path: Path) -> None:
    page = SHAPES / "table.html"
    outcome = run_bash(
        f'"$DGCLI" draft {page} > d.yaml && "$DGCLI" list --file d.yaml >/dev/null '
        f'&& "$DGCLI" verify --file d.yaml >/dev/null && "$DGCLI" audit {page} --file d.yaml | tail -1',
        cwd=tmp_path,
    )
    assert outcome.code == 0 and outcome.out.startswith("OK: 8 figures on the page, 8 placed"), outcome


def report() -> str:
    lines = [
        "| page | figures | placed right | wrong | not placed (listed) | dropped | claims right | claims wrong |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in PAGES:
        s = score(name)
        total = len(EXPECTED[name]["figures"])
        lines.append(
            f"| {name} | {total} | {s.right} | {s.wrong} | {s.listed} | {s.dropped} | "
            f"{s.claims_right}/{s.claims_total} | {s.claims_wrong} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
