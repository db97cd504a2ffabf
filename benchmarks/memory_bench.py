"""Peak memory of ``reader translate`` and of the window, with and without giving freed heap
pages back after each model call (``reader/core/translation/heap.py``), side by side.

Usage: ``uv run python benchmarks/memory_bench.py [--sentences 480,1919] [--rounds 1]
[--threads N]``

For each document size (the first ``sentences`` lines of ``../shared/data/segmentation/
wmt14.de``, as ``window_vs_cli_bench.py`` writes it) and each round, four fresh processes
run one after the other with the real-shape test model and an empty data folder each: the
CLI and the window (offscreen, until every sentence shows its English), each as shipped
("trim") and with ``release_free_memory`` switched off ("no trim"). Prints each process's
wall seconds, CPU seconds (user + system) and peak RSS, and writes
``bench-results/memory.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translation_engine_bench import build_real_package  # noqa: E402
from window_vs_cli_bench import WINDOW, fresh_data, write_document  # noqa: E402

RESULTS = ROOT / "bench-results"
NO_TRIM = (
    "import reader.core.translation.model_calls as _calls\n"
    "_calls.release_free_memory = lambda: False\n"
)
CLI = "import sys\nfrom reader.app import main\nsys.exit(main(sys.argv[1:]))\n"


def run(command: list[str], stdout: Path) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one whole process."""
    started = time.perf_counter()
    with stdout.open("w") as out:
        process = subprocess.Popen(command, stdout=out)
        _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[:3]} failed")
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
    }


def command(kind: str, trim: bool, document: Path, data: Path, threads: int) -> list[str]:
    if kind == "cli":
        code = CLI if trim else NO_TRIM + CLI
        args = ["translate", str(document), "--threads", str(threads), "--format", "tsv"]
        return [sys.executable, "-c", code, *args, "--data-dir", str(data)]
    anchor = "sys.path.insert(0, sys.argv[1])\n"
    code = WINDOW if trim else WINDOW.replace(anchor, anchor + NO_TRIM, 1)
    return [sys.executable, "-c", code, str(ROOT), str(data), str(document), str(threads)]


def main() -> int:
    from reader.core.translation.threads import available_cores

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", default="480,1919", help="document sizes, comma-separated")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--threads", type=int, default=None, help="default: every core")
    args = parser.parse_args()
    threads = args.threads or available_cores()
    package = build_real_package()
    rows: list[dict[str, object]] = []
    print(f"real-shape model, {threads} threads")
    print(f"{'sentences':>9} {'process':>7} {'heap':>7} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for sentences in (int(n) for n in args.sentences.split(",")):
            document = write_document(sentences, scratch)
            for index in range(args.rounds):
                variants = [(True, "cli"), (False, "cli"), (True, "window"), (False, "window")]
                if index % 2:
                    variants.reverse()
                for trim, kind in variants:
                    data = fresh_data(package, scratch / f"data-{kind}-{trim}")
                    row = run(command(kind, trim, document, data, threads), scratch / "out")
                    rows.append({"sentences": sentences, "process": kind, "trim": trim, **row})
                    print(
                        f"{sentences:9} {kind:>7} {'trim' if trim else 'no trim':>7} "
                        f"{row['wall_s']:7.2f} {row['cpu_s']:7.1f} {row['peak_mib']:9.0f}",
                        flush=True,
                    )
    print("\nmedians (trim vs no trim):")
    for sentences in sorted({int(str(r["sentences"])) for r in rows}):
        for kind in ("cli", "window"):
            for trim in (True, False):
                mine = [r for r in rows if r["sentences"] == sentences and r["process"] == kind]
                mine = [r for r in mine if r["trim"] == trim]
                peak = statistics.median(float(str(r["peak_mib"])) for r in mine)
                cpu = statistics.median(float(str(r["cpu_s"])) for r in mine)
                label = "trim" if trim else "no trim"
                print(f"{sentences:9} {kind:>7} {label:>7} peak {peak:5.0f} MiB, CPU {cpu:6.1f} s")
    RESULTS.mkdir(exist_ok=True)
    summary = {"threads": threads, "load_average": os.getloadavg()[0], "runs": rows}
    (RESULTS / "memory.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'memory.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
