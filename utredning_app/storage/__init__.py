"""Storage: ORM models, opening/creating/migrating the file, units of work, audit log."""
