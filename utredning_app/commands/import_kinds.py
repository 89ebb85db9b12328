"""The shared ``utredning import KIND …`` command.

Several modules add kinds of import (``import remissvar``, ``import kostnader`` …) without
touching each other: each calls :func:`import_kinds` with the top-level subparsers and adds
its own parser to what it returns. The ``import`` parser is created by whichever module
asks first.
"""

from __future__ import annotations

from typing import Any

_ATTR = "_utredning_import_kinds"


def import_kinds(sub: Any) -> Any:
    """The subparsers of ``utredning import`` (created on first use)."""
    kinds = getattr(sub, _ATTR, None)
    if kinds is None:
        parser = sub.add_parser("import", help="läs in filer i en utredning (se undertyper)")
        kinds = parser.add_subparsers(dest="import_kind", metavar="TYP")
        kinds.required = True
        setattr(sub, _ATTR, kinds)
    return kinds
