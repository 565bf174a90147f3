"""The few exception types the core raises. The CLI maps each to a message and an exit code."""

from typing import NamedTuple

SHOWN = 20  # problems a reader is shown (the rest are counted); only these get did-you-mean suggestions


class DgcliError(Exception):
    """Base of every error a user can cause."""


class ValueFormatError(DgcliError, ValueError):
    """A published figure or period that cannot be read (no location: the loader adds it)."""


class Problem(NamedTuple):
    """One thing wrong with the data file, located like a linter message."""

    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    path: str  # "sections[3].metrics[1].observations[0].period", or "" for the file itself
    message: str
    code: str = ""  # a stable name for the kind of problem ("unit-not-declared"), for tools; never shown

    def format(self, file: str) -> str:
        where = f"{file}:{self.line}" if self.line else file
        where += f":{self.column}" if self.line and self.column else ""
        at = f" ({self.path})" if self.path else ""
        return f"{where}: {self.message}{at}"


class DataError(DgcliError):
    """The indicators file cannot be read or validated. Holds every problem found."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(problems[0].format(file) if problems else file)


class LookupFailed(DgcliError):
    """A metric name that matches nothing, or more than one metric."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        self.suggestions = suggestions
        super().__init__(message)
