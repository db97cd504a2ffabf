"""The package index and explicit downloads, against a local server on 127.0.0.1 only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.cancel import CancelToken
from reader.core.packages.index import (
    DEFAULT_INDEX_BASE,
    AvailablePackage,
    download_and_install,
    fetch_index,
    find_available,
    index_url,
    parse_index,
    reader_packages,
)
from reader.core.packages.installer import InstallLimits
from tests.fixtures import hostile_packages as hostile
from tests.fixtures.package_server import PackageServer, closed_port, index_entry, serve

QUICK = 0.5  # seconds: the tests' timeout, so a hanging server fails fast


def snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def real_package(tiny_package_file: Path) -> Path:
    """A real de→en package (tiny copy model), shared by the session: never modified."""
    return tiny_package_file


@pytest.fixture
def server() -> Iterator[PackageServer]:
    with serve() as running:
        yield running


@pytest.fixture
def packages_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    folder.mkdir()
    (folder / "translate-fr_en").mkdir()
    (folder / "translate-fr_en" / "metadata.json").write_text("{}")
    return folder


def package_for(url: str, **kwargs: object) -> AvailablePackage:
    return parse_index(json.dumps([index_entry(url, **kwargs)]).encode())[0]  # type: ignore[arg-type]


# --- index URL and parsing ------------------------------------------------------------


def test_index_url_default_env_and_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    assert index_url() == DEFAULT_INDEX_BASE + "index.json"
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://mirror.example/argos")
    assert index_url() == "http://mirror.example/argos/index.json"
    assert index_url("http://other.example/base/") == "http://other.example/base/index.json"
    assert index_url("http://other.example/x/list.json") == "http://other.example/x/list.json"


def test_parse_index_keeps_usable_entries() -> None:
    data = (
        b'[{"from_code": "de", "to_code": "en", "package_version": "1.0", "links": ["http://a"]},'
        b' {"from_code": "de", "to_code": "en", "links": []},'
        b' {"from_code": "de", "links": ["http://b"]},'
        b' {"type": "sbd", "from_code": "de", "to_code": "de", "links": ["http://c"]},'
        b' "junk", 7,'
        b' {"code": "translate-en_de", "from_code": "en", "to_code": "de", "size": 1234,'
        b'  "links": ["http://d", 5]}]'
    )
    packages = parse_index(data)
    assert [(p.code, p.links, p.size) for p in packages] == [
        ("translate-de_en", ("http://a",), None),
        ("translate-en_de", ("http://d",), 1234),
    ]


@pytest.mark.parametrize("data", [b"{}", b"not json", b"\xff"])
def test_parse_index_rejects_non_lists(data: bytes) -> None:
    with pytest.raises(errors.IndexInvalid):
        parse_index(data, "http://x/index.json")


def test_find_available_by_code_or_pair_newest_first() -> None:
    packages = [
        package_for("http://a", version="1.0"),
        package_for("http://b", version="1.10"),
        package_for("http://c", version="1.9"),
        package_for("http://d", from_code="en", to_code="de"),
        package_for("http://e", from_code="fr", to_code="en"),
    ]
    assert find_available(packages, "translate-de_en").links == ("http://b",)
    assert find_available(packages, "en-de").links == ("http://d",)
    assert [p.from_code for p in reader_packages(packages)] == ["de", "de", "de", "en"]
    with pytest.raises(errors.PackageNotAvailable) as caught:
        find_available(packages, "translate-it_en")
    assert caught.value.wanted == "translate-it_en"


# --- fetching the index ---------------------------------------------------------------


def test_fetch_index_from_local_server(server: PackageServer) -> None:
    server.add_index(
        [
            index_entry(server.url("/de_en.argosmodel")),
            index_entry(server.url("/fr_en.argosmodel"), from_code="fr"),
        ]
    )
    packages = fetch_index(server.url("/"), timeout=QUICK)
    assert [p.code for p in packages] == ["translate-de_en", "translate-fr_en"]
    assert server.requests == ["/index.json"]


def test_fetch_index_uses_env(server: PackageServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.add_index([index_entry(server.url("/p"))], path="/mirror/index.json")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.url("/mirror/"))
    assert len(fetch_index(timeout=QUICK)) == 1


def test_index_404_is_unreachable(server: PackageServer) -> None:
    with pytest.raises(errors.IndexUnreachable) as caught:
        fetch_index(server.url("/"), timeout=QUICK)
    assert caught.value.url == server.url("/index.json")
    assert "404" in caught.value.reason


def test_hanging_index_times_out(server: PackageServer) -> None:
    server.add("/index.json", hang=True)
    with pytest.raises(errors.IndexUnreachable) as caught:
        fetch_index(server.url("/"), timeout=QUICK)
    assert caught.value.reason == "timed out"


def test_dripping_index_times_out(server: PackageServer) -> None:
    # Each byte arrives well within the read timeout; the whole fetch still has a deadline.
    server.add("/index.json", b"[" + b" " * 1000 + b"]", drip=0.02)
    with pytest.raises(errors.IndexUnreachable) as caught:
        fetch_index(server.url("/"), timeout=0.1)
    assert caught.value.reason == "timed out"


def test_index_fetch_can_be_cancelled(server: PackageServer) -> None:
    server.add_index([])
    with pytest.raises(errors.DownloadCancelled):
        fetch_index(server.url("/"), timeout=QUICK, cancel=cancelled())


def test_closed_port_is_unreachable() -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    with pytest.raises(errors.IndexUnreachable) as caught:
        fetch_index(url, timeout=QUICK)
    assert "refused" in caught.value.reason.lower()


def test_index_must_be_http() -> None:
    with pytest.raises(errors.IndexUnreachable):
        fetch_index("file:///etc/", timeout=QUICK)


def test_index_that_is_not_json_is_invalid(server: PackageServer) -> None:
    server.add("/index.json", b"<html>captive portal</html>")
    with pytest.raises(errors.IndexInvalid):
        fetch_index(server.url("/"), timeout=QUICK)


# --- downloading and installing -------------------------------------------------------


def test_download_and_install(
    server: PackageServer, real_package: Path, packages_dir: Path
) -> None:
    url = server.add_package("/de_en.argosmodel", real_package)
    seen: list[tuple[int, int]] = []
    installed = download_and_install(
        package_for(url), packages_dir, timeout=QUICK, progress=lambda d, t: seen.append((d, t))
    )
    size = real_package.stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert installed.path == packages_dir / "translate-de_en"
    assert sorted(snapshot(packages_dir))[0:2] == ["translate-de_en", "translate-de_en/README.md"]
    assert not [p for p in packages_dir.iterdir() if p.name.startswith(".")]


def test_download_without_content_length(
    server: PackageServer, real_package: Path, packages_dir: Path
) -> None:
    url = server.add_package("/p.argosmodel", real_package, send_length=False)
    seen: list[tuple[int, int]] = []
    download_and_install(
        package_for(url),
        packages_dir,
        timeout=QUICK,
        progress=lambda d, t: seen.append((d, t)),
        check_model=False,
    )
    assert seen[-1] == (real_package.stat().st_size, 0)  # total unknown: 0


def test_second_link_is_tried(
    server: PackageServer, real_package: Path, packages_dir: Path
) -> None:
    good = server.add_package("/good.argosmodel", real_package)
    entry = index_entry(server.url("/missing.argosmodel"))
    entry["links"] = [server.url("/missing.argosmodel"), good]
    package = parse_index(json.dumps([entry]).encode())[0]
    installed = download_and_install(package, packages_dir, timeout=QUICK, check_model=False)
    assert installed.code == "translate-de_en"
    assert server.requests == ["/missing.argosmodel", "/good.argosmodel"]


def expect_failure(
    package: AvailablePackage, packages_dir: Path, error: type[Exception], **kw: object
):
    before = snapshot(packages_dir)
    with pytest.raises(error) as caught:
        download_and_install(package, packages_dir, timeout=QUICK, check_model=False, **kw)  # type: ignore[arg-type]
    assert snapshot(packages_dir) == before
    return caught.value


def test_download_404(server: PackageServer, packages_dir: Path) -> None:
    error = expect_failure(
        package_for(server.url("/gone.argosmodel")), packages_dir, errors.DownloadFailed
    )
    assert "404" in error.reason


def test_hanging_download_times_out(server: PackageServer, packages_dir: Path) -> None:
    url = server.add("/slow.argosmodel", hang=True)
    error = expect_failure(package_for(url), packages_dir, errors.DownloadFailed)
    assert error.reason == "timed out"


def test_download_cut_short(server: PackageServer, real_package: Path, packages_dir: Path) -> None:
    url = server.add_package("/cut.argosmodel", real_package, cut_at=100_000)
    expect_failure(package_for(url), packages_dir, errors.DownloadFailed)


def test_cancelled_download_leaves_nothing(
    server: PackageServer, real_package: Path, packages_dir: Path
) -> None:
    url = server.add_package("/p.argosmodel", real_package)
    stop = CancelToken()

    def progress(done: int, _total: int) -> None:
        if done > 0:
            stop.cancel()  # the user presses Cancel after the first chunk

    error = expect_failure(
        package_for(url), packages_dir, errors.DownloadCancelled, progress=progress, cancel=stop
    )
    assert error.url == url


def test_closed_port_download_fails(packages_dir: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/p.argosmodel"
    error = expect_failure(package_for(url), packages_dir, errors.DownloadFailed)
    assert "refused" in error.reason.lower()


def test_download_over_size_limit(
    server: PackageServer, real_package: Path, packages_dir: Path
) -> None:
    url = server.add_package("/p.argosmodel", real_package)
    error = expect_failure(
        package_for(url),
        packages_dir,
        errors.PackageTooLarge,
        limits=InstallLimits(max_archive_size=1000),
    )
    assert error.what == "download"


def test_download_of_other_pair_is_refused(
    tmp_path: Path, server: PackageServer, real_package: Path, packages_dir: Path
) -> None:
    en_de = hostile.relabel_languages(real_package, tmp_path / "en_de.argosmodel", "en", "de")
    url = server.add_package("/de_en.argosmodel", en_de)  # the index promises de→en
    error = expect_failure(package_for(url), packages_dir, errors.PackageWrongLanguages)
    assert (error.from_code, error.to_code) == ("en", "de")


def test_hostile_download_is_refused(
    tmp_path: Path, server: PackageServer, packages_dir: Path
) -> None:
    archive = hostile.with_extra_entry(tmp_path / "slip.argosmodel", "../../escape")
    url = server.add_package("/slip.argosmodel", archive)
    expect_failure(package_for(url), packages_dir, errors.PackageUnsafePath)
    assert not (tmp_path / "escape").exists()


def test_non_http_link_is_refused(packages_dir: Path) -> None:
    error = expect_failure(package_for("file:///etc/passwd"), packages_dir, errors.DownloadFailed)
    assert "http" in error.reason


def cancelled() -> CancelToken:
    token = CancelToken()
    token.cancel()
    return token
