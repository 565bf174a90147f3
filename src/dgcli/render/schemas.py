"""The JSON Schemas of dgcli's JSON outputs (schema/output/*.schema.json) take every enum from the code.

Each committed schema is written by hand for its shape and descriptions; its enums — verdicts,
claim kinds, rounding rules, hedges, diff and audit finding kinds — are filled in here from the
enums and tables that produce the output, so a new verdict or kind cannot be left out of a schema
(tests/test_schemas.py fails until ``python -m dgcli.render.schemas`` has rewritten them).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dgcli.check.diff import KINDS as DIFF_KINDS
from dgcli.data.kinds import ClaimKind
from dgcli.data.model import Verdict
from dgcli.page.audit import CHOSEN_BY
from dgcli.page.audit import KINDS as AUDIT_KINDS
from dgcli.text.numbers import Hedge, Rounding

NAMES = ("list", "show", "changes", "verify", "diff", "export", "audit", "errors")
# show and changes leave not_compared to verify (their documents keep version 2)
_REPORTED = [v.value for v in Verdict if v is not Verdict.NOT_COMPARED]
_DEFS: dict[str, Callable[[str], list[str] | None]] = {
    "claimKind": lambda name: [kind.value for kind in ClaimKind],
    "verdict": lambda name: [v.value for v in Verdict] if name == "verify" else _REPORTED,
    "hedge": lambda name: [hedge.value for hedge in Hedge],
    "rounding": lambda name: [rule.value for rule in Rounding],
}


def _put(document: dict[str, Any], path: tuple[str, ...], values: list[str]) -> None:
    node = document
    for key in path:
        node = node[key]
    node["enum"] = values


def with_enums(name: str, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (the schema of ``name``'s output) with every enum taken from the code."""
    for key, values in _DEFS.items():
        if key in document.get("$defs", {}) and "enum" in document["$defs"][key]:
            _put(document, ("$defs", key), values(name) or [])
    if name == "diff":
        _put(document, ("properties", "differences", "items", "properties", "kind"), list(DIFF_KINDS))
        document["properties"]["summary"]["required"] = list(DIFF_KINDS)
    if name == "audit":
        _put(document, ("$defs", "finding", "properties", "kind"), list(AUDIT_KINDS))
        _put(document, ("properties", "source_chosen_by"), list(CHOSEN_BY))
    if name == "verify":
        document["properties"]["summary"]["required"] = ["total", *(v.value for v in Verdict)]
    return document


def path_of(name: str, root: Path) -> Path:
    return root / "schema" / "output" / f"{name}.schema.json"


def rewrite(root: Path) -> None:
    for name in NAMES:
        path = path_of(name, root)
        document = with_enums(name, json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":  # python -m dgcli.render.schemas [REPO]: rewrite schema/output's enums
    rewrite(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
