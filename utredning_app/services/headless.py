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
    written.extend(write_demo_documents(path, folder))
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
