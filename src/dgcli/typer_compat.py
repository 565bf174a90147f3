"""The one place dgcli names something of Typer's private Click (``typer._click``, Typer >= 0.26).

Typer exports ``BadParameter``, ``Exit`` and ``Abort`` but not the two base classes every other
Click error derives from; ``main`` needs them to turn any usage error into one line and exit 2.
tests/test_typer_compat.py fails when Typer moves or reshapes them, so an upgrade breaks a test,
not a user's run. Imported only when a command runs: Typer has loaded these modules already.
"""

from typer._click.exceptions import ClickException, UsageError

__all__ = ["ClickException", "UsageError"]
