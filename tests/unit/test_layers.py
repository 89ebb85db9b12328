"""The arrows point one way: GUI/CLI → services → exporting/importing → charts/storage/domain.

Read from the source (every ``import`` and ``from … import``, also inside functions), so a
lazy import that points back fails here too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "utredning_app"

# What each part of the package may import from the package (besides itself). "(rot)" is
# utredning_app/__init__.py (name and version), "errors" and "paths" are shared by all.
ALLOWED: dict[str, set[str]] = {
    "domain": {"errors"},
    "storage": {"(rot)", "errors", "paths", "domain"},
    "charts": {"(rot)", "errors", "paths", "domain"},
    "exporting": {"(rot)", "errors", "paths", "domain", "charts"},
    "importing": {"(rot)", "errors", "paths", "domain", "exporting"},
    "services": {
        "(rot)",
        "errors",
        "paths",
        "domain",
        "storage",
        "charts",
        "exporting",
        "importing",
    },
    # The GUI reaches the data only through services (its Workspace hands them the open file).
    "gui": {"(rot)", "errors", "paths", "domain", "services", "exporting", "charts"},
    # The command line: services and domain; ``gui`` starts the window, ``launcher`` the app.
    "commands": {
        "(rot)",
        "errors",
        "paths",
        "domain",
        "services",
        "exporting",
        "gui",
        "launcher",
        "__main__",
    },
}


def _imports(path: Path) -> set[str]:
    """The parts of the package that ``path`` imports (``utredning_app.<part>…``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "utredning_app":
                found.add(parts[1] if len(parts) > 1 else "(rot)")
    return found


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_lower_layers_never_import_higher_ones(part: str) -> None:
    files = sorted((PACKAGE / part).rglob("*.py"))
    assert files, f"utredning_app/{part} har inga moduler"
    wrong = {
        f"{path.relative_to(PACKAGE.parent)} → {target}"
        for path in files
        for target in _imports(path) - ALLOWED[part] - {part}
    }
    assert not wrong, "importer åt fel håll:\n" + "\n".join(sorted(wrong))


def test_the_check_sees_lazy_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "def f():\n    from utredning_app.services.exports import export_document\n",
        encoding="utf-8",
    )
    assert _imports(module) == {"services"}


SESSION_METHODS = {"reader", "transaction", "investigation"}  # storage.database.Database's


def _sessions_opened(path: Path, root: Path = PACKAGE.parent) -> list[str]:
    """Calls in ``path`` that open a unit of work on a database themselves
    (``db.reader()``, ``….db.transaction()``, ``db.investigation(session)``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SESSION_METHODS
            and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "entities")
        ):
            found.append(f"{path.relative_to(root)}:{node.lineno} {node.func.attr}()")
    return found


def test_widgets_never_open_sessions_on_the_file_themselves() -> None:
    """The GUI reads through services that open their own unit of work, reached through the
    Workspace (``workspace.query(read)``, ``Workspace.run``, an ``Op``)."""
    found = [
        hit for path in sorted((PACKAGE / "gui").rglob("*.py")) for hit in _sessions_opened(path)
    ]
    assert not found, "\n".join(found)


def test_the_session_check_sees_a_reader(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "def f(ws):\n    with ws.db.reader() as session:\n        return session\n"
        "def g(ws):\n    return entities.investigation(ws.db)\n",
        encoding="utf-8",
    )
    assert _sessions_opened(module, tmp_path) == ["m.py:2 reader()"]
