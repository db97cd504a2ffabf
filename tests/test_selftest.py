"""``reader --self-test``: every check passes with a package installed; a clear failure without."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.selftest import run_self_test


def test_self_test_passes_with_the_copy_package(tiny_package_dir: Path, tmp_path: Path) -> None:
    # A child process, as users run it: the real entry point, and sys.modules untouched by
    # other tests (the self-test checks that torch/stanza were never imported).
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(tiny_package_dir.parent))
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--self-test", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    checks = lines[:-1]
    assert [line.split()[1] for line in checks] == [
        "python",
        "ctranslate2",
        "sentencepiece",
        "argostranslate",
        "spacy",
        "ner",
        "sample",
        "translation",
        "qt-translator",
        "no-heavy-deps",
    ]
    assert all(line.startswith("ok   ") for line in checks), result.stdout
    [translation] = [line for line in checks if line.split()[1] == "translation"]
    assert "copy model answered exactly" in translation
    assert lines[-1] == f"self-test passed: {len(checks)} checks"


def test_self_test_fails_clearly_without_a_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    out = io.StringIO()
    code = run_self_test(str(tmp_path / "empty-data"), out=out)
    lines = out.getvalue().splitlines()
    assert code != 0
    [translation] = [line for line in lines if line.split()[1] == "translation"]
    assert translation.startswith("FAIL ")
    assert "no de→en package installed" in translation
    assert str((tmp_path / "empty-data").resolve()) in translation  # says where it looked
    assert lines[-1].startswith("self-test FAILED: ")
    assert "translation" in lines[-1]


def test_a_wrong_copy_answer_fails(
    tiny_package_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.translation.engine import TranslationEngine

    real_translate = TranslationEngine.translate

    def garbled(self: TranslationEngine, *args: object, **kwargs: object) -> list:
        results = real_translate(self, *args, **kwargs)  # type: ignore[arg-type]
        return [r.__class__(r.sentence_id, r.source, r.text[::-1], r.score) for r in results]

    monkeypatch.setattr(TranslationEngine, "translate", garbled)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_package_dir.parent))
    out = io.StringIO()
    code = run_self_test(str(tmp_path / "data"), out=out)
    [translation] = [line for line in out.getvalue().splitlines() if " translation " in line]
    assert code != 0
    assert translation.startswith("FAIL ")
    assert "copy model answered" in translation and "expected" in translation


def test_qt_check_falls_back_to_qtbase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.selftest import _check_qt_translator

    monkeypatch.setattr("reader.core.bundled.translations_dir", lambda: tmp_path)
    detail = _check_qt_translator()
    assert detail.startswith("qtbase_de.qm, no reader_de.qm yet")
    assert "Abbrechen" in detail  # the catalogue really translated


def test_qt_check_prefers_our_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import PySide6

    from reader.selftest import _check_qt_translator

    lrelease = Path(PySide6.__file__).resolve().parent / "lrelease"
    if not lrelease.is_file():
        pytest.skip("PySide6 ships no lrelease here")
    ts_file = tmp_path / "reader_de.ts"
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="de_DE"><context><name>Probe</name>'
        "<message><source>Open</source><translation>Öffnen</translation></message>"
        "</context></TS>\n",
        encoding="utf-8",
    )
    subprocess.run(
        [str(lrelease), "-silent", str(ts_file), "-qm", str(tmp_path / "reader_de.qm")],
        check=True,
        timeout=60,
    )
    monkeypatch.setattr("reader.core.bundled.translations_dir", lambda: tmp_path)
    assert _check_qt_translator().startswith("reader_de.qm, language de")
