"""Pure domain: enums, value objects, calculations. No Qt, no SQL."""
