"""Översikt: the uppdrag, the timetable (days left), remiss progress and counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.formatting import format_date
from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.icons import icon
from utredning_app.gui.specs import QT_TRANSLATE_NOOP
from utredning_app.gui.table_model import Column
from utredning_app.gui.views.base import BaseView
from utredning_app.gui.workspace import Workspace
from utredning_app.services.overview import COUNTED, FirstLook, Overview

if TYPE_CHECKING:
    from utredning_app.gui.entity_dialog import EntityDialog

COUNT_LABELS = {
    "member": QT_TRANSLATE_NOOP("Översikt", "Ledamöter"),
    "provider_unit": QT_TRANSLATE_NOOP("Översikt", "Verksamheter"),
    "governance_option": QT_TRANSLATE_NOOP("Översikt", "Styrmodeller"),
    "criterion": QT_TRANSLATE_NOOP("Översikt", "Bedömningsgrunder"),
    "estimate": QT_TRANSLATE_NOOP("Översikt", "Skattningar"),
    "proposal": QT_TRANSLATE_NOOP("Översikt", "Förslag"),
    "section": QT_TRANSLATE_NOOP("Översikt", "Avsnitt"),
    "dissent": QT_TRANSLATE_NOOP("Översikt", "Reservationer"),
}


def _days_text(row: dict[str, object]) -> str:
    import datetime as dt

    due = row.get("due_date")
    if not isinstance(due, dt.date):
        return ""
    if row.get("done"):
        return QCoreApplication.translate("Översikt", "klar")
    days = (due - dt.date.today()).days
    if days < 0:
        return QCoreApplication.translate("Översikt", "%1 dagar sedan").replace("%1", str(-days))
    if days == 0:
        return QCoreApplication.translate("Översikt", "i dag")
    return QCoreApplication.translate("Översikt", "om %1 dagar").replace("%1", str(days))


class _Card(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        self.box.addWidget(heading)


class View(BaseView):
    # Everything services.overview.overview() reads: no reload after a score or a stance.
    watched = frozenset(COUNTED) | {"investigation", "milestone", "consultee", "response"}

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Vyer", "Översikt"))
        top = QHBoxLayout()
        top.setSpacing(14)

        # the uppdrag
        self.uppdrag = _Card(QCoreApplication.translate("Översikt", "Uppdraget"))
        self.title_label = QLabel()
        self.title_label.setObjectName("investigationTitle")
        self.title_label.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.directive = QTextBrowser()
        self.directive.setAccessibleName(QCoreApplication.translate("Översikt", "Direktiv"))
        self.directive.setMinimumHeight(120)
        self.edit_button = edit_button = QPushButton(
            icon("edit"), QCoreApplication.translate("Översikt", "Redigera uppdraget…")
        )
        edit_button.setAccessibleName(QCoreApplication.translate("Översikt", "Redigera uppdraget"))
        edit_button.clicked.connect(self.edit_investigation)
        self.uppdrag.box.addWidget(self.title_label)
        self.uppdrag.box.addWidget(self.facts_label)
        self.uppdrag.box.addWidget(self.directive, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(edit_button)
        self.uppdrag.box.addLayout(row)
        top.addWidget(self.uppdrag, 3)

        # status column: next milestone, remiss, counts
        side = QVBoxLayout()
        self.next_card = _Card(QCoreApplication.translate("Översikt", "Nästa milstolpe"))
        self.next_label = QLabel()
        self.next_label.setObjectName("bigNumber")
        self.next_detail = QLabel()
        self.next_detail.setWordWrap(True)
        self.next_card.box.addWidget(self.next_label)
        self.next_card.box.addWidget(self.next_detail)
        side.addWidget(self.next_card)

        self.remiss_card = _Card(QCoreApplication.translate("Översikt", "Remiss"))
        self.answered = QProgressBar()
        self.answered.setAccessibleName(QCoreApplication.translate("Översikt", "Inkomna remissvar"))
        self.coded = QProgressBar()
        self.coded.setAccessibleName(
            QCoreApplication.translate("Översikt", "Färdigbehandlade remissvar")
        )
        self.remiss_card.box.addWidget(
            QLabel(QCoreApplication.translate("Översikt", "Inkomna svar från inbjudna instanser"))
        )
        self.remiss_card.box.addWidget(self.answered)
        self.remiss_card.box.addWidget(
            QLabel(QCoreApplication.translate("Översikt", "Färdigbehandlade svar"))
        )
        self.remiss_card.box.addWidget(self.coded)
        side.addWidget(self.remiss_card)

        self.counts_card = _Card(QCoreApplication.translate("Översikt", "Innehåll"))
        grid_host = QWidget()
        self.counts_grid = QGridLayout(grid_host)
        self.counts_grid.setContentsMargins(0, 0, 0, 0)
        self.count_labels: dict[str, QLabel] = {}
        for i, (table, text) in enumerate(COUNT_LABELS.items()):
            number = QLabel("0")
            number.setObjectName("countNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.count_labels[table] = number
            self.counts_grid.addWidget(
                QLabel(QCoreApplication.translate("Översikt", text)), i // 2, (i % 2) * 2
            )
            self.counts_grid.addWidget(number, i // 2, (i % 2) * 2 + 1)
        self.counts_card.box.addWidget(grid_host)
        side.addWidget(self.counts_card)
        side.addStretch(1)
        top.addLayout(side, 2)
        self.layout_.addLayout(top, 3)

        self.milestones = EntityPanel(
            specs.MILESTONE,
            QCoreApplication.translate("Översikt", "Tidplan"),
            extra_columns=[
                Column("days_left", QCoreApplication.translate("Översikt", "Tid kvar"), _days_text)
            ],
        )
        self.add_panel(self.milestones, 2)

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.edit_button.setEnabled(workspace is not None)
        super().set_workspace(workspace)

    def show_first_look(self, look: FirstLook) -> None:
        """The file's Översikt read at start before it is open (``services.overview
        .first_look``); ``set_workspace`` reads it again, and nothing is editable until then."""
        self.edit_button.setEnabled(False)
        self._show(look.facts)
        self.milestones.show_rows(look.milestone_rows)

    def reload(self) -> None:
        if self.workspace is None:
            return
        from utredning_app.services.overview import overview

        self._show(overview(self.workspace.db))

    def _show(self, facts: Overview) -> None:
        self.title_label.setText(facts.title)
        parts = []
        if facts.diarienummer:
            parts.append(
                QCoreApplication.translate("Översikt", "Diarienummer: <b>%1</b>").replace(
                    "%1", facts.diarienummer
                )
            )
        if facts.commissioned_by:
            parts.append(
                QCoreApplication.translate("Översikt", "Uppdragsgivare: %1").replace(
                    "%1", facts.commissioned_by
                )
            )
        if facts.decided_on:
            parts.append(
                QCoreApplication.translate("Översikt", "Beslutad: %1").replace(
                    "%1", format_date(facts.decided_on)
                )
            )
        if facts.case_officer:
            parts.append(
                QCoreApplication.translate("Översikt", "Handläggare: %1").replace(
                    "%1", facts.case_officer
                )
            )
        self.facts_label.setText(" · ".join(parts))
        self.directive.setMarkdown(
            facts.directive_md
            or QCoreApplication.translate(
                "Översikt", "*Inget direktiv inlagt än – välj Redigera uppdraget.*"
            )
        )
        nxt = facts.next_milestone
        if nxt is None and facts.milestones and all(m.done for m in facts.milestones):
            last = facts.milestones[-1]
            self.next_label.setText(QCoreApplication.translate("Översikt", "Alla klara"))
            self.next_detail.setText(
                QCoreApplication.translate("Översikt", "Senast: %1 – %2")
                .replace("%1", last.title)
                .replace("%2", format_date(last.due_date))
            )
        elif nxt is None:
            self.next_label.setText("–")
            self.next_detail.setText(
                QCoreApplication.translate("Översikt", "Inga kommande milstolpar.")
            )
        else:
            days = nxt.days_left
            if days < 0:
                text = QCoreApplication.translate("Översikt", "%1 dagar sen").replace(
                    "%1", str(-days)
                )
            elif days == 1:
                text = QCoreApplication.translate("Översikt", "1 dag")
            else:
                text = QCoreApplication.translate("Översikt", "%1 dagar").replace("%1", str(days))
            self.next_label.setText(text)
            self.next_label.setProperty("late", days < 0)
            self.next_label.style().unpolish(self.next_label)
            self.next_label.style().polish(self.next_label)
            self.next_detail.setText(f"{nxt.title} – {format_date(nxt.due_date)}")
        invited = max(facts.consultees, 1)
        self.answered.setRange(0, invited)
        self.answered.setValue(min(facts.responses, invited))
        self.answered.setFormat(
            QCoreApplication.translate("Översikt", "%1 av %2")
            .replace("%1", str(facts.responses))
            .replace("%2", str(facts.consultees))
        )
        answered = max(facts.responses, 1)
        self.coded.setRange(0, answered)
        self.coded.setValue(min(facts.responses_done, answered))
        self.coded.setFormat(
            QCoreApplication.translate("Översikt", "%1 av %2")
            .replace("%1", str(facts.responses_done))
            .replace("%2", str(facts.responses))
        )
        for table, label in self.count_labels.items():
            label.setText(str(facts.counts.get(table, 0)))

    def edit_investigation(self) -> None:
        dialog = self.make_investigation_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_investigation(dialog)

    def make_investigation_dialog(self) -> EntityDialog | None:
        if self.workspace is None:
            return None
        from utredning_app.services import entities

        row = self.workspace.query(entities.investigation)
        scale = self.workspace.query(entities.file_scale)
        from utredning_app.gui.entity_dialog import EntityDialog

        dialog = EntityDialog(
            specs.INVESTIGATION,
            row,
            {},
            scale,
            heading=QCoreApplication.translate("Översikt", "Uppdraget"),
            parent=self,
        )
        dialog.setProperty("row_id", row["id"])
        return dialog

    def apply_investigation(self, dialog: EntityDialog) -> bool:
        assert self.workspace is not None
        changes = dialog.changed_values()
        if not changes:
            return False
        return self.workspace.update(
            "investigation",
            str(dialog.property("row_id")),
            changes,
            QCoreApplication.translate("Översikt", "Ändra uppdraget"),
        )
