"""The demo investigation (placeholder until the demo data lands)."""

from __future__ import annotations

from pathlib import Path

from utredning_app.storage.database import Database, create_database


def create_demo(path: Path) -> Database:
    return create_database(
        path,
        title="Parlamentarisk utredning om styrningen av den egenägda vården",
        diarienummer="RS 2022-0845",
        actor="Demo",
    )
