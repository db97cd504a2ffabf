"""Hostile model packages: hand-placed folders, damaged models, bad metadata, a bad index.

A folder placed by hand in the package directory must never break ``models list``,
``translate`` or the window: it is listed as broken with its reason, and a good package
beside it keeps working. A damaged model is found by a child process, never by ours.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.packages.index import parse_index
from reader.core.packages.installer import install_package, validate_metadata
from tests.fixtures.hostile_packages import metadata_bytes, structural_files, write_zip
from tests.hostile.conftest import assert_clear_message, run_in_process, run_reader

pytestmark = pytest.mark.timeout(180)

ARTICLE = "Die Stadt plant eine Brücke. Der Rat ist dafür.\n"

HOSTILE_METADATA: dict[str, bytes] = {
    "deep-lists": b"[" * 100_000,
    "deep-objects": b'{"a":' * 50_000,
    "long-integer": b'{"from_code": "de", "to_code": "en", "n": ' + b"9" * 100_000 + b"}",
    "long-float": b'{"from_code": "de", "to_code": "en", "n": 1.' + b"5" * 100_000 + b"}",
    "nan": b'{"from_code": "de", "to_code": "en", "package_version": NaN}',
    "infinity": b'{"from_code": "de", "to_code": "en", "package_version": -Infinity}',
    "list": b'["de", "en"]',
    "string": b'"de-en"',
    "null": b"null",
    "number": b"42",
    "empty": b"",
    "no-codes": b'{"package_version": "1.0"}',
    "codes-not-strings": b'{"from_code": ["de"], "to_code": {"en": 1}}',
    "not-utf8": b'{"from_code": "\xff\xfe"}',
    "utf16": '{"from_code": "de", "to_code": "en"}'.encode("utf-16"),
    "truncated": b'{"from_code": "de", "to_',
    "huge": b'{"x": "' + b"a" * (2 << 20) + b'"}',
}


def _package_folder(packages: Path, name: str, tiny_package_dir: Path) -> Path:
    folder = packages / name
    shutil.copytree(tiny_package_dir, folder)
    return folder


@pytest.mark.parametrize("kind", sorted(HOSTILE_METADATA))
def test_hand_placed_bad_metadata_is_listed_as_broken(
    installed: Path, tiny_package_dir: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _package_folder(installed / "data" / "packages", "zz-" + kind, tiny_package_dir)
    (folder / "metadata.json").write_bytes(HOSTILE_METADATA[kind])
    outcome = run_in_process(["models", "list"], capsys)
    assert outcome.code == 0
    assert "Installed packages (1):" in outcome.out  # the good one still lists
    assert f"zz-{kind}: " in outcome.out
    assert "Broken folders (1)" in outcome.out
    assert_clear_message(outcome.err, max_lines=0)
    assert (folder / "metadata.json").read_bytes() == HOSTILE_METADATA[kind]


@pytest.mark.parametrize("kind", ["deep-lists", "long-integer", "nan"])
def test_translate_works_beside_a_broken_folder(
    installed: Path, tiny_package_dir: Path, tmp_path: Path, kind: str
) -> None:
    folder = _package_folder(installed / "data" / "packages", "zz-broken", tiny_package_dir)
    (folder / "metadata.json").write_bytes(HOSTILE_METADATA[kind])
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    outcome = run_reader("translate", str(article), data_dir=installed)
    assert outcome.code == 0, outcome.err
    assert [json.loads(line)["en"] for line in outcome.out.splitlines()] == [
        "Die Stadt plant eine Brücke.",
        "Der Rat ist dafür.",
    ]
    assert_clear_message(outcome.err, max_lines=0)


@pytest.mark.parametrize("kind", ["deep-lists", "long-integer"])
def test_only_a_broken_folder_means_no_model(
    data_dir: Path, tiny_package_dir: Path, tmp_path: Path, kind: str
) -> None:
    folder = _package_folder(data_dir / "data" / "packages", "zz", tiny_package_dir)
    (folder / "metadata.json").write_bytes(HOSTILE_METADATA[kind])
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    outcome = run_reader("export", str(article), "-o", str(tmp_path / "out.tsv"), data_dir=data_dir)
    assert outcome.code == 1
    assert "no de→en translation model is installed" in outcome.err
    assert_clear_message(outcome.err, max_lines=1)
    assert not (tmp_path / "out.tsv").exists()


SPECIAL_METADATA = ["fifo", "directory", "dev-zero", "symlink-loop", "dangling"]


@pytest.mark.parametrize("kind", SPECIAL_METADATA)
def test_metadata_that_is_not_a_regular_file_never_hangs(
    installed: Path, tiny_package_dir: Path, kind: str
) -> None:
    folder = _package_folder(installed / "data" / "packages", "zz-special", tiny_package_dir)
    metadata = folder / "metadata.json"
    metadata.unlink()
    if kind == "fifo":
        os.mkfifo(metadata)
    elif kind == "directory":
        metadata.mkdir()
    elif kind == "dev-zero":
        metadata.symlink_to("/dev/zero")
    elif kind == "symlink-loop":
        metadata.symlink_to("metadata.json")
    else:
        metadata.symlink_to(folder / "nirgends.json")
    outcome = run_reader("models", "list", data_dir=installed, timeout=60)
    assert outcome.code == 0
    assert "zz-special: unreadable metadata.json" in outcome.out or (
        "zz-special: no metadata.json" in outcome.out
    )
    assert_clear_message(outcome.err, max_lines=0)
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(metadata).st_mode)


def test_model_file_that_is_a_fifo_makes_the_folder_broken(
    installed: Path, tiny_package_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _package_folder(installed / "data" / "packages", "zz-fifo-model", tiny_package_dir)
    (folder / "model" / "model.bin").unlink()
    os.mkfifo(folder / "model" / "model.bin")
    outcome = run_in_process(["models", "list"], capsys)
    assert "zz-fifo-model: no model/model.bin" in outcome.out


def test_package_folder_linked_to_a_big_tree_lists_quickly(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (installed / "data" / "packages" / "zz-usr").symlink_to("/usr")
    outcome = run_in_process(["models", "list"], capsys)
    assert outcome.code == 0
    assert "zz-usr: no metadata.json" in outcome.out


def test_folder_name_with_escape_sequences_is_listed_escaped(
    installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (installed / "data" / "packages" / "\x1b[2Jevil\nforged").mkdir()
    outcome = run_in_process(["models", "list"], capsys)
    assert "\\x1b[2Jevil\\nforged: no metadata.json" in outcome.out
    assert "\x1b" not in outcome.out


# --- a damaged model is found in a child process ----------------------------------------


def _damage_heads(folder: Path) -> None:
    """Change the decoder's head count 2 → 5: loads, then fails (SIGFPE in real shapes)."""
    path = folder / "model" / "model.bin"
    data = bytearray(path.read_bytes())
    name = b"decoder/num_heads"
    index = data.index(name) + len(name) + 7  # NUL, rank, dtype, 4-byte size, value
    assert data[index] == 2
    data[index] = 5
    path.write_bytes(bytes(data))


def _truncate(folder: Path) -> None:
    path = folder / "model" / "model.bin"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _zero_header(folder: Path) -> None:
    path = folder / "model" / "model.bin"
    data = bytearray(path.read_bytes())
    data[:64] = bytes(64)
    path.write_bytes(bytes(data))


def _garbage_vocabulary(folder: Path) -> None:
    (folder / "model" / "shared_vocabulary.json").write_bytes(b"[" * 100_000)


DAMAGE = {
    "heads": _damage_heads,
    "truncated": _truncate,
    "zero-header": _zero_header,
    "vocabulary": _garbage_vocabulary,
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_hand_placed_model_is_a_message_not_a_crash(
    data_dir: Path, tiny_package_dir: Path, tmp_path: Path, kind: str
) -> None:
    folder = _package_folder(data_dir / "data" / "packages", "handmade", tiny_package_dir)
    DAMAGE[kind](folder)
    before = (folder / "model" / "model.bin").read_bytes()
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    outcome = run_reader("translate", str(article), data_dir=data_dir)
    assert outcome.code == 1, outcome
    assert "the translation model could not be loaded" in outcome.err
    assert_clear_message(outcome.err, max_lines=1)
    assert outcome.out == ""
    assert (folder / "model" / "model.bin").read_bytes() == before
    assert (data_dir / "cache" / "model-checks.json").is_file()  # the verdict is kept


def test_verdict_is_remembered_and_renewed_when_the_model_changes(
    data_dir: Path, tiny_package_dir: Path, tmp_path: Path
) -> None:
    folder = _package_folder(data_dir / "data" / "packages", "handmade", tiny_package_dir)
    _damage_heads(folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    first = run_reader("translate", str(article), data_dir=data_dir)
    assert first.code == 1
    verdicts = json.loads((data_dir / "cache" / "model-checks.json").read_text())
    assert len(verdicts) == 1 and next(iter(verdicts.values()))
    shutil.copy2(tiny_package_dir / "model" / "model.bin", folder / "model" / "model.bin")
    second = run_reader("translate", str(article), data_dir=data_dir)
    assert second.code == 0, second.err
    verdicts = json.loads((data_dir / "cache" / "model-checks.json").read_text())
    assert sorted(verdicts.values()) == ["", next(v for v in verdicts.values() if v)]


@pytest.mark.parametrize("content", [b"[" * 100_000, b"\xff\xfe", b'{"x": NaN}', b"[]"])
def test_a_damaged_verdicts_file_means_check_again(
    installed: Path, tmp_path: Path, content: bytes
) -> None:
    verdicts = installed / "cache" / "model-checks.json"
    verdicts.parent.mkdir(parents=True)
    verdicts.write_bytes(content)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    outcome = run_reader("translate", str(article), data_dir=installed)
    assert outcome.code == 0, outcome.err
    assert list(json.loads(verdicts.read_text()).values()) == [""]


# --- the installer and the index --------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["deep-lists", "deep-objects", "long-integer", "long-float", "nan", "infinity"]
)
def test_installer_refuses_hostile_metadata(tmp_path: Path, kind: str) -> None:
    files = structural_files()
    files["metadata.json"] = HOSTILE_METADATA[kind]
    archive = write_zip(tmp_path / "p.argosmodel", files)
    packages = tmp_path / "packages"
    packages.mkdir()
    with pytest.raises(errors.PackageMetadataInvalid):
        install_package(archive, packages, check_model=False)
    assert list(packages.iterdir()) == []


def test_validate_metadata_accepts_the_real_shape() -> None:
    assert validate_metadata(metadata_bytes())["from_code"] == "de"


INDEX = {
    "deep": b"[" * 100_000,
    "long-number": b'[{"from_code": "de", "to_code": "en", "size": ' + b"1" * 50_000 + b"}]",
    "nan": b'[{"from_code": "de", "to_code": "en", "package_version": NaN}]',
    "object": b'{"packages": []}',
    "not-utf8": b"[\xff]",
    "truncated": b'[{"from_code": "de"',
}


@pytest.mark.parametrize("kind", sorted(INDEX))
def test_served_index_that_is_hostile_is_invalid(kind: str) -> None:
    with pytest.raises(errors.IndexInvalid):
        parse_index(INDEX[kind], "http://127.0.0.1/index.json")
