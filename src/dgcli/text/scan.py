"""Where figures and periods stand in running text: one scanner for the page reader and the loader.

``figures_in`` finds the figures of a sentence with the grammar ``numbers.parse_figure`` reads, so
what ``audit`` and ``draft`` extract from a page is what ``verify`` checks, and a claim's ``text:``
is read for its figures (words.py) exactly as a page's sentence is (statcheck's lesson: extraction
and checking share one grammar). The vocabulary — hedge words, eras, range words — is numbers.py's
and periods.py's own; this module only locates.
"""

import re

from dgcli.errors import ValueFormatError
from dgcli.text.numbers import PREFIX_HEDGES, SUFFIX_HEDGES, Figure, parse_figure
from dgcli.text.periods import ERAS, RANGE_WORDS

# The hedge words are numbers.py's (one grammar: 「3万人ほど」 reads the same here and in verify).
_HEDGES = "|".join(re.escape(word) for word, _ in SUFFIX_HEDGES)
_PREFIXES = "|".join(re.escape(word) for word, _ in PREFIX_HEDGES)
# Figures in running text. Candidates are generous; each is confirmed by parse_figure, trimming a
# counter word that ran into the verb after it ("3,353件増えて" → 3,353件).
_NUMBER = r"[0-9][0-9,]*(?:\.[0-9]+)?(?:千?[万億兆](?:[0-9][0-9,]*(?:\.[0-9]+)?千?万?)?)?"
# A letter of a counter word (件, 枚, システム, PT): kanji, katakana, Latin, 々 and ー, never a digit, a
# particle (hiragana), 〆 or 〇. Written as \w less what it must not take: a class spelling out the
# kanji block (一-龥) costs a millisecond to compile, on every run that reads a claim. (It also takes
# letters of other scripts, which the spelt-out class did not: no Japanese counter word has them.)
_COUNTER = r"(?:(?![\d_〆-〿ぁ-ゟヷ-ヺヽ-ヿ])\w)"
_CANDIDATE = re.compile(
    rf"(?:{_PREFIXES})?[▲△+]?"
    rf"(?:{_NUMBER}|[一二三四五六七八九十](?=割|桁|倍)|過半数|半数)"
    r"(?:割(?:[0-9一二三四五六七八九]分(?:[0-9一二三四五六七八九]厘)?)?|%ポイント|ポイント|%|PT|pt|倍|桁)?"
    rf"(?:(?!{_HEDGES}){_COUNTER}){{0,6}}"
    rf"(?:(?:{_HEDGES}){_COUNTER}{{0,6}})?"  # "8割近く", "4,000以上システム"
)
# Periods in running text, masked before figures are looked for ("2023年7月から5%増加": 5% only).
# Where periods stand in running text. This only locates them, with periods.py's own vocabulary (its
# eras and range words); what a period means is decided by periods.parse_period (``periods_in``).
_ERA = "|".join(ERAS)
_RANGE = "|".join(re.escape(word) for word in (*RANGE_WORDS, "-"))
PERIOD_TEXT = re.compile(
    rf"(?:(?:{_ERA})(?:元|[0-9]{{1,2}})|[0-9]{{4}})年(?:度)?(?:[0-9]{{1,2}}月)?(?:[0-9]{{1,2}}日)?(?:末)?(?:時点|現在)?"
    rf"(?:(?:{_RANGE})(?:(?:{_ERA})?[0-9]{{1,4}}年(?:度)?)?(?:[0-9]{{1,2}}月)?(?:[0-9]{{1,2}}日)?(?:末)?)?"
    r"|[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:から|まで|末)?"
    r"|※[0-9]+|第[0-9]+|[表図][0-9]+"
)
# What looks like a number and is none: set aside before figures are looked for, each with the reason
# (``set_aside`` lists them for ``audit --verbose``).
NOT_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a web address", re.compile(r"(?:https?://|www\.)[!-~]+")),
    ("an ISO date", re.compile(r"(?<![0-9])[0-9]{4}[-/][0-9]{1,2}(?:[-/][0-9]{1,2})?(?![0-9])")),
    (
        "a section number",
        re.compile(r"^[0-9]+(?:\.[0-9]+)*\.?(?= )|^[0-9]+(?:\.[0-9]+)+\.?(?=[^0-9.,%万億兆千割倍ポPp])"),
    ),
    # 「四捨五入のため合計が100%にならない場合がある」: a note on the method, not a statistic
    (
        "a note on rounding (totals may not be 100%)",
        re.compile(r"(?:合計|計|総数)[はがも]?100(?:\.0+)?%(?:に|と)(?:なら|一致し)"),
    ),
    ("an age bracket", re.compile(r"[0-9]+歳(?:以上|以下|未満)")),  # 65歳以上人口: a group, not a count
    # 常用雇用者規模100人以上の企業: which firms were asked, not how many
    ("a size bracket", re.compile(r"(?:規模|従業員数?|従業者数?)[0-9][0-9,]*人(?:以上|以下|未満)")),
    ("a question number", re.compile(r"(?<!\w)(?:設問|問|Q)[0-9]+(?:[-―の][0-9]+)?(?![0-9,.%])")),  # 問1 行政手続を…
    ("a period", PERIOD_TEXT),
)
_STOP = set("増減加少達突上昇下降伸推拡進低縮全")  # verbs (低下, 縮小) and 全 (26手続全て) after a counter word


def mask(text: str) -> str:
    """The text with what is no figure blanked out, positions kept."""
    for _, pattern in NOT_FIGURES:
        text = pattern.sub(lambda m: " " * len(m[0]), text)
    return text


def set_aside(text: str) -> list[tuple[int, str, str]]:
    """What in a text looks like a number and is no figure: (position, text, reason), in order."""
    found: list[tuple[int, str, str]] = []
    for reason, pattern in NOT_FIGURES:
        for match in pattern.finditer(text):
            if any(c.isdigit() for c in match[0]):
                found.append((match.start(), match[0], reason))
        text = pattern.sub(lambda m: " " * len(m[0]), text)
    return sorted(found)


def figures_in(text: str) -> list[tuple[int, str, Figure]]:
    """Every figure in a sentence, with where it starts: (position, text as printed, Figure).

    Periods, footnote marks and ordinals are masked first; a candidate's counter word is trimmed
    back until the grammar reads it ("3,353件増えて" → "3,353件", "9,308万枚です" → "9,308万枚").
    """
    masked = mask(text)
    found: list[tuple[int, str, Figure]] = []
    for match in _CANDIDATE.finditer(masked):
        candidate = match[0]
        if not any(c.isdigit() for c in candidate) and not re.search(
            "[一二三四五六七八九十](?:割|桁|倍)|半数", candidate
        ):
            continue
        for end in range(len(candidate), 0, -1):
            piece = candidate[:end]
            hedged = re.search(f"(?:{_HEDGES})$", piece) is not None  # 以上 ends in 上 but is no verb
            if not hedged and (piece[-1] in _STOP or piece[-1] in "のはがをにでとへもや"):
                continue
            try:
                figure = parse_figure(piece)
            except ValueFormatError:
                continue
            found.append((match.start(), piece, figure))
            break
    return found
