"""The loader and validator: every bad input is one located message and exit 2, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, MINIMAL, SHIPPED, SHIPPED_TEXT, Outcome, edited
from dgcli.check.claims import verify
from dgcli.data.loader import load_dataset
from dgcli.data.tree import HAVE_LIBYAML, MAX_DEPTH
from dgcli.errors import DataError

INVALID = DATA / "invalid"

# file -> (line:column of the first problem, or "" for the whole file; words the message must hold)
EXPECTED: dict[str, tuple[str, str]] = {
    "empty.yaml": ("", "the file is empty"),
    "only_comment.yaml": ("", "holds no YAML document"),
    "top_level_list.yaml": ("1:1", "top level must be a mapping"),
    "top_level_scalar.yaml": ("1:1", "top level must be a mapping"),
    "not_utf8.yaml": ("5:14", "not UTF-8"),
    "tab_indent.yaml": ("4:1", "tab used for indentation"),
    "duplicate_key.yaml": ("6:3", "key 'publisher' repeated (first at 5:3)"),
    "alias.yaml": ("4:10", "anchors (&name) are not supported"),
    "python_tag.yaml": ("4:10", "YAML tags"),
    "syntax_error.yaml": ("5:12", "invalid YAML"),
    "two_documents.yaml": ("67:1", "a second YAML document"),
    "control_character.yaml": ("4:13", "control character U+001B"),
    "boolean_value.yaml": ("33:20", "cannot read 'no' as a figure"),
    "octal_value.yaml": ("33:20", "leading zero"),
    "sexagesimal_value.yaml": ("33:20", "cannot read '1:30' as a figure"),
    "infinity_value.yaml": ("33:20", "cannot read '.inf' as a figure"),
    "unknown_key.yaml": ("33:13", "unknown key 'vaule' (did you mean 'value'?)"),
    "missing_unit.yaml": ("25:9", "missing required key 'unit'"),
    "mapping_for_text.yaml": ("4:10", "expected text, found a mapping"),
    "unknown_metric_in_claim.yaml": ("21:19", "unknown metric 'insurence' (did you mean 'insurance'?)"),
    "unknown_period_in_claim.yaml": ("40:19", "'2023年6月' is not a period of 'mynacard'"),
    "unknown_claim_kind.yaml": ("38:19", "unknown claim kind 'percentage_change' (did you mean 'percent_change'?)"),
    "observations_out_of_order.yaml": ("34:21", "observations go newest first"),
    "duplicate_period.yaml": ("34:21", "two observations for 2024-07 from source 'main' (first at 32:21)"),
    "duplicate_metric_id.yaml": ("42:13", "metric id 'mynacard' is used twice (first at 25:13)"),
    "duplicate_claim_id.yaml": ("52:17", "claim id 'mynacard-change' is used twice (first at 37:17)"),
    "percent_over_100.yaml": ("66:24", "outside 0–100%"),
    "unit_mismatch.yaml": ("35:20", "is in '件', but the metric counts in '枚'"),
    "bad_id.yaml": ("21:19", "must be lower-case ASCII"),
    "wrong_schema_version.yaml": ("2:17", "schema_version '3' is not supported"),
    "leading_zero.yaml": ("35:20", "leading zero"),
    "bad_period.yaml": ("34:21", "month 13 out of range"),
    "many_problems.yaml": ("33:13", "unknown key 'valeu'"),
    "baseline_after_figure.yaml": ("40:19", "from: 2024-07 is not before the figure it is compared with (2023-07)"),
    "percent_beyond_100.yaml": ("65:22", "percentage '100%超' can be no share"),
    "point_change_on_a_count.yaml": ("41:21", "points are a change of a percentage or a ratio (倍); 'mynacard'"),
    "share_of_a_percentage.yaml": ("55:26", "the whole 'approval' is a percentage, not a count"),
    "part_in_percent.yaml": ("52:37", "part '60%' is in '%', but 'insurance' counts in '件'"),
    "telegraph_digit.yaml": ("35:20", "'㍙' (U+3359 IDEOGRAPHIC TELEGRAPH SYMBOL FOR HOUR ONE) is not an ASCII"),
    "era_year_zero.yaml": ("34:21", "an era's first year is 元年"),
    "empty_shares.yaml": ("64:13", "shares: lists no answer"),
    "escaped_control.yaml": ("39:19", "control character U+0001 in a value"),
    "noncharacter.yaml": ("39:19", "Unicode non-character U+FFFE in a value"),
    "noncharacter_raw.yaml": ("43:15", "Unicode non-character U+FDD0"),
}
# One problem, one message: these files hold exactly this many problems.
PROBLEM_COUNTS = {"unknown_key.yaml": 1, "missing_unit.yaml": 1, "many_problems.yaml": 4, "duplicate_metric_id.yaml": 1}


def test_every_invalid_file_has_an_expectation() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_file_is_one_located_message_and_exit_2(run: Callable[..., Outcome], name: str) -> None:
    where, words = EXPECTED[name]
    path = INVALID / name
    outcome = run("list", "--file", str(path))
    assert outcome.code == 2
    assert outcome.out == ""
    assert "Traceback" not in outcome.err
    first = outcome.err.splitlines()[0]
    prefix = f"{path}:{where}: " if where else f"{path}: "
    assert first.startswith(prefix), first
    assert words in first
    if name in PROBLEM_COUNTS:
        assert len(outcome.err.splitlines()) == PROBLEM_COUNTS[name], outcome.err


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_libyaml_and_pure_python_report_the_same(name: str) -> None:
    if not HAVE_LIBYAML:
        pytest.skip("libyaml not installed")
    errors = []
    for pure in (False, True):
        with pytest.raises(DataError) as caught:
            load_dataset(INVALID / name, pure_python=pure)
        errors.append([(p.line, p.path) for p in caught.value.problems])
    assert errors[0] == errors[1]


def test_libyaml_and_pure_python_give_identical_models() -> None:
    assert load_dataset(SHIPPED) == load_dataset(SHIPPED, pure_python=True)


def test_validation_reports_every_problem_capped(run: Callable[..., Outcome], tmp_path: Path) -> None:
    many = tmp_path / "many.yaml"
    many.write_text(SHIPPED.read_text(encoding="utf-8").replace("value: ", "valeu: "), encoding="utf-8")
    outcome = run("verify", "-f", str(many))
    lines = outcome.err.splitlines()
    assert outcome.code == 2
    assert len(lines) == 21
    assert lines[-1].startswith("… and ") and lines[-1].endswith("more problems")


def test_bom_and_crlf_load_like_the_plain_file(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    windows = tmp_path / "windows.yaml"
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    plain = load_dataset(MINIMAL)
    loaded = load_dataset(windows)
    assert loaded.metrics == plain.metrics


def test_deep_nesting_is_refused_not_recursed(tmp_path: Path) -> None:
    for text in ("a: " + "[" * 5000 + "]" * 5000, "- " * 5000 + "x"):
        deep = tmp_path / "deep.yaml"
        deep.write_text(text, encoding="utf-8")
        for pure in (False, True):
            with pytest.raises(DataError) as caught:
                load_dataset(deep, pure_python=pure)
            assert f"deeper than {MAX_DEPTH}" in str(caught.value)


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(bomb)
    assert "anchors" in str(caught.value)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p, "is a directory"),
        (lambda p: p / "missing.yaml", "no such file"),
    ],
)
def test_unusable_paths(run: Callable[..., Outcome], tmp_path: Path, make: Callable[[Path], Path], words: str) -> None:
    outcome = run("list", "--file", str(make(tmp_path)))
    assert (outcome.code, outcome.out) == (2, "")
    assert words in outcome.err


def test_unreadable_file(run: Callable[..., Outcome], tmp_path: Path) -> None:
    import os

    locked = tmp_path / "locked.yaml"
    locked.write_text("a: b\n", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything
        pytest.skip("running as root: permissions are not enforced")
    outcome = run("list", "--file", str(locked))
    assert outcome.code == 2 and "permission denied" in outcome.err


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    position=st.integers(min_value=0, max_value=len(SHIPPED_TEXT) - 1),
    replacement=st.sampled_from(
        ["", " ", "\t", ":", "-", "[", "{", "&a", "*a", "!!", "\n", "0", "9", "万", "%", "'", '"', "#"]
    ),
)
def test_mutations_of_the_shipped_file_never_crash(tmp_path: Path, position: int, replacement: str) -> None:
    mutated = SHIPPED_TEXT[:position] + replacement + SHIPPED_TEXT[position + 1 :]
    path = tmp_path / "mutated.yaml"
    path.write_text(mutated, encoding="utf-8")
    try:
        dataset = load_dataset(path)
    except DataError:
        return
    # A model that loads still says what the text says: every figure reads back from its own text.
    for metric in dataset.metrics.values():
        for observation in metric.observations:
            assert observation.figure.text in mutated
    # …and every claim in it can be checked without an exception.
    assert len(verify(dataset)) >= len(dataset.claims())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!#'\" \n\t0.,%")), max_size=200))
def test_random_documents_raise_only_data_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "random.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError):
        load_dataset(path)


def test_a_file_over_the_size_limit_is_refused_unread(
    run: Callable[..., Outcome], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dgcli.data.tree

    monkeypatch.setattr(dgcli.data.tree, "MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 200 + "\n", encoding="utf-8")
    outcome = run("list", "-f", str(big))
    assert outcome.code == 2 and "larger than the limit of 100 bytes" in outcome.err


def test_a_fifo_is_refused_without_blocking(run: Callable[..., Outcome], tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    outcome = run("list", "-f", str(fifo))
    assert outcome.code == 2 and "not a regular file" in outcome.err


def test_a_date_looking_period_stays_the_authors_text() -> None:
    # YAML 1.1 would turn 2024-07-01 into a datetime.date; here it is the day 2024-07-01, as written.
    dataset = load_dataset(DATA / "date_period.yaml")
    latest = dataset.metrics["mynacard"].observations[0]
    assert latest.period is not None
    assert (latest.period.text, latest.period.key) == ("2024-07-01", "2024-07-01")


def test_version_1_files_are_still_read() -> None:
    dataset = load_dataset(MINIMAL)
    assert dataset.schema_version == 1
    assert [s.id for s in dataset.sources] == ["main"]
    assert all(o.source == "main" for m in dataset.metrics.values() for o in m.observations)


def test_version_mismatch_names_what_to_change(tmp_path: Path) -> None:
    path = edited(tmp_path, ('schema_version: "2"', 'schema_version: "1"'))
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert 'sources: needs schema_version: "2"' in str(caught.value)


def test_standard_input_is_read_as_stdin(run: Callable[..., Outcome], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SHIPPED_TEXT.encode("utf-8"))))
    outcome = run("list", "--json", "--file", "-")
    assert outcome.code == 0, outcome.err
    assert '"file": "<stdin>"' in outcome.out
