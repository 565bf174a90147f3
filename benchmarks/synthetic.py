"""Write a valid indicators file of N metrics, each shaped like the real ones.

Usage: python benchmarks/synthetic.py N [OUTPUT]    (default OUTPUT: synthetic-N.yaml)

Every metric has three observations printed like the page (9,308万枚) and three claims: a
restatement, a percent change against a baseline and a share of the section's first metric; every
tenth metric is a three-answer distribution. Sections hold ten metrics each.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """schema_version: "1"
source:
  title: synthetic
  publisher: benchmarks
  url: https://example.invalid/
groups:
  - id: group
    title: 合成
sections:
"""


def metric(index: int) -> str:
    base = 1000 + index % 9000
    mid, new = base + base // 10, base + base // 5
    if index % 10 == 9:
        return f"""      - id: m{index}
        name: 調査{index}
        name_en: Survey {index}
        unit: "%"
        headline_answer: 良いと思う
        observations:
          - period: 2024年7月
            shares:
              良いと思う: 50.9%
              どちらともいえない: 38.0%
              良いと思わない: 11.1%
          - period: 2023年7月
            shares:
              良いと思う: 48.0%
              どちらともいえない: 39.1%
              良いと思わない: 12.9%
        claims:
          - id: c{index}-pt
            kind: point_change
            text: 2023年7月から2.9PT増加しました
            from: 2023年7月
            stated: 2.9PT
"""
    first = index - index % 10
    percent = round((new / mid - 1) * 100)
    share = round(new / (1000 + first % 9000 + (1000 + first % 9000) // 5) * 100)
    return f"""      - id: m{index}
        name: 指標{index}
        name_en: Metric {index}
        aliases: [指標{index}の件数]
        unit: 件
        observations:
          - period: 2024年7月
            value: {new:,}万件
          - period: 2023年7月
            value: {mid:,}万件
          - period: 2022年4月
            value: {base:,}万件
        claims:
          - id: c{index}-restated
            kind: restatement
            text: 指標{index}は{new:,}万件です
            stated: {new:,}万件
          - id: c{index}-change
            kind: percent_change
            text: 2023年7月から{percent}%増加しました
            from: 2023年7月
            stated: {percent}%
          - id: c{index}-share
            kind: share_of
            text: 指標{first}の{share}%
            of: {{metric: m{first}}}
            stated: {share}%
"""


def write(count: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for start in range(0, count, 10):
            out.write(f"  - id: s{start}\n    title: 節{start}\n    group: group\n    metrics:\n")
            for index in range(start, min(start + 10, count)):
                out.write(metric(index))


if __name__ == "__main__":
    n = int(sys.argv[1])
    write(n, Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"synthetic-{n}.yaml"))
