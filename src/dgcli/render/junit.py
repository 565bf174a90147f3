"""JUnit XML for GitLab and Jenkins test reports: one test case per claim.

inconsistent and gross claims are failures (within_rounding too under --strict), unverifiable and
revised ones are skipped with their reason, and a file that cannot be loaded is one test case in error.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from dgcli.check import claims
from dgcli.check.reports import ErrorReport, VerifyReport
from dgcli.render import Terminal, Views, in_environment, workspace_path, xml_safe


def _xml(suites: ElementTree.Element) -> str:
    # Claim texts are checked by the loader, but file names come from the command line: every
    # string passes through xml_safe so that any XML 1.0 parser reads the report.
    for element in suites.iter():
        element.attrib = {name: xml_safe(value) for name, value in element.attrib.items()}
        if element.text:
            element.text = xml_safe(element.text)
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"


def _file(file: str, bundled: bool = False) -> str | None:
    """The file a test case names: as given, but never the copy inside a Python environment."""
    if bundled:
        return workspace_path(file, bundled)
    if file.startswith("<") or in_environment(Path(file).absolute()):
        return None
    return file


def render_verify(report: VerifyReport, terminal: Terminal) -> str:
    levels = [claims.severity(r.verdict, strict=report.strict) for r in report.results]
    failures = levels.count(claims.Severity.ERROR)
    skipped = levels.count(claims.Severity.NOTE)  # unverifiable, revised, not compared: said, not passed
    counts = {"tests": str(len(report.results)), "failures": str(failures), "errors": "0", "skipped": str(skipped)}
    suites = ElementTree.Element("testsuites", {"name": "dgcli verify", **counts})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": report.dataset.file, **counts})
    file = _file(report.dataset.file, report.dataset.bundled)
    for result, level in zip(report.results, levels, strict=True):
        claim = result.claim
        where = {"file": file, "line": str(claim.line)} if file is not None else {}
        case = ElementTree.SubElement(
            suite, "testcase", {"classname": f"dgcli.{claim.section or claim.metric}", "name": claim.id, **where}
        )
        stated, recomputed = claims.stated_and_recomputed(result)
        details = (
            f"「{claim.text}」\nstated {stated} · recomputed {recomputed}\n"
            f"{result.reason}\n{report.dataset.file}:{claim.line}"
        )
        if level is claims.Severity.ERROR:
            failure = ElementTree.SubElement(case, "failure", {"message": result.reason, "type": result.verdict.value})
            failure.text = details
        elif level is claims.Severity.NOTE:
            ElementTree.SubElement(case, "skipped", {"message": f"{result.verdict.value}: {result.reason}"})
        else:
            ElementTree.SubElement(case, "system-out").text = f"{result.verdict.value}: {result.reason}"
    return _xml(suites)


def render_errors(report: ErrorReport, terminal: Terminal) -> str:
    counts = {"tests": "1", "failures": "0", "errors": "1", "skipped": "0"}
    suites = ElementTree.Element("testsuites", {"name": f"dgcli {report.command}".strip(), **counts})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": report.file, **counts})
    file = _file(report.file)
    where = {"file": file} if file is not None else {}
    case = ElementTree.SubElement(suite, "testcase", {"classname": "dgcli", "name": "load", **where})
    first = report.problems[0].format(report.file) if report.problems else report.file
    error = ElementTree.SubElement(case, "error", {"message": first, "type": "DataError"})
    error.text = "\n".join(problem.format(report.file) for problem in report.problems)
    return _xml(suites)


VIEWS = Views(verify=render_verify, errors=render_errors)
