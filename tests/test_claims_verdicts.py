"""The checks of check/claims.py kind by kind, every field of their results derived by hand.

Each test builds the smallest file that reaches one branch of a checker (or of ``verdict_for`` /
``conclusion_for``) and states the whole result — verdict, reason, what the figures give, what the
stated figure stands for — with the arithmetic beside it. Written from mutmut's survivors
(docs/mutation.md): a line of the checks that no test pinned.
"""
