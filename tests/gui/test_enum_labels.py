"""Enum labels (domain/enums.py) are shown through gui/enum_labels.py: listed for lupdate,
English when English is chosen, unchanged in Swedish, and never what is saved or sorted on."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator

from utredning_app.domain.enums import LabelledEnum
from utredning_app.gui import enum_labels
from utredning_app.gui.enum_labels import LABELS, enum_label


def _enums(base: type[LabelledEnum] = LabelledEnum) -> Iterator[type[LabelledEnum]]:
    for enum in base.__subclasses__():
        yield enum
        yield from _enums(enum)


def _members() -> list[LabelledEnum]:
    return [member for enum in _enums() for member in enum]


def test_every_enum_label_is_listed_for_lupdate() -> None:
    """A new enum value needs its label in LABELS (and then an English translation)."""
    labels = {member.label for member in _members()}
    assert sorted(labels - set(LABELS)) == []
    assert sorted(set(LABELS) - labels) == []  # nothing stale either


def test_labels_are_literals_lupdate_can_read() -> None:
    tree = ast.parse(inspect.getsource(enum_labels))
    marked = {
        call.args[1].value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP"
        and [getattr(a, "value", None) for a in call.args[:1]] == ["Uppräkning"]
        and isinstance(call.args[1], ast.Constant)
    }
    assert marked == set(LABELS)


def test_swedish_shows_the_label_itself() -> None:
    assert [enum_label(m) for m in _members()] == [m.label for m in _members()]
