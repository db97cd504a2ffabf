"""The window's translation thread priority: event-loop stalls against translation time.

Usage: ``uv run python benchmarks/window_stall_bench.py [--words 1000] [--niceness 10,5,0]
[--rounds 2] [--busy N]``

Each measurement is a fresh process that opens a ~``words``-word .txt (WMT16 lines, as in
``translation_bench.py``) in the real window (offscreen) with the real-shape test model, and
records the time from opening to the last translated sentence and the longest gap between
10 ms timer ticks on the GUI thread (the stall target: < 100 ms). The translation thread
runs at each niceness in turn (``READER_WORKER_NICENESS``); with ``--busy N``, N busy-looping
processes at niceness 0 stand for other programs using the machine. Rounds alternate the
order. Prints a table and writes ``bench-results/window_stall.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

RESULTS = ROOT / "bench-results"

CHILD = r"""
import json, os, shutil, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEventLoop, QTimer
from reader.core.paths import resolve_paths
from reader.ui.application import create_application
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow
from reader.workers.entity_worker import EntityService
from reader.workers.translation_worker import TranslationService

class NoNames:
    def recognize(self, _document, _sentences):
        return ()

paths = resolve_paths(sys.argv[2]).ensure()
package = Path(sys.argv[3])
shutil.copytree(package, paths.packages / package.name, dirs_exist_ok=True)
app = create_application()
window = MainWindow(
    paths,
    Settings.for_paths(paths),
    translations=TranslationService(cache_path=None),
    entities=EntityService(factory=lambda: NoNames()),
)
window.resize(1000, 700)
window.show()
gaps, last = [], [time.perf_counter()]
def tick():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(tick)
loop = QEventLoop()
window.translation.translation_finished.connect(lambda *_: loop.quit())
started = time.perf_counter()
timer.start()
window.open_file(Path(sys.argv[4]))
loop.exec()
elapsed = time.perf_counter() - started
timer.stop()
print(json.dumps({
    "seconds": elapsed,
    "max_stall_ms": max(gaps) * 1000,
    "p99_gap_ms": sorted(gaps)[int(len(gaps) * 0.99)] * 1000,
    "sentences": len(window.view.sentence_ids()),
}))
window.close()
"""


def main() -> int:
    from translation_bench import write_document
    from translation_engine_bench import build_real_package

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--niceness", default="10,5,0")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--busy", type=int, default=0, help="busy-looping competitors")
    args = parser.parse_args()
    levels = [int(level) for level in args.niceness.split(",")]
    package = build_real_package()
    runs: dict[int, list[dict[str, float]]] = {level: [] for level in levels}
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.busy)]
    try:
        with tempfile.TemporaryDirectory() as scratch_name:
            scratch = Path(scratch_name)
            document = write_document(args.words, scratch)
            for round_index in range(args.rounds):
                order = levels if round_index % 2 == 0 else levels[::-1]
                for level in order:
                    env = {**os.environ, "READER_WORKER_NICENESS": str(level)}
                    result = subprocess.run(
                        [
                            sys.executable,
                            "-c",
                            CHILD,
                            str(ROOT),
                            str(scratch / f"data-{level}-{round_index}"),
                            str(package),
                            str(document),
                        ],
                        env=env,
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    row = json.loads(result.stdout.strip().splitlines()[-1])
                    runs[level].append(row)
                    print(
                        f"round {round_index + 1} nice {level:2}: {row['seconds']:6.2f} s, "
                        f"max stall {row['max_stall_ms']:6.1f} ms, p99 {row['p99_gap_ms']:5.1f}"
                        f" ms, {row['sentences']} sentences",
                        flush=True,
                    )
    finally:
        for process in busy:
            process.kill()
            process.wait()
    summary = {
        "words": args.words,
        "busy_competitors": args.busy,
        "load_average": os.getloadavg()[0],
        "by_niceness": {
            str(level): {
                "median_s": statistics.median(r["seconds"] for r in rows),
                "worst_stall_ms": max(r["max_stall_ms"] for r in rows),
                "median_p99_gap_ms": statistics.median(r["p99_gap_ms"] for r in rows),
                "runs": rows,
            }
            for level, rows in runs.items()
        },
    }
    print(f"\n{'nice':>4} {'median s':>9} {'worst stall ms':>15} {'p99 gap ms':>11}")
    for level, row in summary["by_niceness"].items():  # type: ignore[attr-defined]
        print(
            f"{level:>4} {row['median_s']:9.2f} {row['worst_stall_ms']:15.1f} "
            f"{row['median_p99_gap_ms']:11.1f}"
        )
    print(f"busy competitors {args.busy}, load average {summary['load_average']:.1f}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "window_stall.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'window_stall.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
