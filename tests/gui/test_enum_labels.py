"""Enum labels (domain/enums.py) are shown through gui/enum_labels.py: listed for lupdate,
English when English is chosen, unchanged in Swedish, and never what is saved."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window, translated
from utredning_app.domain.enums import (
    ConsulteeType,
    CriterionKind,
    LabelledEnum,
    MemberRole,
    ResponseStatus,
    StanceKind,
)
from utredning_app.gui import enum_labels
from utredning_app.gui.enum_labels import LABELS, enum_label
from utredning_app.gui.table_model import SORT_ROLE
from utredning_app.storage.database import Database


def _enums(base: type[LabelledEnum] = LabelledEnum) -> Iterator[type[LabelledEnum]]:
    for enum in base.__subclasses__():
        yield enum
        yield from _enums(enum)


def _members() -> list[LabelledEnum]:
    return [member for enum in _enums() for member in enum]


def test_every_enum_label_is_listed_for_lupdate() -> None:
    """A new enum value needs its label in LABELS (and then an English translation)."""
    labels = {member.label for member in _members()}
    assert sorted(labels - set(LABELS)) == []
    assert sorted(set(LABELS) - labels) == []  # nothing stale either


def test_labels_are_literals_lupdate_can_read() -> None:
    tree = ast.parse(inspect.getsource(enum_labels))
    marked = {
        call.args[1].value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP"
        and [getattr(a, "value", None) for a in call.args[:1]] == ["Uppräkning"]
        and isinstance(call.args[1], ast.Constant)
    }
    assert marked == set(LABELS)


def test_swedish_shows_the_label_itself() -> None:
    assert [enum_label(m) for m in _members()] == [m.label for m in _members()]


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    """The translators the program installs for the chosen language (app.install_translations)."""
    with translated(request.param):
        yield request.param


def _pick(language: str, swedish: str, english: str) -> str:
    return english if language == "en" else swedish


def test_members_table_shows_the_role_in_the_chosen_language(
    qtbot: QtBot, filled_path: Path, language: str
) -> None:
    window = open_window(qtbot, filled_path)
    try:
        panel = window.show_view("members").members
        model = panel.model
        column = next(i for i, c in enumerate(model.columns) if c.key == "role")
        row = next(i for i in range(model.rowCount()) if model.row(i)["name"] == "Anna Andersson")
        index = model.index(row, column)
        assert index.data() == _pick(language, "Ordförande", "Chair")
        # Sorting goes by the text the user reads; editing by the member, in any language.
        assert index.data(SORT_ROLE) == _pick(language, "Ordförande", "Chair")
        assert model.row(row)["role"] is MemberRole.ORDFORANDE
    finally:
        window.close()


def test_remiss_widgets_show_stances_and_types_in_the_chosen_language(
    qtbot: QtBot, demo_db: Database, language: str
) -> None:
    from tests.remiss_helpers import ensure_round
    from utredning_app.gui.remiss.workbench import RemissWorkbench

    ensure_round(demo_db)
    bench = RemissWorkbench()
    qtbot.addWidget(bench)
    from utredning_app.gui.workspace import Workspace

    bench.set_workspace(Workspace(demo_db))
    search = bench.searcher
    assert search.stance_boxes[StanceKind.TILLSTYRKER].text() == _pick(
        language, "Tillstyrker", "Supports"
    )
    assert search.stance_boxes[StanceKind.INGEN_ERINRAN].text() == _pick(
        language, "Ingen erinran", "No objection"
    )
    assert search.type_boxes[ConsulteeType.NAMND].text() == _pick(language, "Nämnd", "Committee")
    in_english = [
        "Committee",
        "Company",
        "Administration",
        "Government agency",
        "Municipality",
        "Region",
        "Organisation",
        "Trade union",
        "Other",
    ]
    types = {_pick(language, t.label, e) for t, e in zip(ConsulteeType, in_english, strict=True)}
    counts = bench.overview.counts
    shown = [counts.item(r, 0).text() for r in range(counts.rowCount() - 1)]  # last: Totalt
    assert shown and set(shown) <= types
    status = bench.coding.status
    assert [status.itemText(i) for i in range(status.count())] == [
        _pick(language, m.label, english)
        for m, english in zip(
            ResponseStatus, ["Received", "Being coded", "Coded", "Declined"], strict=True
        )
    ]
    assert status.itemData(status.count() - 1) == ResponseStatus.AVSTATT  # the value, not text


def test_identity_dialog_saves_the_swedish_role(qtbot: QtBot, language: str) -> None:
    """The role goes into the shared ändringslogg: shown translated, saved as the label."""
    from utredning_app.gui.dialogs import IdentityDialog
    from utredning_app.gui.settings import Identity

    dialog = IdentityDialog(Identity("Anna", "S", "Ordförande"), language)
    qtbot.addWidget(dialog)
    role = dialog.ui.roleEdit
    assert role.currentText() == _pick(language, "Ordförande", "Chair")
    assert dialog.identity().role == "Ordförande"
    role.setCurrentIndex(role.findData(MemberRole.ERSATTARE.label))
    assert role.currentText() == _pick(language, "Ersättare", "Substitute")
    assert dialog.identity().role == "Ersättare"
    role.setEditText("Adjungerad")
    assert dialog.identity().role == "Adjungerad"


def test_criterion_kind_tooltip_in_the_chosen_language(language: str) -> None:
    """services.assessments gives a criterion's kind as its Swedish label (Axis.detail)."""
    from utredning_app.gui.matrix_model import MatrixModel
    from utredning_app.services.assessments import Axis, Matrix

    model = MatrixModel()
    criterion = Axis("c1", "Vårdplatser", CriterionKind.CAPACITY.label)
    model.set_matrix(Matrix(options=[Axis("o1", "A1", "Nollalternativ")], criteria=[criterion]))
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == _pick(language, "Kapacitet", "Capacity")
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == (
        "Nollalternativ"
    )
