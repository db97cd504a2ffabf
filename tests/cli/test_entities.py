"""``reader entities FILE``: JSON lines with block offsets, English spans once translated."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import types
from pathlib import Path

import pytest

from reader.cli import run_command
from reader.core.document.model import Block, BlockKind, Document

ARTICLE = (
    "# Neues aus Berlin\n\n"
    "Angela Merkel besuchte am Montag die USA. Die EU schwieg dazu.\n\n"
    "Der Konzern Siemens baut in Berlin.\n"
)
REAL_LOADING = importlib.util.find_spec("reader.core.document.loading") is not None


def _stub_load_document(path: Path) -> Document:
    """Until reader.core.document.loading lands: Markdown headings and paragraphs, nothing else."""
    blocks = []
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        text = chunk.strip()
        if text.startswith("# "):
            blocks.append(Block(len(blocks), BlockKind.HEADING, text[2:], level=1))
        elif text:
            blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, " ".join(text.split())))
    return Document(title=blocks[0].text, blocks=tuple(blocks), source=path, format="markdown")


@pytest.fixture(autouse=True)
def loading(monkeypatch: pytest.MonkeyPatch) -> None:
    if not REAL_LOADING:
        module = types.ModuleType("reader.core.document.loading")
        module.load_document = _stub_load_document  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "reader.core.document.loading", module)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    """A data dir with the tiny de→en package (its model copies the German)."""
    shutil.copytree(tiny_package_dir, data_dir / "data" / "packages" / tiny_package_dir.name)
    return data_dir


def _blocks(path: Path) -> list[str]:
    load = sys.modules.get("reader.core.document.loading") or importlib.import_module(
        "reader.core.document.loading"
    )
    return [b.text for b in load.load_document(path).blocks]


def _records(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert run_command(["entities", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    return [json.loads(line) for line in lines]


def test_german_only_without_a_model(
    data_dir: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _records(capsys, str(article))
    blocks = _blocks(article)
    assert records
    for record in records:
        assert set(record) <= {"block", "start", "end", "label", "text", "key"}
        text = blocks[int(record["block"])]  # type: ignore[arg-type]
        assert text[int(record["start"]) : int(record["end"])] == record["text"]  # type: ignore[arg-type]
        assert record["label"] in ("PER", "LOC", "ORG", "MISC")
    found = {(r["text"], r["label"]) for r in records}
    assert ("USA", "LOC") in found
    assert ("EU", "ORG") in found


def test_english_spans_after_translation(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["translate", str(article)]) == 0
    capsys.readouterr()
    records = _records(capsys, str(article))
    projected = [r for r in records if "en_text" in r]
    assert projected, "no entity was projected onto the (copied) English"
    for record in projected:
        # The tiny model copies its input, so the English span is the German name.
        assert record["en_text"] == record["text"]
        assert int(record["en_end"]) - int(record["en_start"]) == len(str(record["text"]))  # type: ignore[arg-type]


def test_translate_flag_fills_the_cache_itself(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _records(capsys, str(article), "--translate")
    assert any(r.get("en_text") == "USA" for r in records)


def test_text_format_is_tab_separated(
    data_dir: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["entities", str(article), "--format", "text"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows and all(len(row) == 5 for row in rows)
    assert any(row[3] == "LOC" and row[4] == "USA" for row in rows)


def test_missing_file_is_one_line_on_stderr(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not REAL_LOADING:
        pytest.skip("the stub loader does not raise the typed errors")
    assert run_command(["entities", str(tmp_path / "fehlt.md")]) == 1
    assert "fehlt.md" in capsys.readouterr().err


def test_unknown_installed_pipeline_falls_back_to_ours(
    data_dir: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = _records(capsys, str(article))
    fallback = _records(capsys, str(article), "--pipeline", "de_core_news_nonexistent")
    assert fallback == ours
