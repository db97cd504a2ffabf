"""Before the QApplication: will Qt's display plugin load on this desktop?

On Linux, PySide6's X11 plugin (``libqxcb.so``) needs a few system libraries that many fresh
installations lack (``libxcb-cursor0``, ``libxcb-icccm4``, ``libxcb-keysyms1``). Without them
Qt aborts with a long plugin dump that names none of the packages. This module asks the
dynamic linker (``ldd``) which libraries the plugin cannot find, prefers Wayland when the
session has it, and otherwise gives one clear message with the install commands. It imports
no Qt: it only locates the plugin files.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


@dataclass(frozen=True)
class PlatformChoice:
    """What to do before creating the QApplication."""

    platform: str | None = None  # a QT_QPA_PLATFORM value to set, or None to leave it
    missing: tuple[str, ...] = ()  # shared libraries the X11 plugin cannot load


def qt_plugin_files() -> list[Path]:
    """The X11 platform plugin and the Qt library it links, where PySide6 ships them."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    candidates = [root / "plugins" / "platforms" / "libqxcb.so"]
    candidates += sorted((root / "lib").glob("libQt6XcbQpa.so*"))[:1]
    return [path for path in candidates if path.is_file()]


def run_ldd(path: Path) -> str:
    """``ldd``'s report for one file ('' when ldd is not there or fails)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return ""
    try:
        result = subprocess.run(
            [ldd, str(path)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout


def missing_libraries(files: list[Path], ldd: Callable[[Path], str] = run_ldd) -> list[str]:
    """Shared libraries the given files need and the linker cannot find, in first-seen order."""
    missing: list[str] = []
    for path in files:
        for name in _NOT_FOUND.findall(ldd(path)):
            if name not in missing:
                missing.append(name)
    return missing


def choose_platform(
    env: Mapping[str, str],
    find_missing: Callable[[], list[str]],
    system: str = sys.platform,
) -> PlatformChoice:
    """Decide whether the xcb plugin will load, and what to do when it will not."""
    if not system.startswith("linux"):
        return PlatformChoice()
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested and not requested.startswith("xcb"):
        return PlatformChoice()  # offscreen, wayland, vnc …: the user chose
    wayland = bool(env.get("WAYLAND_DISPLAY"))
    if not requested and wayland and env.get("XDG_SESSION_TYPE") == "wayland":
        return PlatformChoice()  # Qt takes Wayland by itself in a Wayland session
    if not env.get("DISPLAY") and not requested:
        return PlatformChoice()  # no X server to talk to: Qt's own message says so
    missing = tuple(find_missing())
    if not missing:
        return PlatformChoice()
    if wayland and not requested:
        return PlatformChoice(platform="wayland", missing=missing)
    return PlatformChoice(missing=missing)


def debian_package(library: str) -> str:
    """The Debian/Ubuntu package that ships a library soname (libxcb-icccm.so.4 → libxcb-icccm4)."""
    match = re.fullmatch(r"(lib[\w+-]+?)\.so\.(\d+)", library)
    if match is None:
        return library
    stem, version = match.groups()
    joiner = "-" if stem[-1].isdigit() else ""
    return f"{stem}{joiner}{version}"


def missing_message(missing: tuple[str, ...]) -> str:
    """The one message a user sees when the X11 plugin cannot load."""
    packages = " ".join(debian_package(name) for name in missing)
    return (
        "reader: cannot open a window: Qt's X11 support needs system libraries that are not "
        f"installed: {', '.join(missing)}.\n"
        f"  Debian/Ubuntu: sudo apt install {packages}\n"
        "  Fedora:        sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms\n"
        "  Arch:          sudo pacman -S xcb-util-cursor xcb-util-wm xcb-util-keysyms\n"
        "Then start the reader again. (The command-line tools, e.g. 'reader translate FILE', "
        "work without them.)"
    )


def prepare_display(env: dict[str, str] | None = None) -> str | None:
    """Set a working platform in ``env``; return a message when no window can be opened."""
    target = os.environ if env is None else env
    choice = choose_platform(target, lambda: missing_libraries(qt_plugin_files()))
    if choice.platform is not None:
        target["QT_QPA_PLATFORM"] = choice.platform
        return None
    if choice.missing:
        return missing_message(choice.missing)
    return None
