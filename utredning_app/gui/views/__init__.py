"""The main window's views: a small registry, one module per view.

To add a view, write ``utredning_app/gui/views/<name>.py`` with a ``View`` class (a
:class:`~utredning_app.gui.views.base.BaseView`) and add one :class:`ViewInfo` line to
``VIEWS`` (or call :func:`register` at start-up). Modules are imported when the view is
first shown, so adding views does not slow start-up.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from utredning_app.gui.specs import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from utredning_app.gui.views.base import BaseView


@dataclass(frozen=True)
class ViewInfo:
    key: str
    title: str  # Swedish source string, translated in context "Vyer"
    icon: str  # file name in resources/icons without .svg
    module: str  # module with a `View` class

    def create(self) -> BaseView:
        module = importlib.import_module(self.module)
        view: BaseView = module.View()
        view.setObjectName(f"view_{self.key}")
        return view


_P = "utredning_app.gui.views."
VIEWS: list[ViewInfo] = [
    ViewInfo("overview", QT_TRANSLATE_NOOP("Vyer", "Översikt"), "overview", _P + "overview"),
    ViewInfo(
        "members", QT_TRANSLATE_NOOP("Vyer", "Ledamöter och partier"), "members", _P + "members"
    ),
    ViewInfo("providers", QT_TRANSLATE_NOOP("Vyer", "Verksamheter"), "providers", _P + "providers"),
    ViewInfo("options", QT_TRANSLATE_NOOP("Vyer", "Styrmodeller"), "options", _P + "options"),
    ViewInfo(
        "assessments", QT_TRANSLATE_NOOP("Vyer", "Bedömningar"), "assessments", _P + "assessments"
    ),
    ViewInfo("estimates", QT_TRANSLATE_NOOP("Vyer", "Skattningar"), "estimates", _P + "estimates"),
    ViewInfo(
        "cost_analysis",
        QT_TRANSLATE_NOOP("Vyer", "Kostnadsanalys"),
        "estimates",
        _P + "cost_analysis",
    ),
    ViewInfo(
        "appraisal_analysis",
        QT_TRANSLATE_NOOP("Vyer", "Rangordning och vikter"),
        "assessments",
        _P + "appraisal_analysis",
    ),
    ViewInfo("proposals", QT_TRANSLATE_NOOP("Vyer", "Förslag"), "proposals", _P + "proposals"),
    ViewInfo("reports", QT_TRANSLATE_NOOP("Vyer", "Rapporttext"), "reports", _P + "reports"),
    ViewInfo("remiss", QT_TRANSLATE_NOOP("Vyer", "Remiss"), "remiss", _P + "remiss"),
    ViewInfo(
        "remiss_answers",
        QT_TRANSLATE_NOOP("Vyer", "Remissvar"),
        "answers",
        _P + "remiss_answers",
    ),
    ViewInfo(
        "dissents",
        QT_TRANSLATE_NOOP("Vyer", "Reservationer och särskilda yttranden"),
        "dissents",
        _P + "dissents",
    ),
    ViewInfo("notes", QT_TRANSLATE_NOOP("Vyer", "Anteckningar"), "notes", _P + "notes"),
    ViewInfo("audit", QT_TRANSLATE_NOOP("Vyer", "Ändringslogg"), "audit", _P + "audit"),
]


def view_info(key: str) -> ViewInfo:
    for info in VIEWS:
        if info.key == key:
            return info
    raise KeyError(key)
