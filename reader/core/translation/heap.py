"""Give freed heap memory back to the system after a model call.

CTranslate2 allocates its beams, attention and batch buffers with ``malloc`` from several
threads; glibc keeps what they free in per-thread arenas, so a process's resident memory
grows with every call long after the memory is free. ``malloc_trim(0)`` returns the free
pages of every arena. Only glibc has it; elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # no libc by that name, or not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return freed heap pages to the system; whether glibc released any."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
