"""Bedömningar: options × criteria, editable in place, coloured by score; criteria below."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.matrix_model import MatrixModel, score_text
from utredning_app.gui.views.base import BaseView
from utredning_app.services.assessments import matrix


class View(BaseView):
    watched = frozenset({"assessment", "criterion", "governance_option", "investigation"})

    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Bedömningar"),
            QCoreApplication.translate(
                "Bedömningar",
                "Varje styrmodell bedöms mot varje bedömningsgrund. Skriv poängen direkt i "
                "rutan (Retur eller F2 för att ändra; töm rutan för att ta bort "
                "poängen). Färgen går från rött för låg till grönt för hög poäng.",
            ),
        )
        self.model = MatrixModel(self)
        self.model.score_entered.connect(self._on_score)
        self.model.refused.connect(self._on_refused)
        self.table = QTableView()
        self.table.setObjectName("matrix")
        self.table.setTabKeyNavigation(False)  # Tab leaves the matrix; arrows move in it
        self.table.setAccessibleName(QCoreApplication.translate("Bedömningar", "Bedömningsmatris"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(120)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMinimumWidth(220)
        self.table.verticalHeader().setMaximumWidth(340)
        self.table.setWordWrap(True)
        self.scale_label = QLabel()
        self.scale_label.setObjectName("viewIntro")
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setAccessibleName(
            QCoreApplication.translate("Bedömningar", "Felmeddelande")
        )
        self.error_label.hide()
        host = QWidget()
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(QCoreApplication.translate("Bedömningar", "Bedömningsmatris"))
        title.setObjectName("panelTitle")
        box.addWidget(title)
        box.addWidget(self.table, 1)
        box.addWidget(self.scale_label)
        box.addWidget(self.error_label)
        self.criteria = EntityPanel(
            specs.CRITERION, QCoreApplication.translate("Fält", "Bedömningsgrunder")
        )
        self.profiles = EntityPanel(
            specs.WEIGHT_PROFILE,
            QCoreApplication.translate("Fält", "Viktprofiler"),
            compact=True,
        )
        self.weights = EntityPanel(
            specs.PROFILE_WEIGHT, QCoreApplication.translate("Fält", "Vikter"), compact=True
        )
        self.profiles.current_changed.connect(self.weights.set_parent)
        profile_page = QSplitter(Qt.Orientation.Horizontal)
        profile_page.addWidget(self.profiles)
        profile_page.addWidget(self.weights)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(self.criteria, QCoreApplication.translate("Fält", "Bedömningsgrunder"))
        tabs.addTab(profile_page, QCoreApplication.translate("Fält", "Viktprofiler"))
        self.lower_tabs = tabs
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(host)
        splitter.addWidget(tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.panels += [self.criteria, self.profiles, self.weights]
        self.layout_.addWidget(splitter, 1)

    def reload(self) -> None:
        if self.workspace is None:
            return
        data = matrix(self.workspace.db)
        self.model.set_matrix(data)
        self._fit_criterion_headers()
        self.scale_label.setText(
            QCoreApplication.translate("Bedömningar", "Skala: %1 (sämst) – %2 (bäst).")
            .replace("%1", score_text(data.score_min))
            .replace("%2", score_text(data.score_max))
        )

    def _fit_criterion_headers(self) -> None:
        """Columns at least as wide as the longest word of a criterion's name.

        Headers wrap between words only; one long word ("Omvårdnadsperspektivet") was clipped
        at both ends in a column stretched below its width. Too wide for the window, the
        matrix scrolls sideways instead.
        """
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        words = [word for c in self.model.matrix.criteria for word in c.label.split()]
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        header.setMinimumSectionSize(max(120, widest + 2 * metrics.averageCharWidth()))

    def _on_score(self, option_id: str, criterion_id: str, score: float | None) -> None:
        if self.workspace is None:
            return
        self.error_label.hide()
        option = next(o.label for o in self.model.matrix.options if o.id == option_id)
        criterion = next(c.label for c in self.model.matrix.criteria if c.id == criterion_id)
        text = (
            QCoreApplication.translate("Bedömningar", "Bedöm %1 / %2")
            .replace("%1", option)
            .replace("%2", criterion)
        )
        self.workspace.set_score(option_id, criterion_id, score, text)

    def _on_refused(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def focus_search(self) -> None:
        self.criteria.filter_edit.setFocus()
