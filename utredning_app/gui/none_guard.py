"""Workaround for two PySide6 6.12.0 defects on Python 3.11: calls that drop a reference to
None (void calls) or to True (emitting a signal with a bool).

Measured here: every call of a C++ method that returns nothing (``QLabel.setText``,
``QTextCursor.setPosition``, ``QObject.setObjectName`` …) lowers ``sys.getrefcount(None)`` by
one, and every ``signal.emit(True)`` (or ``emit(False)``, which drops True too) lowers
``sys.getrefcount(True)`` by one. From Python 3.12 these objects are immortal and this is
harmless; on 3.11 they are deallocated once their count reaches zero and the interpreter
aborts ("Fatal Python error: none_dealloc" / "bool_dealloc"). With the demo open None has
about 37 000 references and visiting every view costs about 50; True has only about 600, so a
long session of checkboxes and toggled actions aborted on quitting ("bool_dealloc" while the
garbage collector released the last references).

While a probe at start-up shows a leak, the program raises the leaking object's reference
count by a very large number once, which is what Python 3.12 does by making them immortal:
the count can then never reach zero, during the session or at exit (a reserve of references
would be released at exit and abort there). True and False are guarded together.

Why not another PySide6: 6.11.3 has neither leak (measured with the same probes), but the
forms, the translations and the start-up measurements are made with 6.12.0, and the probes
make this module do nothing once a fixed PySide6 is installed. Remove it then.
"""

from __future__ import annotations

import ctypes
import platform
import sys

from PySide6.QtCore import QObject, Signal

# As good as immortal: more calls than a program makes in years (2**32 on 3.12).
IMMORTAL_MARGIN = 1 << 40
PROBE_CALLS = 20
_guarded: set[str] = set()  # once per process: a second call finds them guarded


class _Probe(QObject):
    flag = Signal(bool)


def void_calls_leak_none() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - PROBE_CALLS


def bool_signals_leak_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBE_CALLS):
        probe.flag.emit(True)
    return sys.getrefcount(True) <= before - PROBE_CALLS


def _immortalise(obj: object) -> None:
    # ob_refcnt is the first field of every CPython object (Py_ssize_t).
    ctypes.c_ssize_t.from_address(id(obj)).value += IMMORTAL_MARGIN


def guard_singletons() -> set[str]:
    """Make None, True and False immortal where calls leak references to them; returns the
    names of those guarded (empty where nothing leaks)."""
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return set()
    if "None" not in _guarded and void_calls_leak_none():
        _immortalise(None)
        _guarded.add("None")
    if "True" not in _guarded and bool_signals_leak_true():
        _immortalise(True)
        _immortalise(False)
        _guarded.update({"True", "False"})
    return set(_guarded)
