"""No GUI overhead: the same document translated by ``reader translate`` and by the window.

Usage: ``uv run python benchmarks/window_vs_cli_bench.py [--sentences 2000] [--rounds 2]
[--models real,tiny] [--threads N] [--profile DIR [--collapsed]] [--bare] [--ref CHECKOUT]``

The document is the first ~``sentences`` lines of ``../shared/data/segmentation/wmt14.de``
in paragraphs of four (a .txt). Each round runs, one after the other and alternating which
goes first, two fresh processes with the same model and the same number of threads (default:
every core), each with its own empty data folder (so both write the translation cache, as
shipped, and both compute word alignments, which the cache keeps):

- CLI: ``reader translate FILE --threads T --format tsv`` (output to a file), whole process;
- window: the real ``MainWindow`` (offscreen, 1000x700, the real name recognizer), measured
  from ``open_file`` to every sentence showing its English (the translation controller's
  progress reaching the total), plus the whole process.

Models: the real-shape test model (6+6 layers, d512, int8; built as in
``translation_bench.py``) and the tiny test model the tests use. Prints each run, the
window/CLI ratio per round (paired) and their medians, and each process's peak RSS (and the
window's child process's); writes ``bench-results/window_vs_cli.json``. ``--profile DIR``
runs the window under py-spy (``uv run --with py-spy``) and writes a flame graph per run
into DIR (with ``--collapsed``: py-spy's collapsed stacks as text, to read or sum in a
terminal). ``--ref CHECKOUT`` also runs the window of another checkout (e.g. ``git archive
main | tar -x -C /tmp/mainref``) in every round, so a change is compared with main side by
side. ``--bare`` also runs the window with names and the translation check turned off (as
Preferences can): the window's own overhead apart from those features' child process. Each
process's CPU seconds (user + system, from ``wait4``) are printed too: on a
shared machine they vary less than wall time.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from translation_engine_bench import DATA, MODEL_HOME, build_real_package  # noqa: E402

RESULTS = ROOT / "bench-results"
TARGET = 1.1

WINDOW = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from reader.core.paths import resolve_paths
from reader.ui.application import create_application
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow

paths = resolve_paths(sys.argv[2]).ensure()
threads = int(sys.argv[4])
app = create_application()
settings = Settings.for_paths(paths)
if sys.argv[5] == "bare":  # names and the translation check off, as a user can set them
    settings.highlight_entities = False
    settings.check_translation = False
window = MainWindow(paths, settings)
window.translation.service.set_threads(threads)
window.resize(1000, 700)
window.show()
marks = {}

def threads_cpu():
    # CPU seconds of each live thread by name, read while they all still run. CTranslate2's
    # threads carry the name of the translation thread that started them, which was made
    # before them: the lowest id of a name is that thread's own, counted as "NAME (own)".
    tasks = []
    for task in Path("/proc/self/task").iterdir():
        try:
            stat = (task / "stat").read_text()
            name = (task / "comm").read_text().strip()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        tasks.append((int(task.name), name, ticks / os.sysconf("SC_CLK_TCK")))
    seconds = {}
    named = {}
    for tid, name, cpu in sorted(tasks):
        named[name] = named.get(name, 0) + 1
        seconds[name] = seconds.get(name, 0.0) + cpu
        if name == "translation" and named[name] == 1:
            seconds["translation (own)"] = cpu
    return seconds

def children_peak_mib_cpu_s():
    # The peak RSS of the window's child processes (names and checks) and the CPU seconds
    # they used so far, read while they run.
    peak = cpu = 0.0
    for listing in Path("/proc/self/task").glob("*/children"):
        for pid in listing.read_text().split():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
            fields = stat.rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return peak, cpu

def on_progress(done, total):
    if total and done >= total and "done" not in marks:
        marks["done"] = time.perf_counter()
        marks["sentences"] = total
        marks["threads_cpu_s"] = threads_cpu()
        marks["child_peak_mib"], marks["child_cpu_s"] = children_peak_mib_cpu_s()
        QTimer.singleShot(0, app.quit)

def on_failed(error):
    marks["failed"] = str(error)
    app.quit()

window.translation.progress_changed.connect(on_progress)
window.translation.translation_failed.connect(on_failed)
started = time.perf_counter()
window.open_file(Path(sys.argv[3]))
app.exec()
if "failed" in marks:
    raise SystemExit(marks["failed"])
print(json.dumps({
    "window_s": marks["done"] - started,
    "sentences": marks["sentences"],
    "threads_cpu_s": marks["threads_cpu_s"],
    "child_peak_mib": marks["child_peak_mib"],
    "child_cpu_s": marks["child_cpu_s"],
}))
window.translation.stop(silent=True)
window.close()
"""


def write_document(sentences: int, folder: Path) -> Path:
    """A .txt of the first ``sentences`` lines of wmt14.de, four lines a paragraph."""
    lines = [
        line.strip()
        for line in (DATA / "wmt14.de").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][:sentences]
    paragraphs = [" ".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
    path = folder / f"wmt14-{sentences}.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def tiny_package() -> Path:
    """The tiny test model (as the tests build it), built once and reused."""
    from tests.fixtures.model_builder import build_package_dir

    folder = MODEL_HOME / "tiny-v1"
    marker = folder / "built.ok"
    if not marker.exists():
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        build_package_dir(folder, shape="tiny")
        marker.write_text("ok\n")
    return next(p for p in folder.iterdir() if p.is_dir())


def fresh_data(package: Path, folder: Path) -> Path:
    """An empty data folder with ``package`` installed (no cache, no settings)."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(package, folder / "data" / "packages" / package.name)
    return folder


def run_process(command: list[str], stdout: Path) -> tuple[float, float, float]:
    """Wall seconds, the process's own peak RSS in MiB, and its CPU seconds (user + system;
    its children's not counted: the window's name recognizer runs in one)."""
    started = time.perf_counter()
    with stdout.open("w") as out:
        process = subprocess.Popen(command, stdout=out, env={**os.environ})
        _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{command[:4]} failed with {code}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def run_cli(document: Path, data: Path, threads: int, out: Path) -> dict[str, float]:
    command = [
        sys.executable,
        "-c",
        "import sys; from reader.app import main; sys.exit(main(sys.argv[1:]))",
        "translate",
        str(document),
        "--threads",
        str(threads),
        "--format",
        "tsv",
        "--data-dir",
        str(data),
    ]
    seconds, peak, cpu = run_process(command, out)
    sentences = len(out.read_text(encoding="utf-8").splitlines())
    return {
        "cli_s": seconds,
        "process_s": seconds,
        "peak_mib": peak,
        "cpu_s": cpu,
        "sentences": sentences,
    }


def run_window(
    document: Path,
    data: Path,
    threads: int,
    out: Path,
    profile: Path | None,
    checkout: Path = ROOT,
    bare: bool = False,
) -> dict[str, float]:
    command = [
        sys.executable,
        "-c",
        WINDOW,
        str(checkout),
        str(data),
        str(document),
        str(threads),
        "bare" if bare else "full",
    ]
    if profile is not None:
        command = [
            "uv",
            "run",
            "--with",
            "py-spy",
            "py-spy",
            "record",
            "--subprocesses",
            "--threads",
            "--rate",
            "50",
            "--format",
            "raw" if profile.suffix == ".txt" else "flamegraph",
            "-o",
            str(profile),
            "--",
            *command,
        ]
    seconds, peak, cpu = run_process(command, out)
    lines = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    row: dict[str, float] = json.loads(lines[-1])
    row.update(process_s=seconds, peak_mib=peak, cpu_s=cpu)
    return row


def main() -> int:
    from reader.core.translation.threads import available_cores

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--models", default="real,tiny", help="comma-separated, from: real, tiny")
    parser.add_argument("--threads", type=int, default=None, help="default: every core")
    parser.add_argument("--profile", type=Path, default=None, help="py-spy flame graphs here")
    parser.add_argument(
        "--collapsed", action="store_true", help="with --profile: collapsed stacks (.txt), not SVG"
    )
    parser.add_argument(
        "--bare",
        action="store_true",
        help="also run the window with names and the translation check off (its own overhead)",
    )
    parser.add_argument(
        "--ref",
        type=Path,
        default=None,
        help="another checkout (e.g. a worktree of main): its window runs in the same rounds",
    )
    args = parser.parse_args()
    threads = args.threads or available_cores()
    packages = {"real": build_real_package, "tiny": tiny_package}
    summary: dict[str, object] = {"threads": threads, "cores": os.cpu_count(), "models": {}}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        document = write_document(args.sentences, scratch)
        for model in args.models.split(","):
            package = packages[model]()
            runs: dict[str, list[dict[str, float]]] = {"cli": [], "window": []}
            names = ["cli", "window"]
            if args.bare:
                runs["bare"] = []
                names.append("bare")
            if args.ref is not None:
                runs["ref"] = []
                names.append("ref")
            print(f"{model} model, {document.name}, {threads} threads", flush=True)
            for index in range(args.rounds):
                order = names if index % 2 == 0 else names[::-1]
                for name in order:
                    data = fresh_data(package, scratch / f"data-{name}")
                    out = scratch / f"{name}.out"
                    if name == "cli":
                        row = run_cli(document, data, threads, out)
                    else:
                        profile = None
                        if args.profile is not None:
                            args.profile.mkdir(parents=True, exist_ok=True)
                            suffix = ".txt" if args.collapsed else ".svg"
                            profile = args.profile / f"window-{model}-{index + 1}{suffix}"
                        checkout = args.ref if name == "ref" else ROOT
                        row = run_window(
                            document, data, threads, out, profile, checkout, bare=name == "bare"
                        )
                    runs[name].append(row)
                    if "threads_cpu_s" in row:
                        busy = sorted(row["threads_cpu_s"].items(), key=lambda kv: -kv[1])[:6]
                        print(
                            "    CPU s by thread: "
                            + ", ".join(f"{name} {cpu:.1f}" for name, cpu in busy),
                            flush=True,
                        )
                    seconds = row["cli_s" if name == "cli" else "window_s"]
                    print(
                        f"  round {index + 1} {name:6} {seconds:7.2f} s "
                        f"(process {row['process_s']:.2f} s, CPU {row['cpu_s']:.2f} s) "
                        f"{row['sentences']:.0f} sentences peak {row['peak_mib']:.0f} MiB"
                        + (
                            f" (its child process {row['child_peak_mib']:.0f} MiB,"
                            f" {row.get('child_cpu_s', 0.0):.1f} CPU s by then)"
                            if row.get("child_peak_mib")
                            else ""
                        ),
                        flush=True,
                    )
                ratio = runs["window"][-1]["window_s"] / runs["cli"][-1]["cli_s"]
                cpu_ratio = runs["window"][-1]["cpu_s"] / runs["cli"][-1]["cpu_s"]
                line = f"  round {index + 1} window/CLI {ratio:.3f}x (CPU {cpu_ratio:.3f}x)"
                if "bare" in runs:
                    bare = runs["bare"][-1]["window_s"] / runs["cli"][-1]["cli_s"]
                    line += f", without names and checks {bare:.3f}x"
                if "ref" in runs:
                    ref = runs["ref"][-1]["window_s"] / runs["cli"][-1]["cli_s"]
                    ref_cpu = runs["ref"][-1]["cpu_s"] / runs["cli"][-1]["cpu_s"]
                    line += f", ref window/CLI {ref:.3f}x (CPU {ref_cpu:.3f}x)"
                print(line, flush=True)
            ratios = [
                w["window_s"] / c["cli_s"] for w, c in zip(runs["window"], runs["cli"], strict=True)
            ]
            cpu_ratios = [
                w["cpu_s"] / c["cpu_s"] for w, c in zip(runs["window"], runs["cli"], strict=True)
            ]
            summary["models"][model] = {  # type: ignore[index]
                "median_cli_s": statistics.median(r["cli_s"] for r in runs["cli"]),
                "median_window_s": statistics.median(r["window_s"] for r in runs["window"]),
                "median_window_over_cli": statistics.median(ratios),
                "median_window_over_cli_cpu": statistics.median(cpu_ratios),
                "peak_mib": {n: max(r["peak_mib"] for r in runs[n]) for n in runs},
                "runs": runs,
            }
            if "bare" in runs:
                summary["models"][model]["median_bare_over_cli"] = statistics.median(  # type: ignore[index]
                    r["window_s"] / c["cli_s"]
                    for r, c in zip(runs["bare"], runs["cli"], strict=True)
                )
            if "ref" in runs:
                summary["models"][model]["median_ref_over_cli"] = statistics.median(  # type: ignore[index]
                    r["window_s"] / c["cli_s"]
                    for r, c in zip(runs["ref"], runs["cli"], strict=True)
                )
    summary["load_average"] = os.getloadavg()[0]
    print()
    print(
        f"{'model':>6} {'CLI s':>8} {'window s':>9} {'window/CLI':>11} {'CPU w/CLI':>10} "
        f"{'bare/CLI':>9} {'ref/CLI':>8} {'peak MiB cli/win/ref':>21}"
    )
    for model, part in summary["models"].items():  # type: ignore[attr-defined]
        peak = part["peak_mib"]
        ref = part.get("median_ref_over_cli")
        bare = part.get("median_bare_over_cli")
        print(
            f"{model:>6} {part['median_cli_s']:8.2f} {part['median_window_s']:9.2f} "
            f"{part['median_window_over_cli']:10.3f}x {part['median_window_over_cli_cpu']:9.3f}x "
            f"{'-' if bare is None else f'{bare:.3f}x':>9} "
            f"{'-' if ref is None else f'{ref:.3f}x':>8} {peak['cli']:8.0f}/{peak['window']:.0f}"
            f"/{peak.get('ref', 0):.0f}"
        )
    print(
        f"target window/CLI <= {TARGET}x; threads {threads}, load average "
        f"{summary['load_average']:.1f} on {os.cpu_count()} cores; ratios are medians of "
        "per-round (paired) ratios"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "window_vs_cli.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'window_vs_cli.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
