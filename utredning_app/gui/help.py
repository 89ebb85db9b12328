"""Hjälp ▸ Användarhandledning: the guide in resources/help in the chosen language (Swedish
``handledning.md``, English ``handledning.en.md``), shown as formatted text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from utredning_app import paths


def guide_path(language: str) -> Path:
    """The guide for ``language``; Swedish where there is no other."""
    folder = paths.resources_dir() / "help"
    guide = folder / f"handledning.{language}.md"
    return guide if language != "sv" and guide.is_file() else folder / "handledning.md"


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, language: str = "sv") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Användarhandledning"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        browser.setAccessibleName(self.tr("Användarhandledning"))
        self.browser = browser
        guide = guide_path(language)
        text = guide.read_text(encoding="utf-8") if guide.is_file() else ""
        browser.setMarkdown(text or self.tr("Handledningen saknas i installationen."))
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
