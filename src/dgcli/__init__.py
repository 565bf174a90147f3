"""dgcli: track and fact-check the Digital Agency's published progress indicators."""

__version__ = "0.2.0"
