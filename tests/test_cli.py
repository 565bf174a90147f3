"""End to end: every command and format in-process through main(), and the installed script as a process."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import DGCLI, MINIMAL, SHIPPED, SHIPPED_TEXT, Outcome, clean_environment, edited, run_bash, run_process
from dgcli.cli import app

ANSI = re.compile(r"\x1b\[")
Run = Callable[..., Outcome]
ROOT = SHIPPED.parent


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid file of 3,000 metrics: its output is far larger than a 64 KiB pipe buffer."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), "3000", str(path)], check=True, capture_output=True
    )
    return path


# ── the commands ─────────────────────────────────────────────────────────────────────────────


def test_show_mynacard_history_and_chart(run: Run) -> None:
    outcome = run("show", "mynacard", "-f", str(SHIPPED))
    assert outcome.code == 0, outcome.err
    for period, figure in (("2024年7月", "9,308万枚"), ("2023年7月", "8,904万枚"), ("2022年4月", "5,400万枚")):
        assert re.search(f"{period}.*{figure}", outcome.out)
    assert "█" in outcome.out
    assert "✓ consistent" in outcome.out


def test_show_by_japanese_name_is_the_same_metric(run: Run) -> None:
    by_name = json.loads(run("show", "マイナンバーカード", "--json", "-f", str(SHIPPED)).out)
    by_id = json.loads(run("show", "mynacard", "--json", "-f", str(SHIPPED)).out)
    assert by_name == by_id


def test_show_json_contract(run: Run) -> None:
    document = json.loads(run("show", "mynacard", "--json", "-f", str(SHIPPED)).out)
    assert (document["schema_version"], document["file"]) == (2, str(SHIPPED))
    latest = document["observations"][0]
    assert (latest["period"], latest["value"], latest["published"], latest["exact"], latest["source"]) == (
        "2024-07",
        93080000,
        "9,308万枚",
        False,
        "progress-2024",
    )
    assert (latest["low"], latest["high"]) == (93075000, 93085000)  # 9,308万 ± 0.5万
    claims = {c["id"]: c for c in document["claims"]}
    assert claims["mynacard-change"]["verdict"] == "consistent"
    assert claims["mynacard-change"]["rounding"] == "nearest"
    assert document["section"]["group"] == {"id": "services", "title": "国民にやさしいサービスの提供"}


def test_a_group_has_one_shape_everywhere(run: Run) -> None:
    listed = json.loads(run("list", "--json", "-f", str(SHIPPED)).out)["sections"][1]["group"]
    shown = json.loads(run("show", "mynacard", "--json", "-f", str(SHIPPED)).out)["section"]["group"]
    assert listed == shown == {"id": "services", "title": "国民にやさしいサービスの提供"}


def test_json_numbers_have_no_float_artefacts(run: Run) -> None:
    raw = run("show", "jpki-verifications", "--json", "-f", str(SHIPPED)).out
    assert '"value": 510000000' in raw and '"value": 560000000' in raw
    survey = run("show", "approval", "--json", "-f", str(SHIPPED)).out
    assert '"value": 50.9' in survey
    assert json.loads(survey)["observations"][0]["distribution"][1]["published"] == "38.0%"


def test_hedged_stated_figures_carry_their_interval(run: Run, tmp_path: Path) -> None:
    path = edited(tmp_path, ("            stated: 79%", "            stated: 8割近く"))
    claims = json.loads(run("verify", "--json", "-f", str(path)).out)["claims"]
    claim = next(c for c in claims if c["id"] == "health-insurance-card-share")
    assert claim["stated_interval"] == {"point": None, "low": 75, "high": 80, "low_open": False, "high_open": False}
    assert claim["verdict"] == "consistent"


def test_unknown_metric_suggests_and_prints_nothing(run: Run) -> None:
    outcome = run("show", "mynacrd", "-f", str(SHIPPED))
    assert (outcome.code, outcome.out) == (2, "")
    assert outcome.err.strip() == "dgcli: no metric 'mynacrd'; did you mean: mynacard?"


def test_changes_shows_mynacard_against_its_baseline(run: Run) -> None:
    outcome = run("changes", "mynacard", "-f", str(SHIPPED))
    assert outcome.code == 0
    assert "(+4.54%)" in outcome.out and "5%" in outcome.out and "2023-07" in outcome.out
    rows = json.loads(run("changes", "--json", "-f", str(SHIPPED)).out)["changes"]
    mynacard = next(r for r in rows if r["metric"] == "mynacard")
    assert mynacard["percent_change"]["point"] == pytest.approx(4.537287, abs=1e-6)  # 9,308 ÷ 8,904 − 1
    assert mynacard["claim"]["stated"] == "5%"


def test_changes_says_why_a_metric_has_none(run: Run) -> None:
    outcome = run("changes", "common-services", "-f", str(SHIPPED))
    assert outcome.code == 0
    assert "common-services has no stated change" in outcome.out and "5サービス" in outcome.out
    document = json.loads(run("changes", "common-services", "--json", "-f", str(SHIPPED)).out)
    assert document["changes"] == [] and "no stated change" in document["note"]


def test_verify_exit_codes(run: Run, tmp_path: Path) -> None:
    assert run("verify", "-f", str(SHIPPED)).code == 0
    assert run("verify", "--strict", "-f", str(SHIPPED)).code == 1
    broken = edited(tmp_path, ("value: 9,308万枚", "value: 9,408万枚"))
    outcome = run("verify", "-f", str(broken))
    assert outcome.code == 1
    line = SHIPPED_TEXT.splitlines().index("          - id: mynacard-change") + 1
    assert re.search(rf"inconsistent mynacard-change\s+\S+:{line}", outcome.out)
    assert "FAIL: 72 claims" in outcome.out


def test_verify_json_contract(run: Run) -> None:
    outcome = run("verify", "--json", "-f", str(SHIPPED))
    document = json.loads(outcome.out)
    assert set(document["summary"]) == {
        "total",
        "consistent",
        "within_rounding",
        "revised",
        "unverifiable",
        "inconsistent",
        "gross",
        "not_compared",
    }
    assert document["schema_version"] == 3  # 3 since not_compared
    assert document["failed"] is False
    claim = document["claims"][0]
    assert {
        "id",
        "metric",
        "kind",
        "text",
        "stated",
        "stated_interval",
        "computed",
        "verdict",
        "reason",
        "rounding",
        "location",
    } <= set(claim)
    assert set(claim["computed"]) == {"point", "low", "high", "low_open", "high_open"}
    assert claim["location"]["column"] >= 1
    assert run("verify", "--format", "json", "-f", str(SHIPPED)).out == outcome.out


def test_the_summary_line_reads_the_same_in_every_format(run: Run) -> None:
    summary = "OK: 72 claims: 65 consistent, 3 within_rounding, 0 revised, 4 unverifiable, 0 inconsistent, 0 gross"
    assert summary in run("verify", "-f", str(SHIPPED)).out
    assert summary in run("verify", "--format", "github", "-f", str(SHIPPED)).out


def test_verify_github_format_and_auto_detection(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = edited(tmp_path, ("stated: 795%", "stated: 50%"))
    monkeypatch.chdir(tmp_path)
    outcome = run("verify", "-f", str(broken), env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)})
    assert outcome.code == 1
    errors = [line for line in outcome.out.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    line = SHIPPED_TEXT.splitlines().index("          - id: gov-cloud-systems-change") + 1
    # the path is relative to the workspace, not absolute
    assert errors[0].startswith(
        f"::error file=indicators.yaml,line={line},col=13,title=inconsistent%3A gov-cloud-systems-change::"
    )


def test_data_errors_become_annotations_under_github_actions(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = edited(tmp_path, ("            value: 9,308万枚", "            value: 9,308万マイ枚,"))
    monkeypatch.chdir(tmp_path)
    outcome = run("list", "-f", "indicators.yaml", env={"GITHUB_ACTIONS": "true"})
    assert outcome.code == 2
    line = SHIPPED_TEXT.splitlines().index("            value: 9,308万枚") + 1
    assert outcome.out.startswith(f"::error file=indicators.yaml,line={line},col=20,title=dgcli%3A data error::")
    assert outcome.err.startswith(f"indicators.yaml:{line}:20: ")
    assert broken.exists()


def test_github_escaping_stops_injection(run: Run, tmp_path: Path) -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("text: 2023年7月から5%増加しました", 'text: "50%\\n::error::injected, a:b"')
        .replace("stated: 5%", "stated: 50%")
    )
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    lines = run("verify", "--format", "github", "-f", str(path)).out.splitlines()
    assert not any(line.startswith("::error::") for line in lines)
    annotation = next(line for line in lines if "mynacard-change" in line)
    assert "50%25%0A::error::injected, a:b" in annotation  # the newline escaped: no second command


def test_json_flag_conflicting_with_format_is_a_usage_error(run: Run) -> None:
    outcome = run("verify", "--json", "--format", "github", "-f", str(SHIPPED))
    assert (outcome.code, outcome.out) == (2, "")
    assert "--json is --format json" in outcome.err


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (["nonsense"], "dgcli: No such command 'nonsense'."),
        (["verify", "--format", "xml"], "dgcli: Invalid value for '--format': 'xml' is not one of"),
        (["show"], "dgcli: Missing argument 'METRIC'."),
        (["list", "--bogus"], "dgcli: No such option: --bogus"),
        (["list", "--file", ""], "dgcli: Invalid value for --file: needs a path (or - to read standard input)"),
    ],
)
def test_usage_errors_are_one_line_and_a_hint(run: Run, args: list[str], first: str) -> None:
    outcome = run(*args)
    assert (outcome.code, outcome.out) == (2, "")
    lines = outcome.err.splitlines()
    assert len(lines) == 2 and lines[0].startswith(first), outcome.err
    assert lines[1].startswith("Try 'dgcli") and lines[1].endswith("--help' for help.")


def test_file_from_environment(run: Run) -> None:
    outcome = run("list", "--json", env={"DGCLI_FILE": str(MINIMAL)})
    assert json.loads(outcome.out)["source"]["publisher"] == "テスト庁"


def test_markup_in_data_prints_literally_and_controls_are_refused(run: Run, tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "name: マイナンバーカード", 'name: "[red]赤[/red] [link=https://evil.invalid]x[/link]"'
    )
    path = tmp_path / "markup.yaml"
    path.write_text(text, encoding="utf-8")
    outcome = run("show", "mynacard", "-f", str(path), env={"FORCE_COLOR": "1"})
    assert "[red]赤[/red]" in outcome.out
    assert "[link=https://evil.invalid]" in outcome.out
    # An escape sequence written as a YAML escape (\e) never reaches a terminal: it is a located error.
    path.write_text(text.replace("x[/link]", "x[/link] \\e[2J"), encoding="utf-8")
    outcome = run("show", "mynacard", "-f", str(path))
    assert outcome.code == 2 and outcome.err.endswith("control character U+001B in a value\n")


def test_every_command_has_help_with_an_example() -> None:
    from typer.main import get_command

    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help and "dgcli" in command.help, name


def test_show_lists_items_parts_and_distribution(run: Run) -> None:
    services = run("show", "common-services", "-f", str(SHIPPED)).out
    assert "  1. マイナポータル (2017年11月から)" in services
    parts = run("show", "jpki-verifications", "-f", str(SHIPPED)).out
    assert "署名用電子証明書有効性確認数 0.5億回 + 利用者証明用電子証明書有効性確認数 5.1億回" in parts
    survey = run("show", "approval", "-f", str(SHIPPED)).out
    assert "Distribution" in survey and "どちらともいえない" in survey and "n=10,000" in survey


# ── which file was read ───────────────────────────────────────────────────────────────────────


def test_the_file_read_is_named_unless_it_is_the_local_one(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert f"file: {MINIMAL}" in run("list", "-f", str(MINIMAL)).out
    monkeypatch.chdir(tmp_path)
    (tmp_path / "indicators.yaml").write_text(SHIPPED_TEXT, encoding="utf-8")
    assert "file:" not in run("list").out
    assert json.loads(run("list", "--json").out)["file"] == "indicators.yaml"


def test_the_bundled_copy_says_so(tmp_path: Path) -> None:
    outcome = run_process("verify", cwd=tmp_path)
    assert outcome.code == 0, outcome.err
    assert "the copy of indicators.yaml bundled with dgcli" in outcome.out
    annotations = run_process("verify", "--format", "github", cwd=tmp_path, env={"GITHUB_WORKSPACE": str(tmp_path)})
    assert annotations.out.startswith("::warning title=dgcli read its bundled copy::")
    # Under Actions itself a bare verify never passes on the bundled copy (test_precommit.py).
    assert run_process("verify", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"}).code == 2
    assert "site-packages" not in "".join(line for line in annotations.out.splitlines() if "file=" in line)


def test_standard_input_as_the_file() -> None:
    outcome = run_process("list", "--json", "--file", "-", stdin=SHIPPED_TEXT)
    assert outcome.code == 0, outcome.err
    assert json.loads(outcome.out)["file"] == "<stdin>"
    broken = run_process("list", "--file", "-", stdin="schema_version: [\n")
    assert broken.code == 2 and broken.err.startswith("<stdin>:")


# ── exit codes that hold: real processes under bash with pipefail ─────────────────────────────


def test_a_closed_pipe_exits_141_for_every_command(big_file: Path) -> None:
    # Each writes far more than a 64 KiB pipe buffer into a reader that stops after the first bytes.
    for command in ("list", "verify --json", "export", "changes"):
        outcome = run_bash(f'"$DGCLI" {command} -f "{big_file}" | head -c 10 > /dev/null; echo "${{PIPESTATUS[0]}}"')
        assert outcome.out.strip() == "141", (command, outcome.err)
        assert outcome.err == "", (command, outcome.err)


def test_help_into_a_closed_pipe_exits_141() -> None:
    # The reader is gone before dgcli starts writing, so even a short text meets a closed pipe.
    outcome = run_bash('(sleep 0.5; exec "$DGCLI" --help) | true; echo "${PIPESTATUS[0]}"')
    assert outcome.out.strip() == "141", outcome.err
    assert "Traceback" not in outcome.err


def test_a_full_disk_is_a_write_error_not_a_bug() -> None:
    outcome = run_bash(f'"$DGCLI" list -f "{SHIPPED}" > /dev/full')
    assert outcome.code == 74
    assert outcome.err == "dgcli: cannot write output: No space left on device\n"


def test_a_closed_stdout_is_a_write_error() -> None:
    outcome = run_bash(f'"$DGCLI" list -f "{SHIPPED}" >&-')
    assert outcome.code == 74
    assert outcome.err == "dgcli: cannot write output: standard output is closed\n"


def test_a_closed_stderr_keeps_the_exit_code() -> None:
    outcome = run_bash('"$DGCLI" list -f /nonexistent.yaml 2>&-')
    assert outcome.code == 2


@pytest.mark.parametrize("stage", ["start", "load"])
def test_ctrl_c_prints_one_line_and_exits_130(big_file: Path, stage: str) -> None:
    # start: the handler is in place and Python is about to import Typer; load: the 3,000-metric file
    # is about to be read and checked. The test waits for dgcli's ready line, never for a guessed delay.
    process = subprocess.Popen(
        [DGCLI, "verify", "-f", str(big_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=clean_environment({"DGCLI_TEST_READY": stage}),
    )
    assert process.stderr is not None
    assert process.stderr.readline() == b"dgcli: ready\n"
    process.send_signal(signal.SIGINT)
    err = process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode == 130
    assert err == b"dgcli: interrupted\n"


def test_an_internal_error_is_one_line_and_exit_3(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import dgcli.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(dgcli.cli, "load_dataset", broken)
    outcome = run("list")
    assert outcome.code == 3
    assert outcome.err.count("\n") == 1 and "internal error" in outcome.err


# ── terminals ─────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "env",
    [{"NO_COLOR": "1", "FORCE_COLOR": "1"}, {"FORCE_COLOR": "0"}, {"FORCE_COLOR": ""}, {"TERM": "dumb"}, {}],
)
def test_no_colour_off_a_terminal_or_when_asked(env: dict[str, str]) -> None:
    outcome = run_process("show", "mynacard", "-f", str(SHIPPED), env=env)
    assert outcome.code == 0
    assert not ANSI.search(outcome.out)


def test_force_color_turns_colour_on_in_a_pipe() -> None:
    assert ANSI.search(run_process("show", "mynacard", "-f", str(SHIPPED), env={"FORCE_COLOR": "1"}).out)


def test_json_never_has_ansi_even_when_colour_is_forced() -> None:
    outcome = run_process("verify", "--json", "-f", str(SHIPPED), env={"FORCE_COLOR": "1"})
    assert not ANSI.search(outcome.out)
    json.loads(outcome.out)


def test_ascii_only_stdout_gets_ascii_boxes() -> None:
    outcome = run_process("show", "mynacard", "-f", str(SHIPPED), env={"PYTHONIOENCODING": "ascii"})
    assert outcome.code == 0 and "Traceback" not in outcome.err
    rows = [line for line in outcome.out.splitlines() if " | " in line]
    assert rows and "-+-" in outcome.out  # ASCII borders, not box drawing turned into '?'
    assert len({line.index(" | ") for line in rows[:4]}) == 1  # a wide character is '??': columns line up
    document = run_process("show", "mynacard", "--json", "-f", str(SHIPPED), env={"PYTHONIOENCODING": "ascii"})
    assert json.loads(document.out)["name"] == "マイナンバーカード"


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
@pytest.mark.parametrize("command", [["list"], ["show", "mynacard"], ["show", "approval"], ["changes"], ["verify"]])
def test_output_fits_the_width_and_never_splits_a_number_or_an_id(run: Run, command: list[str], columns: int) -> None:
    outcome = run(*command, "-f", str(SHIPPED), env={"COLUMNS": str(columns)})
    assert outcome.code == 0, outcome.err
    assert "\\u00" not in outcome.out  # dgcli's own line breaks are never escaped as if they were data
    lines = outcome.out.splitlines()
    if command == ["verify"]:  # the summary line is kept whole, for `| tail -1` and log greps
        assert lines[-1].startswith("OK: 72 claims: ")
        lines = lines[:-1]
    assert all(cell_len(line.rstrip()) <= columns for line in lines), [
        line for line in lines if cell_len(line.rstrip()) > columns
    ]
    text = "\n".join(line.strip() for line in lines)
    for figure in ("9,308万枚", "93,080,000", "50.9%", "mynacard", "health-insurance-card"):
        pieces = [figure[:cut] for cut in range(2, len(figure))]
        for piece in pieces:
            # a line may end with part of a figure only if the figure does not go on at the start of the next
            assert not re.search(re.escape(piece) + r"\n" + re.escape(figure[len(piece) :]), text), (figure, piece)


def test_japanese_table_columns_line_up(run: Run) -> None:
    outcome = run("list", "-f", str(SHIPPED), env={"COLUMNS": "120"})
    first_table: list[str] = []
    for line in outcome.out.splitlines():
        if "│" in line:
            first_table.append(line)
        elif first_table:
            break
    assert first_table
    assert len({cell_len(line[: line.index("│")]) for line in first_table}) == 1


# ── conventions ───────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_comes_from_the_package_metadata(flag: str) -> None:
    # dgcli.__version__ answers before the CLI is imported: it must be the installed package's version
    from importlib.metadata import version

    outcome = run_process(flag)
    assert (outcome.code, outcome.out) == (0, f"dgcli {version('dgcli')}\n")


def test_usage_says_metric() -> None:
    assert "Usage: dgcli show [OPTIONS] METRIC" in run_process("show", "--help").out


def test_completion_script_and_metric_ids_from_the_data_file() -> None:
    script = run_process("--show-completion", "bash")
    assert script.code == 0 and "_DGCLI_COMPLETE" in script.out
    env = {
        "_DGCLI_COMPLETE": "bash",
        "_DGCLI_LINE": "dgcli show myna",
        "_DGCLI_CURRENT": "myna",
        "DGCLI_FILE": str(SHIPPED),
    }
    completed = run_process(env=env)
    assert completed.code == 0
    offered = completed.out.split()
    assert "mynacard" in offered and "mynaportal-accounts" in offered and "mynaportal" in offered
    assert "approval" not in offered


@pytest.mark.parametrize(
    "command", [["list"], ["show", "mynacard"], ["show", "approval"], ["changes"], ["verify"]], ids=" ".join
)
def test_no_character_is_lost_at_any_width(run: Run, command: list[str]) -> None:
    """Every wide (Japanese) character printed at 250 columns is printed at every narrower width too:
    a table that cannot give each column its minimum stacks its rows instead of cropping them."""

    def wide(columns: int) -> Counter[str]:
        out = run(*command, "-f", str(SHIPPED), env={"COLUMNS": str(columns)}).out
        return Counter(c for c in out if unicodedata.east_asian_width(c) in "WF" and c not in "「」")

    everything = wide(250)
    assert [(columns, wide(columns)) for columns in range(40, 131, 3) if wide(columns) != everything] == []
