"""The one cancel token: a flag a GUI thread sets and core work polls between steps."""

from __future__ import annotations

import threading


class CancelToken:
    """Thread-safe; ``package_installer.is_cancelled`` accepts it through ``is_cancelled()``."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def is_cancelled(self) -> bool:
        return self._event.is_set()
