"""Outputs written for the headless ``make run``: each later issue adds its documents here."""

from __future__ import annotations

from pathlib import Path


def write_demo_outputs(path: Path, folder: Path) -> list[Path]:
    from utredning_app.services.archive import export_archive

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    archive = folder / f"{path.stem}.json"
    export_archive(path, archive, include_private=False)
    written.append(archive)
    from utredning_app.services.estimates import export_cost_workbook

    workbook = folder / f"{path.stem}-kostnadsmodell.xlsx"
    export_cost_workbook(path, workbook)
    written.append(workbook)
    return written
