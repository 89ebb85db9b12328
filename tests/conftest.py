"""Shared fixtures: real investigation files in temporary folders.

Creating a file runs every migration (~0.5 s), so each test session builds one empty file
and one demo file once and every test gets its own *copy*.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from utredning_app.storage.database import Database, create_database, open_database


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow", action="store_true", default=False, help="run the long reliability forms"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The long reliability forms are *deselected* (not skipped) in `make test`; they run in
    full under `make reliability` (--run-slow)."""
    if config.getoption("--run-slow"):
        return
    slow = [item for item in items if "slow" in item.keywords]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if "slow" not in item.keywords]


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may touch the real user's data or backup folders."""
    monkeypatch.setenv("UTREDNING_DATA_DIR", str(tmp_path / "användardata"))
    monkeypatch.setenv("UTREDNING_BACKUP_DIR", str(tmp_path / "säkerhetskopior"))


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mall") / "tom.utredning"
    create_database(path, title="Testutredning", diarienummer="RS 2099-0001").close()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from utredning_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.utredning"
    create_demo(path).close()
    return path


@pytest.fixture
def empty_path(tmp_path: Path, empty_template: Path) -> Path:
    target = tmp_path / "utredning.utredning"
    shutil.copyfile(empty_template, target)
    return target


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    target = tmp_path / "demo.utredning"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def db(empty_path: Path) -> Iterator[Database]:
    database = open_database(empty_path, actor="Testaren")
    yield database
    database.close()


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    database = open_database(demo_path, actor="Testaren")
    yield database
    database.close()


@pytest.fixture
def small_path(empty_path: Path) -> Path:
    """The small investigation of ``tests/word_helpers.fill_small_investigation``."""
    from tests.word_helpers import fill_small_investigation

    with open_database(empty_path, actor="Testaren") as db:
        fill_small_investigation(db)
    return empty_path
