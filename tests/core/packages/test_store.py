"""Installed packages: listing never hides good packages, inspection, matching, removal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.packages.store import (
    InstalledPackage,
    clean_leftovers,
    match_packages,
    read_package,
    remove_package,
    scan_packages,
    split_pair,
)
from tests.fixtures import hostile_packages as hostile


def write_package(folder: Path, **metadata: object) -> Path:
    for rel, data in hostile.structural_files(**metadata).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


def test_broken_folders_never_hide_the_good_ones(tmp_path: Path) -> None:
    root = tmp_path / "packages"
    write_package(root / "a-good")
    (root / "b-empty").mkdir()
    (root / "c-garbage").mkdir()
    (root / "c-garbage" / "metadata.json").write_bytes(b"\x00\xff not json")
    write_package(root / "d-no-model")
    (root / "d-no-model" / "model" / "model.bin").unlink()
    write_package(root / "e-no-tokenizer")
    (root / "e-no-tokenizer" / "sentencepiece.model").unlink()
    write_package(root / "f-good", from_code="en", to_code="de", code="translate-en_de")
    write_package(root / ".install-tmp123")  # an installer's temp folder is not listed
    (root / "stray-file.txt").write_text("not a folder")

    found, broken = scan_packages([(root, True)])

    assert [p.path.name for p in found] == ["a-good", "f-good"]
    reasons = {b.path.name: b.reason for b in broken}
    assert reasons.keys() == {"b-empty", "c-garbage", "d-no-model", "e-no-tokenizer"}
    assert reasons["b-empty"] == "no metadata.json"
    assert "unreadable" in reasons["c-garbage"]
    assert "model.bin" in reasons["d-no-model"]
    assert "sentencepiece.model" in reasons["e-no-tokenizer"]


def test_missing_package_dir_lists_nothing(tmp_path: Path) -> None:
    assert scan_packages([(tmp_path / "nope", True)]) == ([], [])


def test_huge_metadata_is_broken_not_read(tmp_path: Path) -> None:
    folder = write_package(tmp_path / "big")
    (folder / "metadata.json").write_bytes(b" " * (2 << 20) + b"{}")
    with pytest.raises(ValueError, match="too large"):
        read_package(folder)


def test_inspect_reports_name_version_languages_size_readme(tmp_path: Path) -> None:
    package = read_package(write_package(tmp_path / "p"))
    assert (package.code, package.package_version) == ("translate-de_en", "1.0")
    assert (package.from_code, package.from_name, package.to_code, package.to_name) == (
        "de",
        "German",
        "en",
        "English",
    )
    expected = sum(len(v) for v in hostile.structural_files().values())
    assert package.size_on_disk() == expected
    assert "German to English" in package.readme()


def test_split_pair() -> None:
    assert split_pair("de-en") == ("de", "en")
    assert split_pair("DE_EN") == ("de", "en")
    assert split_pair("de→en") == ("de", "en")
    assert split_pair("translate-de_en") is None
    assert split_pair("german") is None


def test_match_by_code_or_pair(tmp_path: Path) -> None:
    de_en = read_package(write_package(tmp_path / "a"))
    en_de = read_package(write_package(tmp_path / "b", from_code="en", to_code="de"))
    packages = [de_en, en_de]
    assert match_packages(packages, "translate-en_de") == [en_de]
    assert match_packages(packages, "de-en") == [de_en]
    assert match_packages(packages, "fr-en") == []
    assert match_packages(packages, "something") == []


def test_remove_leaves_nothing(tmp_path: Path) -> None:
    root = tmp_path / "packages"
    keep = write_package(root / "keep", from_code="fr", code="translate-fr_en")
    package = read_package(write_package(root / "translate-de_en"))
    remove_package(package)
    assert sorted(p.name for p in root.iterdir()) == [keep.name]


def test_remove_refuses_folders_we_do_not_own(tmp_path: Path) -> None:
    folder = write_package(tmp_path / "argos" / "translate-de_en")
    package: InstalledPackage = read_package(folder, writable=False)
    with pytest.raises(errors.PackageNotOwned) as caught:
        remove_package(package)
    assert caught.value.path == folder
    assert (folder / "metadata.json").is_file()


def test_clean_leftovers_after_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "packages"
    keep = write_package(root / "translate-fr_en", from_code="fr", code="translate-fr_en")
    stale_stage = root / ".install-abc123"
    (stale_stage / "package").mkdir(parents=True)
    stale_download = root / ".download-xyz.argosmodel"
    stale_download.write_bytes(b"partial")
    stale_removal = write_package(root / ".removing-translate-it_en-0badc0de")
    aside = write_package(root / ".replaced-translate-de_en-12345678")  # new copy never came
    fresh_stage = root / ".install-running"  # another process may be installing right now
    fresh_stage.mkdir()
    old = 1_000_000_000
    for path in (stale_stage, stale_download, stale_removal, aside):
        os.utime(path, (old, old))

    tidied = clean_leftovers(root)

    assert sorted(p.name for p in root.iterdir()) == [
        ".install-running",
        "translate-de_en",
        "translate-fr_en",
    ]
    assert root / "translate-de_en" in tidied and stale_download in tidied
    assert read_package(root / "translate-de_en").code == "translate-de_en"
    assert keep.is_dir()
