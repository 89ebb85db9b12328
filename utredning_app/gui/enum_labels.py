"""Enum labels in the user's language: ``enum_label(MemberRole.ORDFORANDE)`` is «Chair».

The domain keeps one Swedish label per enum member (``domain/enums.py``, Qt-free and outside
the files ``pyside6-lupdate`` reads). ``LABELS`` repeats every one of them as a
``QT_TRANSLATE_NOOP`` literal so lupdate files them in the .ts under the context
``Uppräkning``; ``enum_label()`` looks them up there. In Swedish the lookup finds nothing and
returns the label itself. A test fails when an enum gains a label that is missing here.

Show ``enum_label(member)``, never ``member.label``; keep the member (or its value) as item
data and sort key, so nothing that is saved or compared depends on the language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from utredning_app.domain.enums import LabelledEnum
from utredning_app.gui.specs import QT_TRANSLATE_NOOP

# Per enum, in declaration order; labels shared by two enums are listed under both.
LABELS: tuple[str, ...] = (
    # LegalForm
    QT_TRANSLATE_NOOP("Uppräkning", "Aktiebolag"),
    QT_TRANSLATE_NOOP("Uppräkning", "Förvaltning"),
    QT_TRANSLATE_NOOP("Uppräkning", "Nämnd"),
    QT_TRANSLATE_NOOP("Uppräkning", "Annan"),
    # MemberRole
    QT_TRANSLATE_NOOP("Uppräkning", "Ordförande"),
    QT_TRANSLATE_NOOP("Uppräkning", "Vice ordförande"),
    QT_TRANSLATE_NOOP("Uppräkning", "Ledamot"),
    QT_TRANSLATE_NOOP("Uppräkning", "Ersättare"),
    QT_TRANSLATE_NOOP("Uppräkning", "Sekreterare"),
    QT_TRANSLATE_NOOP("Uppräkning", "Sekretariat"),
    QT_TRANSLATE_NOOP("Uppräkning", "Expert"),
    # MilestoneKind
    QT_TRANSLATE_NOOP("Uppräkning", "Delrapport"),
    QT_TRANSLATE_NOOP("Uppräkning", "Remisstid går ut"),
    QT_TRANSLATE_NOOP("Uppräkning", "Slutrapport"),
    QT_TRANSLATE_NOOP("Uppräkning", "Sammanträde"),
    QT_TRANSLATE_NOOP("Uppräkning", "Övrigt"),
    # CriterionKind
    QT_TRANSLATE_NOOP("Uppräkning", "Legala aspekter"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kapacitet"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kvalitet"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kostnadsutveckling"),
    QT_TRANSLATE_NOOP("Uppräkning", "Omvårdnadsperspektivet"),
    QT_TRANSLATE_NOOP("Uppräkning", "Övrigt"),
    # EstimateKind
    QT_TRANSLATE_NOOP("Uppräkning", "Engångskostnad"),
    QT_TRANSLATE_NOOP("Uppräkning", "Årlig kostnad"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kapacitet"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kvalitetsindikator"),
    # Actor
    QT_TRANSLATE_NOOP("Uppräkning", "Regionen"),
    QT_TRANSLATE_NOOP("Uppräkning", "Bolagen"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kommunerna"),
    QT_TRANSLATE_NOOP("Uppräkning", "Staten"),
    QT_TRANSLATE_NOOP("Uppräkning", "Patienterna"),
    QT_TRANSLATE_NOOP("Uppräkning", "Övriga"),
    # ReportKind
    QT_TRANSLATE_NOOP("Uppräkning", "Delrapport"),
    QT_TRANSLATE_NOOP("Uppräkning", "Slutrapport"),
    QT_TRANSLATE_NOOP("Uppräkning", "Remissammanställning"),
    QT_TRANSLATE_NOOP("Uppräkning", "Tjänsteutlåtande"),
    # ReportStatus
    QT_TRANSLATE_NOOP("Uppräkning", "Utkast"),
    QT_TRANSLATE_NOOP("Uppräkning", "Fastställd"),
    # ConsulteeType
    QT_TRANSLATE_NOOP("Uppräkning", "Nämnd"),
    QT_TRANSLATE_NOOP("Uppräkning", "Bolag"),
    QT_TRANSLATE_NOOP("Uppräkning", "Förvaltning"),
    QT_TRANSLATE_NOOP("Uppräkning", "Myndighet"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kommun"),
    QT_TRANSLATE_NOOP("Uppräkning", "Region"),
    QT_TRANSLATE_NOOP("Uppräkning", "Organisation"),
    QT_TRANSLATE_NOOP("Uppräkning", "Facklig organisation"),
    QT_TRANSLATE_NOOP("Uppräkning", "Övrig"),
    # ResponseStatus
    QT_TRANSLATE_NOOP("Uppräkning", "Mottagen"),
    QT_TRANSLATE_NOOP("Uppräkning", "Under kodning"),
    QT_TRANSLATE_NOOP("Uppräkning", "Kodad"),
    QT_TRANSLATE_NOOP("Uppräkning", "Avstått"),
    # StanceKind
    QT_TRANSLATE_NOOP("Uppräkning", "Tillstyrker"),
    QT_TRANSLATE_NOOP("Uppräkning", "Tillstyrker med synpunkter"),
    QT_TRANSLATE_NOOP("Uppräkning", "Avstyrker"),
    QT_TRANSLATE_NOOP("Uppräkning", "Ingen erinran"),
    QT_TRANSLATE_NOOP("Uppräkning", "Avstår"),
    # DissentKind
    QT_TRANSLATE_NOOP("Uppräkning", "Reservation"),
    QT_TRANSLATE_NOOP("Uppräkning", "Särskilt yttrande"),
    # Visibility
    QT_TRANSLATE_NOOP("Uppräkning", "Privat"),
    QT_TRANSLATE_NOOP("Uppräkning", "Partiet"),
    QT_TRANSLATE_NOOP("Uppräkning", "Hela gruppen"),
    # AuditAction
    QT_TRANSLATE_NOOP("Uppräkning", "Skapad"),
    QT_TRANSLATE_NOOP("Uppräkning", "Ändrad"),
    QT_TRANSLATE_NOOP("Uppräkning", "Borttagen"),
)


def enum_label(member: LabelledEnum) -> str:
    """The member's label in the user's language (the Swedish label when there is no English)."""
    return QCoreApplication.translate("Uppräkning", member.label)
