"""The indicators file's format, declared once: every mapping, its keys, their shapes and meanings.

The loader (schema.py) takes allowed and required keys from here; ``input_schema()`` turns the same
table into the JSON Schema in schema/indicators.schema.json (editors complete and check keys from
it); a test checks that the README and the shipped file's header document every key.
Rules that depend on other keys (a claim kind's own keys, ``unit`` or ``units``) live in the loader
and in the claim kind table (kinds.KINDS), which the schema generator also reads.
"""

from __future__ import annotations

from typing import Any

from dgcli.data.kinds import KINDS, Stated
from dgcli.text.numbers import Rounding

SCHEMA_VERSION = 2
READS_VERSIONS = (1, 2)


class Key:
    """One key of one mapping: its name, shape, whether it must be there, and what it means.

    shape: text, id, figure, period, rounding, time, count, bool, texts, ids, at, list:X, map:X, pairs:X.
    """

    __slots__ = ("doc", "name", "required", "shape")

    def __init__(self, name: str, shape: str, required: bool, doc: str) -> None:
        self.name, self.shape, self.required, self.doc = name, shape, required, doc


def _keys(*keys: Key) -> dict[str, Key]:
    return {key.name: key for key in keys}


MAPPINGS: dict[str, dict[str, Key]] = {
    "file": _keys(
        Key("schema_version", "text", True, 'The format version: "2" (files of version "1" are still read).'),
        Key("sources", "list:source", False, "The publications the figures come from; the first is the main one."),
        Key("source", "map:source", False, 'Version "1" only: the one publication (no id needed).'),
        Key("footnotes", "pairs:text", False, "Footnotes by mark, as printed: ※1: …"),
        Key("surveys", "list:survey", False, "Surveys whose answers some metrics report."),
        Key("groups", "list:group", True, "The publication's top headings."),
        Key("sections", "list:section", True, "The sections, in the publication's order."),
    ),
    "source": _keys(
        Key("id", "id", False, "How observations and claims name it (source: progress-2024); needed in version 2."),
        Key("title", "text", True, "The publication's title as printed."),
        Key("publisher", "text", True, "Who published it (デジタル庁)."),
        Key("url", "text", False, "Where it was published."),
        Key("published", "period", False, "When it was published (2024年9月30日); dates its undated figures."),
        Key("rounding", "rounding", False, "How it rounds its figures: half_up (四捨五入), down, up, nearest."),
        Key("time", "time", False, "What its figures' periods mean unless a metric says: stock, flow or auto."),
        Key("as_of", "period", False, "What its undated figures stand for: an as-of date or a survey wave."),
        Key("notes", "texts", False, "Anything worth knowing about it."),
    ),
    "survey": _keys(
        Key("id", "id", True, "How metrics name it (survey: …)."),
        Key("title", "text", True, "The survey's name as printed."),
        Key("method", "text", False, "インターネット調査, …"),
        Key("population", "text", False, "Who was asked (全国18歳から79歳男女)."),
        Key("age_min", "count", False, "Youngest age asked."),
        Key("age_max", "count", False, "Oldest age asked."),
        Key("respondents", "pairs:count", False, "Respondents by period: 2024年度: 10,000."),
        Key("rounding", "rounding", False, "The rounding note as printed (…を四捨五入) or a rule name."),
    ),
    "group": _keys(
        Key("id", "id", True, "A stable slug."),
        Key("title", "text", True, "The heading as printed."),
    ),
    "section": _keys(
        Key("id", "id", True, "A stable slug."),
        Key("title", "text", True, "The section heading as printed."),
        Key("group", "id", True, "The id of the group it sits in."),
        Key("headline", "text", False, "The section's headline paragraph, verbatim."),
        Key("source", "text", False, "The section's 出典 line, verbatim (not a source id)."),
        Key("related", "texts", False, "The 関連情報 links' titles."),
        Key("claims", "list:claim", False, "Claims the headline makes (name their metric:)."),
        Key("metrics", "list:metric", True, "The section's indicators."),
    ),
    "metric": _keys(
        Key("id", "id", True, "A stable slug users type (dgcli show mynacard)."),
        Key("name", "text", True, "The Japanese name as printed."),
        Key("name_en", "text", True, "An English name."),
        Key("unit", "text", False, "The counter word the history prints (枚, 件, %); or give units:."),
        Key("units", "texts", False, "Counter words that mean the same count ([枚, 件]); the first is shown."),
        Key("aliases", "texts", False, "Other names it is printed or typed as."),
        Key("description", "text", False, "The publication's sentence about it, verbatim."),
        Key("category", "text", False, "The sub-heading it sits under."),
        Key("headline_answer", "text", False, "Distributions: the answer whose share is the metric's value."),
        Key("survey", "id", False, "The survey its answers come from."),
        Key("footnotes", "texts", False, "The ※ marks it carries."),
        Key("notes", "texts", False, "Anything printed beside it (年間)."),
        Key("rounding", "rounding", False, "How its figures are rounded, if unlike its source's."),
        Key("share", "bool", False, "false: a percentage that is no share (前年同月比, 達成率), so < 0 or > 100."),
        Key(
            "time",
            "time",
            False,
            "stock (a level at a moment: 2023年7月 = 2023年7月末), flow (a total over a span) or auto (default).",
        ),
        Key("observations", "list:observation", True, "Its figures: per source, newest first."),
        Key("claims", "list:claim", False, "What the publication says about it."),
    ),
    "observation": _keys(
        Key("period", "period", False, "The period as printed; leave it out when none is printed."),
        Key("value", "figure", False, "The figure exactly as printed, unit included (9,308万枚)."),
        Key("shares", "pairs:figure", False, "A distribution: every answer with its share, instead of value:."),
        Key("partial", "bool", False, "true when only some answers of the distribution are printed."),
        Key("parts", "list:part", False, "Components of the figure (署名用 0.5億 + 利用者証明用 5.1億)."),
        Key("items", "list:item", False, "What the figure counts, as listed."),
        Key("added", "list:item", False, "What joined since the previous figure, as listed."),
        Key("source", "id", False, "The source that printed it (default: the main source)."),
        Key("revised", "text", False, "Why it knowingly differs from another source's figure for this period."),
        Key("rounding", "rounding", False, "How this figure was rounded, if unlike its metric's or source's."),
        Key("note", "text", False, "Anything printed beside it."),
    ),
    "part": _keys(
        Key("name", "text", True, "The part's label as printed."),
        Key("value", "figure", True, "Its figure as printed."),
    ),
    "item": _keys(
        Key("name", "text", True, "The item as printed."),
        Key("since", "period", False, "When it started (2017年11月から)."),
    ),
    "claim": _keys(
        Key("id", "id", True, "A stable slug, unique in the file."),
        Key("kind", "kind", True, "What the claim asserts (see the kinds table)."),
        Key("text", "text", True, "The published words, verbatim."),
        Key("metric", "id", False, "The metric it is about (default: the metric holding the claim)."),
        Key("metrics", "ids", False, "Several metrics (threshold, direction, ordering)."),
        Key("stated", "figure", False, "The figure as printed in the claim (5%, 2.9PT, 8割近く)."),
        Key("from", "at", False, "The baseline: a period as printed, or {period:, source:}."),
        Key("to", "at", False, "The figure compared (default: the latest): a period, or {period:, source:}."),
        Key("of", "map:of", False, "share_of's whole, or ratio's divisor: {metric:, period:} or {outside: 国民}."),
        Key("direction", "direction", False, "up or down (a fall: 5%減少 is stated: 5% with direction: down)."),
        Key("source", "id", False, "The source that makes the claim (default: the main source)."),
        Key("unverifiable", "text", False, "Why an operand it names is not published (then from: may be left out)."),
        Key("rounding", "rounding", False, "How its stated figure was rounded, if unlike its figures."),
        Key("note", "text", False, "How the claim was read."),
    ),
    "at": _keys(
        Key("period", "period", False, "The period as printed (left out: the latest or undated figure)."),
        Key("source", "id", False, "The source whose figure is meant."),
    ),
    "of": _keys(
        Key("metric", "id", False, "The metric that is the whole (or the divisor)."),
        Key("period", "period", False, "Its period (default: its latest)."),
        Key("source", "id", False, "Its source."),
        Key("outside", "text", False, "A whole the publication does not give (国民, 人口)."),
    ),
}

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
BOOLEANS = {"true": True, "false": False}


def documented_keys() -> set[str]:
    return {key for keys in MAPPINGS.values() for key in keys}


def input_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an indicators file, from this table and the claim kinds."""

    definitions: dict[str, Any] = {}
    for name, keys in MAPPINGS.items():
        definitions[name] = {
            "type": "object",
            "additionalProperties": False,
            "required": [key.name for key in keys.values() if key.required],
            "properties": {key.name: {**_shape(key.shape), "description": key.doc} for key in keys.values()},
        }
    kinds = [kind.value for kind, spec in KINDS.items() if not spec.implied]
    definitions["claim"]["properties"]["kind"] = {
        "enum": kinds,
        "description": "; ".join(f"{kind}: {KINDS[kind].summary}" for kind in KINDS if not KINDS[kind].implied),
    }
    definitions["claim"]["allOf"] = [
        {"if": {"properties": {"kind": {"const": kind.value}}}, "then": {"not": {"anyOf": forbidden}}}
        for kind, spec in KINDS.items()
        if not spec.implied and (forbidden := [{"required": [k]} for k in spec.forbidden_keys()])
    ]
    definitions["metric"]["oneOf"] = [{"required": ["unit"]}, {"required": ["units"]}]
    definitions["observation"]["oneOf"] = [{"required": ["value"]}, {"required": ["shares"]}]
    definitions["item_or_text"] = {"oneOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/item"}]}
    definitions["at_or_period"] = {"oneOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/at"}]}
    root = definitions.pop("file")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/dgcli/dgcli/schema/indicators.schema.json",
        "title": "dgcli indicators file",
        "description": "Every figure and claim of a publication, as printed (dgcli verify checks the claims).",
        **root,
        "properties": {
            **root["properties"],
            "schema_version": {
                "enum": [str(v) for v in READS_VERSIONS],
                "description": MAPPINGS["file"]["schema_version"].doc,
            },
        },
        "$defs": definitions,
    }


def _shape(shape: str) -> dict[str, Any]:
    """The loader reads every scalar as the text written; an editor's YAML 1.2 reads ``age_min: 18`` as a
    number and ``partial: true`` as a boolean, so the schema accepts those where the loader does."""
    text = {"type": ["string", "number"], "minLength": 1}
    if shape in ("text", "figure", "period", "rounding", "count", "direction", "kind"):
        if shape == "direction":
            return {"enum": ["up", "down"]}
        if shape == "rounding":
            examples = [rule.value for rule in Rounding if rule is not Rounding.HALF_DOWN] + ["四捨五入"]
            return {"type": "string", "minLength": 1, "examples": examples}
        if shape == "count":
            return {"type": ["string", "integer"], "minLength": 1, "minimum": 0}
        if shape == "kind":
            return {"type": "string", "minLength": 1}
        return text
    if shape == "time":
        return {"enum": ["stock", "flow", "auto"]}
    if shape == "id":
        return {"type": "string", "pattern": ID_PATTERN}
    if shape == "bool":
        return {"enum": [True, False, "true", "false"]}
    if shape == "texts":
        return {"type": "array", "items": text}
    if shape == "ids":
        return {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}, "minItems": 1}
    if shape == "at":
        return {"$ref": "#/$defs/at_or_period"}
    if shape == "list:item":
        return {"type": "array", "items": {"$ref": "#/$defs/item_or_text"}}
    kind, _, name = shape.partition(":")
    if kind == "list":
        return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}
    if kind == "map":
        return {"$ref": f"#/$defs/{name}"}
    if kind == "pairs":
        return {"type": "object", "additionalProperties": _shape(name), "minProperties": 1}
    raise ValueError(f"unknown shape {shape!r}")


# Where each mapping sits in the file, for the reference below.
PLACES = {
    "file": "the top level",
    "source": "each entry of `sources:`",
    "survey": "each entry of `surveys:`",
    "group": "each entry of `groups:`",
    "section": "each entry of `sections:`",
    "metric": "each entry of a section's `metrics:`",
    "observation": "each entry of a metric's `observations:`",
    "part": "each entry of an observation's `parts:`",
    "item": "an entry of `items:` or `added:` (or just the name as text)",
    "claim": "each entry of a metric's or a section's `claims:`",
    "at": "`from:` or `to:` written as a mapping (else a period as printed)",
    "of": "a claim's `of:`",
}
_UNITS = {"%": "% or 割", "PT": "PT or ポイント", "倍": "倍", "": "none (二桁)"}


def markdown() -> str:
    """The README's key reference and claim kinds table, generated from MAPPINGS and kinds.KINDS."""

    lines = ["| where | key | | meaning |", "|---|---|---|---|"]
    for name, keys in MAPPINGS.items():
        for index, key in enumerate(keys.values()):
            where = PLACES[name] if index == 0 else ""
            lines.append(f"| {where} | `{key.name}` | {'required' if key.required else ''} | {key.doc} |")
    lines += ["", "| kind | checks | stated in | keys | example |", "|---|---|---|---|---|"]
    for kind, spec in KINDS.items():
        ordered = sorted(spec.units or (), key=lambda unit: (unit == "", unit))  # "" (二桁) last
        units = "the metric's unit" if spec.units is None else ", ".join(_UNITS[unit] for unit in ordered)
        stated = {Stated.REQUIRED: units, Stated.OPTIONAL: f"{units} (optional)", Stated.NONE: "—"}[spec.stated]
        own = sorted(spec.accepted - {"id", "kind", "text", "note"})
        takes = "—" if spec.implied else ", ".join(f"`{k}`" + ("*" if k in spec.needs else "") for k in own)
        lines.append(f"| `{kind.value}` | {spec.summary} | {stated} | {takes} | {spec.example} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m dgcli.data.fileformat > schema/indicators.schema.json
    import json
    import sys

    if sys.argv[1:] == ["--markdown"]:  # the README's reference tables
        sys.stdout.write(markdown())
    else:
        sys.stdout.write(json.dumps(input_schema(), ensure_ascii=False, indent=2) + "\n")
