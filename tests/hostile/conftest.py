"""Helpers for the hostile-input suite: run the reader as a user would, check what it says.

Every case asserts two things: the message (one clear line, no traceback, no raw control
characters) and what is left on disk. Commands that could hang or crash the process run in
a child with a timeout; the rest run in-process for speed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# The main window's fixtures, for the cases that open a document in it.
from tests.ui.conftest import make_window, reader_paths  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534
CHILD_TIMEOUT = 120


@dataclass(frozen=True)
class Outcome:
    """What a command left: exit code, standard output and standard error."""

    code: int
    out: str
    err: str


def assert_clear_message(err: str, *, max_lines: int = 3) -> None:
    """A few plain lines: no traceback, no raw escape or other control characters."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) <= max_lines, err
    assert not any(ch in err for ch in "\x1b\x07\x08\r\u202e"), repr(err)


def run_reader(
    *args: str, data_dir: Path, env: dict[str, str] | None = None, timeout: float = CHILD_TIMEOUT
) -> Outcome:
    """``python -m reader ARGS`` in a child with its own data dir; fails on a timeout."""
    child_env = dict(os.environ)
    child_env["READER_DATA_DIR"] = str(data_dir)
    child_env["QT_QPA_PLATFORM"] = "offscreen"
    child_env.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        env=child_env,
        cwd=REPO,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return Outcome(
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def run_in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    """``reader ARGS`` through ``run_command`` in this process."""
    from reader.cli import run_command

    code = run_command(args)
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def as_nobody(action: Callable[[], int], workdir: Path) -> Outcome:
    """Run ``action`` in a forked child as user ``nobody``; its output is captured.

    Only root can switch users: callers skip when not root. ``workdir`` must be readable by
    nobody; the child's output files go there.
    """
    out_path, err_path = workdir / "child.out", workdir / "child.err"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(out_fd, 1)
            os.dup2(err_fd, 2)
            sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - lives until _exit
            sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            code = action()
        except BaseException as error:  # report, never return into pytest
            print(f"child failed: {type(error).__name__}: {error}", file=sys.stderr)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _pid, status = os.waitpid(pid, 0)
    return Outcome(
        os.waitstatus_to_exitcode(status),
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
    )


needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="switching to another user (nobody) needs root",
)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A temp dir another user (nobody) can read and write (mode 0777)."""
    folder = Path(tempfile.mkdtemp(prefix="reader-hostile-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    """A data dir with the tiny de→en package (its model copies the German)."""
    shutil.copytree(tiny_package_dir, data_dir / "data" / "packages" / tiny_package_dir.name)
    return data_dir


SYSTEM_NODES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/stdout")


@pytest.fixture(autouse=True)
def system_nodes_survive() -> Iterator[None]:
    """These tests aim the reader at /dev/null, /dev/stdout…: a regression that replaced one
    with a regular file would break the whole machine, so put it back and fail loudly."""
    before = {path: os.lstat(path) for path in SYSTEM_NODES if os.path.lexists(path)}
    links = {path: os.readlink(path) for path, info in before.items() if stat.S_ISLNK(info.st_mode)}
    yield
    broken = []
    for path, info in before.items():
        try:
            now = os.lstat(path)
        except FileNotFoundError:
            now = None
        if now is not None and stat.S_IFMT(now.st_mode) == stat.S_IFMT(info.st_mode):
            continue
        broken.append(path)
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)
        if stat.S_ISLNK(info.st_mode):
            os.symlink(links[path], path)
        elif os.geteuid() == 0:
            os.mknod(path, stat.S_IMODE(info.st_mode) | stat.S_IFCHR, info.st_rdev)
    assert not broken, f"the reader replaced {broken} (put back)"
