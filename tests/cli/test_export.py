"""``reader export``: every format from a real (tiny, copying) model, headless, typed errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.cli import run_command

ARTICLE = (
    "# Neues aus Köln\n\n"
    "Die Stadt Köln plant eine neue Brücke. Der Bürgermeister ist zufrieden.\n\n"
    "Die Arbeiten beginnen im Frühjahr.\n"
)


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    """A data dir with the tiny de→en package (its model copies the German)."""
    shutil.copytree(tiny_package_dir, data_dir / "data" / "packages" / tiny_package_dir.name)
    return data_dir


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def sentences() -> list[str]:
    from reader.core.document.loading import load_document
    from reader.core.document.segmentation import segment_document

    path = Path(os.environ["READER_DATA_DIR"]).parent / "artikel.md"
    return [s.text for s in segment_document(load_document(path))]


def export(article: Path, fmt: str, *extra: str) -> Path:
    target = article.with_name(f"out.{fmt}")
    assert run_command(["export", str(article), "--to", fmt, "-o", str(target), *extra]) == 0
    return target


def test_tsv_holds_every_sentence_and_its_english(installed: Path, article: Path) -> None:
    lines = export(article, "tsv", "--no-entities").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id\tgerman\tenglish"
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[1] for r in rows] == sentences()
    assert "Die Stadt Köln plant eine neue Brücke." in [r[1] for r in rows]
    assert [r[2] for r in rows] == [r[1] for r in rows]  # the test model copies its input
    assert [int(r[0]) for r in rows] == list(range(len(rows)))
    assert (installed / "cache" / "translations.sqlite3").is_file()


def test_threads_are_honoured_and_the_english_is_the_same(
    installed: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.translation.engine import TranslationEngine

    threads: list[int] = []
    close = TranslationEngine.close

    def spy(engine: TranslationEngine) -> None:
        threads.append(engine.threads)
        close(engine)

    monkeypatch.setattr(TranslationEngine, "close", spy)
    target = export(article, "tsv", "--no-entities", "--no-cache", "--threads", "3")
    rows = [line.split("\t") for line in target.read_text(encoding="utf-8").splitlines()[1:]]
    assert [r[2] for r in rows] == sentences()
    assert threads == [3]


def test_tmx_names_the_model(installed: Path, article: Path) -> None:
    root = ET.parse(export(article, "tmx", "--no-entities")).getroot()
    header = root.find("header")
    assert header is not None
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-model"] == "translate-de_en"
    assert len(root.findall("body/tu")) == len(sentences())


def test_html_with_entities_when_a_pipeline_is_there(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.core.entities.recognizer import available_pipelines

    markup = export(article, "html").read_text(encoding="utf-8")
    ids: Counter[str] = Counter()

    class Ids(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            ids.update(value or "" for name, value in attrs if name == "id")

    Ids().feed(markup)
    for index in range(len(sentences())):
        assert ids[f"s{index}"] == 1 and ids[f"s{index}-en"] == 1
    assert "<script" not in markup
    assert markup.count('<tr class="block heading"') == 1  # "# Neues aus Köln" stays a heading
    if available_pipelines():
        assert 'class="ent ent-LOC"' in markup  # Köln, on both sides
        assert markup.count('title="LOC: Köln"') >= 2
    else:
        assert "names not marked" in capsys.readouterr().err


def test_markdown_table_to_standard_output(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_command(
        ["export", str(article), "--to", "md", "--table", "--no-entities", "-o", "-"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("| Deutsch | English |\n| --- | --- |\n")
    assert "| **Neues aus Köln** | **Neues aus Köln** |" in out


def test_format_follows_the_suffix(installed: Path, article: Path) -> None:
    target = article.with_name("memory.tmx")
    assert run_command(["export", str(article), "--no-entities", "-o", str(target)]) == 0
    assert ET.parse(target).getroot().tag == "tmx"


def test_unknown_suffix_without_format_is_refused(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["export", str(article), "-o", str(article.with_suffix(".xyz"))]) == 2
    assert "--to" in capsys.readouterr().err


def test_no_model_is_a_clear_error_and_writes_nothing(
    data_dir: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = article.with_name("out.html")
    assert run_command(["export", str(article), "--to", "html", "-o", str(target)]) == 1
    assert "no de→en translation model is installed" in capsys.readouterr().err
    assert not target.exists()


def test_missing_input_is_a_clear_error(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.html"
    code = run_command(["export", str(tmp_path / "fehlt.md"), "-o", str(target)])
    assert code == 1
    assert "no such file" in capsys.readouterr().err
    assert not target.exists()


def test_unwritable_output_is_a_clear_error(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = article.parent / "missing-folder" / "out.tsv"
    assert run_command(["export", str(article), "--no-entities", "-o", str(target)]) == 1
    assert "could not be written" in capsys.readouterr().err


def test_pdf_in_process(qapp: object, installed: Path, article: Path) -> None:
    from pypdf import PdfReader

    target = export(article, "pdf", "--no-entities")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    found = sentences()
    assert found[0] in text and found[-1] in text


def test_pdf_headless_in_a_fresh_process(installed: Path, article: Path) -> None:
    """No display, no QT_QPA_PLATFORM: the command picks the offscreen platform itself."""
    from pypdf import PdfReader

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    target = article.with_name("fresh.pdf")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "export",
            str(article),
            "--no-entities",
            "-o",
            str(target),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Die Arbeiten beginnen im Frühjahr." in text


@pytest.mark.parametrize("suffix", [".docx", ".epub", ".pdf"])
def test_every_export_format_reads_books_word_files_and_pdfs(
    installed: Path, tmp_path: Path, suffix: str
) -> None:
    from tests.fixtures.documents import epub_bytes, pdf_bytes, write_docx

    source = tmp_path / f"quelle{suffix}"
    if suffix == ".docx":
        write_docx(source)  # has a table
        expected = "Aurora"
    elif suffix == ".epub":
        source.write_bytes(epub_bytes(["<h1>Kapitel</h1><p>Die Fähre fuhr nicht mehr.</p>"]))
        expected = "Die Fähre fuhr nicht mehr."
    else:
        source.write_bytes(pdf_bytes([["Die Fähre fuhr nicht mehr."]]))
        expected = "Die Fähre fuhr nicht mehr."
    for fmt in ("html", "md", "tsv", "tmx"):
        target = source.with_name(f"out-{suffix[1:]}.{fmt}")
        code = run_command(["export", str(source), "--to", fmt, "-o", str(target), "--no-entities"])
        assert code == 0
        assert expected in target.read_text(encoding="utf-8")


def test_the_readers_own_english_is_exported_unless_machine_only(
    installed: Path, article: Path
) -> None:
    from reader.core.edits.store import EditStore, document_key

    store = EditStore(installed / "data" / "edits.sqlite3")
    store.put(document_key(article), "Die Arbeiten beginnen im Frühjahr.", "Work starts in spring.")
    store.put(document_key(article.with_name("other.md")), "Der Bürgermeister ist zufrieden.", "X")
    rows = [
        line.split("\t")
        for line in export(article, "tsv", "--no-entities").read_text("utf-8").splitlines()[1:]
    ]
    english = {r[1]: r[2] for r in rows}
    assert english["Die Arbeiten beginnen im Frühjahr."] == "Work starts in spring."
    assert english["Der Bürgermeister ist zufrieden."] == "Der Bürgermeister ist zufrieden."
    rows = [
        line.split("\t")
        for line in export(article, "tsv", "--no-entities", "--machine-only")
        .read_text("utf-8")
        .splitlines()[1:]
    ]
    assert all(r[1] == r[2] for r in rows)  # the copy model's own English


def test_a_damaged_edits_file_is_said_and_the_model_english_exported(
    installed: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (installed / "data" / "edits.sqlite3").write_bytes(b"not a database" * 200)
    rows = [
        line.split("\t")
        for line in export(article, "tsv", "--no-entities").read_text("utf-8").splitlines()[1:]
    ]
    assert all(r[1] == r[2] for r in rows)
    assert "your own English is left out" in capsys.readouterr().err
