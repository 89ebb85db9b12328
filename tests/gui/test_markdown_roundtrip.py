"""The Markdown subset survives the editor: canonical text reads back to itself, and the
underline trap (Qt writes `_x_`, CommonMark reads italic) cannot happen."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from utredning_app.gui.markdown_text import canonical, from_markdown, to_markdown

SAMPLES = [
    "Ett stycke med å, ä och ö.\n",
    "# Rubrik 1\n\n## Rubrik 2\n\n### Rubrik 3\n\nBrödtext.\n",
    "Text med **fet**, *kursiv* och ***båda***.\n",
    "Se [regionens webbplats](https://www.regionstockholm.se).\n",
    "- ett\n- två\n- tre\n",
    "1. första\n2. andra\n3. tredje\n",
    "Inledning:\n\n- punkt\n  - underpunkt\n- punkt två\n",
    "|Alternativ|Kostnad|\n|-|-|\n|A0|1 234,5|\n|A1|2 000|\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_canonical_subset_round_trips_exactly(qapp: object, text: str) -> None:
    once = canonical(text)
    assert canonical(once) == once
    assert from_markdown(once).toPlainText() == from_markdown(text).toPlainText()


def test_samples_are_already_canonical_where_qt_agrees(qapp: object) -> None:
    for text in SAMPLES[:6]:
        assert canonical(text) == text


def test_underscore_emphasis_stays_emphasis(qapp: object) -> None:
    assert canonical("Ett _viktigt_ ord och snake_case_namn.\n") == (
        "Ett *viktigt* ord och snake_case_namn.\n"
    )


def test_underline_is_dropped_not_written_as_underscores(qtbot: QtBot) -> None:
    doc = from_markdown("Ett ord här.\n")
    cursor = QTextCursor(doc)
    cursor.setPosition(4)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setFontUnderline(True)
    cursor.mergeCharFormat(fmt)
    assert to_markdown(doc) == "Ett ord här.\n"


def test_empty_text_stays_empty(qapp: object) -> None:
    assert canonical("") == ""
    assert canonical("\n\n") == ""


def test_tables_show_prose_without_markdown_markers() -> None:
    from utredning_app.gui.entity_panel import _prose_text

    show = _prose_text("text_md")
    assert show({"text_md": "En **regiongemensam** funktion för *vården*.\nMer."}) == (
        "En regiongemensam funktion för vården."
    )
    assert show({"text_md": "## Rubrik"}) == "Rubrik"
    assert show({"text_md": None}) == ""
