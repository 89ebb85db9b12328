"""Kostnadsanalys: present values per option with ranges, the difference against the
baseline, costs over the years, the tornado, Monte Carlo, and the Excel round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from utredning_app import APP_NAME
from utredning_app.domain.costs import CostModelInput, CostSummary, cost_summary
from utredning_app.domain.formatting import format_number
from utredning_app.domain.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    Distribution,
    SimulationResult,
    simulate,
    tornado,
)
from utredning_app.errors import UserError
from utredning_app.gui.chart_canvas import ChartCanvas
from utredning_app.gui.operations import Op, run_op
from utredning_app.gui.settings import remember_splitter
from utredning_app.gui.views.base import BaseView
from utredning_app.services.estimates import cost_model_of

WATCHED = frozenset({"estimate", "estimate_value", "governance_option", "investigation"})


def _number_item(value: float | None, decimals: int = 1) -> QTableWidgetItem:
    item = QTableWidgetItem(format_number(value, decimals))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if value is not None:
        item.setData(Qt.ItemDataRole.UserRole, value)
    return item


def _text_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class View(BaseView):
    watched = WATCHED

    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Kostnadsanalys"),
            QCoreApplication.translate(
                "Kostnader",
                "Kostnader per styrmodell i mnkr: nuvärde över planeringshorisonten med låg, "
                "bas och hög skattning, skillnaden mot nollalternativet och osäkerheten "
                "(Monte Carlo). Ändra skattningarna i vyn Skattningar eller i Excel.",
            ),
        )
        self.model: CostModelInput | None = None
        self.summary: CostSummary | None = None
        self.simulation: SimulationResult | None = None
        self._task: Op | None = None

        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.layout_.addWidget(self.message)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(
            QCoreApplication.translate("Kostnader", "Exportera till Excel…")
        )
        self.export_button.clicked.connect(self.export_workbook)
        self.import_button = QPushButton(
            QCoreApplication.translate("Kostnader", "Läs in ändringar från Excel…")
        )
        self.import_button.clicked.connect(self.import_workbook)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)

        headers = [
            QCoreApplication.translate("Kostnader", "Alternativ"),
            QCoreApplication.translate("Kostnader", "Nuvärde låg"),
            QCoreApplication.translate("Kostnader", "Nuvärde bas"),
            QCoreApplication.translate("Kostnader", "Nuvärde hög"),
            QCoreApplication.translate("Kostnader", "Skillnad låg"),
            QCoreApplication.translate("Kostnader", "Skillnad bas"),
            QCoreApplication.translate("Kostnader", "Skillnad hög"),
            QCoreApplication.translate("Kostnader", "Summa bas (ej diskonterad)"),
        ]
        self.table = _table(
            QCoreApplication.translate("Kostnader", "Kostnader per alternativ"), headers
        )
        self.warnings = QLabel()
        self.warnings.setObjectName("viewIntro")
        self.warnings.setWordWrap(True)

        self.tabs = QTabWidget()
        self.ranges_chart = ChartCanvas(
            QCoreApplication.translate("Kostnader", "Diagram: kostnad per alternativ")
        )
        self.diff_chart = ChartCanvas(
            QCoreApplication.translate("Kostnader", "Diagram: skillnad mot nollalternativet")
        )
        self.years_chart = ChartCanvas(
            QCoreApplication.translate("Kostnader", "Diagram: kostnad över åren")
        )
        self.tabs.addTab(
            self.ranges_chart, QCoreApplication.translate("Kostnader", "Kostnad per alternativ")
        )
        self.tabs.addTab(
            self.diff_chart,
            QCoreApplication.translate("Kostnader", "Skillnad mot nollalternativet"),
        )
        self.tabs.addTab(self.years_chart, QCoreApplication.translate("Kostnader", "Över åren"))
        self.tabs.addTab(self._tornado_tab(), QCoreApplication.translate("Kostnader", "Tornado"))
        self.tabs.addTab(
            self._simulation_tab(), QCoreApplication.translate("Kostnader", "Monte Carlo")
        )

        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addWidget(self.warnings)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 480])
        self.layout_.addWidget(splitter, 1)

    # ------------------------------------------------------------ building

    def _tornado_tab(self) -> QWidget:
        host = QWidget()
        box = QVBoxLayout(host)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("Kostnader", "Alternativ:")))
        self.tornado_option = QComboBox()
        self.tornado_option.setAccessibleName(
            QCoreApplication.translate("Kostnader", "Alternativ i tornadodiagrammet")
        )
        self.tornado_option.currentIndexChanged.connect(self._draw_tornado)
        row.addWidget(self.tornado_option, 1)
        box.addLayout(row)
        self.tornado_chart = ChartCanvas(
            QCoreApplication.translate("Kostnader", "Diagram: tornado")
        )
        box.addWidget(self.tornado_chart, 1)
        return host

    def _simulation_tab(self) -> QWidget:
        host = QWidget()
        box = QVBoxLayout(host)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("Kostnader", "Dragningar:")))
        self.draws = QSpinBox()
        self.draws.setRange(1_000, 200_000)
        self.draws.setSingleStep(1_000)
        self.draws.setValue(DEFAULT_DRAWS)
        self.draws.setAccessibleName(QCoreApplication.translate("Kostnader", "Antal dragningar"))
        row.addWidget(self.draws)
        row.addWidget(QLabel(QCoreApplication.translate("Kostnader", "Fördelning:")))
        self.distribution = QComboBox()
        self.distribution.setAccessibleName(QCoreApplication.translate("Kostnader", "Fördelning"))
        for dist in (Distribution.PERT, Distribution.TRIANGULAR):
            self.distribution.addItem(dist.label, dist.value)
        row.addWidget(self.distribution)
        row.addWidget(QLabel(QCoreApplication.translate("Kostnader", "Slumpfrö:")))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setValue(DEFAULT_SEED)
        self.seed.setAccessibleName(QCoreApplication.translate("Kostnader", "Slumpfrö"))
        row.addWidget(self.seed)
        self.run_button = QPushButton(QCoreApplication.translate("Kostnader", "Kör simulering"))
        self.run_button.clicked.connect(self.run_simulation)
        row.addWidget(self.run_button)
        row.addStretch(1)
        box.addLayout(row)
        self.sim_table = _table(
            QCoreApplication.translate("Kostnader", "Simuleringsresultat"),
            [
                QCoreApplication.translate("Kostnader", "Alternativ"),
                QCoreApplication.translate("Kostnader", "P10"),
                QCoreApplication.translate("Kostnader", "P50"),
                QCoreApplication.translate("Kostnader", "P90"),
                QCoreApplication.translate("Kostnader", "P(dyrare än nollalt.)"),
                QCoreApplication.translate("Kostnader", "Skillnad P10"),
                QCoreApplication.translate("Kostnader", "Skillnad P50"),
                QCoreApplication.translate("Kostnader", "Skillnad P90"),
            ],
        )
        self.sim_chart = ChartCanvas(
            QCoreApplication.translate("Kostnader", "Diagram: Monte Carlo")
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("costSimulationSplit")
        split.addWidget(self.sim_table)
        split.addWidget(self.sim_chart)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([480, 720])
        remember_splitter(split, "kostnader/simulering")
        box.addWidget(split, 1)
        return host

    # ------------------------------------------------------------ data

    def reload(self) -> None:
        self.model = self.summary = self.simulation = None
        self.table.setRowCount(0)
        self.sim_table.setRowCount(0)
        self.message.hide()
        if self.workspace is None:
            return
        try:
            model = self.workspace.query(cost_model_of)
            summary = cost_summary(model) if model.options else None
        except UserError as exc:
            self._show_problem(exc.message)
            return
        self.model, self.summary = model, summary
        if summary is None:
            self._show_problem(
                QCoreApplication.translate(
                    "Kostnader", "Det finns inga styrmodeller att räkna på ännu."
                )
            )
            return
        self._fill_table(summary)
        self.warnings.setText("\n".join(summary.warnings))
        self.warnings.setVisible(bool(summary.warnings))
        from utredning_app.charts import cost_charts

        self.ranges_chart.draw(lambda f: cost_charts.draw_cost_ranges(f, summary))
        if len(summary.options) > 1:
            self.diff_chart.draw(
                lambda f: cost_charts.draw_cost_ranges(f, summary, difference=True)
            )
        else:
            self.diff_chart.message(
                QCoreApplication.translate("Kostnader", "Det finns bara nollalternativet.")
            )
        self.years_chart.draw(lambda f: cost_charts.draw_cost_over_years(f, summary))
        current = self.tornado_option.currentData()
        self.tornado_option.blockSignals(True)
        self.tornado_option.clear()
        for oc in summary.options:
            self.tornado_option.addItem(oc.option.title, oc.option.id)
        index = max(0, self.tornado_option.findData(current))
        if current is None and self.tornado_option.count() > 1:
            index = 1  # the first option that is not the baseline
        self.tornado_option.setCurrentIndex(index)
        self.tornado_option.blockSignals(False)
        self._draw_tornado()
        self.sim_chart.message(
            QCoreApplication.translate(
                "Kostnader", "Kör simuleringen för att se P10–P90 per alternativ."
            )
        )

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        for chart in (self.ranges_chart, self.diff_chart, self.years_chart, self.tornado_chart):
            chart.message(
                QCoreApplication.translate(
                    "Kostnader", "Kostnaderna kan inte räknas fram: se meddelandet ovan."
                )
            )

    def _fill_table(self, summary: CostSummary) -> None:
        self.table.setRowCount(len(summary.options))
        for row, oc in enumerate(summary.options):
            name = _text_item(oc.option.title)
            name.setToolTip(oc.option.title)
            if oc.option.is_baseline:
                baseline = QCoreApplication.translate("Kostnader", "nollalternativ")
                name.setText(f"{oc.option.title} ({baseline})")
                name.setBackground(QColor("#EEEEEE"))
            self.table.setItem(row, 0, name)
            pv, diff = oc.present_value, oc.difference_pv
            values: list[float | None] = [pv.low, pv.base, pv.high]
            values += [diff.low, diff.base, diff.high] if diff else [None, None, None]
            values.append(oc.total.base)
            for col, value in enumerate(values, start=1):
                self.table.setItem(row, col, _number_item(value))

    def _draw_tornado(self) -> None:
        option_id = self.tornado_option.currentData()
        if self.model is None or option_id is None:
            return
        from utredning_app.charts import cost_charts

        data = tornado(self.model, option_id, limit=12)
        if not data.bars:
            self.tornado_chart.message(
                QCoreApplication.translate(
                    "Kostnader", "Alternativet har inga kostnadsskattningar."
                )
            )
            return
        self.tornado_chart.draw(lambda f: cost_charts.draw_tornado(f, data))

    # ------------------------------------------------------------ Monte Carlo

    def run_simulation(self) -> None:
        if self.model is None:
            return
        model = self.model
        draws, seed = self.draws.value(), self.seed.value()
        dist = Distribution(self.distribution.currentData())
        self.run_button.setEnabled(False)
        task = Op(
            lambda _ctx: simulate(model, draws=draws, seed=seed, distribution=dist),
            self,
            QCoreApplication.translate("Kostnader", "Simulerar…"),
        )
        task.finished.connect(self._show_simulation)
        task.failed.connect(self._simulation_failed)
        self._task = task
        task.start()

    def _simulation_failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        QMessageBox.warning(self, APP_NAME, message)

    def _show_simulation(self, result: SimulationResult) -> None:
        from utredning_app.charts import cost_charts

        self.run_button.setEnabled(True)
        self.simulation = result
        self.sim_table.setRowCount(len(result.options))
        for row, o in enumerate(result.options):
            name = _text_item(o.option.code or o.option.title)
            name.setToolTip(o.option.title)
            self.sim_table.setItem(row, 0, name)
            prob = None if o.prob_above_baseline is None else o.prob_above_baseline * 100
            values: list[float | None] = [o.p10, o.p50, o.p90, prob, o.difference_p10]
            values.append(o.difference_p50)
            values.append(o.difference_p90)
            for col, value in enumerate(values, start=1):
                self.sim_table.setItem(row, col, _number_item(value, 0 if col == 4 else 1))
        self.sim_chart.draw(lambda f: cost_charts.draw_simulation(f, result))

    # ------------------------------------------------------------ Excel

    def export_workbook(self) -> None:
        if self.workspace is None:
            return
        source = Path(self.workspace.path)
        suggested = str(source.with_name(f"{source.stem}-kostnadsmodell.xlsx"))
        target, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Kostnader", "Exportera kostnadsmodellen"),
            suggested,
            QCoreApplication.translate("Kostnader", "Excel-arbetsbok (*.xlsx)"),
        )
        if not target:
            return
        self._run_export(source, Path(target))

    def _run_export(self, source: Path, target: Path) -> Op:
        from utredning_app.services.estimates import export_cost_workbook

        self._task = run_op(
            self,
            QCoreApplication.translate("Kostnader", "Exporterar…"),
            lambda _ctx: export_cost_workbook(source, target),
            done=QCoreApplication.translate("Kostnader", "Kostnadsmodellen skrevs: %1").replace(
                "%1", str(target)
            ),
        )
        return self._task

    def import_workbook(self) -> None:
        if self.workspace is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Kostnader", "Läs in kostnadsmodell"),
            "",
            QCoreApplication.translate("Kostnader", "Excel-arbetsbok (*.xlsx)"),
        )
        if chosen:
            self.import_from(Path(chosen))

    def import_from(self, workbook: Path, *, confirm: bool = True) -> bool:
        """Show what the workbook changes, ask, then apply in one transaction."""
        from utredning_app.services.estimates import import_cost_workbook

        assert self.workspace is not None
        source = Path(self.workspace.path)
        try:
            preview = import_cost_workbook(source, workbook, dry_run=True)
        except UserError as exc:
            QMessageBox.warning(self, APP_NAME, exc.message)
            return False
        if preview.changes.empty:
            QMessageBox.information(
                self,
                APP_NAME,
                QCoreApplication.translate(
                    "Kostnader", "Arbetsboken innehåller inga ändrade indata."
                ),
            )
            return False
        if confirm:
            box = QMessageBox(self)
            box.setWindowTitle(APP_NAME)
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(
                QCoreApplication.translate(
                    "Kostnader", "Arbetsboken ändrar %1 värden. Spara ändringarna i utredningen?"
                ).replace("%1", str(len(preview.lines)))
            )
            box.setDetailedText("\n".join(preview.lines))
            box.setStandardButtons(
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel
            )
            if box.exec() != QMessageBox.StandardButton.Save:
                return False
        try:
            import_cost_workbook(source, workbook)
        except UserError as exc:
            QMessageBox.warning(self, APP_NAME, exc.message)
            return False
        self.workspace.notify({"estimate_value", "investigation"})
        self._status(
            QCoreApplication.translate("Kostnader", "%1 ändringar lästes in från Excel.").replace(
                "%1", str(len(preview.lines))
            )
        )
        return True

    def _status(self, text: str) -> None:
        status: Any = getattr(self.window(), "statusBar", None)
        if callable(status):
            status().showMessage(text, 8000)
