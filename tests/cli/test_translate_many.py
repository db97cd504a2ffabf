"""``reader translate FILE... | DIR -o OUTDIR``: one model for many documents, broken files
skipped and counted in the exit status, outputs per document."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from reader.cli import run_command

FIRST = "Die Stadt Köln plant eine neue Brücke. Der Bürgermeister ist zufrieden.\n"
SECOND = "# Bericht\n\nDie Arbeiten beginnen im Frühjahr.\n"


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    shutil.copytree(tiny_package_dir, data_dir / "data" / "packages" / tiny_package_dir.name)
    return data_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "eingang"
    (inputs / "unter").mkdir(parents=True)
    (inputs / "eins.txt").write_text(FIRST, encoding="utf-8")
    (inputs / "unter" / "zwei.md").write_text(SECOND, encoding="utf-8")
    (inputs / "kaputt.txt").write_bytes(b"\x00\x01binary\x00")  # refused: binary
    (inputs / "bild.png").write_bytes(b"\x89PNG")  # not a document: not collected
    return inputs


def test_a_folder_is_translated_with_one_model_and_a_broken_file_is_skipped(
    installed: Path,
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core.translation.engine import TranslationEngine

    loads: list[int] = []
    load = TranslationEngine.load

    def spy(engine: TranslationEngine) -> None:
        if not engine.loaded:
            loads.append(engine.threads)
        load(engine)

    monkeypatch.setattr(TranslationEngine, "load", spy)
    out = tmp_path / "ausgang"
    status = run_command(["translate", str(folder), "-o", str(out), "--format", "tsv"])
    assert status == 1  # one document failed
    assert len(loads) == 1  # one model for every document
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "eins.tsv",
        "unter",
        "unter/zwei.tsv",
    ]
    assert (out / "eins.tsv").read_text(encoding="utf-8") == (
        "0\tDie Stadt Köln plant eine neue Brücke.\tDie Stadt Köln plant eine neue Brücke.\n"
        "1\tDer Bürgermeister ist zufrieden.\tDer Bürgermeister ist zufrieden.\n"
    )
    rows = (out / "unter" / "zwei.tsv").read_text(encoding="utf-8").splitlines()
    assert [row.split("\t")[2] for row in rows] == ["Bericht", "Die Arbeiten beginnen im Frühjahr."]
    err = capsys.readouterr().err
    assert f"reader: skipped {folder / 'kaputt.txt'}:" in err
    assert "eins" not in err


def test_files_given_one_by_one_and_same_names_do_not_overwrite(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a" / "text.txt", tmp_path / "b" / "text.txt"
    for path, text in ((a, FIRST), (b, SECOND)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run_command(["translate", str(a), str(b), "-o", str(out)]) == 0
    first = [json.loads(line)["en"] for line in (out / "text.jsonl").read_text().splitlines()]
    second = [json.loads(line)["en"] for line in (out / "text-2.jsonl").read_text().splitlines()]
    assert first == ["Die Stadt Köln plant eine neue Brücke.", "Der Bürgermeister ist zufrieden."]
    assert second == ["# Bericht", "Die Arbeiten beginnen im Frühjahr."]  # .txt: plain text
    assert not list(out.glob("*.part"))


def test_a_second_run_is_answered_from_the_cache(
    installed: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.translation.engine import TranslationEngine

    out = tmp_path / "ausgang"
    assert run_command(["translate", str(folder), "-o", str(out)]) == 1
    first = (out / "eins.jsonl").read_text(encoding="utf-8")
    (out / "eins.jsonl").unlink()
    calls: list[int] = []
    decode = TranslationEngine._decode

    def spy(engine: TranslationEngine, *rest: object) -> object:
        calls.append(1)
        return decode(engine, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(TranslationEngine, "_decode", spy)
    assert run_command(["translate", str(folder), "-o", str(out)]) == 1
    assert calls == []  # every sentence came from the cache
    assert (out / "eins.jsonl").read_text(encoding="utf-8") == first


def test_several_files_without_an_output_folder_are_refused(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(FIRST, encoding="utf-8")
    assert run_command(["translate", str(a), str(a)]) == 2
    assert "give -o OUTDIR" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["md", "html", "tsv", "tmx"])
def test_to_writes_each_document_as_the_export_would(
    installed: Path, folder: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "ausgang"
    assert run_command(["translate", str(folder), "-o", str(out), "--to", fmt]) == 1  # kaputt
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*")) == [
        f"eins.{fmt}",
        f"unter/zwei.{fmt}",
    ]
    for source, written in (
        (folder / "eins.txt", out / f"eins.{fmt}"),
        (folder / "unter" / "zwei.md", out / "unter" / f"zwei.{fmt}"),
    ):
        alone = tmp_path / f"alone.{fmt}"
        args = ["export", str(source), "--to", fmt, "-o", str(alone)]
        assert run_command([*args, "--no-entities", "--machine-only"]) == 0
        assert written.read_text(encoding="utf-8") == alone.read_text(encoding="utf-8")
    if fmt == "tmx":
        root = ET.parse(out / "eins.tmx").getroot()
        english = [seg.text for seg in root.iter("seg")][1::2]
        assert english == [
            "Die Stadt Köln plant eine neue Brücke.",
            "Der Bürgermeister ist zufrieden.",
        ]


def test_to_epub_writes_a_bilingual_book_per_document(
    installed: Path, folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ausgang"
    assert run_command(["translate", str(folder), "-o", str(out), "--to", "epub"]) == 1
    with zipfile.ZipFile(out / "unter" / "zwei.epub") as book:
        assert book.read("mimetype") == b"application/epub+zip"
        pages = "".join(
            book.read(name).decode("utf-8") for name in book.namelist() if name.endswith("html")
        )
    assert "Die Arbeiten beginnen im Frühjahr." in pages
    assert (out / "eins.epub").is_file()
    assert not list(out.rglob("*.part")) and not list(out.rglob(".*"))


def test_to_without_an_output_folder_is_refused(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(FIRST, encoding="utf-8")
    assert run_command(["translate", str(a), "--to", "md"]) == 2
    assert "--to needs -o OUTDIR" in capsys.readouterr().err


def test_the_progress_bar_shows_on_a_terminal_only(
    installed: Path, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from reader.cli.batch import ProgressBar
    from reader.core.document.model import Translation

    short = [Translation(i, "Ja.", "Yes.") for i in range(4)]
    long = [Translation(i, "Die Stadt Köln plant eine Brücke.", "…") for i in range(4, 6)]
    with ProgressBar(6, 3 * 4 + 33 * 2, shown=True) as bar:  # as on a terminal
        bar.advance(short)
        # The bar goes by characters: four of six sentences are 15 % of the German.
        assert bar._progress is not None
        assert bar._progress.tasks[0].percentage == 100 * 12 / 78
        bar.advance(long)
    shown = capsys.readouterr().err
    assert "translating" in shown and "6/6" in shown and "sentences/s" in shown
    assert "100%" in shown

    # Redirected (pytest's capture is no terminal): the run says only what went wrong.
    assert not sys.stderr.isatty()
    out = tmp_path / "ausgang"
    assert run_command(["translate", str(folder), "-o", str(out), "--format", "tsv"]) == 1
    said = capsys.readouterr().err
    assert "sentences/s" not in said
    assert said.strip().splitlines() == [
        line for line in said.strip().splitlines() if line.startswith("reader: skipped")
    ]
    assert "kaputt.txt" in said
