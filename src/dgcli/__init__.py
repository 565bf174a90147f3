"""dgcli: track and fact-check the Digital Agency's published progress indicators."""

import gc

__version__ = "0.2.0"


class acyclic:
    """Pause the cycle collector while dgcli builds its data, the one place that decides it.

    A run imports Typer, YAML and Rich, then builds one tree of objects it never drops and that holds
    no cycles: the collector would only re-walk the growing heap (5% of the import time, and half the
    time of loading a 50,000-metric file). Nesting is fine; the collector resumes as it was found.
    No contextlib here: ``dgcli --version`` imports this module and nothing else.
    """

    __slots__ = ("_was",)

    def __enter__(self) -> None:
        self._was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was:
            gc.enable()
