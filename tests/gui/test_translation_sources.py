"""Every string the GUI translates must reach the .ts: what pyside6-lupdate cannot see stays
Swedish when the user chooses English, and nothing else notices.

lupdate only extracts string literals passed straight to ``tr()``,
``QCoreApplication.translate("context", ...)`` and ``QT_TRANSLATE_NOOP``. A helper such as
``def _tr(text): return QCoreApplication.translate("Ctx", text)`` hides its callers' strings;
``parent.tr("...")`` is filed under the context "parent" but looked up under the parent's
class name at run time. Both happened; these tests catch them.
"""

from __future__ import annotations

import ast
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import translated
from utredning_app import paths
from utredning_app.gui import i18n_build

GUI = Path(i18n_build.ROOT) / "utredning_app" / "gui"
TS = paths.resources_dir() / "translations" / "utredningsstod_en.ts"
TRANSLATE = {"translate", "tr", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}

# Calls whose text is a variable, reviewed: every value they get is marked where it is defined
# (QT_TRANSLATE_NOOP with the same context, or a field label in context Fält). Adding a line
# here means checking that; the test below then checks that each caller gives it a variable.
MARKED_ELSEWHERE = {
    ("specs.py", "QCoreApplication.translate('Fält', text)"),  # tr_field: FieldSpec labels
    ("main_window.py", "QCoreApplication.translate('Vyer', title)"),  # _tr_view: VIEWS titles
    ("views/overview.py", "QCoreApplication.translate('Översikt', text)"),  # COUNT_LABELS
    ("export_reports.py", "QCoreApplication.translate('Export', TITLES[kind])"),
    ("export_reports.py", "QCoreApplication.translate('Export', known)"),  # TITLES (Excel)
    ("report_export.py", "QCoreApplication.translate('Export', TITLES[kind])"),
    # enum_label: every LabelledEnum label is listed in enum_labels.LABELS (test_enum_labels.py).
    ("enum_labels.py", "QCoreApplication.translate('Uppräkning', member.label)"),
    # translated_message: the domain's validation messages, marked in validation_text.py.
    ("validation_text.py", "QCoreApplication.translate('Validering', message)"),
    ("validation_text.py", "QCoreApplication.translate('Validering', source)"),
    # chart_text: the charts' texts (charts.texts.t), marked in chart_texts.SOURCES
    # (test_translations.py checks that list against every t() in charts/).
    ("chart_texts.py", "QCoreApplication.translate('Diagram', source)"),
}


def _is_str(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _text_arg(call: ast.Call) -> ast.expr | None:
    name = _name(call)
    if name not in TRANSLATE:
        return None
    index = 0 if name in ("tr", "QT_TR_NOOP") else 1
    return call.args[index] if len(call.args) > index else None


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(GUI.rglob("*.py")):
        if "forms" not in path.relative_to(GUI).parts:
            yield path.relative_to(GUI).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _calls(tree: ast.AST) -> Iterator[ast.Call]:
    yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def find_hidden_strings(modules: Iterator[tuple[str, ast.Module]]) -> list[str]:
    """Places where a translated string cannot be extracted by lupdate."""
    problems: list[str] = []
    wrappers: set[str] = set()
    trees = list(modules)
    for _module, tree in trees:
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            params = {a.arg for a in func.args.args + func.args.kwonlyargs}
            for call in _calls(func):
                text = _text_arg(call)
                if isinstance(text, ast.Name) and text.id in params:
                    wrappers.add(func.name)
    for name, tree in trees:
        for call in _calls(tree):
            where = f"{name}:{call.lineno}: {ast.unparse(call)}"
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == "tr":
                receiver = func.value
                if not (isinstance(receiver, ast.Name) and receiver.id == "self"):
                    problems.append(f"{where} (tr() on something other than self)")
            text = _text_arg(call)
            if text is not None and not _is_str(text):
                context = call.args[0] if _name(call) == "translate" else None
                if context is not None and not _is_str(context):
                    problems.append(f"{where} (context is not a literal)")
                elif (name, ast.unparse(call)) not in MARKED_ELSEWHERE:
                    problems.append(f"{where} (text is not a literal)")
            if _name(call) in wrappers and call.args and _is_str(call.args[0]):
                problems.append(f"{where} (literal passed to a translate wrapper)")
    return problems


def test_every_translated_literal_is_visible_to_lupdate() -> None:
    assert find_hidden_strings(_modules()) == []


def test_reviewed_variable_calls_still_exist() -> None:
    """A stale entry in MARKED_ELSEWHERE would let a new call with the same text through."""
    present = {(name, ast.unparse(call)) for name, tree in _modules() for call in _calls(tree)}
    assert MARKED_ELSEWHERE - present == set()


@pytest.mark.parametrize(
    "source",
    [
        'def _tr(text: str) -> str:\n    return QCoreApplication.translate("X", text)\n'
        'label = _tr("Filen skrevs: %1")\n',
        'def ask(parent):\n    return parent.tr("Filen är redan öppen")\n',
        "def f(self, label):\n    return self.tr(label)\n",
    ],
)
def test_the_check_finds_the_patterns_that_hid_strings(source: str) -> None:
    assert find_hidden_strings(iter([("x.py", ast.parse(source))])) != []


def _ts_messages(ts: Path) -> set[tuple[str, str]]:
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(ts).iter("context")
        for message in context.iter("message")
    }


def test_shipped_ts_is_up_to_date(tmp_path: Path) -> None:
    """The .ts holds exactly what lupdate finds now: run ``make forms`` (i18n_build) if not."""
    try:
        lupdate = i18n_build._tool("pyside6-lupdate")
    except SystemExit:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *map(str, i18n_build.sources()), "-ts", str(fresh), "-locations", "none"],
        check=True,
        capture_output=True,
    )
    assert _ts_messages(fresh) == _ts_messages(TS)


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    with translated("en"):
        yield


@pytest.mark.usefixtures("english")
def test_export_speaks_english(
    qtbot: QtBot,
    small_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[str],
) -> None:
    """The export's save dialog, progress, status message and question (report_export)."""
    from utredning_app.gui.report_export import start_export

    target = tmp_path / "slut.docx"
    asked: list[tuple[str, str]] = []

    def save(_parent: object, caption: str, _dir: str, pattern: str, *_a: object) -> Any:
        asked.append((caption, pattern))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = start_export(window, small_path, "slutrapport")
    assert runner is not None
    assert runner.dialog.labelText() == "Exporting slut.docx…"
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert asked == [("Export Final report (Word)", "Word document (*.docx)")]
    written = f"File written: {target}"
    assert window.statusBar().currentMessage() == written
    assert message_boxes == [f"{written}\n\nDo you want to open it now?"]


@pytest.mark.usefixtures("english")
def test_file_locked_prompt_speaks_english(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from utredning_app.errors import FileLockedError
    from utredning_app.gui.file_safety import LockedChoice, ask_when_locked

    shown: list[tuple[str, list[str]]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), sorted(b.text() for b in box.buttons())))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert ask_when_locked(window, FileLockedError("upptagen")) is LockedChoice.CANCEL
    assert shown == [
        ("The file is already open", sorted(["Open &read-only", "&Take over…", "Cancel"]))
    ]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("context", "source", "english_text"),
    [
        (
            "Rapportexport",
            "Exporten misslyckades oväntat: %1",
            "The export failed unexpectedly: %1",
        ),
        ("Ändringslogg", "Alla personer", "All people"),
        ("RestoreDialog", "Återställningen misslyckades", "The restore failed"),
    ],
)
def test_previously_missed_strings_translate(context: str, source: str, english_text: str) -> None:
    assert QCoreApplication.translate(context, source) == english_text


@pytest.fixture
def english_qm(qapp: Any) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    return translator


def test_labels_from_services_are_translated(english_qm: QTranslator) -> None:
    """Swedish labels defined outside the GUI and shown through a variable (context Fält)."""
    from utredning_app.services.consultees import FIELDS
    from utredning_app.services.remiss_status import REMINDER_HEADERS

    labels = [*REMINDER_HEADERS, *FIELDS.values()]
    assert [label for label in labels if not english_qm.translate("Fält", label)] == []


def test_enum_labels_reach_the_ts(english_qm: QTranslator) -> None:
    from utredning_app.domain.enums import LabelledEnum

    labels = {member.label for enum in LabelledEnum.__subclasses__() for member in enum}
    assert sorted(label for label in labels if not english_qm.translate("Uppräkning", label)) == []
