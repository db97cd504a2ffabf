"""Load a freshly unpacked model once, in a child process, before it is installed.

The zip CRC cannot catch a ``model.bin`` that was cut short (or altered) before it was
zipped; loading it can. But CTranslate2 is C++: a crafted ``model.bin`` crashed it with
SIGSEGV here (one zeroed byte in a variable header), which in-process would take the whole
application down. So the load runs in a child process (never a fork: CTranslate2 is not
fork-safe, and we may be on a worker thread); a crash, a hang or an exception there becomes
``PackageModelBroken``.

From source the child is ``python -m reader.core.packages.check FOLDER``. A frozen build has
no separate interpreter, so there the child is a ``multiprocessing`` spawn, which needs
``multiprocessing.freeze_support()`` first thing in the application's ``main``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import errors
from reader.core.cancel import CancelToken, is_cancelled

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

CHECK_TIMEOUT = 120.0  # seconds; a real 90 MB model loads in well under one
_POLL = 0.05


def check_model(
    folder: Path, *, cancel: CancelToken | None = None, timeout: float = CHECK_TIMEOUT
) -> None:
    """Raise ``PackageModelBroken`` unless ``folder/model`` and its tokenizer load.

    A cancelled ``cancel`` token stops the child and raises ``PackageInstallCancelled``.
    """
    if _in_frozen_build():
        problem = _check_in_spawned_process(folder, cancel, timeout)
    else:
        problem = _check_in_subprocess(folder, cancel, timeout)
    if problem:
        raise errors.PackageModelBroken(problem)


def _in_frozen_build() -> bool:
    return bool(getattr(sys, "frozen", False))


# Some damage shows only when decoding: a model.bin with its decoder's head count changed
# from 2 to 5 loaded fine and then died with SIGFPE on the first sentence.
PROBE_PIECES = ["▁Ein", "▁kleiner", "▁Test"]


def load_problem(folder: Path) -> str | None:
    """Load the model and tokenizer and translate three words here; the problem, or None.

    Runs in the child."""
    try:
        import ctranslate2

        translator = ctranslate2.Translator(
            str(folder / "model"), device="cpu", inter_threads=1, intra_threads=1
        )
        translator.translate_batch([PROBE_PIECES], beam_size=1, max_decoding_length=8)
        del translator
    except Exception as error:  # CTranslate2 raises RuntimeError/ValueError, maybe others
        return f"model: {error}"
    tokenizer = folder / "sentencepiece.model"
    if tokenizer.is_file():
        try:
            import sentencepiece

            sentencepiece.SentencePieceProcessor(model_file=str(tokenizer))
        except Exception as error:
            return f"sentencepiece.model: {error}"
    return None


def _crashed(code: int | None) -> str:
    if code is not None and code < 0:
        return f"the model crashed the loader (signal {-code})"
    return f"the model crashed the loader (exit code {code})"


def _check_in_subprocess(folder: Path, cancel: CancelToken | None, timeout: float) -> str | None:

    env = dict(os.environ)
    # The child must import this very ``reader``, installed or not.
    source_root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source_root, env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "reader.core.packages.check", str(folder)]
    child = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                out, _err = child.communicate(timeout=_POLL)
                break
            except subprocess.TimeoutExpired:
                if is_cancelled(cancel):
                    raise errors.PackageInstallCancelled(folder) from None
                if time.monotonic() > deadline:
                    return f"loading took longer than {timeout:.0f} s"
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    if child.returncode != 0:
        return _crashed(child.returncode)
    try:
        answer = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    except (UnicodeDecodeError, ValueError, IndexError):
        return _crashed(child.returncode)
    return answer.get("problem") if isinstance(answer, dict) else _crashed(child.returncode)


def _check_in_spawned_process(
    folder: Path, cancel: CancelToken | None, timeout: float
) -> str | None:
    import multiprocessing  # only a frozen build spawns; importing it costs every command

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_spawned_child, args=(str(folder), sender), daemon=True)
    child.start()
    sender.close()  # so the receiver sees EOF if the child dies without answering
    deadline = time.monotonic() + timeout
    try:
        while not receiver.poll(_POLL):
            if is_cancelled(cancel):
                raise errors.PackageInstallCancelled(folder)
            if time.monotonic() > deadline:
                return f"loading took longer than {timeout:.0f} s"
        try:
            answer: str | None = receiver.recv()
            return answer
        except EOFError:
            child.join(5)
            return _crashed(child.exitcode)
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()


def _spawned_child(folder: str, sender: Connection) -> None:
    sender.send(load_problem(Path(folder)))
    sender.close()


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m reader.core.packages.check FOLDER", file=sys.stderr)
        return 2
    print(json.dumps({"problem": load_problem(Path(argv[0]))}))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
