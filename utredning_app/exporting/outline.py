"""Report outlines as data: which chapters, in what order, built from which blocks.

Outlines live in ``exports/outlines/<dokument>.toml`` (or ``.json`` with the same structure)
and are edited by the secretariat — reorder or drop chapters without touching code::

    dokumenttyp = "Delrapport"       # shown on the title page and in the header
    titelsida = true                 # title page + table of contents
    rubrikniva = 1                   # chapter headings: Heading 1

    [[kapitel]]
    rubrik = "Sammanfattning"
    block = [{ typ = "text", nyckel = "sammanfattning" }]

    [[kapitel]]
    rubrik = "Remissinstanser och svarsdatum"
    bilaga = true                    # "Bilaga 1 …", new page
    block = [{ typ = "remissinstanser" }]

Chapter fields: ``rubrik``, ``block``, ``bilaga``, ``ny_sida`` (start on a new page) and
``visa_rubrik = false`` (blocks only, e.g. the memo's letterhead). A chapter with nothing to say
is left out of the finished document (kept with a note in a draft); a ``rubrik`` block whose
following blocks say nothing is left out too.

Each block has ``typ`` (see ``exporting.blocks.BLOCKS``) and its own parameters.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utredning_app.errors import ValidationError, os_reason, syntax_reason


class OutlineError(ValidationError):
    pass


@dataclass(frozen=True)
class Block:
    kind: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Chapter:
    title: str
    blocks: tuple[Block, ...]
    appendix: bool = False
    new_page: bool = False
    show_title: bool = True


@dataclass(frozen=True)
class Outline:
    name: str
    document_type: str
    chapters: tuple[Chapter, ...]
    title_page: bool = True
    heading_level: int = 1
    source: str = ""

    def chapter_titles(self) -> list[str]:
        return [c.title for c in self.chapters]


def outline_path(name: str) -> Path:
    from utredning_app import paths

    folder = paths.exports_dir() / "outlines"
    for suffix in (".toml", ".json"):
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    raise OutlineError(f"Dispositionen för {name} saknas i {folder}.")


def load_outline(name: str, path: Path | None = None) -> Outline:
    """Read and check the outline ``name`` (bundled) or the file ``path``."""
    from utredning_app.exporting.blocks import BLOCKS

    source = Path(path) if path is not None else outline_path(name)
    try:
        raw_text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else syntax_reason(exc)
        raise OutlineError(f"Dispositionen {source} kan inte läsas: {reason}.") from exc
    try:
        raw: dict[str, Any] = (
            json.loads(raw_text) if source.suffix.lower() == ".json" else tomllib.loads(raw_text)
        )
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise OutlineError(
            f"Dispositionen {source.name} har fel format: {syntax_reason(exc)}."
        ) from exc
    except RecursionError as exc:  # "[[[[…" thousands deep: not an outline
        raise OutlineError(f"Dispositionen {source.name} är för djupt nästlad.") from exc
    if not isinstance(raw, dict):
        raise OutlineError(f"Dispositionen {source.name} ska vara en tabell (ett objekt).")
    where = source.name
    chapters_raw = raw.get("kapitel")
    if not isinstance(chapters_raw, list) or not chapters_raw:
        raise OutlineError(f"{where}: listan [[kapitel]] saknas eller är tom.")
    chapters: list[Chapter] = []
    for index, chapter in enumerate(chapters_raw, start=1):
        here = f"{where}, kapitel {index}"
        if not isinstance(chapter, dict):
            raise OutlineError(f"{here}: ska vara en tabell med rubrik och block.")
        title = chapter.get("rubrik")
        if not isinstance(title, str) or not title.strip():
            raise OutlineError(f"{here}: rubrik saknas.")
        here = f"{where}, kapitel {index} ({title})"
        unknown = set(chapter) - {"rubrik", "block", "bilaga", "ny_sida", "visa_rubrik"}
        if unknown:
            raise OutlineError(f"{here}: okänt fält {', '.join(sorted(unknown))}.")
        blocks_raw = chapter.get("block", [])
        if not isinstance(blocks_raw, list):
            raise OutlineError(f"{here}: block ska vara en lista.")
        blocks: list[Block] = []
        for b_index, block in enumerate(blocks_raw, start=1):
            if not isinstance(block, dict) or not isinstance(block.get("typ"), str):
                raise OutlineError(f"{here}, block {b_index}: typ saknas.")
            kind = block["typ"]
            spec = BLOCKS.get(kind)
            if spec is None:
                known = ", ".join(sorted(BLOCKS))
                raise OutlineError(
                    f"{here}, block {b_index}: okänd blocktyp {kind!r} (kända typer: {known})."
                )
            params = {k: v for k, v in block.items() if k != "typ"}
            extra = set(params) - set(spec.params)
            if extra:
                allowed = ", ".join(sorted(spec.params)) or "inga"
                raise OutlineError(
                    f"{here}, block {b_index} ({kind}): okänd parameter "
                    f"{', '.join(sorted(extra))} (tillåtna: {allowed})."
                )
            blocks.append(Block(kind, params))
        chapters.append(
            Chapter(
                title.strip(),
                tuple(blocks),
                appendix=bool(chapter.get("bilaga", False)),
                new_page=bool(chapter.get("ny_sida", False)),
                show_title=bool(chapter.get("visa_rubrik", True)),
            )
        )
    level = raw.get("rubrikniva", 1)
    if level not in (1, 2):
        raise OutlineError(f"{where}: rubrikniva ska vara 1 eller 2.")
    return Outline(
        name=name,
        document_type=str(raw.get("dokumenttyp", name.capitalize())),
        chapters=tuple(chapters),
        title_page=bool(raw.get("titelsida", True)),
        heading_level=int(level),
        source=str(source),
    )
