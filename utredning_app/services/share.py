"""A copy of the investigation to give to others: without private and party-internal content.

"Spara kopia som…" copies *everything* (it is the author's own copy). To hand the file to
someone else, :func:`share_copy` writes a new file through the open archive with
``include_private=False``: private/party notes, sections and dissents that are not released,
everything hanging on them and their ändringslogg entries are left out. Building a fresh file
(rather than deleting rows from a copy) also means no removed text lingers in SQLite's free
pages.
"""

from __future__ import annotations

from pathlib import Path

from utredning_app.errors import ValidationError
from utredning_app.services.archive import build_archive, import_archive
from utredning_app.services.atomic import check_name_length


def share_copy(path: Path, out: Path) -> Path:
    out = Path(out)
    check_name_length(out)
    if out.exists():
        raise ValidationError(f"Filen {out} finns redan; välj ett nytt filnamn.")
    if Path(path).resolve() == out.resolve():
        raise ValidationError("Kopian måste ha ett annat namn än originalet.")
    archive = build_archive(Path(path), include_private=False)
    # Straight from memory into the new file: no JSON copy in a temporary folder (which a
    # killed process would leave behind, outside the user's folders).
    import_archive(Path(f"{out.stem}.json"), out, data=archive).close()
    return out
