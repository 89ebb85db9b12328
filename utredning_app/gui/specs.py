"""Declarative description of how an entity is shown and edited: fields, columns, pick lists.

Labels are Swedish source strings marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate``
collects them; they are translated where they are displayed (context ``"Fält"``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication

from utredning_app.domain.enums import LabelledEnum

FieldKind = Literal["text", "multiline", "int", "float", "bool", "enum", "ref", "date"]


def tr_field(text: str) -> str:
    return QCoreApplication.translate("Fält", text)


@dataclass(frozen=True)
class Ref:
    """A foreign key shown as a pick list of another table's rows."""

    table: str
    label_fields: tuple[str, ...]


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: FieldKind = "text"
    enum: type[LabelledEnum] | None = None
    ref: Ref | None = None
    nullable: bool = False
    placeholder: str = ""
    decimals: int = 1
    grouping: bool = True  # False for years, order and numbers: 2024, not 2 024


@dataclass(frozen=True)
class EntitySpec:
    table: str
    title: str  # plural, for headings
    singular: str  # for «Ny …», undo texts
    fields: tuple[FieldSpec, ...]
    columns: tuple[str, ...]
    order_by: tuple[str, ...] = ()
    parent_key: str | None = None  # detail tables: filtered by the selected master row
    defaults: dict[str, Any] = field(default_factory=dict)

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    @property
    def name_key(self) -> str:
        for key in ("name", "title", "code", "abbreviation", "text"):
            if any(f.key == key for f in self.fields):
                return key
        return self.columns[0]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for ``pyside6-lupdate`` (it finds calls by this name); return it as is."""
    return text
