"""Which file is read when none is named: CI detection and the candidates named in the error."""

from __future__ import annotations

from pathlib import Path

from dgcli import locate


def test_ci_is_detected_from_either_variable() -> None:
    assert locate.in_ci({"CI": "true"}) and locate.in_ci({"GITHUB_ACTIONS": "true"}) and locate.in_ci({"CI": "1"})
    assert not locate.in_ci({}) and not locate.in_ci({"CI": ""}) and not locate.in_ci({"CI": "false"})
    assert not locate.in_ci({"CI": "0"})


def test_candidates_without_git(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "indicators.yaml").write_text("", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "indicators.yaml").write_text("", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("", encoding="utf-8")
    assert locate.candidates(tmp_path) == ["data/indicators.yaml"]


def test_the_message_names_what_it_sees() -> None:
    assert "name one" in locate.no_file_message([])
    many = [f"d{i}/indicators.yaml" for i in range(12)]
    message = locate.no_file_message(many)
    assert "d0/indicators.yaml" in message and "and 2 more" in message and "d11/" not in message
