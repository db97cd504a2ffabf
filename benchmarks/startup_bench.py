"""Start-up time: process start → first paint of the reading view, median of N runs.

The GUI writes ``time.time()`` to ``READER_FIRST_PAINT_FILE`` on its first paint and quits
(``READER_EXIT_AFTER_FIRST_PAINT``). We take the wall clock just before spawning the process,
so the number includes the interpreter, imports, QApplication and the window. Also records
the process's CPU time at that moment (a number machine load does not inflate) and which
heavy modules were imported by then (there should be none).

    uv run python benchmarks/startup_bench.py [--runs 10] [--platform offscreen]
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

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("ctranslate2", "spacy", "argostranslate", "torch", "stanza", "sentencepiece")

PROBE = """
import sys, runpy
sys.argv = ['reader'] + sys.argv[1:]
try:
    runpy.run_module('reader', run_name='__main__')
except SystemExit:
    pass
"""


def run_once(platform: str, file: Path | None, data_dir: Path) -> tuple[float, float, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder) / "painted"
        modules = Path(folder) / "modules"
        env = dict(os.environ)
        env.update(
            READER_FIRST_PAINT_FILE=str(marker),
            READER_EXIT_AFTER_FIRST_PAINT="1",
            READER_DATA_DIR=str(data_dir),
            READER_MODULES_FILE=str(modules),
            QT_QPA_PLATFORM=platform,
        )
        args = [str(file)] if file else []
        started = time.time()
        subprocess.run(
            [sys.executable, "-c", PROBE, *args],
            env=env,
            cwd=REPO,
            check=True,
            timeout=60,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        painted, cpu = (float(value) for value in marker.read_text().split())
        heavy = modules.read_text().split() if modules.exists() else []
        return painted - started, cpu, heavy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--file", type=Path, default=None, help="document to open (sample)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "startup.json")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="reader-startup-"))
    run_once(args.platform, args.file, data_dir)  # warm the file cache; not counted
    times: list[float] = []
    cpu_times: list[float] = []
    heavy: set[str] = set()
    for _ in range(args.runs):
        seconds, cpu, loaded = run_once(args.platform, args.file, data_dir)
        times.append(seconds)
        cpu_times.append(cpu)
        heavy.update(loaded)
    result = {
        "benchmark": "startup_first_paint",
        "platform": args.platform,
        "runs": args.runs,
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
        "cpu_median_s": round(statistics.median(cpu_times), 3),
        "heavy_modules_before_first_paint": sorted(heavy),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
