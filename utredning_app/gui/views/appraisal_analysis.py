"""Rangordning och vikter: the weighted ranking under the group's and every party's weight
profile side by side, and the weight ranges within which the top option stays on top."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.appraisal import AppraisalOverview, Sensitivity
from utredning_app.domain.formatting import format_number
from utredning_app.errors import UserError
from utredning_app.gui.chart_canvas import ChartCanvas
from utredning_app.gui.views.base import BaseView
from utredning_app.services.appraisal import appraisal_of

WATCHED = frozenset(
    {"assessment", "criterion", "weight_profile", "profile_weight", "governance_option", "party"}
)
RANK_COLOURS = ("#B7E1CD", "#DDF0E4", "#FFF2CC", "#FCE4D6", "#F4CCCC")


def _item(text: str, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(name: str) -> QTableWidget:
    table = QTableWidget(0, 0)
    table.setObjectName(name)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class View(BaseView):
    watched = WATCHED

    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Rangordning och vikter"),
            QCoreApplication.translate(
                "Rangordning",
                "Viktad poäng och placering för varje styrmodell med gruppens och varje partis "
                "vikter, sida vid sida. Stabilitetsintervallet visar hur mycket en "
                "bedömningsgrunds vikt kan ändras (övriga skalas i proportion) innan en annan "
                "styrmodell hamnar först.",
            ),
        )
        self.data: AppraisalOverview | None = None
        self.problems = QLabel()
        self.problems.setObjectName("fieldError")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.layout_.addWidget(self.problems)

        self.ranks = _table(QCoreApplication.translate("Rangordning", "Rangordning per viktprofil"))
        self.ranks_chart = ChartCanvas(
            QCoreApplication.translate("Rangordning", "Diagram: rangordning per viktprofil")
        )
        tabs = QTabWidget()
        tabs.addTab(self.ranks, QCoreApplication.translate("Rangordning", "Tabell"))
        tabs.addTab(self.ranks_chart, QCoreApplication.translate("Rangordning", "Diagram"))

        stability = QWidget()
        box = QVBoxLayout(stability)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("Rangordning", "Viktprofil:")))
        self.profile = QComboBox()
        self.profile.setAccessibleName(
            QCoreApplication.translate("Rangordning", "Viktprofil för stabilitetsintervall")
        )
        self.profile.currentIndexChanged.connect(self._show_stability)
        row.addWidget(self.profile, 1)
        box.addLayout(row)
        self.stability_table = _table(
            QCoreApplication.translate("Rangordning", "Stabilitetsintervall")
        )
        self.stability_chart = ChartCanvas(
            QCoreApplication.translate("Rangordning", "Diagram: stabilitetsintervall")
        )
        self.stability_tabs = QTabWidget()
        self.stability_tabs.addTab(
            self.stability_chart, QCoreApplication.translate("Rangordning", "Diagram")
        )
        self.stability_tabs.addTab(
            self.stability_table, QCoreApplication.translate("Rangordning", "Tabell")
        )
        box.addWidget(self.stability_tabs, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(tabs)
        splitter.addWidget(stability)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.layout_.addWidget(splitter, 1)

    def reload(self) -> None:
        self.data = None
        self.ranks.setRowCount(0)
        self.stability_table.setRowCount(0)
        self.problems.hide()
        if self.workspace is None:
            return
        try:
            data = self.workspace.query(appraisal_of)
        except UserError as exc:
            self.problems.setText(exc.message)
            self.problems.show()
            return
        self.data = data
        if data.problems:
            self.problems.setText("\n".join(data.problems))
            self.problems.show()
        self._fill_ranks(data)
        from utredning_app.charts import cost_charts

        if data.rankings:
            self.ranks_chart.draw(lambda f: cost_charts.draw_party_rankings(f, data.rankings))
        else:
            self.ranks_chart.message(
                QCoreApplication.translate(
                    "Rangordning", "Ingen rangordning: poäng eller vikter saknas."
                )
            )
        current = self.profile.currentIndex()
        self.profile.blockSignals(True)
        self.profile.clear()
        for ranking in data.rankings:
            self.profile.addItem(self._profile_label(ranking.profile.name, ranking.profile.party))
        self.profile.setCurrentIndex(min(max(current, 0), self.profile.count() - 1))
        self.profile.blockSignals(False)
        self._show_stability()

    @staticmethod
    def _profile_label(name: str, party: str | None) -> str:
        return f"{name} ({party})" if party else name

    def _fill_ranks(self, data: AppraisalOverview) -> None:
        options = list(data.data.options)
        rankings = list(data.rankings)
        self.ranks.setColumnCount(len(rankings))
        self.ranks.setRowCount(len(options))
        # Party profiles are headed by the party's abbreviation (full name in the tooltip)
        # so that all of them fit side by side.
        for col, ranking in enumerate(rankings):
            short = ranking.profile.party or (
                QCoreApplication.translate("Rangordning", "Gemensam")
                if not ranking.profile.id
                else ranking.profile.name
            )
            header = QTableWidgetItem(short)
            header.setToolTip(self._profile_label(ranking.profile.name, ranking.profile.party))
            self.ranks.setHorizontalHeaderItem(col, header)
        self.ranks.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ranks.setVerticalHeaderLabels([o.title for o in options])
        for col, ranking in enumerate(rankings):
            scores = {r.option.id: r for r in ranking.ranking}
            for row, option in enumerate(options):
                ranked = scores[option.id]
                item = _item(str(ranked.rank))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour = RANK_COLOURS[min(ranked.rank - 1, len(RANK_COLOURS) - 1)]
                item.setBackground(QColor(colour))
                item.setToolTip(
                    QCoreApplication.translate("Rangordning", "Placering %1, viktad poäng %2")
                    .replace("%1", str(ranked.rank))
                    .replace("%2", format_number(ranked.score, 2))
                )
                self.ranks.setItem(row, col, item)

    def _current_sensitivity(self) -> Sensitivity | None:
        if self.data is None:
            return None
        index = self.profile.currentIndex()
        if not 0 <= index < len(self.data.sensitivities):
            return None
        return self.data.sensitivities[index]

    def _show_stability(self) -> None:
        sens = self._current_sensitivity()
        headers = [
            QCoreApplication.translate("Rangordning", "Bedömningsgrund"),
            QCoreApplication.translate("Rangordning", "Vikt nu"),
            QCoreApplication.translate("Rangordning", "Förblir bäst från"),
            QCoreApplication.translate("Rangordning", "till"),
            QCoreApplication.translate("Rangordning", "Tar över under"),
            QCoreApplication.translate("Rangordning", "Tar över över"),
        ]
        self.stability_table.setColumnCount(len(headers))
        self.stability_table.setHorizontalHeaderLabels(headers)
        self.stability_table.verticalHeader().setVisible(False)
        if sens is None:
            self.stability_table.setRowCount(0)
            self.stability_chart.message(
                QCoreApplication.translate("Rangordning", "Ingen viktprofil kan användas.")
            )
            return
        self.stability_table.setRowCount(len(sens.criteria))
        for row, c in enumerate(sens.criteria):
            cells = [
                _item(c.criterion.name),
                _item(f"{format_number(c.current, 1)} %", align_right=True),
                _item(f"{format_number(c.lower, 1)} %", align_right=True),
                _item(f"{format_number(c.upper, 1)} %", align_right=True),
                _item(c.rival_below.title if c.rival_below else "–"),
                _item(c.rival_above.title if c.rival_above else "–"),
            ]
            for col, cell in enumerate(cells):
                self.stability_table.setItem(row, col, cell)
        from utredning_app.charts import cost_charts

        self.stability_chart.draw(lambda f: cost_charts.draw_stability(f, sens))
