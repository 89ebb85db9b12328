"""Rapporttext: reports and their sections; each section's prose edited as formatted text and
stored as Markdown (see markdown_text for the subset). Saving a section is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from utredning_app.errors import UserError
from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.text_editor import MarkdownEditor
from utredning_app.gui.views.base import BaseView
from utredning_app.services import entities


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Rapporttext"),
            QCoreApplication.translate(
                "Rapporttext",
                "Välj rapport och avsnitt och skriv texten till höger. Texten sparas när du "
                "byter avsnitt eller trycker Spara text (Ctrl+S), och varje sparning kan ångras.",
            ),
        )
        self.reports = EntityPanel(
            specs.REPORT, QCoreApplication.translate("Fält", "Rapporter"), compact=True
        )
        self.sections = EntityPanel(
            specs.SECTION, QCoreApplication.translate("Fält", "Avsnitt"), compact=True
        )
        self.reports.current_changed.connect(self._on_report)
        self.sections.current_changed.connect(self._on_section)
        # Rapporter ▸ Utgåvor: the sent editions of the fastställda reports.
        self.editions_button = QPushButton(QCoreApplication.translate("Rapporttext", "Utgåvor …"))
        self.editions_button.setToolTip(
            QCoreApplication.translate(
                "Rapporttext", "De skickade utgåvorna av delrapporten och slutrapporten"
            )
        )
        self.editions_button.clicked.connect(self.show_editions)
        reports_box = QWidget()
        reports_layout = QVBoxLayout(reports_box)
        reports_layout.setContentsMargins(0, 0, 0, 0)
        reports_layout.addWidget(self.reports, 1)
        reports_layout.addWidget(self.editions_button, 0, Qt.AlignmentFlag.AlignLeft)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(reports_box)
        left.addWidget(self.sections)
        self.editor = MarkdownEditor()
        self.editor.save_requested.connect(self.save)
        self.section_title = QLabel(QCoreApplication.translate("Rapporttext", "Inget avsnitt valt"))
        self.section_title.setObjectName("panelTitle")
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.section_title)
        box.addWidget(self.editor, 1)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(left)
        outer.addWidget(right)
        outer.setStretchFactor(0, 2)
        outer.setStretchFactor(1, 3)
        outer.setSizes([460, 700])
        self.panels += [self.reports, self.sections]
        self.layout_.addWidget(outer, 1)
        self.section_id: str | None = None
        self.editor.setEnabled(False)

    def show_editions(self) -> None:
        from utredning_app.gui.editions_dialog import show_editions

        show_editions(self, self.workspace)

    def _on_report(self, report_id: str | None) -> None:
        self.save()
        self.sections.set_parent(report_id)

    def _on_section(self, section_id: str | None) -> None:
        if section_id == self.section_id:
            return
        self.save()
        self.load_section(section_id)

    def load_section(self, section_id: str | None) -> None:
        self.section_id = section_id
        if section_id is None or self.workspace is None:
            self.editor.set_markdown("")
            self.editor.setEnabled(False)
            self.section_title.setText(
                QCoreApplication.translate("Rapporttext", "Inget avsnitt valt")
            )
            return
        row = entities.get(self.workspace.db, "section", section_id)
        self.section_title.setText(str(row["title"]))
        self.editor.set_markdown(str(row["body_md"] or ""))
        self.editor.setEnabled(True)

    def on_changed(self, tables: frozenset[str]) -> None:
        # Undo/redo of a text save: show what the file now holds.
        if "section" in tables and self.section_id and not self.editor.is_modified():
            try:
                self.load_section(self.section_id)
            except UserError:
                self.load_section(None)

    def save(self) -> bool:
        """Write the editor's text to the section if it changed; one undo step."""
        if self.workspace is None or self.section_id is None or not self.editor.is_modified():
            return False
        text = self.editor.markdown()
        current = entities.get(self.workspace.db, "section", self.section_id)
        self.editor.set_saved()
        if text == (current["body_md"] or ""):
            return False
        return self.workspace.update(
            "section",
            self.section_id,
            {"body_md": text},
            QCoreApplication.translate("Rapporttext", "Ändra texten i %1").replace(
                "%1", f"«{current['title']}»"
            ),
        )

    def before_close(self) -> None:
        self.save()
