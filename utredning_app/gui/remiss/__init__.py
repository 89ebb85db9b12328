"""Remiss screens as self-contained widgets (reading/coding, import, search, dashboard).

Each widget gets the open file's :class:`~utredning_app.gui.workspace.Workspace` through
``set_workspace`` and emits ``changed(frozenset_of_table_names)`` after it wrote, so the main
window's workspace can tell the other views. The thin ``View`` wrappers that put them in the
main window's registry live in ``utredning_app/gui/views/remiss_*.py``.
"""
