"""Charts drawn in a separate process while the document is written.

matplotlib holds the GIL while it draws, so threads do not help: the slutrapport's eight
charts (and matplotlib's import) took about half of an export. A worker process (one, the
machines have two cores) draws them while the main process reads the file and writes the
document; the pictures are put in place when the document is finished (``BuildContext``).

A job names its drawing function by module and name and carries plain dataclass arguments,
so it can be sent to the worker; where no worker can be started (a frozen build, a broken
pool) the chart is drawn in the calling thread instead — same function, same bytes.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from typing import Any

# The worker imports these before its first job (while the main process reads the file).
_WARM_MODULES = ("matplotlib.figure", "matplotlib.backends.backend_agg", "PIL.Image")


def _warm() -> None:
    import gc

    # matplotlib's import makes some 200,000 objects: no cyclic collection while it runs, and
    # none over them afterwards (gc.freeze), which cost the worker a tenth of a second. The
    # collector is then on (a forked worker starts with its parent's setting).
    gc.disable()
    try:
        for name in (*_WARM_MODULES, "utredning_app.charts.cost_charts"):
            importlib.import_module(name)
        from matplotlib import font_manager

        font_manager.fontManager.get_default_weight()  # loads the font list once
    finally:
        gc.freeze()
        gc.enable()


def _render(module: str, name: str, font: str | None, args: tuple[Any, ...], kwargs: Any) -> bytes:
    from utredning_app.charts.drawing import set_chart_font

    set_chart_font(font)
    fn = getattr(importlib.import_module(module), name)
    result: bytes = fn(*args, **kwargs)
    return result


def _spawnable_main() -> bool:
    """A spawned interpreter re-imports ``__main__``: by module name (``python -m``), or from
    its file; a main read from stdin or ``-c`` cannot be loaded there."""
    import os

    main = sys.modules.get("__main__")
    if main is None:
        return False
    if getattr(main, "__spec__", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


@cache
def _pool() -> ProcessPoolExecutor | None:
    if getattr(sys, "frozen", False) or not _spawnable_main():
        return None  # draw in-process: no interpreter to spawn, or no main module to load
    import multiprocessing

    fork = _fork_is_safe()
    if fork:
        # A forked worker starts with this process's modules: numpy, which the charts and
        # this process's Monte Carlo both need, is then imported once instead of twice.
        import numpy  # noqa: F401

    context = multiprocessing.get_context("fork" if fork else "spawn")
    return ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_warm)


def _fork_is_safe() -> bool:
    """Fork (the worker starts with this process's imports: a third of a second less) only
    from a single-threaded command-line process on Linux; with Qt, or any other thread
    running, a fresh interpreter is started instead ("spawn")."""
    import threading

    return (
        sys.platform == "linux"
        and threading.active_count() == 1
        and not any(name.startswith("PySide6") for name in sys.modules)
    )


def start_worker() -> None:
    """Start the worker now (it imports matplotlib while the caller does other work)."""
    pool = _pool()
    if pool is not None:
        try:
            pool.submit(_warm)
        except (BrokenProcessPool, RuntimeError, OSError):
            _pool.cache_clear()


def submit(fn: Callable[..., bytes], *args: Any, **kwargs: Any) -> Future[bytes]:
    """Draw ``fn(*args, **kwargs)`` (a module-level ``*_png`` function) in the worker."""
    from utredning_app.charts.drawing import current_chart_font

    pool = _pool()
    if pool is not None:
        try:
            return pool.submit(
                _render, fn.__module__, fn.__name__, current_chart_font(), args, kwargs
            )
        except (BrokenProcessPool, RuntimeError, OSError):
            _pool.cache_clear()
    done: Future[bytes] = Future()
    done.set_result(fn(*args, **kwargs))
    return done


def result(future: Future[bytes], fn: Callable[..., bytes], *args: Any, **kwargs: Any) -> bytes:
    """The chart's bytes; drawn here if the worker died."""
    try:
        return future.result()
    except BrokenProcessPool:
        _pool.cache_clear()
        return fn(*args, **kwargs)
