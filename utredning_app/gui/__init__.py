"""Qt Widgets user interface. Talks to services only."""
