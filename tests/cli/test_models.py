"""``reader models …`` end to end through the real entry point, with a temp data dir."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import cli
from reader.app import main
from tests.fixtures import hostile_packages as hostile
from tests.fixtures.package_server import PackageServer, closed_port, index_entry, serve


@pytest.fixture(autouse=True)
def only_importable_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    # Other commands are written in parallel; a module not there yet must not break ours.
    for name, module in list(cli.COMMANDS.items()):
        if importlib.util.find_spec(module) is None:
            monkeypatch.delitem(cli.COMMANDS, name)


@pytest.fixture
def server() -> Iterator[PackageServer]:
    with serve() as running:
        yield running


def run(data_dir: Path, *args: str) -> int:
    return main(["models", *args, "--data-dir", str(data_dir)])


def packages_of(data_dir: Path) -> Path:
    return data_dir / "data" / "packages"


def test_models_is_a_registered_command() -> None:
    assert cli.COMMANDS["models"] == "reader.cli.models"


def test_list_when_nothing_installed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "list") == 0
    assert "No translation packages installed" in capsys.readouterr().out


def test_install_list_show_remove(
    data_dir: Path, tiny_package_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "install", str(tiny_package_file)) == 0
    out = capsys.readouterr().out
    assert "installed translate-de_en 1.0 (de→en)" in out
    assert (packages_of(data_dir) / "translate-de_en" / "model" / "model.bin").is_file()

    broken = packages_of(data_dir) / "leftover"
    broken.mkdir()
    assert run(data_dir, "list") == 0
    out = capsys.readouterr().out
    assert "translate-de_en" in out and "1.0" in out and "de→en" in out and "KB" in out
    assert f"{broken}: no metadata.json" in out

    assert run(data_dir, "show", "de-en") == 0
    out = capsys.readouterr().out
    assert "version:    1.0" in out and "German → English" in out
    assert "Test package" in out  # the README

    assert run(data_dir, "remove", "translate-de_en") == 0
    assert "removed translate-de_en 1.0" in capsys.readouterr().out
    assert sorted(p.name for p in packages_of(data_dir).iterdir()) == ["leftover"]


def test_install_hostile_package_fails_cleanly(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = hostile.with_extra_entry(tmp_path / "slip.argosmodel", "../evil")
    assert run(data_dir, "install", str(archive)) == 1
    err = capsys.readouterr().err
    assert err.startswith("reader: package refused: unsafe or duplicate entry name '../evil'")
    folder = packages_of(data_dir)
    assert not folder.exists() or list(folder.iterdir()) == []  # refused before any write


def test_install_not_a_zip(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "notes.argosmodel"
    archive.write_text("hallo")
    assert run(data_dir, "install", str(archive)) == 1
    assert "not an Argos package" in capsys.readouterr().err


def test_install_with_wrong_pair(
    data_dir: Path, tiny_package_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "install", str(tiny_package_file), "--pair", "en-de") == 1
    assert "it translates de→en, not en→de" in capsys.readouterr().err


def test_remove_unknown_package(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "remove", "translate-xx_yy") == 1
    assert "no installed package matches 'translate-xx_yy'" in capsys.readouterr().err


def test_list_available_and_download(
    data_dir: Path,
    server: PackageServer,
    tiny_package_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server.add_package("/de_en.argosmodel", tiny_package_file)
    server.add_index(
        [
            index_entry(server.url("/de_en.argosmodel")),
            index_entry(
                server.url("/en_de.argosmodel"), from_code="en", to_code="de", size=5_000_000
            ),
            index_entry(server.url("/fr_en.argosmodel"), from_code="fr"),
        ]
    )
    assert run(data_dir, "list", "--available", "--index", server.url("/")) == 0
    out = capsys.readouterr().out
    assert "translate-de_en" in out and "unknown" in out
    assert "translate-en_de" in out and "5.0 MB" in out
    assert "translate-fr_en" not in out

    assert run(data_dir, "download", "de-en", "--index", server.url("/"), "--timeout", "2") == 0
    captured = capsys.readouterr()
    assert "installed translate-de_en 1.0" in captured.out
    assert "downloading translate-de_en 1.0" in captured.err and "(100%)" in captured.err
    assert [p.name for p in packages_of(data_dir).iterdir()] == ["translate-de_en"]

    assert run(data_dir, "list", "--available", "--index", server.url("/")) == 0
    assert "[installed 1.0]" in capsys.readouterr().out


def test_download_unknown_code(
    data_dir: Path, server: PackageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add_index([index_entry(server.url("/p"))])
    assert run(data_dir, "download", "translate-it_en", "--index", server.url("/")) == 1
    assert "has no package 'translate-it_en'" in capsys.readouterr().err


def test_offline_index_is_a_clear_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    assert run(data_dir, "list", "--available", "--index", url, "--timeout", "1") == 1
    err = capsys.readouterr().err
    assert err.startswith("reader: cannot reach the package index") and "offline" in err


def test_plain_list_never_touches_the_network(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("reader models list opened a socket")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    assert run(data_dir, "list") == 0
    capsys.readouterr()


def test_models_command_imports_no_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "class BlockQt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('PySide6 is blocked')\n"
        "sys.meta_path.insert(0, BlockQt())\n"
        "from reader.cli import models\n"
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "models.register(parser.add_subparsers())\n"
        "args = parser.parse_args(['models', 'list'])\n"
        "args.data_dir = sys.argv[1]\n"
        "sys.exit(args.handler(args))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "No translation packages installed" in result.stdout


def test_data_dir_before_the_action(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = data_dir.parent / "other-data"
    assert main(["models", "--data-dir", str(other), "list"]) == 0
    assert str(other / "data" / "packages") in capsys.readouterr().out


def test_every_package_error_has_cli_words() -> None:
    import dataclasses

    from reader.cli.messages import describe
    from reader.core import errors

    samples = {"Path": Path("/p/x.argosmodel"), "str": "x", "int": 7, "tuple[str, ...]": ("a",)}
    classes = [
        cls
        for cls in vars(errors).values()
        if isinstance(cls, type)
        and issubclass(cls, errors.PackageError)
        and cls is not errors.PackageError
    ]
    assert len(classes) >= 20
    for cls in classes:
        kwargs = {f.name: samples[str(f.type)] for f in dataclasses.fields(cls)}
        text = describe(cls(**kwargs))
        assert not text.startswith(cls.__name__), f"{cls.__name__} has no CLI words"
