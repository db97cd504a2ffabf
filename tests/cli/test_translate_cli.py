"""``reader translate FILE``: pairs in document order, formats, missing model, no Qt."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import run_command
from reader.cli.translate import InOrderPrinter
from reader.core.document.model import Translation

ARTICLE = (
    "Die Stadt Köln plant eine neue Brücke. Der Bürgermeister ist zufrieden.\n\n"
    "Die Arbeiten beginnen im Frühjahr.\n"
)
SENTENCES = [
    "Die Stadt Köln plant eine neue Brücke.",
    "Der Bürgermeister ist zufrieden.",
    "Die Arbeiten beginnen im Frühjahr.",
]


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    """A data dir with the tiny de→en package installed."""
    target = data_dir / "data" / "packages" / tiny_package_dir.name
    shutil.copytree(tiny_package_dir, target)
    return data_dir


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_jsonl_pairs_in_document_order(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["translate", str(article)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == [0, 1, 2]
    assert [r["de"] for r in records] == SENTENCES
    assert [r["en"] for r in records] == SENTENCES  # the test model copies its input
    assert all(isinstance(r["score"], float) for r in records)
    assert (installed / "cache" / "translations.sqlite3").is_file()


@pytest.mark.parametrize(
    ("output_format", "expected"),
    [
        ("tsv", "".join(f"{i}\t{s}\t{s}\n" for i, s in enumerate(SENTENCES))),
        ("txt", "".join(f"{s}\n{s}\n\n" for s in SENTENCES)),
    ],
)
def test_tsv_and_txt(
    installed: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    output_format: str,
    expected: str,
) -> None:
    assert run_command(["translate", str(article), "--format", output_format]) == 0
    assert capsys.readouterr().out == expected


def test_translate_keeps_the_cache_under_its_cap(
    installed: Path, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.core.translation import cache as translation_cache

    cache_file = installed / "cache" / "translations.sqlite3"
    assert run_command(["translate", str(article)]) == 0
    cap = cache_file.stat().st_size // 2  # the file (rows and all) no longer fits
    monkeypatch.setattr(translation_cache, "DEFAULT_MAX_BYTES", cap)
    other = tmp_path / "anderer.txt"
    other.write_text("Ein ganz anderer Satz steht hier.\n", encoding="utf-8")
    assert run_command(["translate", str(other)]) == 0
    cache = translation_cache.TranslationCache(cache_file)
    try:
        # Over the cap, least recently used rows went: fewer than the 3 + 1 sentences written.
        assert cache.count() < 4
    finally:
        cache.close()


def test_no_model_is_a_clear_error(
    data_dir: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["translate", str(article)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no de→en translation model is installed" in captured.err


def test_printer_waits_for_earlier_sentences() -> None:
    out = io.StringIO()
    printer = InOrderPrinter([0, 1, 2], "tsv", out)
    printer.take([Translation(2, "Drei.", "Three.")])  # e.g. a cache hit arrives first
    assert out.getvalue() == ""
    printer.take([Translation(0, "Eins.", "One."), Translation(1, "Zwei\tx.", "Two\nx.")])
    assert out.getvalue() == "0\tEins.\tOne.\n1\tZwei x.\tTwo x.\n2\tDrei.\tThree.\n"


HEADLESS = r"""
import sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
from reader.app import main
code = main(["translate", sys.argv[1], "--format", "txt"])
sys.stdout.flush()
sys.exit(code)
"""


def test_runs_headless_without_qt(installed: Path, article: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", HEADLESS, str(article)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [SENTENCES[0], SENTENCES[0]]


def test_beam_two_is_accepted(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["translate", str(article), "--beam", "2", "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"0\t{SENTENCES[0]}\t{SENTENCES[0]}"


@pytest.mark.parametrize("beam", ["3", "zwei"])
def test_a_beam_the_reader_does_not_offer_is_refused_clearly(
    article: Path, beam: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run_command(["translate", str(article), "--beam", beam])
    assert exited.value.code == 2  # argparse's usage error
    err = capsys.readouterr().err
    assert f"invalid beam size '{beam}' (choose one of 1, 2, 4)" in err


def test_threads_choose_the_engine_layout_and_keep_the_english(
    installed: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core.translation.engine import TranslationEngine

    seen: list[tuple[int, int, bool]] = []
    close = TranslationEngine.close

    def spy(engine: TranslationEngine) -> None:
        seen.append((engine.threads, engine.parallel_batches, engine.loaded))
        close(engine)

    monkeypatch.setattr(TranslationEngine, "close", spy)
    argv = ["translate", str(article), "--no-cache", "--format", "tsv", "--threads", "2"]
    assert run_command(argv) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{i}\t{s}\t{s}" for i, s in enumerate(SENTENCES)
    ]
    assert seen == [(2, 2, True)]


@pytest.mark.parametrize("threads", ["0", "zwei"])
def test_threads_below_one_are_refused(
    article: Path, threads: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run_command(["translate", str(article), "--threads", threads])
    assert exited.value.code == 2
    assert f"expected a whole number of at least 1, got '{threads}'" in capsys.readouterr().err
