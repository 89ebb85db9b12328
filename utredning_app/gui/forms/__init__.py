"""Python classes generated from ``ui/*.ui`` by ``pyside6-uic`` (see ``build.py``)."""
