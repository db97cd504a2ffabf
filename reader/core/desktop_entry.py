"""Install the desktop entry, AppStream metainfo and icon for the current user (XDG)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from reader.core.bundled import APP_ID, resource_path


def user_data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME")
    return Path(value) if value else Path.home() / ".local" / "share"


def launcher_command() -> str:
    """How the desktop should start this installation of the reader."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    found = shutil.which("reader")
    if found:
        return shlex.quote(found)
    return f"{shlex.quote(sys.executable)} -m reader"


def install_desktop_entry(data_home: Path | None = None) -> list[Path]:
    """Write the .desktop file (Exec pointing at this installation), metainfo and icon.

    Returns the files written. Refreshes the desktop database when the tool exists; the
    entry works without it.
    """
    home = data_home or user_data_home()
    desktop_src = resource_path("desktop", f"{APP_ID}.desktop")
    targets = {
        home / "applications" / f"{APP_ID}.desktop": None,
        home / "metainfo" / f"{APP_ID}.metainfo.xml": resource_path(
            "desktop", f"{APP_ID}.metainfo.xml"
        ),
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": resource_path(
            "icons", f"{APP_ID}.svg"
        ),
    }
    command = launcher_command()
    written: list[Path] = []
    for target, source in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            lines = []
            for line in desktop_src.read_text(encoding="utf-8").splitlines():
                if line.startswith("Exec="):
                    line = f"Exec={command} %f"
                elif line.startswith("TryExec="):
                    continue  # Exec may be "python -m reader"; TryExec cannot express that
                lines.append(line)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run(
            [tool, str(home / "applications")], capture_output=True, check=False, timeout=30
        )
    return written
