"""Every master–detail pair driven with the mouse, as a person drives it.

A click on a master row used to leave the detail panel empty: ``currentRowChanged`` fires on
the mouse press before the row is selected, and the panel asked "which row is selected?".
Each case clicks a row that is not the current one, then the other row back, and reads what
the detail panel shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window
from utredning_app.gui.table_model import ROW_ROLE
from utredning_app.services import entities
from utredning_app.storage.database import open_database


@pytest.fixture
def two_masters(filled_path: Path) -> dict[str, Any]:
    """A second master row with its own detail rows for every pair (the first from populate)."""
    db = open_database(filled_path, actor="Förberedelse")
    c = entities.create
    try:
        first = {t: entities.rows(db, t)[0]["id"] for t in ("report", "estimate", "dissent")}
        first |= {
            t: entities.rows(db, t)[0]["id"]
            for t in ("weight_profile", "proposal", "consultation_round", "consultee", "response")
        }
        members = {r["name"]: r["id"] for r in entities.rows(db, "member")}
        options = [
            r["id"] for r in entities.rows(db, "governance_option", order_by=("sort_order",))
        ]
        criteria = [r["id"] for r in entities.rows(db, "criterion", order_by=("sort_order",))]
        ids: dict[str, Any] = {"first": first}
        second: dict[str, str] = {}
        second["report"] = c(db, "report", {"kind": "slutrapport", "title": "Slutrapport"})
        second["section"] = c(
            db,
            "section",
            {
                "report_id": second["report"],
                "key": "forslag",
                "title": "Förslagen",
                "sort_order": 1,
                "body_md": "Slutrapportens förslag.\n",
            },
        )
        second["section2"] = c(
            db,
            "section",
            {
                "report_id": second["report"],
                "key": "bakgrund",
                "title": "Bakgrund",
                "sort_order": 2,
                "body_md": "Bakgrundens text.\n",
            },
        )
        second["estimate"] = c(
            db,
            "estimate",
            {
                "name": "Årlig driftkostnad",
                "option_id": options[0],
                "kind": "cost_annual",
                "unit": "mnkr",
            },
        )
        second["estimate_value"] = c(
            db,
            "estimate_value",
            {"estimate_id": second["estimate"], "year": 2030, "low": 1.0, "base": 2.0, "high": 3.0},
        )
        second["dissent"] = c(
            db,
            "dissent",
            {"kind": "sarskilt_yttrande", "title": "Särskilt yttrande (M)"},
        )
        second["dissent_member"] = c(
            db,
            "dissent_member",
            {"dissent_id": second["dissent"], "member_id": members["Anna Andersson"]},
        )
        ids["first_dissent_member"] = c(
            db,
            "dissent_member",
            {"dissent_id": first["dissent"], "member_id": members["Åsa Åberg"]},
        )
        second["proposal"] = c(db, "proposal", {"number": 2, "title": "Behåll bolagen"})
        second["proposal_option"] = c(
            db, "proposal_option", {"proposal_id": second["proposal"], "option_id": options[0]}
        )
        ids["first_proposal_option"] = c(
            db, "proposal_option", {"proposal_id": first["proposal"], "option_id": options[1]}
        )
        second["weight_profile"] = c(db, "weight_profile", {"name": "Moderaternas vikter"})
        second["profile_weight"] = c(
            db,
            "profile_weight",
            {"profile_id": second["weight_profile"], "criterion_id": criteria[1], "weight": 2.0},
        )
        second["consultation_round"] = c(
            db,
            "consultation_round",
            {
                "name": "Remiss av slutrapporten",
                "sent_date": dt.date(2024, 1, 10),
                "deadline": dt.date(2024, 3, 1),
            },
        )
        second["round_consultee"] = c(
            db,
            "consultee",
            {"round_id": second["consultation_round"], "name": "Locum AB", "type": "bolag"},
        )
        second["round_proposal"] = c(
            db,
            "round_proposal",
            {"round_id": second["consultation_round"], "proposal_id": second["proposal"]},
        )
        second["consultee"] = c(
            db,
            "consultee",
            {"round_id": first["consultation_round"], "name": "Ambulansen AB", "type": "bolag"},
        )
        second["response"] = c(
            db,
            "response",
            {"consultee_id": second["consultee"], "received_date": dt.date(2023, 8, 25)},
        )
        second["other_response"] = c(  # a second answer from the same consultee, without stances
            db,
            "response",
            {"consultee_id": second["consultee"], "received_date": dt.date(2023, 8, 30)},
        )
        second["stance"] = c(
            db,
            "stance",
            {
                "response_id": second["response"],
                "proposal_id": first["proposal"],
                "stance": "avstyrker",
            },
        )
        second["quote"] = c(
            db, "quote", {"response_id": second["response"], "text": "Vi avstyrker förslaget."}
        )
        ids["second"] = second
        return ids
    finally:
        db.close()


def click_row(qtbot: QtBot, panel: Any, row_id: str) -> None:
    """Click the row holding ``row_id`` with the left mouse button, in the middle of it."""
    proxy = panel.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(ROW_ROLE) == row_id:
            panel.view.scrollTo(index)
            qtbot.mouseClick(
                panel.view.viewport(),
                Qt.MouseButton.LeftButton,
                pos=panel.view.visualRect(index).center(),
            )
            return
    raise AssertionError(f"{row_id} is not a row of {panel.spec.table}")


def click_tab(qtbot: QtBot, tabs: Any, index: int) -> None:
    """Click tab ``index`` of a QTabWidget on its tab, as a person switches tabs."""
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def choose_in_combo(qtbot: QtBot, combo: Any, text: str) -> None:
    """Pick ``text`` in ``combo`` with the arrow keys, as a person does without opening the
    list (the list's popup grabs the keyboard, which the offscreen platform cannot)."""
    target = combo.findText(text)
    assert target >= 0, f"{text} is not offered"
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def shown_ids(panel: Any) -> set[str]:
    panel.model.fetch_all()
    return {str(panel.model.row(r)["id"]) for r in range(panel.model.rowCount())}


# (view, master panel, detail panel, key of the second master, keys of its detail rows)
PAIRS = [
    ("reports", "reports", "sections", "report", {"section", "section2"}),
    ("estimates", "estimates", "values", "estimate", {"estimate_value"}),
    ("dissents", "dissents", "members", "dissent", {"dissent_member"}),
    ("proposals", "proposals", "options", "proposal", {"proposal_option"}),
    ("assessments", "profiles", "weights", "weight_profile", {"profile_weight"}),
    ("remiss", "rounds", "consultees", "consultation_round", {"round_consultee"}),
    ("remiss", "rounds", "round_proposals", "consultation_round", {"round_proposal"}),
    ("remiss", "consultees", "responses", "consultee", {"response", "other_response"}),
    ("remiss", "responses", "stances", "response", {"stance"}),
    ("remiss", "responses", "quotes", "response", {"quote"}),
]


@pytest.mark.parametrize(
    ("view_key", "master_attr", "detail_attr", "master_key", "detail_keys"),
    PAIRS,
    ids=[f"{p[0]}-{p[1]}-{p[2]}" for p in PAIRS],
)
def test_a_click_on_a_master_row_shows_its_details(
    qtbot: QtBot,
    two_masters: dict[str, Any],
    filled_path: Path,
    view_key: str,
    master_attr: str,
    detail_attr: str,
    master_key: str,
    detail_keys: set[str],
) -> None:
    window = open_window(qtbot, filled_path)
    try:
        view = window.show_view(view_key)
        if view_key == "assessments":
            click_tab(qtbot, view.lower_tabs, 1)
        master, detail = getattr(view, master_attr), getattr(view, detail_attr)
        second = two_masters["second"]
        target = second[master_key]
        first_id = two_masters["first"][master_key]
        if view_key == "remiss" and master_attr == "responses":
            # both answers belong to the second consultee of the first round
            click_row(qtbot, view.consultees, second["consultee"])
            first_id = second["other_response"]
        qtbot.waitUntil(lambda: master.proxy.rowCount() >= 1)
        if master.current_id() == target:  # start from the other row
            click_row(qtbot, master, first_id)
        assert master.current_id() != target

        click_row(qtbot, master, target)
        assert master.current_id() == target
        assert detail.parent_id == target
        assert shown_ids(detail) == {second[k] for k in detail_keys}
        assert detail.add_action.isEnabled()

        click_row(qtbot, master, first_id)
        assert detail.parent_id == first_id
        assert shown_ids(detail) != {second[k] for k in detail_keys}
    finally:
        window.close()


def test_a_click_on_a_section_shows_its_text(
    qtbot: QtBot, two_masters: dict[str, Any], filled_path: Path
) -> None:
    window = open_window(qtbot, filled_path)
    try:
        view = window.show_view("reports")
        second = two_masters["second"]
        click_row(qtbot, view.reports, second["report"])
        click_row(qtbot, view.sections, second["section2"])
        assert view.section_title.text() == "Bakgrund"
        assert view.editor.isEnabled()
        assert "Bakgrundens text." in view.editor.markdown()
        click_row(qtbot, view.sections, second["section"])
        assert view.section_title.text() == "Förslagen"
        assert "Slutrapportens förslag." in view.editor.markdown()
    finally:
        window.close()


def test_a_click_on_an_answer_in_reading_and_coding_shows_it(qtbot: QtBot, demo_path: Path) -> None:
    """Remissvar ▸ Läsa och koda: the list of answers is a master too."""
    window = open_window(qtbot, demo_path)
    try:
        coding = window.show_view("remiss_answers").workbench.coding
        answers = coding.responses
        assert answers.count() >= 2
        for row in (answers.count() - 1, 1, 0):
            item = answers.item(row)
            if answers.currentItem() is item:
                continue
            qtbot.mouseClick(
                answers.viewport(),
                Qt.MouseButton.LeftButton,
                pos=answers.visualItemRect(item).center(),
            )
            expected = str(item.data(Qt.ItemDataRole.UserRole))
            assert coding.current_response_id() == expected
            assert coding.detail is not None and coding.detail.id == expected
            assert coding.heading.text() == coding.detail.consultee
            assert coding.text.toPlainText() == coding.detail.text
    finally:
        window.close()
