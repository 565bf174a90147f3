"""``verify`` across claims (check/claims.py): tie readings, cross-checks of outside wholes and of one
quantity stated twice, agreement between sources, labels, summaries and ``changes``, every field of
their results derived by hand. Written from mutmut's survivors (docs/mutation.md).
"""
