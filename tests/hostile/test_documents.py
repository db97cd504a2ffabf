"""Hostile documents: encodings, random bytes, parser bombs, overlong sentences.

Each case loads a file the way the reader does and checks the result (a Document with the
right text, or the typed refusal) and that the file on disk is untouched. The per-test
timeout is the guard for inputs that used to take minutes.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from reader.core.document.loading import load_document
from reader.core.document.model import Document
from reader.core.document.segmentation import segment_document
from reader.core.errors import BinaryFile, EmptyDocument, LoadError
from tests.hostile.conftest import assert_clear_message, run_in_process

pytestmark = pytest.mark.timeout(120)

GERMAN = "Die Brücke über den Fluss wird gelöscht. Grüße aus Köln!\n\nZweiter Absatz hier.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _loaded(path: Path) -> Document:
    before = path.read_bytes()
    document = load_document(path)
    assert path.read_bytes() == before  # reading never changes the file
    return document


# --- encodings that must be read -------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", b""),
        ("utf-32-be", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-8", b""),
        ("cp1252", b""),
    ],
)
def test_text_in_any_common_encoding_is_read(tmp_path: Path, codec: str, bom: bytes) -> None:
    path = _write(tmp_path, "artikel.txt", bom + GERMAN.encode(codec))
    document = _loaded(path)
    assert document.blocks[0].text == "Die Brücke über den Fluss wird gelöscht. Grüße aus Köln!"
    assert document.replaced_bytes == 0


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_bomless_wide_markdown_keeps_its_structure(tmp_path: Path, codec: str) -> None:
    text = "# Titel\n\nEin Satz mit *Betonung* und Umlauten: äöü.\n"
    document = _loaded(_write(tmp_path, "a.md", text.encode(codec)))
    assert document.title == "Titel"
    assert document.encoding == codec


@pytest.mark.parametrize(
    ("stray", "count"),
    [(b"\xff", 1), (b"\xfe\xff", 2), (b"\xc3", 1), (b"\x80\x80\x80", 3), (b"\xed\xa0\x80", 3)],
)
def test_stray_bytes_in_utf8_are_repaired_and_counted(
    tmp_path: Path, stray: bytes, count: int
) -> None:
    data = "Grüße aus Köln, die Brücke wird gelöscht: ".encode() + stray + b" Ende.\n"
    document = _loaded(_write(tmp_path, "a.txt", data))
    assert document.encoding == "utf-8"
    assert document.replaced_bytes == count
    assert "gelöscht" in document.blocks[0].text  # no "gelÃ¶scht"
    assert "\ufffd" in document.blocks[0].text


def test_stray_byte_count_is_shown_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "a.txt", "Grüße aus Köln. Der Fluss \xff fließt.".encode("latin-1"))
    path.write_bytes("Grüße aus Köln. Der Fluss ".encode() + b"\xff" + " fließt.".encode())
    outcome = run_in_process(["sentences", str(path)], capsys)
    assert outcome.code == 0
    assert "1 invalid byte (utf-8)" in outcome.err
    assert "Grüße aus Köln." in outcome.out
    assert_clear_message(outcome.err)


def test_cp1252_file_is_still_read_as_cp1252(tmp_path: Path) -> None:
    data = "„Grüße“ aus Köln – 5 €. Die Brücke wird gebaut.".encode("cp1252")
    document = _loaded(_write(tmp_path, "a.txt", data))
    assert document.encoding == "cp1252"
    assert document.blocks[0].text.startswith("„Grüße“ aus Köln – 5 €.")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 3000 + " Absatz.",
        "| 1 | 2 | 3 |\n|---|---|---|\n" + "| 10 | 20 | 30 |\n" * 200,
        "> " * 50 + "Tief zitiert.",
        "Zahlen: " + " ".join(str(n) for n in range(2000)),
    ],
    ids=["brackets", "number-table", "quotes", "numbers"],
)
def test_odd_but_real_text_is_not_refused(tmp_path: Path, text: str) -> None:
    document = _loaded(_write(tmp_path, "a.md", text.encode()))
    assert document.blocks


# --- random bytes and binary data are refused ------------------------------------------


def _random_bytes(kind: str, seed: int) -> bytes:
    rng = random.Random(seed)
    size = 20_000
    if kind == "any":
        return bytes(rng.randrange(256) for _ in range(size))
    if kind == "no-nul":
        return bytes(rng.randrange(1, 256) for _ in range(size))
    if kind == "high":
        return bytes(rng.randrange(128, 256) for _ in range(size))
    if kind == "controls":
        return bytes(
            rng.choice(b"\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10 ab") for _ in range(size)
        )
    if kind == "utf8-codepoints":
        chars = (chr(rng.randrange(0x80, 0x30000)) for _ in range(size // 3))
        return "".join(c for c in chars if not 0xD800 <= ord(c) < 0xE000).encode()
    if kind == "utf16-bom-random":
        return codecs.BOM_UTF16_LE + bytes(rng.randrange(256) for _ in range(size))
    if kind == "utf8-bom-random":
        return codecs.BOM_UTF8 + bytes(rng.randrange(1, 256) for _ in range(size))
    if kind == "private-use":
        return "".join(chr(rng.randrange(0xE000, 0xF900)) for _ in range(size // 3)).encode()
    raise AssertionError(kind)


RANDOM_KINDS = [
    "any",
    "no-nul",
    "high",
    "controls",
    "utf8-codepoints",
    "utf16-bom-random",
    "utf8-bom-random",
    "private-use",
]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("kind", RANDOM_KINDS)
def test_random_bytes_are_not_a_text_file(tmp_path: Path, kind: str, seed: int) -> None:
    path = _write(tmp_path, "zufall.txt", _random_bytes(kind, seed))
    before = path.read_bytes()
    with pytest.raises(BinaryFile):
        load_document(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
        b"\x1f\x8b\x08\x00" + bytes(range(256)),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        b"7z\xbc\xaf\x27\x1c" + b"\x00" * 64,
    ],
    ids=["elf", "gzip", "pdf", "ole", "7z"],
)
def test_binary_formats_named_txt_are_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(BinaryFile):
        load_document(_write(tmp_path, "datei.txt", data))


def test_refusal_says_not_a_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "zufall.md", _random_bytes("high", 7))
    outcome = run_in_process(["sentences", str(path)], capsys)
    assert outcome.code == 1
    assert "not a text file" in outcome.err
    assert outcome.out == ""
    assert_clear_message(outcome.err, max_lines=1)


# --- parser bombs ------------------------------------------------------------------------

BOMBS = {
    "nested-links.md": "[![" * 6000 + "Bild" + "](a)]" * 6000,
    "nested-brackets.md": "[" * 5000 + "x" + "]" * 5000,
    "nested-parens.md": "Text (" + "(" * 5000 + "x" + ")" * 5000 + ").",
    "deep-quote.md": ">" * 20_000 + " tief",
    "deep-list.md": "".join("  " * i + "- Punkt\n" for i in range(2000)),
    "emphasis.md": "*" * 30_000 + "Wort" + "*" * 30_000,
    "backticks.md": "`" * 20_000 + "Code",
    "links-in-paragraph.md": "Siehe [Link](https://example.org) und " * 5000,
    "html-divs.html": "<div>" * 20_000 + "Text" + "</div>" * 20_000,
    "html-comment.html": "<p>Sichtbar.</p><!--" + "x" * 200_000,
    "entities.html": "<p>" + "&amp;" * 100_000 + "</p>",
    "many-paragraphs.md": "Ein Satz.\n\n" * 50_000,
    "wide-table.md": "|" + "a|" * 3000 + "\n|" + "-|" * 3000 + "\n|" + "1|" * 3000 + "\n",
    "reference-links.md": "".join(f"[r{i}]: https://example.org/{i}\n" for i in range(20_000))
    + "Text [r1].",
    "long-line.txt": "Wort " * 400_000,
    "unclosed-fence.md": "```\n" + "code\n" * 50_000,
    "html-in-md.md": "<table>" * 10_000 + "Text",
    "setext.md": "Titel\n" + "=" * 200_000 + "\n",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_parser_bombs_end_with_a_document_or_a_clear_refusal(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, BOMBS[name].encode())
    try:
        document = _loaded(path)
    except LoadError as error:  # a typed refusal is fine; a crash or a hang is not
        assert isinstance(error, EmptyDocument), error
        return
    assert document.blocks
    assert all("\x00" not in block.text for block in document.blocks)


def test_zero_width_characters_are_not_taken_for_binary_data(tmp_path: Path) -> None:
    path = _write(tmp_path, "leer.txt", ("\u200b\u200c\u2060 " * 1000 + "Wort.").encode())
    assert _loaded(path).blocks[-1].text.endswith("Wort.")


# --- an overlong sentence is segmented and translated in linear time -------------------


def test_paragraph_of_200000_characters_without_a_full_stop(
    tmp_path: Path, installed: Path
) -> None:
    from reader.core.packages.store import require_translation_package
    from reader.core.paths import resolve_paths
    from reader.core.translation.session import TranslationSession

    words = ("Haus", "Stadt", "Brücke", "Fluss", "Straße,")
    text = " ".join(words[i % len(words)] for i in range(33_000))
    assert len(text) > 200_000
    path = _write(tmp_path, "lang.txt", text.encode())
    document = _loaded(path)
    sentences = segment_document(document)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
    paths = resolve_paths()
    package = require_translation_package(paths)
    with TranslationSession.open(package, paths.translation_cache) as session:
        done = session.translate([(s.id, s.text) for s in sentences], align=True)
    assert len(done) == len(sentences)
    assert all(t.text for t in done)
    assert paths.translation_cache.is_file()


# --- names that would drive the terminal -------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["\x1b[2J\x1b[Hclear.md", "a\nreader: forged line.md", "rtl\u202edm.txt", "bell\x07.md"],
    ids=["escape", "newline", "bidi", "bell"],
)
def test_file_names_with_control_characters_are_escaped(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_in_process(["sentences", str(tmp_path / name)], capsys)
    assert outcome.code == 1
    assert "no such file" in outcome.err
    assert_clear_message(outcome.err, max_lines=1)
    assert not (tmp_path / name).exists()


def test_document_text_with_escape_sequences_is_read_as_text(tmp_path: Path) -> None:
    document = _loaded(_write(tmp_path, "a.txt", b"Vorher \x1b[31mrot\x1b[0m nachher. Ende.\n"))
    assert "rot" in document.blocks[0].text
