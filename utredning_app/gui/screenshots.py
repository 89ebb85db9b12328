"""Render each main view of a file to PNG (for the README and for review)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from utredning_app.gui.views import VIEWS

SIZE = QSize(1400, 880)


def render_views(
    path: Path,
    out_dir: Path,
    *,
    keys: list[str] | None = None,
    size: QSize | None = None,
    suffix: str = "",
) -> list[Path]:
    """Open ``path`` read-only-in-spirit (nothing is edited) and grab every view, in a
    window of ``size`` (default 1400×880); ``suffix`` goes at the end of each file name."""
    import tempfile

    from utredning_app.errors import UserError
    from utredning_app.gui import settings as settings_mod
    from utredning_app.gui.app import _app, apply_style, install_translations
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.services.entities import investigation
    from utredning_app.services.files import open_file

    unknown = sorted(set(keys or ()) - {info.key for info in VIEWS})
    if unknown:
        raise UserError(
            f"Okänd vy: {', '.join(unknown)}. Vyerna heter: {', '.join(v.key for v in VIEWS)}."
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Mappen {out_dir} kan inte skapas: {exc.strerror or exc}.") from exc
    with tempfile.TemporaryDirectory(prefix="utredning-skarmbilder-") as tmp:
        settings_mod.configure(Path(tmp))
        app = _app()
        install_translations(app, "sv")
        apply_style(app)
        settings = settings_mod.AppSettings()
        db = open_file(path, actor="Skärmbild")
        officer = str(investigation(db)["case_officer"])
        # Shown in the status bar as the person changes are logged as; nothing is edited.
        settings.set_identity(settings_mod.Identity(officer or "Sekretariatet", "", ""))
        window = MainWindow(settings, ask_identity=False)
        window.resize(size or SIZE)
        window.show()
        window._set_database(db)
        written: list[Path] = []
        for number, info in enumerate(VIEWS, start=1):
            if keys and info.key not in keys:
                continue
            view = window.show_view(info.key)
            if view is not None:
                view.prepare_screenshot()
            for _ in range(3):
                QApplication.processEvents()
            target = out_dir / f"{number:02d}-{info.key}{suffix}.png"
            if not window.grab().save(str(target)):
                window.close()
                raise UserError(f"Bilden {target} kunde inte sparas.")
            written.append(target)
        window.close()
    return written
