"""Workaround for a PySide6 6.12.0 defect on Python 3.11: void calls drop a reference to None.

Measured here: every call of a C++ method that returns nothing (``QLabel.setText``,
``QTextCursor.setPosition``, ``QObject.setObjectName`` …) lowers ``sys.getrefcount(None)`` by
one. From Python 3.12 None is immortal and this is harmless; on 3.11 None is deallocated once
the count reaches zero and the interpreter aborts ("Fatal Python error: none_dealloc"). With
the demo open the count is about 37 000 and visiting every view costs about 50, and every
cursor move in the Rapporttext editor costs one: a day's writing would crash the program and
lose the unsaved text.

While a probe at start-up shows the leak, the program raises None's reference count by a
very large number once, which is what Python 3.12 does by making None immortal: the count can
then never reach zero, during the session or at exit (a reserve of references would be
released at exit and abort there). Remove this module when the PySide6 in use no longer leaks
(the probe then makes it do nothing).
"""

from __future__ import annotations

import ctypes
import platform
import sys

from PySide6.QtCore import QObject

# As good as immortal: more void calls than a program makes in years (2**32 on 3.12).
IMMORTAL_MARGIN = 1 << 40


def void_calls_leak_none() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - 20


def guard_none() -> bool:
    """Make None immortal if void calls leak references to it; True if that was needed."""
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    if not void_calls_leak_none():
        return False
    # ob_refcnt is the first field of every CPython object (Py_ssize_t).
    ctypes.c_ssize_t.from_address(id(None)).value += IMMORTAL_MARGIN
    return True
