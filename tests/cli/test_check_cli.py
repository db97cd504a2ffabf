"""``reader check``: pairs files (good and bad), documents through the copy model, --check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import run_command
from reader.core.checks.pairs_file import MAX_LINE_CHARS

BAD_PAIRS = Path(__file__).resolve().parents[1] / "data" / "bad_pairs"


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    target = data_dir / "data" / "packages" / tiny_package_dir.name
    shutil.copytree(tiny_package_dir, target)
    return data_dir


def _records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_pairs_report_each_problem_by_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "Es stimmten 20 Prozent zu.\t2% agreed.\n"
        "\n"  # skipped, but counted
        "Er fuhr am Montag nach Köln.\tHe went to Cologne on Monday.\n"
        "Es kostete 50 Euro.\tIt cost 50 dollars.\n",
        encoding="utf-8",
    )
    assert run_command(["check", str(pairs)]) == 1
    records = _records(capsys.readouterr().out)
    assert records == [
        {
            "line": 1,
            "kind": "number",
            "de": "20 Prozent",
            "en": "2%",
            "message": "20 Prozent → 2% (expected 20%)",
        },
        {
            "line": 4,
            "kind": "currency",
            "de": "Euro",
            "en": "dollars",
            "message": "Euro → dollars (expected euro)",
        },
    ]


def test_clean_pairs_exit_zero_and_print_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("id\tgerman\tenglish\n0\tEs kamen 1.000 Gäste.\t1,000 guests came.\n")
    assert run_command(["check", str(pairs), "--format", "txt"]) == 0
    assert capsys.readouterr().out == ""


def test_txt_names_the_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Sie zog nach München.\tShe moved to Berlin.\n", encoding="utf-8")
    assert run_command(["check", str(pairs), "--format", "txt"]) == 1
    assert capsys.readouterr().out == "line 1: name: München → Berlin (expected Munich)\n"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("no_tab.tsv", "line 2: no tab between the German and the English"),
        ("nul_bytes.tsv", "binary file, not text"),
        ("zip_archive.tsv", "binary file, not text"),
    ],
)
def test_bad_pairs_files_fail_clearly(
    data_dir: Path, name: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["check", str(BAD_PAIRS / name)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert words in captured.err
    assert captured.err.count("\n") == 1


def test_huge_line_and_missing_file_fail_clearly(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.tsv"
    huge.write_text("a\tb\n" + "x" * (MAX_LINE_CHARS + 1) + "\ty\n", encoding="utf-8")
    assert run_command(["check", str(huge)]) == 2
    assert "line 2: line too long" in capsys.readouterr().err
    assert run_command(["check", str(tmp_path / "absent.tsv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_document_is_translated_and_reported_by_sentence_id(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The copy model writes the German "1.000" into the English, where it reads as one.
    article = tmp_path / "artikel.txt"
    article.write_text("Köln ist groß. Es kamen 1.000 Menschen.\n", encoding="utf-8")
    assert run_command(["check", str(article)]) == 1
    records = _records(capsys.readouterr().out)
    assert [(r["id"], r["kind"], r["de"], r["en"]) for r in records] == [
        (1, "number", "1.000", "1.000")
    ]


def test_translate_check_adds_the_flags(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text("Köln ist groß. Es kamen 1.000 Menschen.\n", encoding="utf-8")
    assert run_command(["translate", str(article), "--check"]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["checks"] for r in records] == [
        [],
        [
            {
                "kind": "number",
                "de": "1.000",
                "en": "1.000",
                "message": "1.000 → 1.000 (expected 1,000)",
            }
        ],
    ]
    assert run_command(["translate", str(article), "--check", "--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[3] for line in lines] == ["", "1.000 → 1.000 (expected 1,000)"]


def _store_edit(data_dir: Path, document: Path, german: str, english: str) -> None:
    from reader.core.edits.store import EditStore, document_key

    EditStore(data_dir / "data" / "edits.sqlite3").put(document_key(document), german, english)


def test_check_and_translate_check_use_the_readers_own_english(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The copy model's "1.000" is flagged; the reader's own English of that sentence is right,
    # and their English of the first sentence drops Köln.
    article = tmp_path / "artikel.txt"
    article.write_text("Köln ist groß. Es kamen 1.000 Menschen.\n", encoding="utf-8")
    _store_edit(installed, article, "Es kamen 1.000 Menschen.", "1,000 people came.")
    _store_edit(installed, article, "Köln ist groß.", "The city is big.")
    _store_edit(installed, tmp_path / "other.txt", "Köln ist groß.", "Cologne is big.")
    assert run_command(["check", str(article)]) == 1
    records = _records(capsys.readouterr().out)
    assert [(r["id"], r["kind"], r["de"], r["en"]) for r in records] == [(0, "name", "Köln", None)]

    assert run_command(["translate", str(article), "--check"]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["en"] for r in records] == ["The city is big.", "1,000 people came."]
    assert [[c["de"] for c in r["checks"]] for r in records] == [["Köln"], []]

    # --machine-only: the model's English, and its flag
    assert run_command(["check", str(article), "--machine-only"]) == 1
    records = _records(capsys.readouterr().out)
    assert [(r["id"], r["de"]) for r in records] == [(1, "1.000")]
    assert run_command(["translate", str(article), "--machine-only"]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["en"] for r in records] == ["Köln ist groß.", "Es kamen 1.000 Menschen."]


def test_a_damaged_edits_file_is_said_and_the_model_english_checked(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (installed / "data" / "edits.sqlite3").write_bytes(b"not a database" * 200)
    article = tmp_path / "artikel.txt"
    article.write_text("Es kamen 1.000 Menschen.\n", encoding="utf-8")
    assert run_command(["check", str(article)]) == 1
    captured = capsys.readouterr()
    assert [r["de"] for r in _records(captured.out)] == ["1.000"]
    assert "your own English is left out" in captured.err


def test_export_check_adds_a_tsv_column_and_html_notes(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text("Köln ist groß. Es kamen 1.000 Menschen.\n", encoding="utf-8")
    tsv = tmp_path / "out.tsv"
    assert run_command(["export", str(article), "-o", str(tsv), "--check"]) == 0
    rows = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["id", "german", "english", "checks"]
    assert [row[3] for row in rows[1:]] == ["", "number: 1.000 → 1.000 (expected 1,000)"]
    page = tmp_path / "out.html"
    assert run_command(["export", str(article), "-o", str(page), "--check"]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.count('class="check"') == 1
    assert 'class="s flagged" id="s1-en"' in text
    assert "number: 1.000 → 1.000 (expected 1,000)" in text
    # without --check the TSV keeps its three columns
    assert run_command(["export", str(article), "-o", str(tsv)]) == 0
    assert tsv.read_text(encoding="utf-8").splitlines()[0] == "id\tgerman\tenglish"


def test_glossary_commands_and_the_check_that_uses_them(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(["glossary", "add", "Vertrag", "treaty"]) == 0
    assert run_command(["glossary", "add", "Bundestag", "Bundestag"]) == 0
    assert run_command(["glossary", "add", "Vertrag", "contract"]) == 0  # replaces
    capsys.readouterr()
    assert run_command(["glossary", "list"]) == 0
    assert capsys.readouterr().out == "Bundestag,Bundestag\nVertrag,contract\n"
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Der Vertrag gilt.\tThe treaty applies.\n", encoding="utf-8")
    assert run_command(["check", str(pairs)]) == 1
    (record,) = _records(capsys.readouterr().out)
    assert (record["kind"], record["de"], record["message"]) == (
        "glossary",
        "Vertrag",
        "Vertrag: not in the English (expected contract)",
    )
    exported = tmp_path / "terms.csv"
    assert run_command(["glossary", "export", str(exported)]) == 0
    assert run_command(["glossary", "remove", "Vertrag"]) == 0
    assert run_command(["check", str(pairs)]) == 0
    assert run_command(["glossary", "remove", "Vertrag"]) == 1  # not there any more
    assert run_command(["glossary", "import", str(exported)]) == 0
    assert "2 terms imported; the glossary has 2" in capsys.readouterr().out
    other = tmp_path / "other.csv"
    other.write_text("Vertrag,treaty\n", encoding="utf-8")
    assert run_command(["check", str(pairs), "--glossary", str(other)]) == 0
    other.write_text("Vertrag\n", encoding="utf-8")
    assert run_command(["check", str(pairs), "--glossary", str(other)]) == 2
    assert "line 1: expected: German term, English term" in capsys.readouterr().err
