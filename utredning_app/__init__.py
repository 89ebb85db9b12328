"""Utredningsstöd: tool for a regional parliamentary investigation group."""

__version__ = "0.1.0"
APP_NAME = "Utredningsstöd"
APP_SLUG = "Utredningsstod"
