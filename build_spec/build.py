"""Build the PyInstaller bundle and smoke-test it: self-test, size, start-up times.

Usage (from the repository root)::

    uv run python build_spec/build.py [--from-head] [--skip-build] [--runs 3]

1. Compiles ``translations/*.ts`` to ``.qm`` and runs PyInstaller on ``build_spec/reader.spec``
   (work files in ``build/pyinstaller``, the bundle in ``dist/reader``; both git-ignored).
   ``--from-head`` builds the last commit, exported to ``build/source``, instead of the
   working tree; ``--skip-build`` measures an existing bundle.
2. Builds a tiny de→en test package (the copy model of ``tests/fixtures/model_builder.py``)
   in a temp dir and runs ``dist/reader/reader --self-test --data-dir <tmp>`` with
   ``ARGOS_PACKAGES_DIR`` pointing at it; prints its output and times it to exit.
3. Starts the frozen GUI offscreen with the first-paint marker the application writes
   (``READER_FIRST_PAINT_FILE``, quitting after it) and times launch → first paint.
4. Prints the unpacked size (``du -sb``), the biggest entries, any forbidden module that slipped
   in, and writes ``bench-results/bundle.json``. Exit code 1 when the self-test failed or the
   frozen GUI never painted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEC = ROOT / "build_spec" / "reader.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "reader"
EXECUTABLE = BUNDLE / "reader"
RESULTS = ROOT / "bench-results" / "bundle.json"
SIZE_TARGET = 400 * 1000 * 1000
FORBIDDEN = ("torch", "stanza", "onnxruntime", "minisbd", "tkinter", "matplotlib", "IPython")
FIRST_PAINT_ENV = "READER_FIRST_PAINT_FILE"  # reader.ui.application
EXIT_AFTER_PAINT_ENV = "READER_EXIT_AFTER_FIRST_PAINT"
MODULES_ENV = "READER_MODULES_FILE"
RUN_TIMEOUT = 300


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true", help="measure dist/reader as is")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each start-up")
    parser.add_argument(
        "--from-head",
        action="store_true",
        help="build the last commit (exported to build/source) instead of the working tree",
    )
    args = parser.parse_args()

    results: dict[str, object] = {"spec": str(SPEC.relative_to(ROOT))}
    if not args.skip_build:
        source = export_head() if args.from_head else ROOT
        results["source"] = "HEAD " + _head() if args.from_head else "working tree"
        results["translations"] = [path.name for path in compile_translations(source)]
        results["build_seconds"] = round(build(source), 1)
    if not EXECUTABLE.is_file():
        print(f"no bundle at {EXECUTABLE}", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="reader-bundle-") as scratch:
        scratch_dir = Path(scratch)
        packages = build_test_package(scratch_dir / "packages")
        env = dict(os.environ, ARGOS_PACKAGES_DIR=str(packages), QT_QPA_PLATFORM="offscreen")
        env.pop("READER_DATA_DIR", None)

        print("\n== self-test of the frozen bundle ==", flush=True)
        self_test = run_self_tests(scratch_dir, env, args.runs)
        results["self_test"] = self_test

        print("\n== frozen GUI: launch to first paint (offscreen) ==", flush=True)
        results["first_paint"] = time_first_paint(scratch_dir, env, args.runs)

    print("\n== size ==", flush=True)
    results["size"] = measure_size()
    results["forbidden_in_bundle"] = forbidden_entries()
    results["unresolved_libraries"] = unresolved_libraries()
    if results["forbidden_in_bundle"]:
        print(f"forbidden modules in the bundle: {results['forbidden_in_bundle']}")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    painted = bool(results["first_paint"]["seconds_to_first_paint"])  # type: ignore[index]
    if not painted:
        print("the frozen GUI never painted", file=sys.stderr)
    return 0 if self_test["passed"] and painted else 1


def export_head() -> Path:
    """The last commit's files in ``build/source`` (others' unfinished edits stay out)."""
    target = WORK.parent / "source"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    print(f"exported HEAD {_head()} to {target.relative_to(ROOT)}", flush=True)
    return target


def compile_translations(source: Path) -> list[Path]:
    """Compile ``translations/*.ts`` to ``.qm`` (not committed) so the bundle ships them."""
    catalogues = sorted((source / "translations").glob("*.ts"))
    if not catalogues:
        return []
    if (source / "reader" / "ui" / "i18n.py").is_file():
        # The application's own compiler (reader.ui.i18n), run in the tree being built.
        command = [sys.executable, "-m", "reader.ui.i18n"]
        subprocess.run(command, cwd=source, check=True, env=_tree_env(source))
    else:
        import PySide6

        lrelease = Path(PySide6.__file__).resolve().parent / "lrelease"
        for ts_file in catalogues:
            command = [
                str(lrelease),
                "-silent",
                str(ts_file),
                "-qm",
                str(ts_file.with_suffix(".qm")),
            ]
            subprocess.run(command, check=True)
    compiled = sorted((source / "translations").glob("*.qm"))
    print(f"translations: {', '.join(path.name for path in compiled) or 'none'}", flush=True)
    return compiled


def build(source: Path) -> float:
    """Run PyInstaller on ``source``'s spec; return the seconds it took."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(source / SPEC.relative_to(ROOT)),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    print("$ " + " ".join(command), flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=source, check=True, env=_tree_env(source))
    seconds = time.perf_counter() - started
    print(f"built {BUNDLE.relative_to(ROOT)} in {seconds:.0f} s", flush=True)
    return seconds


def build_test_package(folder: Path) -> Path:
    """A tiny copy-model package under ``folder``; returns the folder (ARGOS_PACKAGES_DIR)."""
    from tests.fixtures.model_builder import build_package_dir

    package = build_package_dir(folder, shape="tiny")
    print(f"test package: {package}", flush=True)
    return folder


def run_self_tests(scratch: Path, env: dict[str, str], runs: int) -> dict[str, object]:
    """Run ``reader --self-test`` ``runs`` times; print the first output; time each to exit."""
    seconds = []
    outputs = []
    codes = []
    for run in range(max(1, runs)):
        command = [str(EXECUTABLE), "--self-test", "--data-dir", str(scratch / f"data-{run}")]
        started = time.perf_counter()
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False
        )
        seconds.append(time.perf_counter() - started)
        codes.append(done.returncode)
        outputs.append(done.stdout)
        if run == 0:
            print("$ " + " ".join(command))
            print(done.stdout, end="")
            if done.returncode != 0 and done.stderr:
                print(done.stderr[-4000:], file=sys.stderr)
    passed = all(code == 0 for code in codes)
    print(f"exit codes {codes}; to exit: {_summary(seconds)}")
    return {
        "passed": passed,
        "exit_codes": codes,
        "output": outputs[0].splitlines(),
        "seconds_to_exit": [round(s, 3) for s in seconds],
        "first_seconds": round(seconds[0], 3),
        "best_seconds": round(min(seconds), 3),
    }


def time_first_paint(scratch: Path, env: dict[str, str], runs: int) -> dict[str, object]:
    """Launch the frozen GUI with the first-paint marker; seconds to paint and to exit."""
    to_paint: list[float] = []
    to_exit: list[float] = []
    cpu_at_paint: list[float] = []
    heavy_at_paint: set[str] = set()
    failures: list[str] = []
    for run in range(max(1, runs)):
        marker = scratch / f"first-paint-{run}.txt"
        modules = scratch / f"modules-{run}.txt"
        run_env = dict(
            env,
            **{FIRST_PAINT_ENV: str(marker), EXIT_AFTER_PAINT_ENV: "1", MODULES_ENV: str(modules)},
        )
        command = [str(EXECUTABLE), "--data-dir", str(scratch / f"gui-data-{run}")]
        launched = time.time()
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command, env=run_env, capture_output=True, text=True, timeout=120, check=False
            )
        except subprocess.TimeoutExpired:
            failures.append(f"run {run}: no exit within 120 s")
            continue
        to_exit.append(time.perf_counter() - started)
        if not marker.is_file():
            failures.append(f"run {run}: exit {done.returncode}, no paint; {done.stderr[-2000:]}")
            continue
        # "<time.time()> <process CPU seconds>" (reader.ui.application, as startup_bench reads it)
        values = marker.read_text(encoding="utf-8").split()
        to_paint.append(float(values[0]) - launched)
        if len(values) > 1:
            cpu_at_paint.append(float(values[1]))
        if modules.is_file():
            heavy_at_paint.update(modules.read_text(encoding="utf-8").split())
    for failure in failures:
        print(failure, file=sys.stderr)
    if to_paint:
        print(f"to first paint: {_summary(to_paint)}; to exit: {_summary(to_exit)}")
        print(f"CPU time at first paint: {_summary(cpu_at_paint)}")
        print(f"heavy modules imported by first paint: {sorted(heavy_at_paint) or 'none'}")
    return {
        "seconds_to_first_paint": [round(s, 3) for s in to_paint],
        "seconds_to_exit": [round(s, 3) for s in to_exit],
        "best_seconds_to_first_paint": round(min(to_paint), 3) if to_paint else None,
        "median_seconds_to_first_paint": round(statistics.median(to_paint), 3)
        if to_paint
        else None,
        "cpu_seconds_at_first_paint": [round(s, 3) for s in cpu_at_paint],
        "heavy_modules_at_first_paint": sorted(heavy_at_paint),
        "failures": failures,
    }


def measure_size() -> dict[str, object]:
    """``du -sb`` of the bundle and of its biggest entries (two levels into _internal)."""
    total = _du(BUNDLE)
    internal = BUNDLE / "_internal"
    entries = []
    for top in internal.iterdir():
        entries.append((top, _du(top)))
        if top.is_dir() and top.name in ("PySide6", "spacy"):
            entries.extend((child, _du(child)) for child in top.iterdir())
    entries.sort(key=lambda item: item[1], reverse=True)
    verdict = "under" if total < SIZE_TARGET else "OVER"
    print(f"unpacked: {total / 1e6:.1f} MB ({verdict} the {SIZE_TARGET / 1e6:.0f} MB target)")
    biggest = entries[:20]
    for path, size in biggest:
        print(f"{size / 1e6:8.1f} MB  {path.relative_to(BUNDLE)}")
    return {
        "bytes": total,
        "megabytes": round(total / 1e6, 1),
        "target_megabytes": SIZE_TARGET / 1e6,
        "biggest": {str(path.relative_to(BUNDLE)): size for path, size in biggest},
    }


def forbidden_entries() -> list[str]:
    internal = BUNDLE / "_internal"
    return sorted(
        str(path.relative_to(BUNDLE))
        for path in internal.iterdir()
        if path.name.split(".")[0] in FORBIDDEN or path.name.startswith(("libtorch", "_tkinter"))
    )


def unresolved_libraries() -> dict[str, list[str]]:
    """Shared libraries that bundled binaries need and neither the bundle nor this system has.

    Libraries the user's system must provide (e.g. xcb-icccm for Qt's X11 plugin) show up
    here when this machine lacks them too; a library the spec pruned by mistake shows up
    as well, which is what this is for.
    """
    internal = BUNDLE / "_internal"
    binaries = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    folders = sorted({str(p.parent) for p in binaries})
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(folders))
    missing: dict[str, list[str]] = {}
    for binary in binaries:
        done = subprocess.run(
            ["ldd", str(binary)], capture_output=True, text=True, env=env, check=False
        )
        for line in done.stdout.splitlines():
            if "=> not found" in line:
                name = line.split("=>")[0].strip()
                missing.setdefault(name, []).append(str(binary.relative_to(BUNDLE)))
    for name, needers in sorted(missing.items()):
        print(f"unresolved {name}: needed by {len(needers)} (e.g. {needers[0]})")
    if not missing:
        print("every bundled binary's libraries resolve")
    return missing


def _tree_env(source: Path) -> dict[str, str]:
    # The venv's editable install points at the working tree; put the tree being built first.
    return dict(os.environ, PYTHONPATH=str(source))


def _head() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip()


def _du(path: Path) -> int:
    done = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[0])


def _summary(seconds: list[float]) -> str:
    if not seconds:
        return "no runs"
    return (
        f"first {seconds[0]:.2f} s, best {min(seconds):.2f} s, "
        f"median {statistics.median(seconds):.2f} s over {len(seconds)}"
    )


if __name__ == "__main__":
    sys.exit(main())
