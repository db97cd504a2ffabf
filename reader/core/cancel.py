"""The one cancel token: a flag a GUI thread sets and core work polls between steps."""

from __future__ import annotations

import threading


class CancelToken:
    """Thread-safe: ``cancel()`` from any thread, ``cancelled`` polled by the work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


def is_cancelled(token: CancelToken | None) -> bool:
    """True when there is a token and it was cancelled (core work may run without one)."""
    return token is not None and token.cancelled
