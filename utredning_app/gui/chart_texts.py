"""The charts' words (``charts/cost_charts.py``, through ``charts.texts.t``) for the
translation file: pyside6-lupdate reads only the GUI, so each Swedish source is marked here
in context ``Diagram`` (``tests/gui/test_translations.py`` checks that none is missing).
The window's canvas draws with :func:`chart_text`; the reports stay Swedish.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from utredning_app.gui.specs import QT_TRANSLATE_NOOP

SOURCES = (
    QT_TRANSLATE_NOOP("Diagram", "Skillnad mot nollalternativet, nuvärde %1"),
    QT_TRANSLATE_NOOP("Diagram", "mnkr, alternativ − nollalternativ (r = %1)"),
    QT_TRANSLATE_NOOP("Diagram", "Kostnad per alternativ, nuvärde %1"),
    QT_TRANSLATE_NOOP("Diagram", "mnkr; stapel = bas, linje = låg–hög (r = %1)"),
    QT_TRANSLATE_NOOP("Diagram", "mnkr per år (linje = bas, fält = låg–hög)"),
    QT_TRANSLATE_NOOP("Diagram", "Kostnad över åren"),
    QT_TRANSLATE_NOOP("Diagram", "skattningen på lågt värde"),
    QT_TRANSLATE_NOOP("Diagram", "skattningen på högt värde"),
    QT_TRANSLATE_NOOP("Diagram", "nuvärde, mnkr (bas %1, övriga på bas)"),
    QT_TRANSLATE_NOOP("Diagram", "Vad styr osäkerheten – alternativ %1"),
    QT_TRANSLATE_NOOP("Diagram", "dyrare än i dag: %1"),
    QT_TRANSLATE_NOOP("Diagram", "nuvärde, mnkr (stapel = 80 % av utfallen, streck = mittvärdet)"),
    QT_TRANSLATE_NOOP("Diagram", "Simulerade kostnader: %1 slumpade utfall"),
    QT_TRANSLATE_NOOP("Diagram", "Ingen rangordning: poäng eller vikter saknas"),
    QT_TRANSLATE_NOOP("Diagram", "Rangordning per viktprofil (placering och viktad poäng)"),
    QT_TRANSLATE_NOOP("Diagram", "placering (1 = bäst)"),
    QT_TRANSLATE_NOOP("Diagram", "%1 förblir bäst"),
    QT_TRANSLATE_NOOP("Diagram", "nuvarande vikt"),
    QT_TRANSLATE_NOOP("Diagram", "vikt, % (övriga vikter skalas i proportion)"),
    QT_TRANSLATE_NOOP("Diagram", "Stabilitetsintervall – %1"),
)


def chart_text(source: str) -> str:
    """A chart's Swedish source in the user's language (as it is, if not translated)."""
    return QCoreApplication.translate("Diagram", source)
