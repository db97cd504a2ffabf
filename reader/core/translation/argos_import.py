"""Import ``argostranslate.package`` without it writing into the user's home.

``argostranslate.settings`` creates ``argos-translate`` folders under XDG_DATA_HOME,
XDG_CONFIG_HOME and XDG_CACHE_HOME (or ``~/.local/share``, ``~/.config``,
``~/.local/cache``) as a side effect of being imported. We point those variables into the
reader's own data folder for the duration of the import, then restore the environment.
Never import ``argostranslate.translate``: it pulls torch and stanza.

The translation engine itself does not need this module (it uses ``sentencepiece`` and
``argostranslate.tokenizer`` directly); it is for code that wants Argos's package metadata.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from pathlib import Path
from types import ModuleType

XDG_NAMES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
_lock = threading.Lock()


def import_argos_package(sandbox: Path) -> ModuleType:
    """Return ``argostranslate.package``, importing it with XDG folders inside ``sandbox``.

    ``sandbox`` is a folder of ours (e.g. ``paths.cache / "argos"``); Argos's folders are
    created there instead of in the home directory. A second call returns the same module.
    """
    with _lock:
        if "argostranslate.package" in sys.modules:
            return sys.modules["argostranslate.package"]
        saved = {name: os.environ.get(name) for name in XDG_NAMES}
        try:
            for name in XDG_NAMES:
                folder = Path(sandbox) / name.lower()
                folder.mkdir(parents=True, exist_ok=True)
                os.environ[name] = str(folder)
            return importlib.import_module("argostranslate.package")
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
