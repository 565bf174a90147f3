"""End to end: every command, format and exit code, in-process through main() and as a subprocess."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL, SHIPPED, Outcome, run_process
from dgcli.cli import app

ANSI = re.compile(r"\x1b\[")
Run = Callable[..., Outcome]


def test_show_mynacard_history_and_chart(run: Run) -> None:
    outcome = run("show", "mynacard", "-f", str(SHIPPED))
    assert outcome.code == 0, outcome.err
    for period, figure in (
        ("2024年7月", "9,308万枚"),
        ("2023年7月", "8,904万枚"),
        ("2022年4月", "5,400万枚"),
    ):
        assert re.search(f"{period}.*{figure}", outcome.out)
    assert "█" in outcome.out  # the chart
    assert "5%" in outcome.out and "consistent" in outcome.out


def test_show_by_japanese_name_is_the_same_metric(run: Run) -> None:
    by_name = json.loads(run("show", "マイナンバーカード", "--json", "-f", str(SHIPPED)).out)
    by_id = json.loads(run("show", "mynacard", "--json", "-f", str(SHIPPED)).out)
    assert by_name == by_id


def test_show_json_contract(run: Run) -> None:
    document = json.loads(run("show", "mynacard", "--json", "-f", str(SHIPPED)).out)
    assert document["schema_version"] == 1
    assert {"id", "name", "name_en", "section", "unit", "observations", "claims", "notes", "source"} <= set(document)
    latest = document["observations"][0]
    assert (latest["period"], latest["value"], latest["published"], latest["exact"]) == (
        "2024-07",
        93080000,
        "9,308万枚",
        False,
    )
    assert {c["id"]: c["verdict"] for c in document["claims"]}["mynacard-change"] == "consistent"


def test_json_numbers_have_no_float_artefacts(run: Run) -> None:
    raw = run("show", "jpki-verifications", "--json", "-f", str(SHIPPED)).out
    assert '"value": 510000000' in raw and '"value": 560000000' in raw
    survey = run("show", "approval", "--json", "-f", str(SHIPPED)).out
    assert '"value": 50.9' in survey
    assert json.loads(survey)["observations"][0]["distribution"][1]["published"] == "38.0%"


def test_list_json_contract(run: Run) -> None:
    document = json.loads(run("list", "--json", "-f", str(SHIPPED)).out)
    assert document["schema_version"] == 1
    assert len(document["sections"]) == 13
    section = document["sections"][1]
    assert {"id", "title", "group", "metrics"} <= set(section)
    metric = section["metrics"][0]
    assert {"id", "name", "name_en", "unit", "latest"} <= set(metric)


def test_unknown_metric_suggests_and_prints_nothing(run: Run) -> None:
    outcome = run("show", "mynacrd", "-f", str(SHIPPED))
    assert (outcome.code, outcome.out) == (2, "")
    assert outcome.err.strip() == "dgcli: no metric 'mynacrd'; did you mean: mynacard?"


def test_changes_shows_mynacard_against_its_baseline(run: Run) -> None:
    outcome = run("changes", "mynacard", "-f", str(SHIPPED))
    assert outcome.code == 0
    assert "+4.54%" in outcome.out and "5%" in outcome.out and "2023-07" in outcome.out
    rows = json.loads(run("changes", "--json", "-f", str(SHIPPED)).out)["changes"]
    mynacard = next(r for r in rows if r["metric"] == "mynacard")
    assert mynacard["percent_change"]["point"] == pytest.approx(4.537287, abs=1e-6)  # 404 / 8904
    assert mynacard["claim"]["stated"] == "5%"


def test_verify_exit_codes(run: Run, tmp_path: Path) -> None:
    assert run("verify", "-f", str(SHIPPED)).code == 0
    assert run("verify", "--strict", "-f", str(SHIPPED)).code == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        SHIPPED.read_text(encoding="utf-8").replace("value: 9,308万枚", "value: 9,408万枚"), encoding="utf-8"
    )
    outcome = run("verify", "-f", str(broken))
    assert outcome.code == 1
    assert re.search(r"inconsistent mynacard-change\s+\S+:250", outcome.out)
    assert outcome.out.strip().splitlines()[-1].startswith("FAIL")


def test_verify_json_contract(run: Run) -> None:
    outcome = run("verify", "--json", "-f", str(SHIPPED))
    document = json.loads(outcome.out)
    assert set(document["summary"]) == {
        "total",
        "consistent",
        "within_rounding",
        "inconsistent",
        "gross",
        "unverifiable",
    }
    claim = document["claims"][0]
    assert {"id", "metric", "kind", "text", "stated", "computed", "verdict", "reason", "location"} <= set(claim)
    assert set(claim["computed"]) == {"point", "low", "high"}
    assert run("verify", "--format", "json", "-f", str(SHIPPED)).out == outcome.out


def test_verify_github_format_and_auto_detection(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "indicators.yaml"
    broken.write_text(SHIPPED.read_text(encoding="utf-8").replace("stated: 795%", "stated: 50%"), encoding="utf-8")
    outcome = run("verify", "-f", str(broken), env={"GITHUB_ACTIONS": "true"})
    assert outcome.code == 1
    errors = [line for line in outcome.out.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    line = SHIPPED.read_text(encoding="utf-8").splitlines().index("          - id: gov-cloud-systems-change") + 1
    assert errors[0].startswith(f"::error file={broken},line={line},title=inconsistent%3A gov-cloud-systems-change::")
    assert outcome.out.splitlines()[-1].startswith("dgcli verify: ")


def test_github_escaping_stops_injection(run: Run, tmp_path: Path) -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("text: 2023年7月から5%増加しました", 'text: "50%\\n::error::injected, a:b\\r"')
        .replace("stated: 5%", "stated: 50%")
    )
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    outcome = run("verify", "--format", "github", "-f", str(path))
    lines = outcome.out.splitlines()
    assert not any(line.startswith("::error::") for line in lines)
    annotation = next(line for line in lines if "mynacard-change" in line)
    assert "50%25%0A::error::injected, a:b%0D" in annotation


def test_json_flag_conflicting_with_format_is_a_usage_error(run: Run) -> None:
    outcome = run("verify", "--json", "--format", "github", "-f", str(SHIPPED))
    assert (outcome.code, outcome.out) == (2, "")
    assert "Traceback" not in outcome.err


@pytest.mark.parametrize("args", [["nonsense"], ["verify", "--format", "xml"], ["show"], ["list", "--bogus"]])
def test_usage_errors_exit_2(run: Run, args: list[str]) -> None:
    outcome = run(*args)
    assert outcome.code == 2
    assert outcome.out == ""
    assert "Traceback" not in outcome.err


def test_file_from_environment(run: Run) -> None:
    outcome = run("list", "--json", env={"DGCLI_FILE": str(MINIMAL)})
    assert json.loads(outcome.out)["source"]["publisher"] == "テスト庁"


def test_markup_and_controls_in_data_print_literally(run: Run, tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "name: マイナンバーカード", 'name: "[red]赤[/red] [link=https://evil.invalid]x[/link] \\e[2J"'
    )
    path = tmp_path / "markup.yaml"
    path.write_text(text, encoding="utf-8")
    outcome = run("show", "mynacard", "-f", str(path), env={"FORCE_COLOR": "1"})
    assert "[red]赤[/red]" in outcome.out
    assert "[link=https://evil.invalid]" in outcome.out
    assert "\x1b[2J" not in outcome.out and "\\u001b[2J" in outcome.out


def test_every_command_has_help_with_an_example() -> None:
    from typer.main import get_command

    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help and "dgcli" in command.help, name


# Real processes: pipes, colours, the bundled file.


def test_pipe_into_head_ends_quietly() -> None:
    outcome = run_process(shell=f"'{__import__('sys').executable}' -m dgcli list | head -1; exit ${{PIPESTATUS[0]}}")
    assert "Traceback" not in outcome.err and "BrokenPipe" not in outcome.err
    json_head = run_process(shell=f"'{__import__('sys').executable}' -m dgcli show mynacard --json | head -c 20")
    assert json_head.out == '{"schema_version": 1'[:20]
    assert json_head.err == ""


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "FORCE_COLOR": ""}, {"TERM": "dumb", "FORCE_COLOR": "1"}, {}])
def test_no_ansi_codes_off_a_terminal(env: dict[str, str]) -> None:
    outcome = run_process("show", "mynacard", env=env)
    assert outcome.code == 0
    assert not ANSI.search(outcome.out)


def test_json_never_has_ansi_even_when_colour_is_forced() -> None:
    outcome = run_process("verify", "--json", env={"FORCE_COLOR": "1"})
    assert not ANSI.search(outcome.out)
    json.loads(outcome.out)


def test_bundled_file_works_from_any_directory(tmp_path: Path) -> None:
    outcome = run_process(shell=f"cd '{tmp_path}' && '{__import__('sys').executable}' -m dgcli show mynacard --json")
    assert outcome.code == 0, outcome.err
    assert json.loads(outcome.out)["observations"][0]["published"] == "9,308万枚"


def test_ascii_only_terminal_degrades(tmp_path: Path) -> None:
    outcome = run_process("show", "mynacard", env={"PYTHONIOENCODING": "ascii"})
    assert outcome.code == 0 and "Traceback" not in outcome.err
    document = run_process("show", "mynacard", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert json.loads(document.out)["name"] == "マイナンバーカード"


def test_ctrl_c_exits_130_without_a_traceback(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import dgcli.cli

    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(dgcli.cli, "load_dataset", interrupted)
    outcome = run("list")
    assert outcome.code == 130
    assert "Traceback" not in outcome.err


def test_an_internal_error_is_one_line_and_exit_3(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import dgcli.cli

    def broken(path: Path) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(dgcli.cli, "load_dataset", broken)
    outcome = run("list")
    assert outcome.code == 3
    assert outcome.err.count("\n") == 1 and "internal error" in outcome.err


def test_japanese_table_columns_line_up(run: Run) -> None:
    from rich.cells import cell_len

    outcome = run("list", "-f", str(SHIPPED))
    rows = [line for line in outcome.out.splitlines() if "│" in line]
    assert rows
    # Within one table every row puts its first column separator at the same display column.
    first_table = []
    for line in outcome.out.splitlines():
        if "│" in line:
            first_table.append(line)
        elif first_table:
            break
    columns = {cell_len(line[: line.index("│")]) for line in first_table}
    assert len(columns) == 1


def test_show_lists_items_parts_and_distribution(run: Run) -> None:
    services = run("show", "common-services", "-f", str(SHIPPED)).out
    assert "  1. マイナポータル (2017年11月から)" in services and "\\u000a" not in services
    parts = run("show", "jpki-verifications", "-f", str(SHIPPED)).out
    assert "署名用電子証明書有効性確認数 0.5億回 + 利用者証明用電子証明書有効性確認数 5.1億回" in parts
    survey = run("show", "approval", "-f", str(SHIPPED)).out
    assert "Distribution" in survey and "どちらともいえない" in survey and "n=10,000" in survey
