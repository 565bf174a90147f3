"""``dgcli verify FILE FILE…``: each file checked and shown in turn, one summary for all.

Text and GitHub annotations are each file's output in turn, then (text) one summary line for all;
SARIF gets one run per file and JUnit one test suite per file. JSON is one document per file, so
several files in JSON is a usage error rather than a document of a new shape.
"""

from __future__ import annotations

import json
from xml.etree import ElementTree

from dgcli.check import claims
from dgcli.check.reports import VerifyReport
from dgcli.errors import DgcliError
from dgcli.render import Terminal, views


class SeveralFiles(DgcliError):
    """A format that holds one file's results was asked for several."""


def summary(reports: list[VerifyReport]) -> str:
    """ "FAIL: 2 files: 144 claims: …": the one summary line over every file."""
    results = [result for report in reports for result in report.results]
    strict = any(report.strict for report in reports)
    line = claims.summary_line(results, strict=strict)
    status, rest = line.split(": ", 1)
    failed = any(report.failed for report in reports)
    status = ("FAIL" if failed else "OK") + (" (strict)" if strict else "")
    return f"{status}: {len(reports)} files: {rest}"


def show_several(format_name: str, reports: list[VerifyReport], terminal: Terminal) -> str:
    view = views(format_name).verify
    assert view is not None
    if format_name == "json":
        raise SeveralFiles("--json writes one document per file: run dgcli verify --json once for each file")
    outputs = [view(report, terminal) for report in reports]
    if format_name == "sarif":
        documents = [json.loads(output) for output in outputs]
        merged = documents[0]
        merged["runs"] = [run for document in documents for run in document["runs"]]
        return json.dumps(merged, ensure_ascii=False, indent=2) + "\n"
    if format_name == "junit":
        first = ElementTree.fromstring(outputs[0].split("\n", 1)[1])
        for output in outputs[1:]:
            first.extend(ElementTree.fromstring(output.split("\n", 1)[1]).findall("testsuite"))
        for count in ("tests", "failures", "errors", "skipped"):
            first.set(count, str(sum(int(suite.get(count, "0")) for suite in first.findall("testsuite"))))
        ElementTree.indent(first)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(first, encoding="unicode") + "\n"
    if format_name == "text":
        return "\n".join(outputs) + "\n" + summary(reports) + "\n"
    return "".join(outputs)
