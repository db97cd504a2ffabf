"""The display check before the QApplication, and the real start on an X server (Xvfb)."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.platform_check import (
    choose_platform,
    debian_package,
    missing_libraries,
    missing_message,
    prepare_display,
)

REPO = Path(__file__).resolve().parents[1]
LDD_MISSING = (
    "\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x7f)\n"
    "\tlibxcb-icccm.so.4 => not found\n"
    "\tlibxcb-keysyms.so.1 => not found\n"
)


def test_missing_libraries_are_read_from_ldd_once_each() -> None:
    files = [Path("a.so"), Path("b.so")]
    assert missing_libraries(files, ldd=lambda _path: LDD_MISSING) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]
    assert missing_libraries(files, ldd=lambda _path: "") == []


def test_debian_package_names() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("odd-name") == "odd-name"


def test_xcb_with_everything_installed_is_left_alone() -> None:
    choice = choose_platform({"DISPLAY": ":0"}, lambda: [], system="linux")
    assert choice.platform is None and choice.missing == ()


def test_missing_xcb_libraries_prefer_wayland_when_the_session_has_it() -> None:
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    choice = choose_platform(env, lambda: ["libxcb-icccm.so.4"], system="linux")
    assert choice.platform == "wayland"


def test_missing_xcb_libraries_without_wayland_are_reported() -> None:
    choice = choose_platform({"DISPLAY": ":0"}, lambda: ["libxcb-icccm.so.4"], system="linux")
    assert choice.platform is None and choice.missing == ("libxcb-icccm.so.4",)
    message = missing_message(choice.missing)
    assert "sudo apt install libxcb-icccm4" in message
    assert "dnf install" in message and "pacman -S" in message
    assert "plugin" not in message.lower()


def test_an_explicit_other_platform_is_never_checked() -> None:
    def never() -> list[str]:
        raise AssertionError("the check must not run")

    for env in ({"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "wayland"}):
        assert choose_platform(env, never, system="linux").missing == ()
    assert choose_platform({"DISPLAY": ":0"}, never, system="darwin").missing == ()
    wayland_session = {
        "DISPLAY": ":0",
        "WAYLAND_DISPLAY": "wayland-0",
        "XDG_SESSION_TYPE": "wayland",
    }
    assert choose_platform(wayland_session, never, system="linux").missing == ()


def test_prepare_display_sets_wayland_in_the_environment_it_is_given(monkeypatch) -> None:
    monkeypatch.setattr(
        "reader.platform_check.missing_libraries", lambda _files: ["libxcb-keysyms.so.1"]
    )
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    if not sys.platform.startswith("linux"):
        pytest.skip("the xcb check runs on Linux only")
    assert prepare_display(env) is None
    assert env["QT_QPA_PLATFORM"] == "wayland"
    assert "libxcb-keysyms1" in (prepare_display({"DISPLAY": ":0"}) or "")


GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
step = 4
colours = {image.pixel(x, y) for x in range(0, image.width(), step)
           for y in range(0, image.height(), step)}
print(len(colours))
"""


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_end)
    # Xvfb writes the number and the newline separately, and ends if the pipe is closed
    # between the two: read up to the newline.
    answer = b""
    deadline = time.monotonic() + 30
    while not answer.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(read_end, 64) if ready else b""
        if not chunk:
            break
        answer += chunk
    os.close(read_end)
    number = answer.decode().strip() if answer.endswith(b"\n") else ""
    if not number:
        server.kill()
        server.wait(timeout=30)
        pytest.fail("Xvfb did not report a display number within 30 s")
    return server, f":{number}"


def _group_alive(group: int) -> bool:
    """A process of the group still runs (zombies waiting to be reaped do not count)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            return True
    return False


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("Xvfb") is None,
    reason="Xvfb is not installed on this machine (.ci/run installs it)",
)
def test_the_real_application_opens_a_window_on_an_x_server(tmp_path: Path) -> None:
    server, display = _start_xvfb()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, READER_DATA_DIR=str(tmp_path / "data"))
    article = tmp_path / "artikel.md"
    article.write_text("# Nachrichten\n\nDer Rat tagte am Montag in Berlin.\n", encoding="utf-8")
    log = tmp_path / "reader.log"
    # Its own session, output to a file: the reader's child processes (name finding) must
    # never keep a pipe of this test open.
    with log.open("wb") as output:
        reader = subprocess.Popen(
            [sys.executable, "-m", "reader", str(article)],
            env=env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    shot = tmp_path / "screen.png"
    colours = 0
    grab_error = ""
    code: int | None = None
    group_left = True
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and reader.poll() is None:
            grab = subprocess.run(
                [sys.executable, "-c", GRAB, str(shot)],
                env={**env, "QT_QPA_PLATFORM": "xcb"},
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            if grab.returncode != 0:
                if server.poll() is not None:
                    pytest.fail(f"the Xvfb server ended under the test (code {server.returncode})")
                # On a machine shared with other X servers a connection is sometimes refused
                # once; the deadline decides, and the last error is reported.
                grab_error = grab.stderr
                time.sleep(0.5)
                continue
            colours = int(grab.stdout.strip().splitlines()[-1])
            if colours > 20:
                break
            time.sleep(0.5)  # polling an external X server: no signal to wait on
        still_running = reader.poll() is None
        # What a logout does: SIGTERM. The reader closes the normal way, child included.
        reader.send_signal(signal.SIGTERM)
        code = reader.wait(timeout=30)
        end = time.monotonic() + 10
        while _group_alive(reader.pid) and time.monotonic() < end:
            time.sleep(0.2)  # the child notices its parent left within a second
        group_left = not _group_alive(reader.pid)
    finally:
        if _group_alive(reader.pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(reader.pid, signal.SIGKILL)
        reader.wait(timeout=30)
        server.kill()
        server.wait(timeout=30)
    output_text = log.read_text(encoding="utf-8", errors="replace")
    assert still_running, output_text
    assert "could not load the qt platform plugin" not in output_text.lower()
    assert colours > 20, f"the screen stayed blank ({colours} colours) {grab_error}"
    assert shot.stat().st_size > 1000
    assert code == 0, output_text
    assert group_left, "a child process of the reader outlived it"
