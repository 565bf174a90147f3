"""The published words against their transcription (words.py): the stated figure is one the text
prints, the text's direction words agree with the claim's direction, listed items are distinct and
started by the figure's date — or the file is refused with a located error naming both."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, SHIPPED, edited, run_process
from dgcli.data.loader import load_dataset
from dgcli.data.model import Direction
from dgcli.data.words import text_direction
from dgcli.errors import DataError

MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")
CHANGE = "            text: 2023年7月から5%増加しました\n"


def _minimal(tmp_path: Path, old: str, new: str) -> Path:
    assert MINIMAL_TEXT.count(old) == 1
    path = tmp_path / "indicators.yaml"
    path.write_text(MINIMAL_TEXT.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        # The four: a figure and a direction changed, each alone, and a share's digits swapped.
        (CHANGE, "            text: 2023年7月から6%減少しました\n", ["is not a figure the text prints", "says a fall"]),
        (CHANGE, "            text: 2023年7月から6%増加しました\n", ["stated: 5% is not a figure the text prints (6%"]),
        (CHANGE, "            text: 2023年7月から5%減少しました\n", ["says a fall, but the claim means a rise"]),
        ("text: マイナンバーカード保有の79%", "text: マイナンバーカード保有の97%", ["stated: 79% is not"]),
        # 約5% is not 5%: the hedge is part of the figure
        (CHANGE, "            text: 2023年7月から約5%増加しました\n", ["stated: 5% is not"]),
        # 5.0% is printed to a tenth: 5% would widen it tenfold
        (CHANGE, "            text: 2023年7月から5.0%増加しました\n", ["stated: 5% is not"]),
        # ▲ is a fall
        (CHANGE, "            text: 2023年7月から▲5%\n", ["says a fall"]),
    ],
)
def test_words_that_disagree_with_the_transcription_are_a_located_error(
    tmp_path: Path, old: str, new: str, words: list[str]
) -> None:
    path = _minimal(tmp_path, old, new)
    with pytest.raises(DataError) as raised:
        load_dataset(path)
    messages = " | ".join(p.message for p in raised.value.problems)
    for word in words:
        assert word in messages
    lines = MINIMAL_TEXT.replace(old, new).splitlines()
    line = next(number for number, text in enumerate(lines, 1) if new.splitlines()[0] in text)
    assert raised.value.problems[0].line in (line, line + 2)  # the text: line, or the stated: below it
    outcome = run_process("verify", str(path))
    assert outcome.code == 2 and f"{path}:" in outcome.err


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (CHANGE, "            text: 2023年7月から5%増えました\n"),  # another wording, the same figure
        (CHANGE, "            text: ５％の増加\n"),  # full-width, as some pages print
        (CHANGE, "            text: 2023年7月から大幅に増加\n"),  # no figure printed: stated in words
        (CHANGE, "            text: 2023年7月から5%増減\n"),  # both directions: the words decide nothing
        (CHANGE, "            text: 5%、2023年7月から\n"),  # no direction word
        (
            CHANGE + "            from: 2023年7月\n            stated: 5%\n",
            "            text: 2023年7月から5%減少しました\n            from: 2023年7月\n            stated: 5%\n"
            "            direction: down\n",
        ),
    ],
)
def test_words_that_agree_load(tmp_path: Path, old: str, new: str) -> None:
    load_dataset(_minimal(tmp_path, old, new))


def test_the_shipped_files_words_agree() -> None:
    # Every claim of the shipped file and the fixtures that must pass loads (no false alarm).
    for path in (SHIPPED, MINIMAL, SHIPPED.parent / "tests" / "data" / "no_false_alarms.yaml"):
        load_dataset(path)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("2023年7月から5%増加しました", Direction.UP),
        ("二桁成長", Direction.UP),
        ("2.9PT上昇", Direction.UP),
        ("前月を0.01ポイント下回りました", Direction.DOWN),
        ("3%低下", Direction.DOWN),
        ("価格が下落", Direction.DOWN),
        ("▲4.1%", Direction.DOWN),
        ("増減なし", None),
        ("52%の利用者が満足", None),
    ],
)
def test_direction_words(text: str, direction: Direction | None) -> None:
    assert text_direction(text) is direction


def test_a_duplicated_item_is_a_located_error(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        ("              - ドキュメントの機密度判定\n", "              - ソースコードの言語変換\n"),
    )
    with pytest.raises(DataError, match="listed twice") as raised:
        load_dataset(path)
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    assert raised.value.problems[0].line == lines.index("              - パブリックコメント対応品質の向上") + 1


def test_an_item_started_after_the_figure_is_a_located_error(tmp_path: Path) -> None:
    # The count is of 2024年8月; an item since 2024年9月 cannot be in it (2024年8月 itself still is).
    path = edited(
        tmp_path, ("{name: デジタル認証アプリ, since: 2024年6月}", "{name: デジタル認証アプリ, since: 2024年9月}")
    )
    with pytest.raises(DataError, match="after the figure's 2024年8月時点の調査結果"):
        load_dataset(path)
    load_dataset(
        edited(
            tmp_path, ("{name: デジタル認証アプリ, since: 2024年6月}", "{name: デジタル認証アプリ, since: 2024年8月}")
        )
    )
