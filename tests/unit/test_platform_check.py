"""`make run` on a Linux without the xcb libraries Qt needs: one Swedish line naming the
packages, instead of Qt's abort. A real shared object whose libraries are gone stands in for
the plugin (built here with the C compiler, then its libraries deleted), read by real ldd.
The libraries have made-up names: the real ones may well be installed where this runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from utredning_app import launcher, platform_check

# Made-up sonames no system has, and the package names the check derives from them.
GONE = ["libxcb-utredningsprov.so.4", "libxcb-utredningsprov-keys.so.1"]
GONE_PACKAGES = ["libxcb-utredningsprov4", "libxcb-utredningsprov-keys1"]


def _plugin_missing(tmp_path: Path, sonames: list[str]) -> Path:
    """A shared object linked against stub libraries with these sonames, which are then
    removed: ldd reports them "not found", as on a fresh Debian."""
    cc = shutil.which("cc") or shutil.which("gcc")
    assert cc, "a C compiler is needed (.ci/run installs gcc)"
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    source = tmp_path / "stub.c"
    source.write_text("int stub_symbol(void) { return 0; }\n", encoding="utf-8")
    links = []
    for soname in sonames:
        name = soname.split(".so")[0]
        subprocess.run(
            [cc, "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o", stubs / soname, source],
            check=True,
        )
        (stubs / f"{name}.so").symlink_to(soname)
        links.append(f"-l{name.removeprefix('lib')}")
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        [cc, "-shared", "-fPIC", "-Wl,--no-as-needed", "-o", plugin, source, f"-L{stubs}", *links],
        check=True,
    )
    shutil.rmtree(stubs)
    return plugin


def test_missing_libraries_are_named_as_debian_packages(tmp_path: Path) -> None:
    plugin = _plugin_missing(tmp_path, GONE)
    assert platform_check.missing_xcb_packages(plugin) == GONE_PACKAGES


def test_the_installed_plugin_finds_its_libraries_here() -> None:
    """This machine (and CI, through .ci/run) has them: nothing to say."""
    plugin = platform_check.xcb_plugin()
    assert plugin is not None and plugin.is_file()
    assert platform_check.missing_xcb_packages(plugin) == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_names(soname: str, package: str) -> None:
    assert platform_check.debian_package(soname) == package


def test_make_run_says_what_to_install_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plugin = _plugin_missing(tmp_path, GONE)
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: plugin)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("UTREDNING_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("sys.platform", "linux")
    import utredning_app.__main__ as gui_entry

    monkeypatch.setattr(gui_entry, "main", lambda *_a: pytest.fail("the window was started"))

    assert launcher.main() == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("Fönstret kan inte öppnas")
    assert err.rstrip().endswith("sudo apt-get install " + " ".join(GONE_PACKAGES))
    assert not (tmp_path / "data").exists()  # nothing written, no window tried


def test_offscreen_or_wayland_is_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not platform_check.uses_xcb()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert not platform_check.uses_xcb()
