"""The shipped file: the page's structure, figures in base units, exact to the digit."""

from decimal import Decimal

from dgcli.model import Dataset


def test_structure_of_the_page(shipped: Dataset) -> None:
    assert len(shipped.groups) == 4
    assert len(shipped.sections) == 13
    assert len(shipped.metrics) >= 40
    assert shipped.source.url == "https://digital.go.jp/policies/report-202309-202408/progress"


def test_mynacard_history(shipped: Dataset) -> None:
    mynacard = shipped.metrics["mynacard"]
    history = [(o.period_key, o.quantity.text, o.quantity.value) for o in mynacard.observations]
    assert history == [
        ("2024-07", "9,308万枚", Decimal(93080000)),
        ("2023-07", "8,904万枚", Decimal(89040000)),
        ("2022-04", "5,400万枚", Decimal(54000000)),
    ]


def test_parts_items_and_periodless_figures(shipped: Dataset) -> None:
    jpki = shipped.metrics["jpki-verifications"].latest
    assert jpki.period is None
    assert [p.quantity.value for p in jpki.parts] == [Decimal(50000000), Decimal(510000000)]
    assert len(shipped.metrics["common-services"].latest.items) == 5
    assert len(shipped.metrics["ai-use-cases"].latest.items) == 9
    assert len(shipped.metrics["gss-agencies"].latest.added) == 5
    assert shipped.metrics["data-linkages"].latest.period_key == "2023-08/2024-07"
    assert shipped.metrics["gss-users"].latest.quantity.approximate


def test_survey_distributions(shipped: Dataset) -> None:
    approval = shipped.metrics["approval"]
    assert approval.latest.quantity.value == Decimal("50.9")
    assert [s.answer for s in approval.latest.shares] == [
        "良いと思う",
        "どちらともいえない",
        "良いと思わない",
    ]
    survey = shipped.surveys[approval.survey]
    assert [(p.key, n) for p, n in survey.respondents] == [("FY2023", 5600), ("FY2024", 10000)]
    assert (survey.age_min, survey.age_max) == (18, 79)


def test_footnotes_are_attached(shipped: Dataset) -> None:
    attached = {mark for metric in shipped.metrics.values() for mark in metric.footnotes}
    assert attached == set(shipped.footnotes) == {"※1", "※2", "※3", "※4", "※5"}
