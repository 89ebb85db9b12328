"""Figures for the storage guarantees (issue 7): what the backups and checks cost."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    from utredning_app.services.backups import maybe_backup, restore_backup
    from utredning_app.storage.database import inspect_file, open_database
    from utredning_app.storage.models import Note

    previous = os.environ.get("UTREDNING_BACKUP_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["UTREDNING_BACKUP_DIR"] = str(Path(tmp) / "kopior")
        for name, source in (("demo", demo_path), ("large", large_path)):
            path = Path(tmp) / f"{name}.utredning"
            shutil.copyfile(source, path)
            results[f"open_no_backup_{name}_s"] = _timed(
                lambda p=path: open_database(p, auto_backup=False).close()
            )
            results[f"open_with_first_backup_{name}_s"] = _timed(
                lambda p=path: open_database(p).close()
            )
            results[f"integrity_check_{name}_s"] = _timed(
                lambda p=path: inspect_file(p, full_check=True)
            )
            db = open_database(path, auto_backup=False)
            with db.transaction() as s:
                s.add(Note(title="ändring"))
            results[f"periodic_backup_{name}_s"] = _timed(
                lambda d=db: maybe_backup(d, interval=dt.timedelta(0))
            )
            db.close()
            copy = Path(tmp) / f"{name}-kopia.utredning"
            shutil.copyfile(source, copy)
            results[f"restore_{name}_s"] = _timed(lambda p=path, c=copy: restore_backup(p, c))
        if previous is None:
            os.environ.pop("UTREDNING_BACKUP_DIR", None)
        else:
            os.environ["UTREDNING_BACKUP_DIR"] = previous
