"""The domain's validation messages in the user's language.

``domain/validation.py`` has no Qt and writes its messages in Swedish; the window shows them
through :func:`translated_message`, which recognises each message's pattern, translates it
(context ``Validering``) and the field name in it (context ``Fält``). In Swedish, and for a
message it does not know, the text is shown as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from utredning_app.gui.specs import QT_TRANSLATE_NOOP, tr_field

# (pattern of the Swedish message, its translatable source with %1, %2 … for the groups)
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(.+) måste fyllas i\."), QT_TRANSLATE_NOOP("Validering", "%1 måste fyllas i.")),
    (re.compile(r"(.+) måste anges\."), QT_TRANSLATE_NOOP("Validering", "%1 måste anges.")),
    (
        re.compile(r"(.+) kan inte vara negativt\."),
        QT_TRANSLATE_NOOP("Validering", "%1 kan inte vara negativt."),
    ),
    (
        re.compile(r"(.+) måste ligga mellan (\d+) och (\d+)\."),
        QT_TRANSLATE_NOOP("Validering", "%1 måste ligga mellan %2 och %3."),
    ),
    (
        re.compile(r"Poängen måste ligga på skalan (.+)–(.+)\."),
        QT_TRANSLATE_NOOP("Validering", "Poängen måste ligga på skalan %1–%2."),
    ),
]
_FIXED = [
    QT_TRANSLATE_NOOP("Validering", "Skalans högsta värde måste vara större än det lägsta."),
    QT_TRANSLATE_NOOP("Validering", "Tidshorisonten måste vara 1–50 år."),
    QT_TRANSLATE_NOOP("Validering", "Diskonteringsräntan måste vara mellan 0 och 1 (0–100 %)."),
    QT_TRANSLATE_NOOP("Validering", "Lågt värde kan inte vara större än basvärdet."),
    QT_TRANSLATE_NOOP("Validering", "Högt värde kan inte vara mindre än basvärdet."),
    QT_TRANSLATE_NOOP("Validering", "Förslagets nummer måste vara 1 eller större."),
    QT_TRANSLATE_NOOP("Validering", "Sista svarsdag kan inte vara före utskicksdagen."),
    QT_TRANSLATE_NOOP("Validering", "Startposition kan inte vara negativ."),
    QT_TRANSLATE_NOOP("Validering", "Slutposition kan inte vara före startpositionen."),
]


def translated_message(message: str) -> str:
    if message in _FIXED:
        return QCoreApplication.translate("Validering", message)
    for pattern, source in _PATTERNS:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        text = QCoreApplication.translate("Validering", source)
        for number, value in enumerate(match.groups(), start=1):
            # The first group of a "%1 must …" message is a field name.
            shown = tr_field(value) if number == 1 and source.startswith("%1") else value
            text = text.replace(f"%{number}", shown)
        return text
    return message
