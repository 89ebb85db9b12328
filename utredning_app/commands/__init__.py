"""Subcommands of the ``utredning`` CLI (thin: parse, call a service, print)."""
