"""Every module of reader.core imports with PySide6 blocked (docs/ARCHITECTURE.md: Qt-free core)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core

SCRIPT = """
import sys, importlib

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
for name in sys.argv[1:]:
    importlib.import_module(name)
print("ok", len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    return [
        info.name
        for info in pkgutil.walk_packages(reader.core.__path__, prefix="reader.core.")
        if not info.ispkg
    ]


def test_core_has_modules() -> None:
    modules = core_modules()
    assert "reader.core.document.model" in modules
    assert "reader.core.translation.engine" in modules


def test_every_core_module_imports_without_qt() -> None:
    modules = core_modules()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *modules], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"
