"""Thresholds, directions and orderings (check/claims.py: ``check_trend``, ``_trend``,
``_threshold_target``, ``conclusion_for``, ``check_ordering``), every field of their results derived
by hand: one metric or several, a zero baseline, a missing figure, a bound, a fall. Written from
mutmut's survivors (docs/mutation.md).
"""
