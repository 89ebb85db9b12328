"""Views of 10,000 rows show at once and load more only as the user scrolls."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from utredning_app.gui.table_model import PAGE_SIZE
from utredning_app.storage.database import open_database
from utredning_app.storage.models import AuditEntry, Proposal

ROWS = 10_000


def _bulk(path: Path) -> None:
    db = open_database(path)
    now = dt.datetime(2024, 1, 1)
    try:
        with db.transaction() as session:
            session.execute(
                insert(Proposal),
                [
                    {
                        "id": str(uuid.uuid4()),
                        "number": i + 1,
                        "title": f"Förslag {i + 1}",
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i in range(ROWS)
                ],
            )
            session.execute(
                insert(AuditEntry),
                [
                    {
                        "id": str(uuid.uuid4()),
                        "at": now,
                        "actor": "Massimport",
                        "action": "create",
                        "table_name": "proposal",
                        "row_id": str(i),
                        "summary": f"Förslag: {i}",
                    }
                    for i in range(ROWS)
                ],
            )
    finally:
        db.close()


def test_large_tables_load_a_page_at_a_time(qtbot: QtBot, window: Any, filled_path: Path) -> None:
    window.close_file()
    _bulk(filled_path)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_path(filled_path)
    for key in ("proposals", "audit"):
        view = window.show_view(key)
        model = view.primary_panel().model if key == "proposals" else view.model
        assert model.total >= ROWS
        assert model.rowCount() <= 2 * PAGE_SIZE  # only what is visible (+ one page)
        table = view.primary_panel().view if key == "proposals" else view.view
        before = model.rowCount()
        table.scrollToBottom()
        qtbot.waitUntil(lambda m=model, b=before: m.rowCount() > b, timeout=5_000)
        assert model.rowCount() < model.total
