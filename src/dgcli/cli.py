"""The command line: parse arguments, call the core, hand the result to a renderer, exit.

This is the one place that prints and the one place that turns errors into exit codes:
0 success · 1 verify found a failing claim · 2 usage or data-file error · 130 interrupted ·
141 output pipe closed early (``dgcli list | head``) · 3 a bug in dgcli.
"""

import contextlib
import gc
import os
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import Annotated, NoReturn

import typer

from dgcli import claims
from dgcli.errors import DataError, DgcliError, LookupFailed
from dgcli.model import Dataset
from dgcli.render import Terminal, renderer, safe
from dgcli.schema import load_dataset

EXIT_OK, EXIT_FAILED_CLAIMS, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 3, 130, 141
MAX_PROBLEMS_SHOWN = 20
# The wheel carries the repository's indicators.yaml beside this module; an editable install
# (source checkout) reads the repository's own copy two levels up.
BUNDLED = Path(__file__).with_name("indicators.yaml")
CHECKOUT = Path(__file__).resolve().parents[2] / "indicators.yaml"

HELP = """Track and fact-check the Digital Agency's published progress indicators.

Reads indicators.yaml (every figure and claim of デジタル庁「データから見た成果」) from --file,
else $DGCLI_FILE, else ./indicators.yaml, else the copy bundled with dgcli.

Exit codes: 0 success · 1 verify found an inconsistent or gross claim (--strict: also
within_rounding) · 2 usage error, unknown metric, or a data file that cannot be read or
validated · 130 interrupted · 141 output closed early (| head).
"""

app = typer.Typer(
    name="dgcli",
    help=HELP,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help text: no markup in brackets, paragraphs re-wrapped
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        envvar="DGCLI_FILE",
        show_default=False,
        help="Indicators file to read [default: $DGCLI_FILE, ./indicators.yaml, or the bundled copy].",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document to stdout (for scripts and jq).")]


@app.command("list")
def list_command(file: FileOption = None, as_json: JsonOption = False) -> None:
    """List the groups, sections and metrics, each with its latest value as published.

    \b
    Examples:
      dgcli list
      dgcli list --json | jq -r '.sections[].metrics[].id'
    """
    dataset = _load(file)
    _emit(_renderer(as_json).list_view(dataset, _terminal()))


@app.command("show")
def show_command(
    metric: Annotated[
        str,
        typer.Argument(help="An id (mynacard), alias, Japanese or English name, or a unique prefix of one."),
    ],
    file: FileOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one metric: its history as a table and a chart, distribution, parts, claims and sources.

    \b
    Examples:
      dgcli show mynacard
      dgcli show マイナンバーカード
      dgcli show approval --json | jq '.observations[0].distribution'
    """
    from dgcli.lookup import find_metric

    dataset = _load(file)
    found = find_metric(dataset, metric)
    results = claims.verify(dataset, found.id)
    _emit(_renderer(as_json).show_view(dataset, found, results, _terminal()))


@app.command("changes")
def changes_command(
    metric: Annotated[str | None, typer.Argument(help="Only this metric (id, alias or name).")] = None,
    file: FileOption = None,
    as_json: JsonOption = False,
) -> None:
    """Recompute each change against its stated baseline ("2023年7月から"), beside the stated figure.

    Percent changes for counts, point changes (PT) for percentages, with the interval the
    printed figures' rounding allows and the verdict on the published claim.

    \b
    Examples:
      dgcli changes
      dgcli changes mynacard --json
    """
    dataset = _load(file)
    metric_id = None
    if metric is not None:
        from dgcli.lookup import find_metric

        metric_id = find_metric(dataset, metric).id
    rows = claims.changes(dataset, metric_id)
    _emit(_renderer(as_json).changes_view(dataset, rows, _terminal()))


@app.command("verify")
def verify_command(
    file: FileOption = None,
    as_json: JsonOption = False,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            help="text, json or github (workflow annotations) [default: github when GITHUB_ACTIONS=true, else text].",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Also fail on within_rounding claims.")] = False,
) -> None:
    """Check every published claim against the published figures, allowing for their rounding.

    Verdicts: consistent · within_rounding (true for some inputs inside their rounding) ·
    inconsistent · gross (also changes the conclusion) · unverifiable (an operand is not on
    the page). Exits 1 if any claim is inconsistent or gross (with --strict, within_rounding too).

    \b
    Examples:
      dgcli verify                    # human report; exit 1 if a claim fails
      dgcli verify --strict           # also fail on within_rounding
      dgcli verify --format github    # annotations on the lines of indicators.yaml (CI)
      dgcli verify --json | jq '.claims[] | select(.verdict != "consistent") | .id'
    """
    if as_json and output_format not in (None, OutputFormat.JSON):
        raise typer.BadParameter("--json is --format json; give one of them", param_hint="--json")
    chosen = OutputFormat.JSON if as_json else output_format
    if chosen is None:
        chosen = OutputFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.TEXT
    dataset = _load(file)
    results = claims.verify(dataset)
    _emit(renderer(chosen.value).verify_view(dataset, results, strict, _terminal()))
    raise typer.Exit(claims.exit_code(results, strict=strict))


def _load(file: Path | None) -> Dataset:
    if file is None:
        local = Path("indicators.yaml")
        file = next((path for path in (local, BUNDLED) if path.is_file()), CHECKOUT)
    return load_dataset(file)


def _renderer(as_json: bool) -> ModuleType:
    return renderer("json" if as_json else "text")


def _terminal() -> Terminal:
    """Decide once what stdout can show: colour, width, and whether it can encode non-ASCII."""
    env = os.environ
    tty = sys.stdout.isatty()
    color = (tty or bool(env.get("FORCE_COLOR"))) and not env.get("NO_COLOR") and env.get("TERM") != "dumb"
    width = shutil.get_terminal_size((120, 24)).columns if tty else _int(env.get("COLUMNS"), 120)
    try:
        "█✓マ".encode(sys.stdout.encoding or "ascii")
        unicode = True
    except (UnicodeEncodeError, LookupError):
        unicode = False
    return Terminal(color=color, width=max(width, 40), unicode=unicode)


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _emit(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise typer.Exit(_stdout_gone()) from None


def _stdout_gone() -> int:
    """The reader (head, less) has gone: point stdout at devnull so no later flush raises again,
    and leave quietly (the recipe in CPython's signal documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PIPE


def _error(message: str) -> None:
    sys.stderr.write(f"dgcli: {safe(message)}\n")


def main(argv: list[str] | None = None) -> int:
    """Run dgcli; return its exit code. Every error a user can cause ends here as one clear message."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a terminal that can't show a character degrades
    from typer._click import ClickException  # typer ships its own Click; never import click

    command = typer.main.get_command(app)
    # One short run over acyclic data: the cycle collector would only rescan the ever-growing
    # model (time(50k metrics) / time(5k) went from 11 to under 10 without it).
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = command.main(args=argv, prog_name="dgcli", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK
    except DataError as error:
        for problem in error.problems[:MAX_PROBLEMS_SHOWN]:
            sys.stderr.write(safe(problem.format(error.file)) + "\n")
        if len(error.problems) > MAX_PROBLEMS_SHOWN:
            sys.stderr.write(f"… and {len(error.problems) - MAX_PROBLEMS_SHOWN} more problems\n")
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
    except ClickException as error:
        error.show()
        return EXIT_USAGE
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("dgcli: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _stdout_gone()
    except Exception as error:  # a bug in dgcli: say so plainly, keep the traceback for DGCLI_DEBUG=1
        if os.environ.get("DGCLI_DEBUG"):
            raise
        _error(
            f"internal error ({type(error).__name__}: {error}); please report it (DGCLI_DEBUG=1 shows the traceback)"
        )
        return EXIT_BUG
    finally:
        if collecting:
            gc.enable()


def run() -> NoReturn:
    """The ``dgcli`` command: run, flush, and end the process without the interpreter's teardown.

    Freeing every module and object of typer, yaml and rich costs about as much CPU as a whole
    ``dgcli show`` (benchmarks/README.md) and a finished command gains nothing from it; mypy's
    ``hard_exit`` makes the same trade. Nothing of dgcli's needs atexit handlers.
    """
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _stdout_gone()
    except OSError:
        code = code or EXIT_BUG
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)
