"""Run a module as __main__ and write this process's own peak RSS (MiB) to a file.

A forked child's ru_maxrss as seen by the parent includes the parent's memory at fork time,
so the child reports its own figure instead:

    python -m benchmarks.peak PEAKFILE MODULE [ARGS...]
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
from pathlib import Path


def _write_peak(target: Path) -> None:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    divisor = 1024**2 if sys.platform == "darwin" else 1024
    target.write_text(f"{peak_kib / divisor:.3f}\n")


def main() -> None:
    target = Path(sys.argv[1])
    module = sys.argv[2]
    sys.argv = [module, *sys.argv[3:]]
    atexit.register(_write_peak, target)
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
