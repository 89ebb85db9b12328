"""Print the reliability table from the stats file written during `make reliability`.

    python -m tests.reliability.report STATS.jsonl

Exit code 1 if anything was not survived/handled or any byte was lost.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROWS = (
    ("kill", "Avbrott: dödad process/strömavbrott", "överlevde"),
    ("fuzz", "Fientliga/trasiga indata (fuzz cases)", "hanterades"),
    ("fault", "Simulerade miljöfel (faults)", "överlevde"),
    ("privacy", "Exporter sökta efter privata markörer", "rena"),
    ("formula", "Exporter sökta efter formler från text", "rena"),
)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(".reliability-stats.jsonl")
    tried: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    lost = 0
    by_case: Counter[str] = Counter()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            tried[entry["kind"]] += 1
            ok[entry["kind"]] += bool(entry["survived"])
            lost += int(entry["bytes_lost"])
            by_case[f"{entry['kind']}:{entry['case'].split('[')[0]}"] += 1
    width = 40
    print()
    print(f"{'Tålighet (make reliability)':<{width}} {'provade':>9} {'klarade':>9}")
    print("-" * (width + 20))
    for kind, label, _verb in ROWS:
        print(f"{label:<{width}} {tried[kind]:>9} {ok[kind]:>9}")
    print(f"{'Förlorade byte (måste vara 0)':<{width}} {lost:>19}")
    print("-" * (width + 20))
    for case, count in sorted(by_case.items()):
        print(f"  {case:<{width + 4}} {count:>13}")
    failed = sum(tried.values()) - sum(ok.values())
    if failed or lost:
        print(f"FEL: {failed} fall klarades inte, {lost} byte förlorades.")
        return 1
    if not tried:
        print("Inga mätvärden: sattes UTREDNING_RELIABILITY_STATS?")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
