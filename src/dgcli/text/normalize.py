"""Text as people and agency pages write it, made comparable: NFKC plus the CJK radicals NFKC leaves alone.

NFKC turns full-width digits and letters into ASCII, half-width katakana into full-width, and the
Kangxi radicals (⾏ U+2F8F, ⽉ U+2F49) the agency's pages use into ordinary kanji. It leaves the
CJK Radicals Supplement (⺠ U+2EA0 for 民) alone, so those go through an explicit table first.
"""

from __future__ import annotations

import unicodedata

from dgcli.text.radicals import RADICALS


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(RADICALS))


def fold(text: str) -> str:
    """For matching names: normalized, case-folded, without surrounding space."""
    return normalize(text).casefold().strip()
