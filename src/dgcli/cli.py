"""The command line: parse arguments, call the core, hand the report to a renderer, exit.

This is the one place that prints and the one place that turns errors into exit codes (EXIT_*).
Signals are set up in ``dgcli.__main__`` before anything heavy is imported.
"""

import contextlib
import errno
import os
import shutil
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from dgcli import acyclic
from dgcli.check.reports import ErrorReport
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset, Metric, Verdict
from dgcli.errors import SHOWN, DataError, DgcliError, LookupFailed
from dgcli.exit_codes import EXIT_BUG, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_PIPE, EXIT_USAGE
from dgcli.render import FORMATS, Terminal, choices, inert, safe, views

MAX_PROBLEMS_SHOWN = SHOWN  # the loader suggests corrections for these only
# The wheel carries the repository's indicators.yaml beside this module; an editable install
# (source checkout) reads the repository's own copy two levels up.
BUNDLED = Path(__file__).with_name("indicators.yaml")
CHECKOUT = Path(__file__).resolve().parents[2] / "indicators.yaml"
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EIO, errno.EBADF, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EPIPE})

HELP = """\b
Track and fact-check published government indicators:
デジタル庁「データから見た成果」 and every edition, dashboard or
article that prints its figures.

Reads an indicators file: --file (- for standard input), else $DGCLI_FILE, else
./indicators.yaml, else the copy bundled with dgcli (and then says so; never for verify
under CI). verify also takes files as arguments.

Exit codes: 0 success · 1 verify found an inconsistent or gross claim (--strict: also
within_rounding or not_compared), audit found a figure not accounted for, or diff --exit-code found a
difference · 2 usage error, unknown metric, a data file or page that cannot be read or
validated, or under CI a bare verify with no ./indicators.yaml · 3 a bug in dgcli · 74
output could not be written · 130 interrupted · 141 output closed early (| head).

Start with: dgcli list · dgcli show mynacard · dgcli verify · dgcli COMMAND --help
"""

_SETTINGS: dict[str, Any] = {
    "name": "dgcli",
    "help": HELP,
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,  # plain help text: no markup in brackets, paragraphs re-wrapped
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(add_completion=False, **_SETTINGS)


class _Command(TyperCommand):
    """Usage lines say METRIC, as people write it, where Typer would print {METRIC}."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece.removeprefix("{").removesuffix("}") for piece in super().collect_usage_pieces(ctx)]


class _Run:
    """What the running command chose, for the error handler in ``main``."""

    command = ""
    format = "text"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        _emit(f"dgcli {version('dgcli')}\n")
        raise typer.Exit(EXIT_OK)


def _shell(value: str) -> str:
    from dgcli.completion import SHELLS

    shell = "powershell" if value == "pwsh" else value
    if shell not in SHELLS:
        raise typer.BadParameter(f"{value!r} is not a shell dgcli completes; name one of {', '.join(SHELLS)}")
    return shell


def _show_completion(value: str | None) -> None:
    if value is not None:
        from dgcli.completion import script

        _emit(script(_shell(value)))
        raise typer.Exit(EXIT_OK)


def _install_completion(value: str | None) -> None:
    if value is not None:
        from dgcli.completion import install

        shell = _shell(value)
        try:
            path = install(shell, Path.home())
        except (OSError, ValueError) as error:
            raise typer.BadParameter(str(error), param_hint="--install-completion") from None
        _emit(f"{shell} completion installed in {path}; it takes effect in a new shell\n")
        raise typer.Exit(EXIT_OK)


_SHELL_HELP = "bash, zsh, fish or powershell"


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print dgcli's version and exit."),
    ] = False,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            callback=_show_completion,
            is_eager=True,
            help=f"Print the completion script for SHELL ({_SHELL_HELP}).",
        ),
    ] = None,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="SHELL",
            callback=_install_completion,
            is_eager=True,
            help=f"Install completion for SHELL ({_SHELL_HELP}).",
        ),
    ] = None,
) -> None:
    pass


FileOption = Annotated[
    str | None,
    typer.Option(
        "--file",
        "-f",
        envvar="DGCLI_FILE",
        show_default=False,
        metavar="PATH",
        help="Indicators file to read; - reads standard input [default: $DGCLI_FILE, ./indicators.yaml, "
        "or the copy bundled with dgcli].",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document (the same as --format json).")]
MetricArgument = Annotated[
    str,
    typer.Argument(
        metavar="METRIC",
        help="An id (mynacard), alias, Japanese or English name, or a unique prefix of one.",
        show_default=False,
    ),
]


def _format_option(command: str, default: str = "text") -> Any:
    names = choices(command)
    described = "; ".join(f"{name}: {FORMATS[name].help}" for name in names)
    return typer.Option(
        "--format",
        metavar=f"<{'|'.join(names)}>",
        help=f"Output format [default: {default}]. {described}.",
        show_default=False,
    )


def _chosen(command: str, output_format: str | None, as_json: bool, default: str = "text") -> str:
    names = choices(command)
    if output_format is not None and output_format not in names:
        listed = ", ".join(repr(name) for name in names)
        raise typer.BadParameter(f"{output_format!r} is not one of {listed}.", param_hint="'--format'")
    if as_json and output_format not in (None, "json"):
        raise typer.BadParameter(f"--json is --format json, not --format {output_format}; give one of them")
    chosen = "json" if as_json else output_format or default
    _Run.command, _Run.format = command, chosen
    return chosen


@app.command("list", cls=_Command)
def list_command(
    file: FileOption = None,
    as_json: JsonOption = False,
    output_format: Annotated[str | None, _format_option("list")] = None,
) -> None:
    """List the groups, sections and metrics, each with its latest figure as published.

    \b
    Examples:
      dgcli list
      dgcli list --json | jq -r '.sections[].metrics[].id'
    """
    from dgcli.check.reports import ListReport

    chosen = _chosen("list", output_format, as_json)
    _show(chosen, "list", ListReport(_load(file)))


@app.command("show", cls=_Command)
def show_command(
    metric: MetricArgument,
    file: FileOption = None,
    as_json: JsonOption = False,
    output_format: Annotated[str | None, _format_option("show")] = None,
) -> None:
    """Show one metric: its history (every source), a chart, distribution, parts, claims and sources.

    \b
    Examples:
      dgcli show mynacard
      dgcli show マイナンバーカード
      dgcli show approval --json | jq '.observations[0].distribution'
    """
    from dgcli.check import claims
    from dgcli.check.reports import ShowReport

    chosen = _chosen("show", output_format, as_json)
    dataset = _load(file)
    found = _find(dataset, metric)
    results = [r for r in claims.verify(dataset, found.id) if r.verdict is not Verdict.NOT_COMPARED]  # verify's
    _show(chosen, "show", ShowReport(dataset, found, results))


@app.command("changes", cls=_Command)
def changes_command(
    metric: Annotated[
        str | None,
        typer.Argument(metavar="[METRIC]", help="Only this metric (id, alias or name)."),
    ] = None,
    file: FileOption = None,
    as_json: JsonOption = False,
    output_format: Annotated[str | None, _format_option("changes")] = None,
) -> None:
    """Recompute each change against its stated baseline ("2023年7月から"), beside the stated figure.

    Percent changes for counts, point changes (PT) for percentages, with the interval the printed
    figures' rounding allows and the verdict on the published claim. A metric with no stated
    change says why.

    \b
    Examples:
      dgcli changes
      dgcli changes mynacard --json
    """
    from dgcli.check.reports import changes_report

    chosen = _chosen("changes", output_format, as_json)
    dataset = _load(file)
    found = _find(dataset, metric) if metric is not None else None
    _show(chosen, "changes", changes_report(dataset, found))


@app.command("verify", cls=_Command)
def verify_command(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILE]...",
            help="Indicators files to check, each in turn, with one summary (what pre-commit passes).",
            show_default=False,
        ),
    ] = None,
    file: FileOption = None,
    as_json: JsonOption = False,
    output_format: Annotated[str | None, _format_option("verify", "github under GitHub Actions, else text")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Also fail on within_rounding and not compared.")] = False,
) -> None:
    """Check every published claim against the published figures, allowing for their rounding.

    Verdicts: consistent · within_rounding (true only for values inside the figures' rounding) ·
    revised (sources differ, as the file acknowledges) · unverifiable (an operand is not
    published) · inconsistent · gross (the conclusion changes too) · not compared (two sources'
    figures may be of one time, docs/time.md). Exits 1 if a claim is inconsistent or gross
    (--strict: within_rounding and not compared too). Under CI (CI or GITHUB_ACTIONS set) a bare
    dgcli verify with no ./indicators.yaml exits 2 naming the files it sees, rather than checking
    the copy bundled with dgcli.

    \b
    Examples:
      dgcli verify                    # for people; exit 1 if a claim fails
      dgcli verify data/indicators.yaml other/indicators.yaml   # each file, one summary
      dgcli verify --strict           # also fail on within_rounding, not compared
      dgcli verify --format github    # annotations on indicators.yaml's lines (automatic in Actions)
      dgcli verify --format sarif > dgcli.sarif    # GitHub code scanning
      dgcli verify --json | jq '.claims[] | select(.verdict != "consistent") | .id'
    """
    from dgcli.check.reports import verify_report

    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    chosen = _chosen("verify", output_format, as_json, default)
    if files and file is not None and "DGCLI_FILE" not in os.environ:
        raise typer.BadParameter("name the files as arguments or with --file, not both", param_hint="--file")
    if files:
        from dgcli.render.multi import show_several

        reports = [verify_report(_load(each), strict=strict) for each in files]
        if len(reports) > 1:
            _emit(show_several(chosen, reports, _terminal()))
            raise typer.Exit(EXIT_FAILED if any(r.failed for r in reports) else EXIT_OK)
        report = reports[0]
    else:
        report = verify_report(_load(file, reading=False), strict=strict)
    _show(chosen, "verify", report)
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)


@app.command("diff", cls=_Command)
def diff_command(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier file (an edition, or before an edit).")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later file; - reads standard input.")],
    as_json: JsonOption = False,
    output_format: Annotated[str | None, _format_option("diff")] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when the files differ (as git diff --exit-code does).")
    ] = False,
) -> None:
    """Compare two indicators files: figures revised, observations and metrics added or removed,
    claims added, removed or reworded, and verdicts that changed.

    Observations are matched by metric, period and answer or part (by source first), so two
    editions compare figure by figure. Exits 0 whether or not they differ, unless --exit-code.

    \b
    Examples:
      dgcli diff indicators-2023.yaml indicators.yaml
      git show HEAD~1:indicators.yaml | dgcli diff - indicators.yaml   # (- is OLD here)
      dgcli diff old.yaml new.yaml --json | jq '.differences[] | select(.kind == "figure-revised")'
    """
    from dgcli.check.diff import diff

    chosen = _chosen("diff", output_format, as_json)
    if old == new == "-":
        raise typer.BadParameter("standard input can be read once: give - for one of OLD and NEW, a path for the other")
    report = diff(_load(old, keep_tree=True), _load(new, keep_tree=True))
    _show(chosen, "diff", report)
    raise typer.Exit(EXIT_FAILED if exit_code and report.differ else EXIT_OK)


PageArgument = Annotated[
    str,
    typer.Argument(
        metavar="PAGE",
        help="The page: text copied from the web page, the agency's .txt (slides between --- lines) or the "
        "page saved as .html (UTF-8); - reads stdin.",
    ),
]


def _read_page(page: str) -> tuple[str, str]:
    """The page's text and its name; errors become one clear line (exit 2)."""
    from dgcli.data.tree import read_page_text

    return read_page_text(page)


@app.command("audit", cls=_Command)
def audit_command(
    page: PageArgument,
    file: FileOption = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="ID",
            help="The source the page is [default: the one whose URL or title the page prints].",
        ),
    ] = None,
    as_json: JsonOption = False,
    output_format: Annotated[str | None, _format_option("audit")] = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Also list what looks like a number and is no figure, and why."),
    ] = False,
) -> None:
    """Check a published page against the file, figure by figure.

    Every figure the page prints (headings, lists, sentences, 出典 lines) must stand in the file
    under the same metric, period and answer or part: a figure held elsewhere is misplaced, a
    different figure in its place mistyped. Every figure the file holds for the page's source
    (--source, or the source whose URL or title the page prints) must be on the page. Exits 0 when
    everything is accounted for, 1 when not, 2 on errors. Pages: text, the agency's .txt, or .html.

    \b
    Examples:
      dgcli audit progress-2024.txt
      dgcli audit progress-2023.txt --source progress-2023 --json | jq '.findings[]'
    """
    from dgcli.page.audit import audit

    chosen = _chosen("audit", output_format, as_json)
    text, name = _read_page(page)
    dataset = _load(file)
    if source is not None and source not in {s.id for s in dataset.sources}:
        ids = ", ".join(s.id for s in dataset.sources)
        raise typer.BadParameter(f"no source {source!r} in {dataset.file} (it has {ids})", param_hint="--source")
    report = audit(text, dataset, page_file=name, source=source)
    report.verbose = verbose
    _show(chosen, "audit", report)
    raise typer.Exit(EXIT_OK if report.clean else EXIT_FAILED)


@app.command("draft", cls=_Command)
def draft_command(page: PageArgument) -> None:
    """Write a draft indicators file for a page to stdout: a start for transcription.

    Groups and sections from its headings, metrics from its lists, figures and periods exactly as
    printed, the 出典 line, and claims from the sentences it recognises, each with its words.
    Ids and English names are todo- placeholders; what it cannot place is a comment with its
    line. The draft loads: check it with dgcli verify and dgcli audit before relying on it.

    \b
    Examples:
      dgcli draft progress-2025.txt > draft.yaml && dgcli list --file draft.yaml
      dgcli draft progress-2025.txt > draft.yaml && dgcli audit progress-2025.txt --file draft.yaml
    """
    from dgcli.page.draft import draft

    text, name = _read_page(page)
    _emit(draft(text, name))


@app.command("export", cls=_Command)
def export_command(
    file: FileOption = None,
    output_format: Annotated[str | None, _format_option("export", "csv")] = None,
    as_json: JsonOption = False,
    raw: Annotated[
        bool,
        typer.Option("--raw", help="CSV: write text cells as they are, even those a spreadsheet runs (=, +, -, @)."),
    ] = False,
) -> None:
    """Write every figure as one tidy table: a row per metric, period, source, answer or part.

    CSV is RFC 4180 in UTF-8 with a byte-order mark, so pandas.read_csv and spreadsheets open it
    as is; a text cell beginning with =, +, -, @, tab or CR gets a leading ' so that a
    spreadsheet shows it as text, never runs it (--raw keeps the bytes). --format json (or
    --json) gives the same records, exact.

    \b
    Examples:
      dgcli export > indicators.csv
      dgcli export --json | jq '.records[] | select(.metric == "mynacard")'
    """
    from dgcli.data.export import export_report

    chosen = _chosen("export", output_format, as_json, "csv")
    _show(chosen, "export", export_report(_load(file), raw=raw))


@app.command("report", cls=_Command)
def report_command(
    metrics: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[METRIC]...",
            help="Only these metrics (id, alias or name) [default: every metric].",
            show_default=False,
        ),
    ] = None,
    file: FileOption = None,
    section: Annotated[
        list[str] | None,
        typer.Option("--section", metavar="SECTION", help="Only this section (id or title); repeat for more."),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="ID", help="Only this source's figures and claims [default: every source]."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write the page to PATH (- for standard output). Without it the page goes to standard "
            "output, unless that is a terminal: then dgcli asks for -o rather than flood it with HTML.",
        ),
    ] = None,
) -> None:
    """Write the page as one self-contained HTML file: every metric with its chart and data table,
    every claim with its verdict, the recomputed interval and the reason, failing claims first.

    No JavaScript, no network, no downloaded fonts: open it in any browser, print it (A4), attach it
    to a CI run. Exits 0 when the page is written, whatever the verdicts (dgcli verify is the gate).

    \b
    Examples:
      dgcli report -o report.html
      dgcli report mynacard approval -o two.html
      dgcli report --section mynumber-card --source progress-2024 > card.html
    """
    from dgcli.render.report import build, find_section

    _chosen("report", "html", False, "html")
    if output is None and sys.stdout.isatty():
        raise typer.BadParameter(
            "the report is an HTML page: give -o report.html, or redirect it (dgcli report > report.html)",
            param_hint="--output",
        )
    dataset = _load(file)
    if source is not None and source not in {s.id for s in dataset.sources}:
        ids = ", ".join(s.id for s in dataset.sources)
        raise typer.BadParameter(f"no source {source!r} in {dataset.file} (it has {ids})", param_hint="--source")
    chosen_metrics = [_find(dataset, name) for name in metrics or []]
    chosen_sections = [find_section(dataset, name) for name in section or []]
    report = build(dataset, metrics=chosen_metrics, sections=chosen_sections, source=source)
    view = views("html").report
    assert view is not None
    page = view(report, _terminal())
    if output is None or output == "-":
        _emit(page)
        return
    target = Path(output)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:  # written beside the target, then renamed: a reader never sees half a page
        partial.write_text(page, encoding="utf-8")
        partial.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        _error(f"cannot write {output}: {error.strerror or error}")
        raise typer.Exit(EXIT_OUTPUT) from None
    _stderr(f"wrote {safe(output)}: {report.metric_count()} metrics; {report.summary}\n")


def _load(file: str | None, *, reading: bool = True, keep_tree: bool = False) -> Dataset:
    """The named file, else ./indicators.yaml, else the bundled copy; ``reading=False`` (verify):
    under CI the bundled copy is never a stand-in for the repository's own file."""
    from dgcli.__main__ import ready

    ready("load")
    if file is not None:
        if not file:
            raise typer.BadParameter("needs a path (or - to read standard input)", param_hint="--file")
        if file == "-":
            return load_dataset(Path("-"), file="<stdin>", keep_tree=keep_tree)
        return load_dataset(Path(file), file=file, keep_tree=keep_tree)
    local = Path("indicators.yaml")
    if local.is_file():
        return load_dataset(local, file="indicators.yaml", keep_tree=keep_tree)
    if not reading:
        from dgcli import locate

        if locate.in_ci():
            raise locate.NoFileInCI(locate.no_file_message(locate.candidates()))
    bundled = BUNDLED if BUNDLED.is_file() else CHECKOUT
    return load_dataset(bundled, file=str(bundled), bundled=True, keep_tree=keep_tree)


def _find(dataset: Dataset, query: str) -> Metric:
    from dgcli.data.lookup import find_metric

    return find_metric(dataset, query)


def _show(format_name: str, command: str, report: Any) -> None:
    view = getattr(views(format_name), command)
    output = view(report, _terminal())
    # Text is for people and CI logs: data never starts a workflow command there. Machine formats
    # stay exact (docs/outputs.md: print them between ::stop-commands:: markers).
    _emit(inert(output) if format_name == "text" else output)


def _terminal() -> Terminal:
    """Decide once what stdout can show: colour, width, and whether it can encode box drawing."""
    env = os.environ
    stdout = sys.stdout
    tty = stdout.isatty()
    force = env.get("FORCE_COLOR")
    if env.get("NO_COLOR"):
        color = False
    elif force is not None:
        color = force not in ("", "0")
    else:
        color = tty and env.get("TERM") != "dumb"
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    else:
        width = shutil.get_terminal_size((120, 24)).columns if tty else 120
    try:
        "█✓マ━".encode(stdout.encoding or "ascii")
        unicode = True
    except (UnicodeEncodeError, LookupError):
        unicode = False
    return Terminal(color=color, width=max(width, 20), unicode=unicode)


def _emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _error(message: str) -> None:
    _stderr(f"dgcli: {safe(message)}\n")


def _stderr(text: str) -> None:
    # When stderr is gone too (closed, or a full disk), the exit code is all that is left.
    with contextlib.suppress(OSError, AttributeError, ValueError):
        sys.stderr.write(inert(text))
        sys.stderr.flush()


def _report_data_error(error: DataError) -> None:
    shown = error.problems[:MAX_PROBLEMS_SHOWN]
    lines = [safe(problem.format(error.file)) for problem in shown]
    if len(error.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"… and {len(error.problems) - MAX_PROBLEMS_SHOWN} more problems")
    _stderr("\n".join(lines) + "\n")
    chosen = _Run.format
    if chosen == "text" and os.environ.get("GITHUB_ACTIONS") == "true":
        chosen = "github"
    if chosen != "text" and "errors" in FORMATS[chosen].commands:
        errors_view = views(chosen).errors
        assert errors_view is not None
        _emit(errors_view(ErrorReport(error.file, error.problems, _Run.command), _terminal()))


def main(argv: list[str] | None = None) -> int:
    """Run dgcli; return its exit code. Every error a user can cause ends here as one clear message."""
    if sys.stdout is None:  # started with stdout closed (dgcli list >&-)
        _error("cannot write output: standard output is closed")
        return EXIT_OUTPUT
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a terminal that can't show a character degrades
    _Run.command, _Run.format = "", "text"
    args = sys.argv[1:] if argv is None else argv
    if os.environ.get("_DGCLI_COMPLETE"):
        return _complete(os.environ["_DGCLI_COMPLETE"])
    if not args:  # bare dgcli: its help, exit 0
        args = ["--help"]
    with acyclic():  # one short run over acyclic data (time(50k metrics) / time(5k): from 11 to under 10)
        return _run(_click_command(args), args)


def _run(command: TyperGroup, args: list[str]) -> int:
    """Run one command; every error it can raise becomes one line and an exit code, here only."""
    from dgcli.typer_compat import ClickException, UsageError

    try:
        code = command.main(args=args, prog_name="dgcli", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK
    except DataError as error:
        _report_data_error(error)
        return EXIT_USAGE
    except LookupFailed as error:
        hint = (
            f"; did you mean: {', '.join(error.suggestions)}?" if error.suggestions else "; dgcli list shows them all"
        )
        _error(f"{error}{hint}")
        return EXIT_USAGE
    except DgcliError as error:
        _error(str(error))
        return EXIT_USAGE
    except UsageError as error:
        _error(error.format_message())
        where = error.ctx.command_path if error.ctx is not None else "dgcli"
        _stderr(f"Try '{where} --help' for help.\n")
        return EXIT_USAGE
    except ClickException as error:
        _error(error.format_message())
        return EXIT_USAGE
    except (KeyboardInterrupt, typer.Abort):
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_PIPE
    except OSError as error:
        if error.errno in _WRITE_ERRORS and error.filename is None:
            _error(f"cannot write output: {error.strerror or error}")
            return EXIT_OUTPUT
        return _bug(error)
    except Exception as error:  # a bug in dgcli: say so plainly, keep the traceback for DGCLI_DEBUG=1
        return _bug(error)


def _click_command(args: list[str]) -> TyperGroup:
    """Typer turns every command's signature into Click parameters on every run; when a command is
    named on the line, build only that one (``dgcli --help`` still gets everything)."""
    name = next((arg for arg in args if not arg.startswith("-")), None)
    chosen = [info for info in app.registered_commands if info.name == name]
    if not chosen:
        return typer.main.get_group(app)
    lean = typer.Typer(**_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return typer.main.get_group(lean)


def _complete(shell: str) -> int:
    """Answer the shell's completion script: candidates on stdout, and never an error or a traceback
    (a message would land in the middle of the line being typed)."""
    from dgcli.completion import CommandSpec, Spec, answer, metric_names

    try:
        group = typer.main.get_group(app)
        commands = {}
        for name, command in group.commands.items():
            options: dict[str, bool] = {}
            for param in command.params:
                if param.param_type_name == "option":
                    for opt in (*param.opts, *param.secondary_opts):
                        options[opt] = not getattr(param, "is_flag", False)
            # Arguments shown as METRIC name a metric; METRIC... takes any number of them.
            arguments = [p for p in command.params if p.param_type_name == "argument"]
            metric = frozenset(
                position
                for index, argument in enumerate(arguments)
                if "METRIC" in (argument.metavar or "")
                for position in (range(index, index + 64) if argument.nargs == -1 else (index,))
            )
            commands[name] = CommandSpec(options, {"--format": tuple(choices(name))}, metric)
        root = tuple(opt for param in group.params for opt in param.opts if opt.startswith("--"))

        def metrics(file: str | None) -> list[str]:
            path = Path(file) if file and file != "-" else None
            if path is None and file != "-":
                local = Path("indicators.yaml")
                path = local if local.is_file() else BUNDLED if BUNDLED.is_file() else CHECKOUT
            return metric_names(path) if path is not None else []

        _emit(answer(shell, Spec(commands, root), os.environ, metrics))
    except Exception:  # completion offers nothing rather than print into the prompt
        pass
    return EXIT_OK


def _bug(error: BaseException) -> int:
    if os.environ.get("DGCLI_DEBUG"):
        raise error
    _error(f"internal error ({type(error).__name__}: {error}); please report it (DGCLI_DEBUG=1 shows the traceback)")
    return EXIT_BUG
