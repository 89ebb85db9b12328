"""Print the reliability table from the stats file written during `make reliability`.

    python -m tests.reliability.report STATS.jsonl

Exit code 1 if anything was not survived/handled or any byte was lost.

Below the counts, a "före → nu" table puts the figures of issue 16 (the red team's findings)
beside what this run measured. "–" means this run did not measure it. Where they come from
(the stats keys; see :data:`FIGURE_SOURCES`):

* domain mutation score: figures ``mutation_killed`` / ``mutation_considered`` (and
  ``mutation_equivalent``, ``mutation_seconds``), written by ``tests.reliability.mutation``;
* formula cells in exports: figure ``formula_cells_found`` if recorded, else the number of
  failed ``kind="formula"`` cases;
* private markers in exports incl. history: failed ``kind="privacy"`` cases (cases named
  ``historik-*`` are the history checks);
* crafted-schema files refused: ``kind="fuzz"`` cases named ``schema-*`` (handled / tried;
  a case is "handled" when the file was refused, or accepted where it should be);
* importers fuzzed: ``kind="fuzz"`` cases named ``importfuzz-<importer>`` (one per importer
  and run, survived = no traceback), with figure ``importfuzz_seconds`` (seconds each).
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


# Figure → (label, the red team's value before the fixes).
BEFORE = (
    # The red team's sample of 80 operator mutants; the whole domain/ with mutmut before the
    # new tests (commit 79d2ed0, 2026-12-03): 1155 of 1696 killed ≈ 68 %.
    ("mutation", "Mutationspoäng domain/", "61/80 ≈ 76 % (stickprov); 1155/1696 ≈ 68 %"),
    ("formula", "Formelceller från text i exporter", "hittades"),
    ("privacy", "Privata markörer i exporter inkl. historik", "3 utdata läckte"),
    ("schema", "Konstruerade schemafiler som vägras", "0 (alla godtogs)"),
    ("importfuzz", "Importörer fuzzade utan traceback", "tracebacks (punkt 6)"),
)
FIGURE_SOURCES = {
    "mutation": "figure mutation_killed / mutation_considered",
    "formula": "figure formula_cells_found, else failed kind=formula cases",
    "privacy": "failed kind=privacy cases",
    "schema": "kind=fuzz cases schema-*",
    "importfuzz": "kind=fuzz cases importfuzz-*, figure importfuzz_seconds",
}
NOT_MEASURED = "–"


def _cases(entries: list[dict[str, object]], kind: str, prefix: str = "") -> tuple[int, int]:
    """(tried, failed) over the cases of ``kind`` whose name starts with ``prefix``."""
    chosen = [
        e for e in entries if e.get("kind") == kind and str(e.get("case", "")).startswith(prefix)
    ]
    return len(chosen), sum(1 for e in chosen if not e.get("survived"))


def now_figures(entries: list[dict[str, object]], figures: dict[str, float]) -> dict[str, str]:
    """This run's value for each row of :data:`BEFORE` (``NOT_MEASURED`` where absent)."""
    now = dict.fromkeys((key for key, _label, _old in BEFORE), NOT_MEASURED)
    killed, considered = figures.get("mutation_killed"), figures.get("mutation_considered")
    if killed is not None and considered:
        percent = f"{100.0 * killed / considered:.1f}".replace(".", ",")
        now["mutation"] = f"{killed:g}/{considered:g} ≈ {percent} %"
        if "mutation_equivalent" in figures:
            now["mutation"] += f" ({figures['mutation_equivalent']:g} ekvivalenta undantagna)"
    tried, failed = _cases(entries, "formula")
    if "formula_cells_found" in figures:
        now["formula"] = f"{figures['formula_cells_found']:g}"
    elif tried:
        now["formula"] = f"{failed} ({tried} kontroller)"
    tried, failed = _cases(entries, "privacy")
    history, _ = _cases(entries, "privacy", "historik-")
    if tried:
        now["privacy"] = f"{failed} läckte ({tried} kontroller, {history} av historik)"
    tried, failed = _cases(entries, "fuzz", "schema-")
    if tried:
        now["schema"] = f"{tried - failed} av {tried} klarade"
    tried, failed = _cases(entries, "fuzz", "importfuzz-")
    if tried:
        seconds = figures.get("importfuzz_seconds")
        each = f", {seconds:g} s vardera" if seconds is not None else ""
        now["importfuzz"] = f"{tried} körningar, {failed} med traceback{each}"
    return now


def print_before_now(entries: list[dict[str, object]], figures: dict[str, float]) -> None:
    now = now_figures(entries, figures)
    width = 44
    print()
    before_width = max(len(old) for _key, _label, old in BEFORE)
    print(f"{'Issue 16: före → nu':<{width}} {'före':<{before_width}} nu")
    print("-" * (width + before_width + 50))
    for key, label, old in BEFORE:
        print(f"{label:<{width}} {old:<{before_width}} {now[key]}")
    print(f"({NOT_MEASURED} = inte mätt i denna körning)")


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(".reliability-stats.jsonl")
    tried: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    lost = 0
    by_case: Counter[str] = Counter()
    entries: list[dict[str, object]] = []
    figures: dict[str, float] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if "figure" in entry:
                figures[entry["figure"]] = entry["value"]
                continue
            entries.append(entry)
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
    print_before_now(entries, figures)
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
