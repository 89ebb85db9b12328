"""Hjälp ▸ Användarhandledning: the Swedish guide in resources/help, shown as formatted text."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from utredning_app import paths


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Användarhandledning"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        browser.setAccessibleName(self.tr("Användarhandledning"))
        guide = paths.resources_dir() / "help" / "handledning.md"
        text = guide.read_text(encoding="utf-8") if guide.is_file() else ""
        browser.setMarkdown(text or self.tr("Handledningen saknas i installationen."))
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
