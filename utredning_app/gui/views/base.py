"""Base class of the main window's views."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.workspace import Workspace


class BaseView(QWidget):
    """A page of the main window. Subclasses build widgets in ``__init__`` and load data in
    ``set_workspace`` / ``reload``; they react to ``workspace.changed``."""

    # The tables whose changes make ``reload()`` run (the panels watch their own).
    watched: frozenset[str] = frozenset()

    def __init__(self, heading: str, intro: str = "") -> None:
        super().__init__()
        self.workspace: Workspace | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 18, 24, 18)
        self.layout_.setSpacing(10)
        title = QLabel(heading)
        title.setObjectName("viewHeading")
        self.layout_.addWidget(title)
        if intro:
            text = QLabel(intro)
            text.setObjectName("viewIntro")
            text.setWordWrap(True)
            self.layout_.addWidget(text)
        self.panels: list[EntityPanel] = []

    def add_panel(self, panel: EntityPanel, stretch: int = 1) -> EntityPanel:
        self.panels.append(panel)
        self.layout_.addWidget(panel, stretch)
        return panel

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        for panel in self.panels:
            panel.set_workspace(workspace)
        if workspace is not None:
            workspace.changed.connect(self._workspace_changed)
        self.reload()

    def _workspace_changed(self, tables: frozenset[str], initiator: object) -> None:
        # The view that wrote (or a widget inside it) has already shown its change.
        inside = isinstance(initiator, QWidget) and self.isAncestorOf(initiator)
        if initiator is not self and not inside:
            self.on_changed(tables)

    def on_changed(self, tables: frozenset[str]) -> None:
        """Tables were written; panels reload themselves, and the view reloads the rest when
        one of the tables it shows (``watched``) was among them."""
        if self.watched & tables:
            self.reload()

    def reload(self) -> None:
        """Load what is not in a panel (subclasses)."""

    def focus_search(self) -> None:
        panel = self.primary_panel()
        if panel is not None:
            panel.filter_edit.setFocus()
            panel.filter_edit.selectAll()

    def prepare_screenshot(self) -> None:
        """Select something worth showing (used by `utredning screenshots`)."""

    def before_close(self) -> None:
        """Save anything pending (the text editor) before the file is closed."""

    def primary_panel(self) -> EntityPanel | None:
        return self.panels[0] if self.panels else None
