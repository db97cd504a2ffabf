"""How long validating installs take, on a package of the real Argos de→en shape.

Builds a test package with the real shape (6+6 layers, d_model 512, 32k vocabulary, int8)
once, then times: a full install (checks, streamed extraction, model load in a child,
atomic move), an install without the load check, a reinstall that replaces, listing, and
refusing a zip bomb. Prints numbers and writes ``bench-results/package_install.json``.

    uv run python benchmarks/package_install_bench.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core import errors  # noqa: E402
from reader.core.packages.installer import InstallLimits, install_package  # noqa: E402
from reader.core.packages.store import scan_packages  # noqa: E402
from tests.fixtures.hostile_packages import zip_bomb  # noqa: E402
from tests.fixtures.model_builder import build_argos_package  # noqa: E402


def timed(action: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-install-") as scratch:
        work = Path(scratch)
        start = time.perf_counter()
        archive = build_argos_package(work / "src", shape="real")
        results["build_real_package_s"] = round(time.perf_counter() - start, 2)
        results["archive_bytes"] = archive.stat().st_size
        packages = work / "packages"

        def full() -> None:
            install_package(archive, packages)

        def no_check() -> None:
            install_package(archive, packages, check_model=False)

        def listing() -> None:
            scan_packages([(packages, True)])

        bomb = zip_bomb(work / "bomb.argosmodel", 2 << 30)
        results["bomb_archive_bytes"] = bomb.stat().st_size

        def refuse_bomb() -> None:
            try:
                install_package(bomb, packages, limits=InstallLimits())
            except errors.PackageTooLarge:
                return
            raise AssertionError("the bomb was installed")

        for name, action in (
            ("install_with_model_check_s", full),
            ("install_without_model_check_s", no_check),
            ("list_installed_s", listing),
            ("refuse_2GiB_bomb_s", refuse_bomb),
        ):
            times = timed(action, args.repeat)
            results[name] = {"median": round(statistics.median(times), 3), "runs": times}
        installed, _ = scan_packages([(packages, True)])
        results["installed_bytes"] = installed[0].size_on_disk()
    for key, value in results.items():
        print(f"{key:32} {value['median'] if isinstance(value, dict) else value}")
    out = ROOT / "bench-results" / "package_install.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
