"""The model load check runs in a child: a crash or hang there is a refusal, not our death."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.cancel import CancelToken
from reader.core.packages.check import check_model


@pytest.fixture
def package_copy(tmp_path: Path, tiny_package_dir: Path) -> Path:
    return Path(shutil.copytree(tiny_package_dir, tmp_path / "package"))


def fake_interpreter(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-python"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_valid_model_passes(tiny_package_dir: Path) -> None:
    check_model(tiny_package_dir)  # raises if it does not load


def test_truncated_model_is_broken(package_copy: Path) -> None:
    model = package_copy / "model" / "model.bin"
    model.write_bytes(model.read_bytes()[:5000])
    with pytest.raises(errors.PackageModelBroken) as caught:
        check_model(package_copy)
    assert caught.value.reason.startswith("model: ")


def test_broken_tokenizer_is_broken(package_copy: Path) -> None:
    (package_copy / "sentencepiece.model").write_bytes(b"not a sentencepiece model")
    with pytest.raises(errors.PackageModelBroken) as caught:
        check_model(package_copy)
    assert caught.value.reason.startswith("sentencepiece.model: ")


def test_crashing_loader_is_broken_and_we_survive(
    tmp_path: Path, package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A crafted model.bin made CTranslate2 die with SIGSEGV/SIGABRT here, but not
    # reproducibly (it depends on the heap layout); a child that kills itself is.
    monkeypatch.setattr(sys, "executable", fake_interpreter(tmp_path, "kill -SEGV $$"))
    with pytest.raises(errors.PackageModelBroken) as caught:
        check_model(package_copy)
    assert caught.value.reason == "the model crashed the loader (signal 11)"


def test_hanging_loader_times_out(
    tmp_path: Path, package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", fake_interpreter(tmp_path, "exec sleep 30"))
    with pytest.raises(errors.PackageModelBroken) as caught:
        check_model(package_copy, timeout=0.2)
    assert "longer than" in caught.value.reason


def test_cancel_stops_the_child(
    tmp_path: Path, package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", fake_interpreter(tmp_path, "exec sleep 30"))
    with pytest.raises(errors.PackageInstallCancelled):
        check_model(package_copy, cancel=cancelled())


def test_frozen_build_uses_a_spawned_process(
    package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Setting sys.frozen itself would make multiprocessing expect a frozen executable.
    from reader.core.packages import check as package_check

    monkeypatch.setattr(package_check, "_in_frozen_build", lambda: True)
    model = package_copy / "model" / "model.bin"
    model.write_bytes(model.read_bytes()[:5000])
    with pytest.raises(errors.PackageModelBroken) as caught:
        check_model(package_copy)
    assert caught.value.reason.startswith("model: ")  # the child's own answer


def cancelled() -> CancelToken:
    token = CancelToken()
    token.cancel()
    return token
