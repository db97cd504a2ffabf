"""``reader sentences FILE``: output formats, errors, and no Qt on the way."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.sentences import write_sentences
from reader.core.document.model import Block, BlockKind, Document

needs_loading = pytest.mark.skipif(
    importlib.util.find_spec("reader.core.document.loading") is None,
    reason="reader.core.document.loading (load_document) is not there yet",
)

ARTICLE = (
    "# Neue Zahlen\n\n"
    "Am 3. Oktober sagte Dr. Müller, die Exporte seien gestiegen. „Wir sind zufrieden“, "
    "sagte er.\n\n"
    "```\nprint('kein Satz.')\n```\n"
)

# Runs the command in a fresh interpreter and reports any PySide6 module it imported.
SCRIPT = """
import sys
from reader.app import main
code = main(sys.argv[1:])
sys.stdout.flush()
qt = sorted(name for name in sys.modules if name == "PySide6" or name.startswith("PySide6."))
print("QT-MODULES:" + ",".join(qt), file=sys.stderr)
sys.exit(code)
"""


def run_reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def _document() -> Document:
    return Document(
        title="t",
        blocks=(
            Block(0, BlockKind.HEADING, "Neue Zahlen"),
            Block(1, BlockKind.PARAGRAPH, "Am 3. Oktober kam Dr. Müller. „Gut“, sagte er."),
            Block(2, BlockKind.CODE, "print('kein Satz.')"),
            Block(3, BlockKind.QUOTE, "Ein Zitat über\nzwei Zeilen."),
        ),
    )


def test_jsonl_has_block_offsets_and_text() -> None:
    out = io.StringIO()
    write_sentences(_document(), "jsonl", out)
    lines = out.getvalue().splitlines()
    records = [json.loads(line) for line in lines]
    assert records == [
        {"block": 0, "start": 0, "end": 11, "text": "Neue Zahlen"},
        {"block": 1, "start": 0, "end": 29, "text": "Am 3. Oktober kam Dr. Müller."},
        {"block": 1, "start": 30, "end": 46, "text": "„Gut“, sagte er."},
        {"block": 3, "start": 0, "end": 27, "text": "Ein Zitat über\nzwei Zeilen."},
    ]
    assert "Müller" in lines[1] and "„Gut“" in lines[2]  # not \\u-escaped


def test_txt_prints_one_sentence_per_line() -> None:
    out = io.StringIO()
    write_sentences(_document(), "txt", out)
    assert out.getvalue().splitlines() == [
        "Neue Zahlen",
        "Am 3. Oktober kam Dr. Müller.",
        "„Gut“, sagte er.",
        "Ein Zitat über zwei Zeilen.",
    ]


@needs_loading
def test_command_prints_sentences_without_importing_qt(tmp_path: Path) -> None:
    path = tmp_path / "artikel.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run_reader("sentences", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "QT-MODULES:"  # no PySide6 module at all
    records = [json.loads(line) for line in result.stdout.splitlines()]
    texts = [record["text"] for record in records]
    assert texts == [
        "Neue Zahlen",
        "Am 3. Oktober sagte Dr. Müller, die Exporte seien gestiegen.",
        "„Wir sind zufrieden“, sagte er.",
    ]
    assert records[1]["block"] == records[2]["block"] != records[0]["block"]
    assert records[2]["start"] > records[1]["end"]


@needs_loading
def test_command_txt_format(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text("Er kam am 3. Oktober. Dann ging er.\n", encoding="utf-8")
    result = run_reader("sentences", str(path), "--format", "txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Er kam am 3. Oktober.", "Dann ging er."]


@needs_loading
def test_missing_file_is_one_line_on_stderr_and_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "nicht-da.md"
    result = run_reader("sentences", str(missing))
    assert result.returncode == 1
    assert result.stdout == ""
    messages = [line for line in result.stderr.splitlines() if not line.startswith("QT-")]
    assert len(messages) == 1
    assert str(missing) in messages[0]


@pytest.mark.parametrize("suffix", [".docx", ".epub", ".pdf"])
def test_command_reads_every_container_format(tmp_path: Path, suffix: str) -> None:
    from tests.fixtures.documents import epub_bytes, pdf_bytes, write_docx

    path = tmp_path / f"artikel{suffix}"
    if suffix == ".docx":
        write_docx(path)
        expected = "Der Hafen ist sehr groß und wichtig."
    elif suffix == ".epub":
        path.write_bytes(epub_bytes(["<h1>Kapitel</h1><p>Es war einmal ein König.</p>"]))
        expected = "Es war einmal ein König."
    else:
        path.write_bytes(pdf_bytes([["Am 3. Oktober kam Dr. Müller nach Köln."]]))
        expected = "Am 3. Oktober kam Dr. Müller nach Köln."
    result = run_reader("sentences", str(path), "--format", "txt")
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout.splitlines()
    assert result.stderr.splitlines()[-1] == "QT-MODULES:"


def test_command_refuses_a_password_pdf_in_one_line(tmp_path: Path) -> None:
    from tests.fixtures.documents import encrypted_pdf_bytes

    path = tmp_path / "geheim.pdf"
    path.write_bytes(encrypted_pdf_bytes([["Geheim."]]))
    result = run_reader("sentences", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"reader: {path}: protected by a password or DRM"
