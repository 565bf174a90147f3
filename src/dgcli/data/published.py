"""Every published field of an indicators file, keyed so that two files compare field by field.

``diff`` compares figures, claims and verdicts by their meaning (diff.py); everything else the format
holds — headlines, names, aliases, categories, descriptions, items, footnotes, notes, rounding
declarations, sources' titles and URLs, a metric's section — is compared here, as written. The walk
is driven by the format's own table (fileformat.MAPPINGS): a key added to the format is compared
without anyone remembering to add it; only the keys listed in ``BY_MEANING`` are left to diff.py.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from dgcli.data.fileformat import MAPPINGS
from dgcli.data.tree import Node

# Keys diff.py compares by meaning (figures, periods, claims' operands) or that name or hold an entity.
BY_MEANING: dict[str, frozenset[str]] = {
    "file": frozenset({"schema_version", "sources", "source", "surveys", "groups", "sections", "footnotes"}),
    "source": frozenset({"id"}),
    "survey": frozenset({"id"}),
    "group": frozenset({"id"}),
    "section": frozenset({"id", "metrics", "claims"}),
    "metric": frozenset({"id", "observations", "claims"}),
    # An observation's period is its key (by meaning); how it is written is compared as a field.
    "observation": frozenset({"value", "shares", "parts", "source"}),
    "claim": frozenset(
        {"id", "kind", "text", "stated", "from", "to", "metric", "metrics", "of", "direction", "source"}
        | {"unverifiable", "rounding"}
    ),
}
MAIN_SOURCE_V1 = "main"  # as schema.py names a version-1 file's one source


class Field(NamedTuple):
    value: str  # as written; lists and mappings as compact JSON
    line: int
    metric: str  # the metric it belongs to, if any
    section: str  # the section it belongs to, if any


class Published(NamedTuple):
    version: str
    fields: dict[tuple[str, str, str], Field]  # (kind, id, key) → value
    entities: dict[tuple[str, str], int]  # (kind, id) → line: sources, surveys, groups, sections, footnotes
    metric_sections: dict[str, tuple[str, int]]  # metric id → (its section, line)
    orders: dict[str, list[str]]  # "sources", "groups", "sections", "section <id> metrics" → ids in order


def _plain(node: Node) -> object:
    if isinstance(node.value, dict):
        return {key: _plain(value) for key, value in node.value.items()}
    if isinstance(node.value, list):
        return [_plain(value) for value in node.value]
    return node.value


def _text(node: Node) -> str:
    if isinstance(node.value, str):
        return node.value
    return json.dumps(_plain(node), ensure_ascii=False, separators=(", ", ": "))


def _id(node: Node, default: str = "") -> str:
    fields = node.value if isinstance(node.value, dict) else {}
    found = fields.get("id")
    return found.value if found is not None and isinstance(found.value, str) else default


def _items(node: Node | None) -> list[Node]:
    return node.value if node is not None and isinstance(node.value, list) else []


def _period_key(text: str) -> str:
    from dgcli.errors import DgcliError
    from dgcli.text.periods import parse_period

    try:
        return parse_period(text).key
    except (DgcliError, ValueError):
        return text


def published(root: Node, renames: dict[str, str] | None = None) -> Published:
    """The fields of a file's tree (as the loader accepted it); ``renames`` maps its source ids to
    the ids the other file uses for the same sources."""
    renames = renames or {}
    top = root.value if isinstance(root.value, dict) else {}
    version = _text(top["schema_version"]) if "schema_version" in top else ""
    fields: dict[tuple[str, str, str], Field] = {}
    entities: dict[tuple[str, str], int] = {}
    sections: dict[str, tuple[str, int]] = {}

    def record(kind: str, ident: str, node: Node, metric: str = "", section: str = "") -> None:
        skip = BY_MEANING.get(kind, frozenset())
        for key, value in node.value.items() if isinstance(node.value, dict) else ():
            if key not in skip and key in MAPPINGS.get(kind, {}):
                fields[(kind, ident, key)] = Field(_text(value), value.key_line, metric, section)

    if isinstance(top.get("source"), Node) and "sources" not in top:
        sources = [(top["source"], MAIN_SOURCE_V1)]
    else:
        sources = [(node, "") for node in _items(top.get("sources"))]
    main = ""
    for node, default in sources:
        ident = renames.get(_id(node, default), _id(node, default))
        main = main or ident
        entities[("source", ident)] = node.line
        record("source", ident, node)
    footnotes = top.get("footnotes")
    for mark, node in footnotes.value.items() if footnotes is not None and isinstance(footnotes.value, dict) else ():
        entities[("footnote", mark)] = node.key_line
        fields[("footnote", mark, "text")] = Field(_text(node), node.key_line, "", "")
    for kind, key in (("survey", "surveys"), ("group", "groups")):
        for node in _items(top.get(key)):
            entities[(kind, _id(node))] = node.line
            record(kind, _id(node), node)
    for section_node in _items(top.get("sections")):
        section = _id(section_node)
        entities[("section", section)] = section_node.line
        record("section", section, section_node, section=section)
        section_fields = section_node.value if isinstance(section_node.value, dict) else {}
        for claim in _items(section_fields.get("claims")):
            record("claim", _id(claim), claim, section=section)
        for metric_node in _items(section_fields.get("metrics")):
            metric = _id(metric_node)
            sections[metric] = (section, metric_node.line)
            record("metric", metric, metric_node, metric, section)
            metric_fields = metric_node.value if isinstance(metric_node.value, dict) else {}
            for claim in _items(metric_fields.get("claims")):
                record("claim", _id(claim), claim, metric, section)
            for observation in _items(metric_fields.get("observations")):
                values = observation.value if isinstance(observation.value, dict) else {}
                period = values.get("period")
                source = values.get("source")
                source_id = source.value if source is not None and isinstance(source.value, str) else main
                where = _period_key(period.value) if period is not None and isinstance(period.value, str) else ""
                ident = f"{metric} {where or '(undated)'} [{renames.get(source_id, source_id)}]"
                record("observation", ident, observation, metric, section)
    orders = {
        "sources": [ident for (kind, ident) in entities if kind == "source"],
        "surveys": [ident for (kind, ident) in entities if kind == "survey"],
        "groups": [ident for (kind, ident) in entities if kind == "group"],
        "sections": [ident for (kind, ident) in entities if kind == "section"],
    }
    for metric, (section, _) in sections.items():
        orders.setdefault(f"section {section} metrics", []).append(metric)
    return Published(version, fields, entities, sections, orders)
