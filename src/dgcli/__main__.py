"""The ``dgcli`` command (and ``python -m dgcli``).

Signals are set up here, before Typer, PyYAML or Rich are imported, so they hold from the first
instant: most of a short run is spent importing, which is when a Ctrl-C or a closed pipe lands.

- SIGPIPE keeps the Unix default: when the reader goes away (``dgcli list | head -1``) the process
  ends as if killed by SIGPIPE, which a shell reports as 141, for every command and ``--help``
  alike, whatever Click would have done with the BrokenPipeError.
- SIGINT prints one line and exits 130.
"""

from __future__ import annotations

import os
import sys

from dgcli import __version__, acyclic
from dgcli.exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT

# typing and contextlib cost more start-up time than `dgcli --version` needs in all: neither is imported
# here (mypy reads a constant named TYPE_CHECKING as typing's), and try/except stands for suppress().
TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType
    from typing import NoReturn


def _interrupted(signum: int, frame: FrameType | None) -> None:
    try:  # noqa: SIM105
        os.write(2, b"dgcli: interrupted\n")
    except OSError:
        pass
    os._exit(EXIT_INTERRUPTED)


def ready(stage: str) -> None:
    """Tests only: with DGCLI_TEST_READY=<stage>, say on stderr when that stage is reached (the
    Ctrl-C test waits for it instead of sleeping and hoping the handler is in place)."""
    if os.environ.get("DGCLI_TEST_READY") == stage:
        try:  # noqa: SIM105
            os.write(2, b"dgcli: ready\n")
        except OSError:
            pass


def run() -> NoReturn:
    """Run dgcli, flush, and end the process without the interpreter's teardown.

    Freeing every module and object of typer, yaml and rich costs about as much CPU as a whole
    ``dgcli show`` (benchmarks/README.md) and a finished command gains nothing from it; mypy's
    ``hard_exit`` makes the same trade. Nothing of dgcli's needs atexit handlers.
    """
    if sys.argv[1:] in (["--version"], ["-V"]):  # the commonest probe of all needs none of the CLI, nor signal's enums
        os.write(1, f"dgcli {__version__}\n".encode())
        os._exit(EXIT_OK)
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGINT, _interrupted)
    ready("start")
    # From the imports to the end: the process ends with os._exit inside the block, so the collector
    # never runs again (resuming it would first collect the whole heap, for nothing).
    with acyclic():
        from dgcli.cli import main

        code = main()
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
        except OSError as error:
            try:  # noqa: SIM105
                os.write(2, f"dgcli: cannot write output: {error.strerror or error}\n".encode())
            except OSError:
                pass
            code = EXIT_OUTPUT
        try:
            if sys.stderr is not None:
                sys.stderr.flush()
        except OSError:
            pass
        os._exit(code)


if __name__ == "__main__":
    run()
