import pytest

from dgcli.data.lookup import find_metric
from dgcli.data.model import Dataset
from dgcli.errors import LookupFailed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mynacard", "mynacard"),
        ("MYNACARD", "mynacard"),
        ("マイナンバーカード", "mynacard"),
        ("My Number Card holdings", "mynacard"),
        ("マイナ保険証", "health-insurance-card"),
        ("公金口座", "public-fund-account"),
        ("ｅ－Ｔａｘ", "etax-linkages"),  # full-width, NFKC
        ("ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ", "gov-cloud-systems"),  # half-width katakana
        ("gov-cl", "gov-cloud-systems"),  # unique prefix
        ("gss-u", "gss-users"),
    ],
)
def test_finds_by_id_alias_name_and_prefix(shipped: Dataset, query: str, expected: str) -> None:
    assert find_metric(shipped, query).id == expected


def test_unknown_suggests_close_ids(shipped: Dataset) -> None:
    with pytest.raises(LookupFailed) as caught:
        find_metric(shipped, "mynacrd")
    assert caught.value.suggestions[0] == "mynacard"
    assert len(caught.value.suggestions) <= 3


def test_ambiguous_prefix_lists_candidates(shipped: Dataset) -> None:
    with pytest.raises(LookupFailed) as caught:
        find_metric(shipped, "bosai")
    assert "ambiguous" in str(caught.value)
    assert set(caught.value.suggestions) == {"bosai-council-members", "bosai-service-catalog"}


def test_an_exact_alias_beats_a_longer_prefix(shipped: Dataset) -> None:
    assert find_metric(shipped, "gss").id == "gss-agencies"  # alias, though gss-users starts with it
