"""Use cases: one user action = one unit of work = one transaction. No Qt here."""
