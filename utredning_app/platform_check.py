"""Before the window opens on Linux/X11: does Qt's xcb platform plugin find its libraries?

A fresh Debian lacks some of them (libxcb-icccm4, libxcb-keysyms1 …); Qt then aborts with a
long message about plugins that does not say what to install (offscreen hides this). The
check asks ``ldd`` which libraries of the plugin are not found, without importing Qt, and
names the Debian packages that provide them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian package names that do not follow "soname without .so + version".
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
}


def debian_package(soname: str) -> str:
    """The Debian package that usually holds ``soname`` (libxcb-icccm.so.4 → libxcb-icccm4)."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    match = re.fullmatch(r"(lib[\w.+-]+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if match is None:
        return soname
    base, version = match.group(1).lower(), match.group(2)
    return f"{base}-{version}" if base[-1].isdigit() else f"{base}{version}"


def missing_from_ldd(output: str) -> list[str]:
    """Sonames ``ldd`` reports as "not found", in order, once each."""
    found: list[str] = []
    for line in output.splitlines():
        name, _arrow, where = line.strip().partition("=>")
        if where.strip() == "not found" and name.strip() not in found:
            found.append(name.strip())
    return found


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(spec.submodule_search_locations[0]) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.exists() else None


def missing_xcb_packages(plugin: Path | None = None) -> list[str]:
    """Debian packages to install before the xcb plugin can load ([] if nothing is missing or
    there is no way to tell)."""
    plugin = plugin or xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    try:
        result = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    packages: list[str] = []
    for soname in missing_from_ldd(result.stdout):
        package = debian_package(soname)
        if package not in packages:
            packages.append(package)
    return packages


def uses_xcb() -> bool:
    """Will Qt choose the xcb platform here (Linux with an X display, not forced elsewhere)?"""
    if not sys.platform.startswith("linux"):
        return False
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def xcb_problem() -> str | None:
    """One Swedish line saying what to install, or None when the window can open."""
    if not uses_xcb():
        return None
    packages = missing_xcb_packages()
    if not packages:
        return None
    return (
        "Fönstret kan inte öppnas: Qt:s X11-stöd (xcb) saknar systembibliotek – installera dem "
        f"med: sudo apt-get install {' '.join(packages)}"
    )
