"""Formatted-text editor for section prose, limited to the Markdown subset (markdown_text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QComboBox, QTextEdit, QToolBar, QToolButton, QVBoxLayout, QWidget

from utredning_app.gui.icons import icon
from utredning_app.gui.markdown_text import from_markdown, to_markdown


class MarkdownEditor(QWidget):
    """Toolbar + QTextEdit. ``markdown()`` / ``set_markdown()``; ``save_requested`` on Ctrl+S."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("editorToolbar")
        self.edit = QTextEdit()
        self.edit.setObjectName("sectionEditor")
        self.edit.setAcceptRichText(False)  # pasted HTML would bring formats outside the subset
        self.edit.setAccessibleName(self.tr("Avsnittets text"))
        self.edit.setTabChangesFocus(False)
        font = QFont(self.edit.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        self.edit.document().setDefaultFont(font)
        self.edit.document().setDocumentMargin(18)

        def add(
            text: str, slot: Callable[[], object], shortcut: str = "", icon_name: str = ""
        ) -> QAction:
            action = QAction(icon(icon_name), text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.toolbar.addAction(action)
            return action

        self.save_action = add(self.tr("Spara text"), self.save_requested.emit, "Ctrl+S", "save")
        self.toolbar.addSeparator()
        self.style_combo = QComboBox()
        self.style_combo.setAccessibleName(self.tr("Styckeformat"))
        self.style_combo.setToolTip(self.tr("Styckeformat (Ctrl+0 … Ctrl+3)"))
        for level, text in (
            (0, self.tr("Brödtext")),
            (1, self.tr("Rubrik 1")),
            (2, self.tr("Rubrik 2")),
            (3, self.tr("Rubrik 3")),
        ):
            self.style_combo.addItem(text, level)
        self.style_combo.activated.connect(
            lambda i: self.set_heading(int(self.style_combo.itemData(i)))
        )
        self.toolbar.addWidget(self.style_combo)
        for level in range(4):
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{level}"))
            shortcut.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.triggered.connect(lambda _c=False, lv=level: self.set_heading(lv))
            self.addAction(shortcut)
        self.toolbar.addSeparator()
        self.bold_action = add(self.tr("Fet (Ctrl+B)"), self.toggle_bold, "Ctrl+B", "bold")
        self.italic_action = add(self.tr("Kursiv (Ctrl+I)"), self.toggle_italic, "Ctrl+I", "italic")
        self.toolbar.addSeparator()
        add(
            self.tr("Punktlista"),
            lambda: self.make_list(QTextListFormat.Style.ListDisc),
            "",
            "bullets",
        )
        add(
            self.tr("Numrerad lista"),
            lambda: self.make_list(QTextListFormat.Style.ListDecimal),
            "",
            "numbers",
        )
        self.edit.cursorPositionChanged.connect(self._sync_style)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        save_button = self.toolbar.widgetForAction(self.save_action)
        if isinstance(save_button, QToolButton):
            save_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.edit, 1)

    def _sync_style(self) -> None:
        level = self.edit.textCursor().blockFormat().headingLevel()
        self.style_combo.setCurrentIndex(max(0, min(level, 3)))

    # content -------------------------------------------------------------------
    def set_markdown(self, text: str) -> None:
        from_markdown(text, self.edit.document())
        self.edit.document().setModified(False)

    def markdown(self) -> str:
        return to_markdown(self.edit.document())

    def is_modified(self) -> bool:
        return self.edit.document().isModified()

    def set_saved(self) -> None:
        self.edit.document().setModified(False)

    # formatting ------------------------------------------------------------------
    def set_heading(self, level: int) -> None:
        cursor = self.edit.textCursor()
        cursor.beginEditBlock()
        block = QTextBlockFormat()
        block.setHeadingLevel(level)
        cursor.mergeBlockFormat(block)
        char = QTextCharFormat()
        sizes = {1: 1.6, 2: 1.3, 3: 1.1}
        base = self.edit.document().defaultFont().pointSizeF()
        char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        char.setFontPointSize(base * sizes.get(level, 1.0))
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(char)
        cursor.endEditBlock()
        self.edit.mergeCurrentCharFormat(char)  # what is typed next follows the new style

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.edit.fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.edit.fontItalic())
        self.edit.mergeCurrentCharFormat(fmt)

    def make_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            block = QTextBlockFormat()
            block.setIndent(0)
            current.remove(cursor.block())
            cursor.setBlockFormat(block)
            return
        fmt = QTextListFormat()
        fmt.setStyle(style)
        cursor.createList(fmt)
