"""The validating installer: real packages install, hostile ones leave nothing behind.

Loading the model (a child process, ~0.7 s) is exercised where it matters; tests about
layout, replacing and refusing skip it with ``check_model=False``.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.cancel import CancelToken
from reader.core.packages.installer import InstallLimits, install_package
from reader.core.packages.store import find_translation_package, scan_packages
from tests.fixtures import hostile_packages as hostile
from tests.fixtures.model_builder import build_argos_package


def snapshot(folder: Path) -> list[str]:
    """Every path below ``folder`` (hidden ones too), to compare before and after."""
    if not folder.exists():
        return ["<missing>"]
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def real_package(tiny_package_file: Path) -> Path:
    """A real de→en package (tiny copy model), shared by the session: never modified."""
    return tiny_package_file


@pytest.fixture
def packages_dir(tmp_path: Path) -> Path:
    """A package folder that already holds one unrelated package, so 'unchanged' means more
    than 'still empty'."""
    folder = tmp_path / "packages"
    other = folder / "translate-fr_en"
    for rel, data in hostile.structural_files(from_code="fr", code="translate-fr_en").items():
        (other / rel).parent.mkdir(parents=True, exist_ok=True)
        (other / rel).write_bytes(data)
    return folder


def test_real_package_installs_and_is_found(real_package: Path, packages_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    installed = install_package(
        real_package, packages_dir, progress=lambda d, t: seen.append((d, t))
    )
    assert installed.path == packages_dir / "translate-de_en"
    assert (installed.code, installed.package_version) == ("translate-de_en", "1.0")
    assert (installed.from_code, installed.to_code) == ("de", "en")
    assert (installed.path / "model" / "model.bin").is_file()
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert [p.name for p in packages_dir.iterdir() if p.name.startswith(".")] == []
    found, broken = scan_packages([(packages_dir, True)])
    assert broken == []
    assert find_translation_package(found) == installed


def test_structural_package_installs_without_model_check(
    tmp_path: Path, packages_dir: Path
) -> None:
    archive = hostile.structural_package(tmp_path / "p.argosmodel")
    installed = install_package(archive, packages_dir, check_model=False)
    assert installed.readme().startswith("# Test package")
    assert installed.size_on_disk() > 4096


def test_reinstall_replaces_older_version(
    tmp_path: Path, real_package: Path, packages_dir: Path
) -> None:
    install_package(real_package, packages_dir, check_model=False)
    newer = build_argos_package(tmp_path / "newer", code_version="1.1")
    installed = install_package(newer, packages_dir, check_model=False)
    assert installed.package_version == "1.1"
    found, _ = scan_packages([(packages_dir, True)])
    assert sorted((p.code, p.package_version) for p in found) == [
        ("translate-de_en", "1.1"),
        ("translate-fr_en", "1.0"),
    ]
    assert not [p for p in packages_dir.iterdir() if p.name.startswith(".")]


def test_replace_false_refuses_and_keeps_the_old(real_package: Path, packages_dir: Path) -> None:
    install_package(real_package, packages_dir, check_model=False)
    before = snapshot(packages_dir)
    with pytest.raises(errors.PackageAlreadyInstalled) as caught:
        install_package(real_package, packages_dir, replace=False, check_model=False)
    assert caught.value.code == "translate-de_en"
    assert snapshot(packages_dir) == before


def test_same_code_in_another_folder_is_replaced(real_package: Path, packages_dir: Path) -> None:
    # What Argos's own installer leaves: the zip's folder name, not the code.
    with zipfile.ZipFile(real_package) as archive:
        archive.extractall(packages_dir)
    assert (packages_dir / "translate-de_en-1_0").is_dir()
    install_package(real_package, packages_dir, check_model=False)
    assert sorted(p.name for p in packages_dir.iterdir()) == ["translate-de_en", "translate-fr_en"]


def test_failed_move_puts_the_old_package_back(
    real_package: Path, packages_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_package(real_package, packages_dir, check_model=False)
    before = snapshot(packages_dir)
    real_replace = os.replace

    def failing_replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        if Path(src).name == "package":  # the staged new package
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(errors.PackageDirNotWritable):
        install_package(real_package, packages_dir, check_model=False)
    assert snapshot(packages_dir) == before


def test_expected_pair_accepts_match(real_package: Path, packages_dir: Path) -> None:
    assert (
        install_package(real_package, packages_dir, expect=("de", "en"), check_model=False).to_code
        == "en"
    )


def test_wrong_language_pair_is_refused(
    tmp_path: Path, real_package: Path, packages_dir: Path
) -> None:
    en_de = hostile.relabel_languages(real_package, tmp_path / "en_de.argosmodel", "en", "de")
    before = snapshot(packages_dir)
    with pytest.raises(errors.PackageWrongLanguages) as caught:
        install_package(en_de, packages_dir, expect=("de", "en"))
    assert (caught.value.from_code, caught.value.to_code) == ("en", "de")
    assert snapshot(packages_dir) == before


def test_truncated_model_with_valid_crc_is_caught(
    tmp_path: Path, real_package: Path, packages_dir: Path
) -> None:
    cut = hostile.truncate_member(
        real_package, tmp_path / "cut.argosmodel", "model/model.bin", 5000
    )
    before = snapshot(packages_dir)
    with pytest.raises(errors.PackageModelBroken):
        install_package(cut, packages_dir)
    assert snapshot(packages_dir) == before


def test_broken_tokenizer_is_caught(tmp_path: Path, real_package: Path, packages_dir: Path) -> None:
    cut = hostile.truncate_member(
        real_package, tmp_path / "cut.argosmodel", "sentencepiece.model", 100
    )
    before = snapshot(packages_dir)
    with pytest.raises(errors.PackageModelBroken) as caught:
        install_package(cut, packages_dir)
    assert "sentencepiece" in caught.value.reason
    assert snapshot(packages_dir) == before


# --- hostile archives: each a typed error, and the package folder exactly as before ---------


def expect_refused(archive: Path, packages_dir: Path, error: type[Exception], **kwargs: object):
    before = snapshot(packages_dir)
    with pytest.raises(error) as caught:
        install_package(archive, packages_dir, check_model=False, **kwargs)  # type: ignore[arg-type]
    assert snapshot(packages_dir) == before
    return caught.value


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "/abs",
        f"{hostile.TOP}/../../x",
        "a/../../x",
        f"{hostile.TOP}/model\\..\\..\\x",
        "C:/x",
        "c:x",
        f"{hostile.TOP}/./model.bin",
        f"{hostile.TOP}//x",
    ],
)
def test_unsafe_names_are_refused(tmp_path: Path, packages_dir: Path, name: str) -> None:
    archive = hostile.with_extra_entry(tmp_path / "slip.argosmodel", name)
    error = expect_refused(archive, packages_dir, errors.PackageUnsafePath)
    assert error.name == name
    assert not (tmp_path / "x").exists() and not Path("/abs").exists()


def test_symlink_entry_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.symlink_package(tmp_path / "link.argosmodel")
    error = expect_refused(archive, packages_dir, errors.PackageSymlink)
    assert error.name == f"{hostile.TOP}/model/link"


def test_fifo_entry_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    info = zipfile.ZipInfo(f"{hostile.TOP}/fifo")
    info.create_system = 3
    info.external_attr = (stat.S_IFIFO | 0o644) << 16
    entries = [(f"{hostile.TOP}/{k}", v) for k, v in hostile.structural_files().items()]
    archive = hostile.write_zip(tmp_path / "fifo.argosmodel", [*entries, (info, b"")], top=None)
    expect_refused(archive, packages_dir, errors.PackageUnsafePath)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_entry_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.with_extra_entry(tmp_path / "dup.argosmodel", f"{hostile.TOP}/metadata.json")
    expect_refused(archive, packages_dir, errors.PackageUnsafePath)


def test_file_used_as_folder_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.with_extra_entry(tmp_path / "c.argosmodel", f"{hostile.TOP}/README.md/x")
    expect_refused(archive, packages_dir, errors.PackageUnsafePath)


def test_zip_bomb_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.zip_bomb(tmp_path / "bomb.argosmodel", 64 << 20)
    assert archive.stat().st_size < 512 << 10  # a few hundred KB that inflate to 64 MiB
    limits = InstallLimits(max_entry_size=16 << 20, max_total_size=32 << 20)
    error = expect_refused(archive, packages_dir, errors.PackageTooLarge, limits=limits)
    assert (error.limit, error.what) == (16 << 20, "entry")


def test_many_entries_over_total_limit_are_refused(tmp_path: Path, packages_dir: Path) -> None:
    files = hostile.structural_files()
    files.update({f"stanza/part{i}": b"\x00" * (1 << 20) for i in range(8)})
    archive = hostile.write_zip(tmp_path / "sum.argosmodel", files)
    limits = InstallLimits(max_entry_size=2 << 20, max_total_size=4 << 20)
    error = expect_refused(archive, packages_dir, errors.PackageTooLarge, limits=limits)
    assert (error.limit, error.what) == (4 << 20, "total")


def test_lying_size_header_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    # The header says 1 KB; the data inflates to 8 MiB. zipfile stops at the declared size
    # and then the CRC cannot match, so the lie surfaces as a damaged member.
    archive = hostile.zip_bomb(tmp_path / "liar.argosmodel", 8 << 20)
    hostile.lie_about_size(archive, f"{hostile.TOP}/model/model.bin", 1024)
    with zipfile.ZipFile(archive) as check:
        assert check.getinfo(f"{hostile.TOP}/model/model.bin").file_size == 1024
    error = expect_refused(archive, packages_dir, errors.PackageTruncated)
    assert error.name == f"{hostile.TOP}/model/model.bin"


def test_header_claiming_zero_bytes_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.zip_bomb(tmp_path / "liar0.argosmodel", 8 << 20)
    hostile.lie_about_size(archive, f"{hostile.TOP}/model/model.bin", 0)
    expect_refused(archive, packages_dir, errors.PackageTruncated)


def test_streaming_counter_stops_at_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, packages_dir: Path
) -> None:
    # Make zipfile report every size as tiny *after* the plan was made: only the bytes counted
    # while streaming can stop the extraction now.
    from reader.core.packages import installer as package_installer

    archive = hostile.zip_bomb(tmp_path / "bomb.argosmodel", 8 << 20)
    real_plan = package_installer._plan
    monkeypatch.setattr(
        package_installer,
        "_plan",
        lambda zf, limits: real_plan(zf, InstallLimits()),  # plan with generous limits
    )
    limits = InstallLimits(max_entry_size=1 << 20)
    error = expect_refused(archive, packages_dir, errors.PackageTooLarge, limits=limits)
    assert error.what == "entry"


def test_too_many_entries_are_refused(tmp_path: Path, packages_dir: Path) -> None:
    files = hostile.structural_files()
    files.update({f"stanza/f{i}": b"" for i in range(20)})
    archive = hostile.write_zip(tmp_path / "many.argosmodel", files)
    error = expect_refused(
        archive, packages_dir, errors.PackageTooManyEntries, limits=InstallLimits(max_entries=10)
    )
    assert error.limit == 10 and error.count == 26


@pytest.mark.parametrize(
    "entries",
    [
        [("a/metadata.json", b"{}"), ("b/metadata.json", b"{}")],
        [(f"{hostile.TOP}/metadata.json", b"{}"), ("README.md", b"loose file")],
        [("metadata.json", b"{}"), ("model.bin", b"")],
        [],
    ],
    ids=["two-folders", "loose-file", "no-folder", "empty"],
)
def test_layout_other_than_one_top_folder_is_refused(
    tmp_path: Path, packages_dir: Path, entries: list[tuple[str, bytes]]
) -> None:
    archive = hostile.write_zip(tmp_path / "layout.argosmodel", entries, top=None)
    error = expect_refused(archive, packages_dir, errors.PackageLayout)
    assert error.reason.startswith(f"{len(entries)} top-level items")


def test_two_real_top_folders_are_refused(tmp_path: Path, packages_dir: Path) -> None:
    files = [
        (f"{top}/{k}", v) for top in ("one", "two") for k, v in hostile.structural_files().items()
    ]
    archive = hostile.write_zip(tmp_path / "two.argosmodel", files, top=None)
    error = expect_refused(archive, packages_dir, errors.PackageLayout)
    assert "one" in error.reason and "two" in error.reason


def test_missing_metadata_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    files = hostile.structural_files()
    del files["metadata.json"]
    error = expect_refused(
        hostile.write_zip(tmp_path / "m.argosmodel", files), packages_dir, errors.PackageIncomplete
    )
    assert error.missing == ("metadata.json",)


def test_missing_model_files_are_refused(tmp_path: Path, packages_dir: Path) -> None:
    files = hostile.structural_files()
    del files["model/model.bin"], files["sentencepiece.model"]
    error = expect_refused(
        hostile.write_zip(tmp_path / "m.argosmodel", files), packages_dir, errors.PackageIncomplete
    )
    assert error.missing == ("model/model.bin", "sentencepiece.model")


def test_bpe_tokenizer_is_accepted(tmp_path: Path, packages_dir: Path) -> None:
    files = hostile.structural_files()
    files["bpe.model"] = files.pop("sentencepiece.model")
    installed = install_package(
        hostile.write_zip(tmp_path / "b.argosmodel", files), packages_dir, check_model=False
    )
    assert installed.tokenizer_path == installed.path / "bpe.model"


@pytest.mark.parametrize(
    ("metadata", "fragment"),
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "object"),
        (b"\xff\xfe", "not JSON"),
        (hostile.metadata_bytes(from_code="deu1"), "from_code"),
        (hostile.metadata_bytes(from_code="d"), "from_code"),
        (hostile.metadata_bytes(to_code=None), "to_code"),
        (hostile.metadata_bytes(to_code=7), "to_code"),
        (hostile.metadata_bytes(type="sbd"), "type"),
        (hostile.metadata_bytes(package_version=1.0), "package_version"),
        (hostile.metadata_bytes(package_version=None), "package_version"),
        (hostile.metadata_bytes(code="../../etc"), "code"),
        (hostile.metadata_bytes(from_name=["x"]), "from_name"),
    ],
)
def test_invalid_metadata_is_refused(
    tmp_path: Path, packages_dir: Path, metadata: bytes, fragment: str
) -> None:
    files = hostile.structural_files()
    files["metadata.json"] = metadata
    archive = hostile.write_zip(tmp_path / "meta.argosmodel", files)
    error = expect_refused(archive, packages_dir, errors.PackageMetadataInvalid)
    assert fragment in error.reason


def test_huge_metadata_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    files = hostile.structural_files()
    files["metadata.json"] = b" " * (2 << 20) + b"{}"
    archive = hostile.write_zip(tmp_path / "meta.argosmodel", files)
    expect_refused(archive, packages_dir, errors.PackageTooLarge)


def test_bad_crc_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    files = hostile.structural_files()
    files["model/model.bin"] = b"MODEL" * 1000
    archive = hostile.write_zip(tmp_path / "crc.argosmodel", files, compression=zipfile.ZIP_STORED)
    data = bytearray(archive.read_bytes())
    where = data.find(b"MODEL" * 10)
    data[where] ^= 0xFF
    archive.write_bytes(bytes(data))
    error = expect_refused(archive, packages_dir, errors.PackageTruncated)
    assert error.name == f"{hostile.TOP}/model/model.bin"


def test_not_a_zip_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    archive = tmp_path / "text.argosmodel"
    archive.write_text("Dies ist keine Zip-Datei.\n", encoding="utf-8")
    error = expect_refused(archive, packages_dir, errors.PackageNotZip)
    assert error.path == archive


def test_cut_short_archive_is_refused(
    tmp_path: Path, real_package: Path, packages_dir: Path
) -> None:
    archive = tmp_path / "half.argosmodel"
    archive.write_bytes(real_package.read_bytes()[: real_package.stat().st_size // 2])
    expect_refused(archive, packages_dir, errors.PackageNotZip)


def test_missing_archive_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    error = expect_refused(tmp_path / "nope.argosmodel", packages_dir, errors.PackageUnreadable)
    assert error.path == tmp_path / "nope.argosmodel"


def test_archive_over_size_limit_is_refused(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.structural_package(tmp_path / "p.argosmodel")
    error = expect_refused(
        archive, packages_dir, errors.PackageTooLarge, limits=InstallLimits(max_archive_size=100)
    )
    assert error.what == "archive"


def test_package_dir_under_a_regular_file_is_not_writable(tmp_path: Path) -> None:
    # Tests run as root, so chmod cannot make a folder unwritable; a path below a regular
    # file fails for root too, with the same error the user would see.
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    archive = hostile.structural_package(tmp_path / "p.argosmodel")
    with pytest.raises(errors.PackageDirNotWritable) as caught:
        install_package(archive, blocker / "packages", check_model=False)
    assert caught.value.path == blocker / "packages"
    assert blocker.read_text() == "a file, not a folder"


def test_permission_denied_is_not_writable(
    tmp_path: Path, packages_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: what a non-root user gets from a read-only folder.
    import tempfile

    def denied(*_args: object, **_kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    archive = hostile.structural_package(tmp_path / "p.argosmodel")
    error = expect_refused(archive, packages_dir, errors.PackageDirNotWritable)
    assert error.path == packages_dir and "Permission denied" in error.reason


def test_cancel_leaves_nothing_behind(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.zip_bomb(tmp_path / "big.argosmodel", 4 << 20)  # several 1 MiB chunks
    stop = CancelToken()

    def progress(done: int, _total: int) -> None:
        if done > 0:
            stop.cancel()

    error = expect_refused(
        archive, packages_dir, errors.PackageInstallCancelled, progress=progress, cancel=stop
    )
    assert error.path == archive


def test_a_token_cancelled_beforehand_stops_the_install(tmp_path: Path, packages_dir: Path) -> None:
    archive = hostile.structural_package(tmp_path / "p.argosmodel")
    expect_refused(archive, packages_dir, errors.PackageInstallCancelled, cancel=cancelled())


def test_packages_dir_is_created(tmp_path: Path) -> None:
    archive = hostile.structural_package(tmp_path / "p.argosmodel")
    installed = install_package(archive, tmp_path / "new" / "packages", check_model=False)
    assert installed.path.parent == tmp_path / "new" / "packages"


def test_zip_from_memory_helpers_are_sane() -> None:
    # Guard the helper itself: the names it writes are the names the installer sees.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../x", b"1")
    with zipfile.ZipFile(buffer) as archive:
        assert archive.namelist() == ["../x"]


def test_cancel_during_model_check_leaves_nothing(
    real_package: Path, packages_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.packages import check as package_check

    checking = CancelToken()  # cancelled once the model check starts
    real_check = package_check.check_model

    def check_then_cancel(folder: Path, **kwargs: object) -> None:
        checking.cancel()
        real_check(folder, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(package_check, "check_model", check_then_cancel)
    before = snapshot(packages_dir)
    with pytest.raises(errors.PackageInstallCancelled) as caught:
        install_package(real_package, packages_dir, cancel=checking)
    assert caught.value.path == real_package
    assert isinstance(caught.value.__cause__, errors.PackageInstallCancelled)  # from the check
    assert snapshot(packages_dir) == before


def cancelled() -> CancelToken:
    token = CancelToken()
    token.cancel()
    return token
