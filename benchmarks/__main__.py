"""`make bench`: build the demo and the large investigation, run every benchmark module,
print the figures and write them to benchmarks/latest.json (flat: name → number;
names end in _s for seconds and _mib for memory)."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
import time
import traceback
from pathlib import Path

from benchmarks.common import ROOT
from benchmarks.generate import GENERATOR_VERSION, generate_large

# Each module has run(results, large_path, demo_path); missing modules are reported, not hidden.
MODULES = (
    "benchmarks.core",
    "benchmarks.demo",
    "benchmarks.gui",
    "benchmarks.reports",
    "benchmarks.remiss",
    "benchmarks.remiss_real",
    "benchmarks.costs",
    "benchmarks.reliability",
    "benchmarks.merge",
    "benchmarks.server",
)
OUT = ROOT / "benchmarks" / "out"


def prepare() -> tuple[Path, Path]:
    from utredning_app.services.demo import create_demo
    from utredning_app.storage.database import inspect_file

    OUT.mkdir(parents=True, exist_ok=True)
    demo = OUT / "demo.utredning"
    demo.unlink(missing_ok=True)
    create_demo(demo).close()
    large = OUT / f"large-v{GENERATOR_VERSION}.utredning"
    if large.exists() and inspect_file(large).needs_upgrade:
        # Made by an older checkout: measuring it would time the upgrade, not the work.
        print(f"{large.name} har en äldre schemaversion; genererar den på nytt")
        large.unlink()
    if not large.exists():
        tmp = OUT / "large.tmp.utredning"
        tmp.unlink(missing_ok=True)
        start = time.perf_counter()
        generate_large(tmp)
        print(f"genererade den stora utredningen på {time.perf_counter() - start:.1f} s")
        shutil.move(tmp, large)
    return large, demo


def main(argv: list[str] | None = None) -> int:
    """Every module; or only the modules named (``python -m benchmarks merge reports``), whose
    figures then replace theirs in latest.json and leave the others as they were."""
    wanted = list(sys.argv[1:] if argv is None else argv)
    unknown = [w for w in wanted if f"benchmarks.{w}" not in MODULES]
    if unknown:
        print("okänd mätmodul: " + ", ".join(unknown), file=sys.stderr)
        return 2
    modules = [f"benchmarks.{w}" for w in wanted] if wanted else list(MODULES)
    large, demo = prepare()
    results: dict[str, float] = {}
    latest = ROOT / "benchmarks" / "latest.json"
    if wanted and latest.exists():
        results = json.loads(latest.read_text(encoding="utf-8"))
    failed: list[str] = []
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                print(f"(hoppar över {name}: finns inte ännu)")
                continue
            raise
        # Each module gets fresh copies so one module's writes do not skew another's.
        work = OUT / name.split(".")[-1]
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        large_copy = work / large.name
        demo_copy = work / demo.name
        shutil.copyfile(large, large_copy)
        shutil.copyfile(demo, demo_copy)
        start = time.perf_counter()
        try:
            module.run(results, large_copy, demo_copy)
        except Exception:
            traceback.print_exc()
            failed.append(name)
        print(f"{name}: klar på {time.perf_counter() - start:.1f} s")
    width = max((len(k) for k in results), default=10)
    print()
    for key in sorted(results):
        print(f"{key:<{width}}  {results[key]:>12.3f}")
    latest.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nskrev {latest}")
    if failed:
        print("misslyckades: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
