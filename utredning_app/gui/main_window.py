"""The main window: sidebar navigation to every view, menus, undo, status, file handling."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from utredning_app import APP_NAME
from utredning_app.gui import export_actions
from utredning_app.gui.files import FILE_SUFFIX, preload_storage, start_opening
from utredning_app.gui.icons import icon
from utredning_app.gui.operations import Op
from utredning_app.gui.settings import AppSettings, Identity
from utredning_app.gui.startup import LoadingPage, after_first_paint
from utredning_app.gui.views import VIEWS, view_info

if TYPE_CHECKING:
    from collections.abc import Callable

    from utredning_app.gui.views.base import BaseView
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import Database, ServerLocation

# Opening, creating and copying live in gui/files.py; these names stay importable from here.
__all__ = ["FILE_SUFFIX", "MainWindow", "preload_storage", "start_opening", "view_shortcut"]


SIDEBAR_WIDE, SIDEBAR_NARROW, SIDEBAR_ICONS = 300, 240, 56
START_OPEN_ANYWAY_MS = 500  # see open_path
SLOW_OPEN_MS = 2500  # see open_path


def view_shortcut(number: int) -> QKeySequence | None:
    """Keys for the view at ``number`` (from 1) in the sidebar: Ctrl+1 … Ctrl+9 and Ctrl+0
    for the first ten, Alt+1 … Alt+9 for the next nine."""
    if 1 <= number <= 9:
        return QKeySequence(f"Ctrl+{number}")
    if number == 10:
        return QKeySequence("Ctrl+0")
    if 11 <= number <= 19:
        return QKeySequence(f"Alt+{number - 10}")
    return None


def _tr_view(title: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Vyer", title)


class WelcomePage(QWidget):
    """Shown when no file is open: what to do next."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("welcome")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        heading = QLabel(self.tr("Välkommen till Utredningsstöd"))
        heading.setObjectName("viewHeading")
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Skapa en ny utredning eller öppna en utredningsfil (*.utredning). "
                "Allt du ändrar sparas direkt i filen och kan ångras."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        for action in (window.new_action, window.open_action):
            button = QPushButton(action.icon(), action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Senaste filer"))
        self.recent.itemActivated.connect(
            lambda item: window.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        recent_label = QLabel(self.tr("Senaste filer"))
        recent_label.setObjectName("panelTitle")
        layout.addWidget(recent_label)
        layout.addWidget(self.recent, 1)

    def set_recent(self, files: list[Path]) -> None:
        self.recent.clear()
        for path in files:
            item = QListWidgetItem(icon("file"), f"{path.name}   —   {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)


class MainWindow(QMainWindow):
    file_opened = Signal(object)  # Path
    view_painted = Signal(str)  # view key, once per view (per view instance)

    def __init__(self, settings: AppSettings, *, ask_identity: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.workspace: Workspace | None = None
        self.views: dict[str, BaseView] = {}
        self._task: Op | None = None
        self.merge_op: Op | None = None
        from utredning_app.gui.file_safety import BackupTimer

        self.backups = BackupTimer(self)
        self.backups.warning.connect(self._show_error)
        self.backups.backed_up.connect(
            lambda p: self.statusBar().showMessage(
                self.tr("Säkerhetskopia sparad: %1").replace("%1", p), 5000
            )
        )
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.resize(1280, 820)
        self.setMinimumSize(QSize(900, 600))

        self._build_actions()
        self._build_menus()
        self._build_central()
        self.statusBar().setObjectName("statusBar")
        self.actor_label = QLabel()
        self.statusBar().addPermanentWidget(self.actor_label)
        self._update_title()
        self._refresh_recent()
        if (geometry := settings.geometry()) is not None:
            self.restoreGeometry(geometry)
        if (state := settings.window_state()) is not None:
            self.restoreState(state)
        if ask_identity and settings.identity() is None:
            QTimer.singleShot(0, self.ask_identity)
        self._show_actor()

    # construction ------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&Ny utredning…"), self.new_file, SK.New, "new")
        self.open_action = self._action(self.tr("&Öppna…"), self.open_dialog, SK.Open, "open")
        self.save_copy_action = self._action(
            self.tr("Spara &kopia som…"), self.save_copy, SK.SaveAs, "save"
        )
        self.restore_action = self._action(
            self.tr("Åte&rställ från säkerhetskopia…"), self.restore_backup, None, "open"
        )
        # Merging copies (issue 11): gui/merge_actions.py
        self.merge_action = self._action(self.tr("Slå &ihop med kopia…"), self.merge_copy)
        self.send_changes_action = self._action(
            self.tr("Skicka mina ä&ndringar…"), self.send_changes
        )
        self.conflicts_action = self._action(self.tr("&Konflikter…"), self.show_conflicts)
        # A shared server (issue 12): gui/server_dialog.py
        self.connect_action = self._action(self.tr("Anslut till &server…"), self.connect_server)
        self.fetch_copy_action = self._action(self.tr("&Hämta kopia för offline…"), self.fetch_copy)
        self.fetch_copy_action.setEnabled(False)
        self.close_action = self._action(self.tr("&Stäng utredningen"), self.close_file, SK.Close)
        self.quit_action = self._action(self.tr("&Avsluta"), self.close, SK.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.search_action = self._action(self.tr("&Sök"), self.focus_search, SK.Find, "search")
        self.settings_action = self._action(
            self.tr("&Inställningar…"), self.ask_identity, SK.Preferences, "settings"
        )
        self.about_action = self._action(self.tr("&Om Utredningsstöd"), self.show_about)
        self.help_action = self._action(
            self.tr("&Användarhandledning"), self.show_help, SK.HelpContents, "help"
        )
        self.sidebar_action = QAction(self.tr("Visa &navigering"), self)
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self.sidebar_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.sidebar_action.toggled.connect(lambda on: self.sidebar.setVisible(on))
        self.fullscreen_action = self._action(
            self.tr("&Helskärm"), self.toggle_fullscreen, SK.FullScreen
        )
        # Arkiv ▸ Exportera: a choice for the Word documents, remembered between sessions.
        self.draft_action = QAction(self.tr("Märk som &utkast (vattenstämpel UTKAST)"), self)
        self.draft_action.setCheckable(True)
        self.draft_action.setChecked(self.settings.export_draft())
        self.draft_action.setStatusTip(
            self.tr("Word-dokumenten får vattenstämpeln UTKAST och utkastmarkeringar")
        )
        self.draft_action.toggled.connect(self.settings.set_export_draft)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Arkiv"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Senaste &filer"))
        file_menu.addAction(self.connect_action)
        file_menu.addAction(self.fetch_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_copy_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.merge_action)
        file_menu.addAction(self.send_changes_action)
        file_menu.addAction(self.conflicts_action)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu(icon("export"), self.tr("&Exportera"))
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Redigera"))
        self.undo_action = QAction(icon("undo"), self.tr("&Ångra"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(icon("redo"), self.tr("&Gör om"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)

        self.view_menu = bar.addMenu(self.tr("&Visa"))
        self.view_actions: dict[str, QAction] = {}
        for number, info in enumerate(VIEWS, start=1):
            action = QAction(icon(info.icon), _tr_view(info.title), self)
            if (keys := view_shortcut(number)) is not None:
                action.setShortcut(keys)  # shown next to the view in the menu
            action.triggered.connect(lambda _c=False, key=info.key: self.show_view(key))
            self.view_menu.addAction(action)
            self.view_actions[info.key] = action
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.sidebar_action)
        self.view_menu.addAction(self.fullscreen_action)

        help_menu = bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Verktygsfält"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.search_action)
        self._update_undo_actions()

    def _build_central(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Navigering"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(SIDEBAR_WIDE)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setTextElideMode(Qt.TextElideMode.ElideRight)
        for number, info in enumerate(VIEWS, start=1):
            item = QListWidgetItem(icon(info.icon), _tr_view(info.title))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            keys = view_shortcut(number)
            item.setToolTip(
                _tr_view(info.title)
                + (f" ({keys.toString(QKeySequence.SequenceFormat.NativeText)})" if keys else "")
            )
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _tr_view(info.title))
            self.sidebar.addItem(item)
        self.sidebar.currentItemChanged.connect(self._on_nav)
        self._sidebar_mode = ""
        layout.addWidget(self.sidebar)
        self.stack = QStackedWidget()
        self.stack.setObjectName("viewStack")
        self.welcome = WelcomePage(self)
        self.stack.addWidget(self.welcome)
        self.loading = LoadingPage()
        self.stack.addWidget(self.loading)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.setEnabled(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sidebar(event.size().width())

    def _fit_sidebar(self, width: int) -> None:
        """Narrow windows give the views the room: a narrower sidebar below 1600 pixels and
        icons only (names in the tooltips) below 1280."""
        mode = "icons" if width < 1280 else "narrow" if width < 1600 else "wide"
        if mode == self._sidebar_mode:
            return
        self._sidebar_mode = mode
        self.sidebar.setProperty("compact", mode == "icons")
        self.sidebar.setFixedWidth(
            {"icons": SIDEBAR_ICONS, "narrow": SIDEBAR_NARROW, "wide": SIDEBAR_WIDE}[mode]
        )
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            title = str(item.data(Qt.ItemDataRole.AccessibleTextRole))
            item.setText("" if mode == "icons" else title)

    # files ---------------------------------------------------------------------
    def actor(self) -> str:
        identity = self.settings.identity()
        return identity.actor if identity else ""

    def open_dialog(self) -> None:
        folder = self._folder()
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Öppna utredning"),
            str(folder),
            self.tr("Utredningar (*%1);;Alla filer (*)").replace("%1", FILE_SUFFIX),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path | ServerLocation, task: Op | None = None) -> Op:
        """Open ``path`` off the UI thread; ``file_opened`` is emitted when it is shown.

        ``task`` is an opening already started by :func:`start_opening` (at program start,
        before this window was built).
        """
        label = self.tr("Öppnar %1 …").replace("%1", path.name)
        self.show_loading(path)
        if task is None:
            first = self._show_first_look(path)
            # Over Översikt, the dialog (with Avbryt) only for an open that is slow indeed:
            # not flashed over the data for the half second a normal open takes.
            task = start_opening(
                path,
                self.actor(),
                self,
                label,
                start=first is None,
                min_duration=400 if first is None else SLOW_OPEN_MS,
            )
            if first is not None:
                # The full open (importing SQLAlchemy) once Översikt is on the screen: a
                # second thread holding the GIL would slow the first view down by half. A
                # window that does not paint (minimised) starts it a moment later anyway.
                after_first_paint(first, task.start)
                QTimer.singleShot(START_OPEN_ANYWAY_MS, task.start)
        else:
            task.attach_progress(self, label)
        if task.dialog is not None:  # back to the welcome page at once, not when work ends
            task.dialog.canceled.connect(self._show_welcome_if_empty)
        task.cancelled.connect(self._show_welcome_if_empty)
        task.finished.connect(lambda db: self._set_database(db))
        task.failed.connect(lambda message: self._open_failed(path, message, task))
        self._task = task
        self.statusBar().showMessage(self.tr("Öppnar %1 …").replace("%1", str(path)))
        return task

    def show_loading(self, path: Path | ServerLocation) -> None:
        """With no file open: "Öppnar …" instead of the welcome page until the view shows."""
        if self.workspace is None:
            self.loading.show_opening(path.name)
            self.stack.setCurrentWidget(self.loading)

    def _start_view(self) -> str:
        """The view a file opens in: the one shown last, or the first."""
        start = self.settings.last_view() or VIEWS[0].key
        return start if start in {v.key for v in VIEWS} else VIEWS[0].key

    def _show_first_look(self, path: Path | ServerLocation) -> BaseView | None:
        """With no file open and Översikt to open in: show the file's Översikt, read without
        the ORM (``files.first_look``), while the full open runs behind it. Nothing can be
        edited and the sidebar stays off until it is open (``_set_database`` then hands the
        view the workspace, and it reads again). None, and "Öppnar …" stays, for a file the
        full open must judge first (older, locked, …)."""
        if self.workspace is not None or self.views or self._start_view() != "overview":
            return None
        from utredning_app.gui.files import first_look
        from utredning_app.gui.views.overview import View as OverviewView

        look = first_look(path)
        if look is None:
            return None
        view = self.view("overview")
        assert isinstance(view, OverviewView)
        view.show_first_look(look)
        self._select_in_sidebar("overview")
        self.stack.setCurrentWidget(view)
        self.setWindowTitle(f"{path.name} – {APP_NAME}")
        return view

    def _drop_first_look(self) -> None:
        """The open failed or was cancelled: the views shown before it go."""
        if self.workspace is not None:
            return
        for view in self.views.values():
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views.clear()
        self._select_in_sidebar("")
        self._update_title()

    def _show_welcome_if_empty(self) -> None:
        if self.workspace is None:
            self._drop_first_look()
            self.stack.setCurrentWidget(self.welcome)

    def _open_failed(
        self, path: Path | ServerLocation, message: str, task: Op | None = None
    ) -> None:
        self.statusBar().clearMessage()
        self._show_welcome_if_empty()
        from utredning_app.errors import FileLockedError

        error = task.error if task is not None else None
        if isinstance(error, FileLockedError):
            from utredning_app.gui.file_safety import LockedChoice, ask_when_locked

            choice = ask_when_locked(self, error, path.name)
            if choice != LockedChoice.CANCEL:
                self.open_path(
                    path,
                    start_opening(
                        path,
                        self.actor(),
                        self,
                        self.tr("Öppnar %1 …").replace("%1", path.name),
                        read_only=choice == LockedChoice.READ_ONLY,
                        take_over=choice == LockedChoice.TAKE_OVER,
                    ),
                )
            return
        QMessageBox.warning(self, self.tr("Filen kunde inte öppnas"), message)

    def _set_database(self, db: Database) -> None:
        from utredning_app.gui.workspace import Workspace

        self.close_file()
        if self.actor():  # a name given while the file was opening (first start)
            db.actor = self.actor()
        self.workspace = Workspace(db, self)
        for view in self.views.values():  # Översikt shown from first_look: now it may edit
            view.set_workspace(self.workspace)
        self.workspace.error.connect(self._show_error)
        from utredning_app.gui.edit_conflict_dialog import ask_keep_mine

        self.workspace.conflict_handler = lambda conflict: ask_keep_mine(self, conflict)
        self.workspace.undo_stack.indexChanged.connect(lambda _i: self._update_undo_actions())
        self.workspace.changed.connect(lambda _t, _i: self._update_title())
        if db.file_path is not None:  # a server address (and its password) is never kept
            self._refresh_recent(self.settings.add_recent(db.file_path))
        self.backups.watch(db)  # a server: no backups of ours (pg_dump's job)
        self._enable_file_actions(db.file_path is not None)
        self.sidebar.setEnabled(True)
        self._update_title()
        self._update_undo_actions()
        if db.upgraded_copy:  # stays until the next message: the user should notice it
            self.statusBar().showMessage(
                self.tr(
                    "%1 har en äldre schemaversion och visas skrivskyddad från en uppgraderad "
                    "kopia; filen lämnas oförändrad."
                ).replace("%1", db.name)
            )
        else:
            self.statusBar().showMessage(
                self.tr("Öppnade %1").replace("%1", str(db.location)), 5000
            )
        self.show_view(self._start_view())
        self.file_opened.emit(db.location)

    def close_file(self) -> None:
        if self.workspace is None:
            return
        for view in self.views.values():
            view.set_workspace(None)
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views.clear()
        self.backups.flush()
        self.backups.watch(None)
        self.workspace.close()
        self.workspace.deleteLater()
        self.workspace = None
        self.sidebar.setEnabled(False)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(-1)
        self.sidebar.blockSignals(False)
        self.statusBar().clearMessage()
        self.stack.setCurrentWidget(self.welcome)
        self._update_title()
        self._update_undo_actions()

    def _folder(self) -> Path:
        """Where file dialogs start: beside the open file, else the home folder."""
        if self.workspace is not None and self.workspace.db.file_path is not None:
            return self.workspace.db.file_path.parent
        return Path.home()

    def _enable_file_actions(self, on: bool) -> None:
        """Copies and backups of ours are for files; a server's are pg_dump's."""
        for action in (self.save_copy_action, self.restore_action, self.send_changes_action):
            action.setEnabled(on)
        self.fetch_copy_action.setEnabled(not on)

    def connect_server(self) -> None:
        """Arkiv ▸ Anslut till server…"""
        from utredning_app.gui.server_dialog import ConnectDialog

        dialog = ConnectDialog(self.settings, self)
        if dialog.exec() == ConnectDialog.DialogCode.Accepted and dialog.location is not None:
            self.open_path(dialog.location)

    def fetch_copy(self) -> Op | None:
        """Arkiv ▸ Hämta kopia för offline…: a laptop copy of the server investigation."""
        if self.workspace is None or self.workspace.db.file_path is not None:
            return None
        from utredning_app.gui.server_dialog import fetch_copy_interactively

        return fetch_copy_interactively(self, self.workspace, self.open_path)

    def new_file(self) -> None:
        from utredning_app.gui.dialogs import NewInvestigationDialog

        dialog = NewInvestigationDialog(self._folder(), self)
        if dialog.exec() != NewInvestigationDialog.DialogCode.Accepted:
            return
        title, dnr, path = dialog.values()
        self.create_file(path, title, dnr)

    def create_file(self, path: Path, title: str, dnr: str) -> Op:
        from utredning_app.gui.files import start_creating

        label = self.tr("Skapar %1 …").replace("%1", path.name)
        task = start_creating(path, title, dnr, self.actor(), self, label)
        task.finished.connect(lambda db: self._set_database(db))
        task.failed.connect(lambda message: self._open_failed(path, message))
        self._task = task
        return task

    def save_copy(self) -> None:
        if self.workspace is None:
            return
        source = self.workspace.db.path
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara kopia som"),
            str(source.with_name(source.stem + "-kopia" + FILE_SUFFIX)),
            self.tr("Utredningar (*%1)").replace("%1", FILE_SUFFIX),
        )
        if name:
            self.save_copy_to(Path(name))

    def save_copy_to(self, target: Path) -> Op | None:
        if self.workspace is None:
            return None
        from utredning_app.gui.files import copy_work
        from utredning_app.gui.operations import run_op

        source = self.workspace.db.path
        if target.suffix.lower() != FILE_SUFFIX:
            # Qt's own dialog does not add it: "kopia" was saved without it, hidden from Öppna
            target = target.with_name(target.name + FILE_SUFFIX)
            if (
                target.exists()
                and QMessageBox.question(
                    self,
                    self.tr("Spara kopia som"),
                    self.tr("%1 finns redan. Vill du ersätta den?").replace("%1", target.name),
                )
                != QMessageBox.StandardButton.Yes
            ):
                return None
        if target.resolve() == source.resolve():
            self._show_error(self.tr("Kopian kan inte skrivas över den öppna filen."))
            return None
        return run_op(
            self,
            self.tr("Sparar kopia …"),
            lambda _ctx: copy_work(source, target),
            done=self.tr("Kopian sparades: %1").replace("%1", str(target)),
        )

    def merge_copy(self) -> Op | None:
        """Arkiv ▸ Slå ihop med kopia…: the merge runs in the background (``merge_op``)."""
        if self.workspace is not None and not self.workspace.db.read_only:
            from utredning_app.gui.merge_actions import merge_with_copy

            self._claim_copy()
            self.merge_op = merge_with_copy(self, self.workspace)
            return self.merge_op
        return None

    def send_changes(self) -> None:
        if self.workspace is not None:
            from utredning_app.gui.merge_actions import send_changes

            self._claim_copy()
            send_changes(self, self.workspace)

    def _claim_copy(self) -> None:
        """A copy without an owner belongs to the identity given at first start (its party
        decides which party-internal drafts the copy may receive)."""
        identity = self.settings.identity()
        if identity is None or self.workspace is None or self.workspace.db.read_only:
            return
        from utredning_app.errors import UserError
        from utredning_app.services.conflicts import ensure_owner

        try:
            ensure_owner(self.workspace.db, identity.name, identity.party)
        except UserError as exc:
            self._show_error(exc.message)

    def show_conflicts(self) -> None:
        if self.workspace is not None:
            from utredning_app.gui.merge_actions import show_conflicts

            show_conflicts(self, self.workspace)

    def restore_backup(self) -> None:
        if self.workspace is None:
            return
        from utredning_app.gui.restore_dialog import restore_interactively

        restore_interactively(
            self, self.workspace.db.path, self.close_file, lambda p: self.open_path(p)
        )

    def _refresh_recent(self, files: list[Path] | None = None) -> None:
        files = self.settings.recent_files() if files is None else files
        self.recent_menu.clear()
        for number, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Töm listan"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(files))
        self.welcome.set_recent(files)

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._refresh_recent([])

    def _fill_export_menu(self) -> None:
        """Other exports, then the Word documents with the draft choice, then the rest."""
        self.export_menu.clear()
        items = export_actions.actions()
        words = [i for i in items if i.word]
        for item in items:
            if words and item is words[0] and self.export_menu.actions():
                self.export_menu.addSeparator()
            action = self.export_menu.addAction(item.title)
            action.setEnabled(self.workspace is not None)
            action.triggered.connect(lambda _c=False, run=item.run: self._run_export(run))
            if words and item is words[-1]:
                self.export_menu.addAction(self.draft_action)
                self.export_menu.addSeparator()
        self.draft_action.setEnabled(self.workspace is not None)

    def _run_export(
        self, run: Callable[[QWidget, Workspace, export_actions.ExportOptions], None]
    ) -> None:
        if self.workspace is not None:
            options = export_actions.ExportOptions(draft=self.draft_action.isChecked())
            run(self, self.workspace, options)

    # views ---------------------------------------------------------------------
    def _on_nav(self, current: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_view(str(current.data(Qt.ItemDataRole.UserRole)))

    def view(self, key: str) -> BaseView:
        """The view for ``key``, created on first use."""
        if key not in self.views:
            view = view_info(key).create()
            view.installEventFilter(self)
            self.views[key] = view
            self.stack.addWidget(view)
            view.set_workspace(self.workspace)
        return self.views[key]

    def show_view(self, key: str) -> BaseView | None:
        if self.workspace is None:
            return None
        view = self.view(key)
        # The sidebar first, quietly: switching the stack moves the focus (from the welcome
        # page into the sidebar), and a sidebar without a current row then picks its first
        # one and showed Översikt in the middle of this switch, left visible over the view.
        self._select_in_sidebar(key)
        self.stack.setCurrentWidget(view)
        return view

    def _select_in_sidebar(self, key: str) -> None:
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(-1)
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)

    def current_view_key(self) -> str:
        widget = self.stack.currentWidget()
        for key, view in self.views.items():
            if view is widget:
                return key
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed on each view until its first paint, then removed: nothing runs per event
        # for the rest of the view's life.
        if event.type() == QEvent.Type.Paint:
            key = next((k for k, view in self.views.items() if view is watched), None)
            if key is not None:
                watched.removeEventFilter(self)
                self.view_painted.emit(key)
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        from utredning_app.gui.views.base import BaseView

        widget = self.stack.currentWidget()
        if isinstance(widget, BaseView):
            widget.focus_search()

    # undo ------------------------------------------------------------------------
    def undo(self) -> None:
        if self.workspace is not None:
            self.workspace.undo_stack.undo()

    def redo(self) -> None:
        if self.workspace is not None:
            self.workspace.undo_stack.redo()

    def _update_undo_actions(self) -> None:
        stack = self.workspace.undo_stack if self.workspace else None
        can_undo = bool(stack and stack.canUndo())
        can_redo = bool(stack and stack.canRedo())
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        undo_text = stack.undoText() if stack and can_undo else ""
        redo_text = stack.redoText() if stack and can_redo else ""
        self.undo_action.setText(
            self.tr("&Ångra %1").replace("%1", undo_text) if undo_text else self.tr("&Ångra")
        )
        self.redo_action.setText(
            self.tr("&Gör om %1").replace("%1", redo_text) if redo_text else self.tr("&Gör om")
        )
        self.undo_action.setIconText(self.tr("Ångra"))
        self.redo_action.setIconText(self.tr("Gör om"))

    # misc --------------------------------------------------------------------------
    def _update_title(self) -> None:
        if self.workspace is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            return
        db = self.workspace.db
        self.setWindowFilePath(str(db.file_path or ""))
        suffix = self.tr(" (skrivskyddad)") if db.read_only else ""
        where = db.name if db.file_path is not None else f"{db.name} @ {db.location}"
        self.setWindowTitle(f"{where}{suffix} – {APP_NAME}")

    def _show_actor(self) -> None:
        actor = self.actor()
        self.actor_label.setText(
            self.tr("Ändringar loggas som %1").replace("%1", actor)
            if actor
            else self.tr("Inget namn angivet – välj Redigera ▸ Inställningar")
        )

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def ask_identity(self) -> None:
        from utredning_app.gui.dialogs import IdentityDialog

        dialog = IdentityDialog(self.settings.identity(), self.settings.language(), self)
        if dialog.exec() == IdentityDialog.DialogCode.Accepted:
            self.apply_identity(dialog.identity(), dialog.language())

    def apply_identity(self, identity: Identity, language: str | None = None) -> None:
        self.settings.set_identity(identity)
        if language is not None:
            self.settings.set_language(language)
        if self.workspace is not None:
            self.workspace.db.actor = identity.actor
        self._show_actor()

    def show_about(self) -> None:
        from utredning_app.gui.dialogs import AboutDialog

        AboutDialog(self).exec()

    def show_help(self) -> None:
        from utredning_app.gui.help import HelpDialog

        HelpDialog(self, self.settings.language()).show()

    def toggle_fullscreen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def closeEvent(self, event: QCloseEvent) -> None:
        for view in self.views.values():
            view.before_close()
        self.settings.save_window(self.saveGeometry(), self.saveState(), self.current_view_key())
        self.close_file()
        event.accept()
