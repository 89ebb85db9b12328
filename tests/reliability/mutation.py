"""Mutation run over ``utredning_app/domain/`` for `make reliability` (issue 16, item 10).

    python -m tests.reliability.mutation [--max-children N]

mutmut (configured in ``[tool.mutmut]`` in pyproject.toml) changes the domain code one small
fault at a time (``+``↔``-``, ``<``↔``<=``, ``==``↔``!=``, ``and``↔``or``, numbers ± 1, strings,
arguments dropped or ``None`` …) and runs, for each mutant, only those of the domain's unit
tests (``tests/unit`` less the Word/Excel/chart writers' tests, see ``[tool.mutmut]``) that
reach the changed function, in a process forked from one that has them loaded. A mutant
is *killed* when a test fails (or times out). The run happens in a copy of the project in a
temporary folder, so the work tree is left as it was and no earlier run's cache is reused.

Time: 1,696 mutants took 654 s wall clock (230 s of CPU) with 2 workers on a shared 2-core
machine; the per-mutant test selection keeps each mutant to the few tests that reach it.

Score = killed / (all mutants − those judged equivalent), where equivalent mutants (a change
no caller can observe) are listed with a reason in ``equivalent_mutants.txt`` beside this
file. "No tests" (no unit test reaches the function) and "survived" both count as not killed.
Exit code 1 when the score is below ``TARGET`` or mutmut could not run.

With ``UTREDNING_RELIABILITY_STATS`` set, the figures go to the stats file (keys
``mutation_killed``, ``mutation_considered``, ``mutation_equivalent``, ``mutation_total``,
``mutation_seconds``) for ``report.py``'s before → now table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.reliability.stats import figure

ROOT = Path(__file__).resolve().parents[2]
EQUIVALENT_FILE = Path(__file__).with_name("equivalent_mutants.txt")
TARGET = 90.0  # percent of the non-equivalent mutants that must be killed
# What the mutants' tests need: the package, the tests, the data folders the app reads at
# import time (templates, migrations) and pyproject.toml (mutmut's and pytest's settings).
COPY = ("utredning_app", "tests", "db", "exports", "resources", "pyproject.toml")
KILLED = frozenset({"killed", "timeout"})
# A hard bound on the whole run (each mutant is also bounded by mutmut's own timeout).
RUN_LIMIT_S = 40 * 60

_DIFFS = """
import sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
for name in sys.argv[1:]:
    try:
        diff = get_diff_for_mutant(name, path=find_mutant(name).path)
    except Exception as exc:  # an internal API: fall back to the name alone
        diff = f"(ingen diff: {exc})"
    lines = [
        line for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    print(f"## {name}")
    print("\\n".join("      " + line for line in lines))
"""


def read_equivalents(path: Path = EQUIVALENT_FILE) -> dict[str, str]:
    """``mutant name | reason`` per line; ``#`` starts a comment."""
    result: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, reason = line.partition("|")
        if not sep or not reason.strip():
            raise SystemExit(f"{path.name}: rad utan skäl: {raw!r}")
        result[name.strip()] = reason.strip()
    return result


def _copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "mutants")
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


def _mutmut(work: Path, *args: str, log: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("UTREDNING_RELIABILITY_STATS", None)  # the mutants' tests must not count
    command = [sys.executable, "-m", "mutmut", *args]
    if log is None:
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    with log.open("w", encoding="utf-8") as out:
        return subprocess.run(
            command, cwd=work, env=env, stdout=out, stderr=out, text=True, timeout=RUN_LIMIT_S
        )


def _statuses(work: Path) -> dict[str, str]:
    done = _mutmut(work, "results", "--all", "true")
    if done.returncode != 0:
        raise RuntimeError(done.stderr or done.stdout)
    result: dict[str, str] = {}
    for line in done.stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name:
            result[name] = status.strip()
    return result


def _by_module(statuses: dict[str, str]) -> dict[str, list[str]]:
    """Mutant names per module (``utredning_app.domain.costs.x_f__mutmut_3`` → ``costs``)."""
    groups: dict[str, list[str]] = {}
    for name in statuses:
        module = name.split(".x", 1)[0].rsplit(".", 1)[-1]
        groups.setdefault(module, []).append(name)
    return groups


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="behåll arbetsmappen (felsökning)")
    args = parser.parse_args(argv)
    equivalents = read_equivalents()

    work = Path(tempfile.mkdtemp(prefix="utredning-mutation-"))
    try:
        _copy_project(work)
        log = work / "mutmut-run.log"
        started = time.monotonic()
        try:
            run = _mutmut(work, "run", "--max-children", str(args.max_children), log=log)
        except subprocess.TimeoutExpired:
            print(f"FEL: mutationskörningen tog mer än {RUN_LIMIT_S // 60} minuter och avbröts.")
            return 1
        seconds = time.monotonic() - started
        statuses = _statuses(work)
        if run.returncode != 0 or not statuses:
            print(log.read_text(encoding="utf-8", errors="replace")[-4000:])
            print(f"FEL: mutmut avslutades med kod {run.returncode}.")
            return 1
        counts = Counter(statuses.values())
        killed = sum(1 for s in statuses.values() if s in KILLED)
        stale = sorted(set(equivalents) - set(statuses))
        equivalent = {n for n, s in statuses.items() if n in equivalents and s not in KILLED}
        # An "equivalent" mutant that a test kills was not equivalent: the list is wrong.
        killed_equivalents = sorted(n for n in equivalents if statuses.get(n) in KILLED)
        considered = len(statuses) - len(equivalent)
        score = 100.0 * killed / considered if considered else 0.0
        survivors = sorted(
            n for n, s in statuses.items() if s not in KILLED and n not in equivalent
        )

        print()
        print("Mutationstest av utredning_app/domain/ (mutmut, tests/unit)")
        print("-" * 60)
        for status, count in sorted(counts.items()):
            print(f"  {status:<38} {count:>6}")
        print(f"  {'mutanter totalt':<38} {len(statuses):>6}")
        print(f"  {'bedömda ekvivalenta (undantagna)':<38} {len(equivalent):>6}")
        percent = f"{score:.1f}".replace(".", ",")
        print(
            f"Poäng: {killed}/{considered} = {percent} % dödade "
            f"(dödade / (alla − ekvivalenta); mål ≥ {TARGET:g} %), {seconds:.0f} s "
            f"med {args.max_children} parallella"
        )
        raw = f"{100.0 * killed / len(statuses):.1f}".replace(".", ",")
        print(f"Utan undantag: {killed}/{len(statuses)} = {raw} % dödade")
        print("\nPer modul (dödade/ej ekvivalenta, ekvivalenta):")
        for module, names in sorted(_by_module(statuses).items()):
            k = sum(1 for n in names if statuses[n] in KILLED)
            e = sum(1 for n in names if n in equivalent)
            print(f"  {module:<38} {k:>5}/{len(names) - e:<5} {e:>3}")
        if survivors:
            print(f"\nÖverlevande mutanter som inte är bedömda ekvivalenta ({len(survivors)}):")
            diffs = subprocess.run(
                [sys.executable, "-c", _DIFFS, *survivors],
                cwd=work,
                capture_output=True,
                text=True,
            )
            by_name = {n: statuses[n] for n in survivors}
            for line in (diffs.stdout or "\n".join(f"## {n}" for n in survivors)).splitlines():
                if line.startswith("## "):
                    name = line[3:]
                    print(f"  {name}  [{by_name.get(name, '?')}]")
                else:
                    print(line)
        if equivalent:
            print(f"\nÖverlevande bedömda ekvivalenta ({len(equivalent)}, {EQUIVALENT_FILE.name}):")
            for name in sorted(equivalent):
                print(f"  {name}: {equivalents[name]}")
        if stale:
            print(f"\nOBS: {len(stale)} namn i {EQUIVALENT_FILE.name} finns inte längre:")
            for name in stale:
                print(f"  {name}")
        if killed_equivalents:
            print(f"\nOBS: {len(killed_equivalents)} 'ekvivalenta' mutanter dödades; stryk dem:")
            for name in killed_equivalents:
                print(f"  {name}")

        figure("mutation_killed", killed)
        figure("mutation_considered", considered)
        figure("mutation_equivalent", len(equivalent))
        figure("mutation_total", len(statuses))
        figure("mutation_seconds", round(seconds))
        return 0 if score >= TARGET else 1
    finally:
        if args.keep:
            print(f"Arbetsmapp: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
