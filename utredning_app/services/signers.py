"""Who can sign a reservation or särskilt yttrande: the pick list of members, with parties."""

from __future__ import annotations

from utredning_app.domain.formatting import swedish_sort_key
from utredning_app.services import entities
from utredning_app.storage.database import Database


def signer_choices(db: Database, dissent_id: str | None) -> list[tuple[str, str]]:
    """``(member id, "Namn (parti)")`` for every member: the dissent's own party's members
    first, then the others by party order; by name (Swedish order) within a party.

    A member of M once signed a C reservation from an unsorted list of bare names.
    """
    parties = entities.rows(db, "party", order_by=("sort_order",))
    rank = {p["id"]: i for i, p in enumerate(parties)}
    abbreviation = {p["id"]: str(p["abbreviation"] or "") for p in parties}
    own = entities.get(db, "dissent", dissent_id)["party_id"] if dissent_id else None

    def key(member: dict[str, object]) -> tuple[int, int, object]:
        party = member.get("party_id")
        first = 0 if own is not None and party == own else 1
        return first, rank.get(str(party), len(rank)), swedish_sort_key(str(member["name"]))

    result = []
    for member in sorted(entities.rows(db, "member"), key=key):
        party = abbreviation.get(str(member.get("party_id")), "")
        name = str(member["name"])
        result.append((str(member["id"]), f"{name} ({party})" if party else name))
    return result
