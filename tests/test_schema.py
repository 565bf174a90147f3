"""The shipped file: the page's structure, figures in base units, sources, and the schema's own rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import edited
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset
from dgcli.errors import DataError
from dgcli.text.numbers import Hedge, Rounding


def test_structure_of_the_page(shipped: Dataset) -> None:
    assert len(shipped.groups) == 4
    assert len(shipped.sections) == 13
    assert len(shipped.metrics) == 43
    assert shipped.schema_version == 2
    assert [s.id for s in shipped.sources] == ["progress-2024"]
    assert shipped.source.url == "https://digital.go.jp/policies/report-202309-202408/progress"


def test_mynacard_history(shipped: Dataset) -> None:
    mynacard = shipped.metrics["mynacard"]
    history = [(o.period_key, o.figure.text, o.figure.value, o.source) for o in mynacard.history()]
    assert history == [
        ("2024-07", "9,308万枚", Decimal(93080000), "progress-2024"),
        ("2023-07", "8,904万枚", Decimal(89040000), "progress-2024"),
        ("2022-04", "5,400万枚", Decimal(54000000), "progress-2024"),
    ]


def test_parts_items_and_undated_figures(shipped: Dataset) -> None:
    jpki = shipped.metrics["jpki-verifications"].history()[0]
    assert jpki.period is None
    assert [p.figure.value for p in jpki.parts] == [Decimal(50000000), Decimal(510000000)]
    assert len(shipped.metrics["common-services"].history()[0].items) == 5
    assert len(shipped.metrics["ai-use-cases"].history()[0].items) == 9
    assert len(shipped.metrics["gss-agencies"].history()[0].added) == 5
    assert shipped.metrics["data-linkages"].history()[0].period_key == "2023-08/2024-07"
    assert shipped.metrics["digital-promotion-commissioners"].history()[0].period_key == "2024-08-31"  # 8月末時点
    assert shipped.metrics["gss-users"].history()[0].figure.hedge is Hedge.ABOUT


def test_survey_distributions_and_their_rounding(shipped: Dataset) -> None:
    approval = shipped.metrics["approval"]
    assert approval.history()[0].figure.value == Decimal("50.9")
    assert [s.answer for s in approval.history()[0].shares] == ["良いと思う", "どちらともいえない", "良いと思わない"]
    survey = shipped.surveys[approval.survey]
    assert [(p.key, n) for p, n in survey.respondents] == [("FY2023", 5600), ("FY2024", 10000)]
    assert (survey.age_min, survey.age_max) == (18, 79)
    assert survey.rounding is Rounding.HALF_UP  # 数値は小数点第二位を四捨五入
    assert all(o.rounding is Rounding.HALF_UP for o in approval.observations)
    assert shipped.metrics["mynacard"].observations[0].rounding is Rounding.NEAREST  # the page declares none


def test_counter_words_that_mean_the_same(shipped: Dataset) -> None:
    assert shipped.metrics["etax-linkages"].units == ("連携", "件")  # 753万連携 and 753万件 on one page


def test_footnotes_are_attached(shipped: Dataset) -> None:
    attached = {mark for metric in shipped.metrics.values() for mark in metric.footnotes}
    assert attached == set(shipped.footnotes) == {"※1", "※2", "※3", "※4", "※5"}


def _position(text: str, needle: str) -> tuple[int, int]:
    """Line and column (1-based) where ``needle`` first stands in ``text``: where the error must point."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


@pytest.mark.parametrize(
    ("replacement", "words", "needle"),
    [
        (
            ("      - id: gss-users\n", "      - id: gss-agencies\n"),
            "metric id 'gss-agencies' is used twice",
            "gss-agencies\n        name: GSS接続",
        ),
        (
            (
                "    group: services\n    headline: マイナンバーカードの保有枚数",
                "    group: servces\n    headline: マイナンバーカードの保有枚数",
            ),
            "unknown group 'servces' (did you mean 'services'?)",
            "servces",
        ),
        (
            (
                "        survey: digital-awareness-survey\n        headline_answer: 良いと思う",
                "        survey: digital-awarness-survey\n        headline_answer: 良いと思う",
            ),
            "unknown survey 'digital-awarness-survey' (did you mean 'digital-awareness-survey'?)",
            "digital-awarness-survey",
        ),
        (
            (
                "        metric: mynacard\n        of: {outside: 国民}",
                "        metric: mynacrd\n        of: {outside: 国民}",
            ),
            "unknown metric 'mynacrd' (did you mean 'mynacard'?)",
            "mynacrd",
        ),
        (
            ("            value: 9,308万枚\n", "            value: 9,308万枚\n            source: progress-2023\n"),
            "unknown source 'progress-2023' (did you mean 'progress-2024'?)",
            "progress-2023",
        ),
        (("        footnotes: [※1]", "        footnotes: [※9]"), "unknown footnote '※9'", "※9"),
    ],
)
def test_cross_references_point_at_the_value_with_a_suggestion(
    tmp_path: Path, replacement: tuple[str, str], words: str, needle: str
) -> None:
    path = edited(tmp_path, replacement)
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    problems = caught.value.problems
    assert len(problems) == 1, [p.message for p in problems]
    assert words in problems[0].message
    assert (problems[0].line, problems[0].column) == _position(path.read_text(encoding="utf-8"), needle)


def test_a_repeated_period_is_one_problem_not_a_cascade(tmp_path: Path) -> None:
    """Claims about the metric would each find two 2024-07 figures; only the repetition is reported."""
    twice = "          - period: 2024年7月\n            value: 9,308万枚\n"
    path = edited(tmp_path, (twice, twice + twice))
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert [p.message.split(" (first")[0] for p in caught.value.problems] == [
        "two observations for 2024-07 from source 'progress-2024'"
    ]


def test_a_figure_cut_at_its_comma_in_a_flow_mapping_is_named(tmp_path: Path) -> None:
    # {period: 2024年10月, value: 9,400万枚}: YAML reads value "9" and a key "400万枚".
    block = "          - period: 2024年7月\n            value: 9,308万枚\n"
    path = edited(tmp_path, (block, "          - {period: 2024年10月, value: 9,400万枚}\n" + block))
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    message = caught.value.problems[0].message
    assert "unknown key '400万枚'" in message and "comma" in message
