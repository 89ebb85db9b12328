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
    written += _remiss_outputs(path, folder)
    written += _cost_outputs(path, folder)
    written.extend(write_demo_documents(path, folder))
    return written


def _cost_outputs(path: Path, folder: Path) -> list[Path]:
    """The cost model workbook with live formulas."""
    from utredning_app.services.estimates import export_cost_workbook

    workbook = folder / f"{path.stem}-kostnadsmodell.xlsx"
    export_cost_workbook(path, workbook)
    return [workbook]


def _remiss_outputs(path: Path, folder: Path) -> list[Path]:
    """The remiss send-out (svarsmall + missiv per instans) and the reminder list."""
    from utredning_app.services.remiss_status import export_reminders
    from utredning_app.services.sendout import create_sendout
    from utredning_app.storage.database import open_database

    written: list[Path] = []
    for item in create_sendout(path, folder / "remissutskick"):
        written += [item.form, item.letter]
    reminders = folder / "remiss-paminnelser.xlsx"
    with open_database(path, read_only=True) as db:
        export_reminders(db, reminders)
    written.append(reminders)
    return written


def write_demo_documents(path: Path, folder: Path) -> list[Path]:
    """The four Word documents and the remiss Excel file of the investigation ``path``."""
    from utredning_app.services.exports import DOCUMENTS, export_document, export_xlsx

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind in DOCUMENTS:
        out = folder / f"{path.stem}-{kind}.docx"
        export_document(kind, path, out)
        written.append(out)
    xlsx = folder / f"{path.stem}-remissammanstallning.xlsx"
    export_xlsx("remiss", path, xlsx)
    written.append(xlsx)
    return written
