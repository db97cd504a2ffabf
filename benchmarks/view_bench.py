"""The reading view under resizing: the longest event-loop stall and whether the place is kept.

Builds two German texts from the evaluation data (an article collection of about 230 KB
and a text at the 4 MB limit), opens each in the reading view at 1200 px, scrolls to the
middle and then resizes the view again and again (1600, 900, 1920, 1200 px …) from a timer,
as a user dragging the window edge would. A heartbeat timer records the longest gap between
two event-loop turns (the stall a user feels); after each resize the bench notes whether the
sentence at the top of the view is still the one that was there. A drag follows: 20 width
steps 16 ms apart (716 … 1020 px, where the text fills the width) with the English
filled in, counting the event-loop stalls over 100 ms and their
total time, and whether the top sentence is the same afterwards. It also jumps the scroll
bar to random places and to the end (Ctrl+End), timing each, and pages 150 screens down and
back up from the middle, one page per event-loop turn. Stalls: the longest gap and the
number of gaps over 100 ms, while resizing, jumping and paging. (A big document in a
windowed view has its own document-wide bar; the jumps use it where the code has one.)

Runs the code of this checkout and, side by side in the same run, the code of another
checkout (``--baseline DIR``, default: ``main`` exported with ``git archive`` to a temp dir):

    uv run python benchmarks/view_bench.py [--baseline DIR] [--resizes 12] [--only small]

Prints a table and writes ``bench-results/view_bench.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# ../shared/data beside the checkout (a worktree sits one level deeper).
DATA = next(
    (
        p / "shared" / "data" / "segmentation"
        for p in (REPO.parent, REPO.parent.parent)
        if (p / "shared" / "data" / "segmentation").is_dir()
    ),
    REPO.parent / "shared" / "data" / "segmentation",
)
WIDTHS = (1600, 900, 1920, 1200, 1000, 1400)
LIMIT = 4 * 1024 * 1024


def write_texts(folder: Path) -> dict[str, Path]:
    """An article collection (~230 KB) and a long text just under the 4 MB limit."""
    lines: list[str] = []
    for name in ("wmt14.de", "wmt16.de", "flores-dev.de"):
        source = DATA / name
        if source.exists():
            lines += [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise SystemExit(f"no evaluation data under {DATA}")
    paragraphs = []
    for number, start in enumerate(range(0, len(lines), 4)):
        if number % 12 == 0:
            paragraphs.append(f"# Artikel {number // 12 + 1}")
        paragraphs.append(" ".join(lines[start : start + 4]))
    texts = {}
    small, total = [], 0
    for paragraph in paragraphs:
        small.append(paragraph)
        total += len(paragraph.encode()) + 2
        if total > 230_000:
            break
    texts["small"] = "\n\n".join(small) + "\n"
    long, total, round_ = [], 0, 0
    while True:
        for paragraph in paragraphs:
            size = len(paragraph.encode()) + 2
            if total + size > LIMIT - 4096:
                break
            long.append(paragraph if round_ == 0 else paragraph.replace("# Artikel ", "# Teil "))
            total += size
        else:
            round_ += 1
            continue
        break
    texts["large"] = "\n\n".join(long) + "\n"
    paths = {}
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


CHILD = r"""
import json, random, sys, time
checkout, file, resizes = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, checkout)
from PySide6.QtCore import QPoint, QTimer, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.core.document.loading import load_document
from reader.core.document.segmentation import segment_document
from reader.ui.theme import colors_for
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.document_renderer import Side

WIDTHS = %s
document = load_document(file)
sentences = segment_document(document)
view = BilingualView(colors_for(QApplication.palette(), dark=False))
view.resize(1200, 800)
view.show()
started = time.perf_counter()
view.set_document(document, sentences)
first_paint = time.perf_counter() - started
finished = []
view.rendering_finished.connect(lambda: finished.append(time.perf_counter()))
while view.renderer.rows is not None and not view.renderer.complete:
    app.processEvents()
built = time.perf_counter() - started

def top_sentence():
    # The German sentence that starts last at or above the top edge (same rule for all code).
    x = view.viewport().width() // 4
    position = view.cursorForPosition(QPoint(x, 1)).position()
    row = view.renderer.row_at(position)
    if row is None:
        return -1
    best = view.renderer.rows[row].sentence_ids[:1] or [-1]
    best = best[0]
    for index in range(max(0, row - 1), min(len(view.renderer.rows), row + 2)):
        for sid in view.renderer.rows[index].sentence_ids:
            span = view.renderer.span(sid, Side.GERMAN)
            if span is not None and span[0] <= position:
                best = sid
    return best

# A big document's own document-wide bar where the code has one (else the text view's).
window = getattr(view, "row_window", None)
bar = window.bar if window is not None and window.active else view.verticalScrollBar()
bar.setValue(bar.maximum() // 2)
app.processEvents()
top = top_sentence()
gaps = []
last = [time.perf_counter()]
def beat():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
heart = QTimer(); heart.setInterval(5); heart.timeout.connect(beat); heart.start()
kept = []
for step in range(resizes):
    view.resize(WIDTHS[step %% len(WIDTHS)], 800)
    deadline = time.perf_counter() + 0.3
    while time.perf_counter() < deadline:
        app.processEvents()
    kept.append(top_sentence() == top)
resize_stall = max(gaps) if gaps else 0.0
resize_stalls = [gap for gap in gaps if gap > 0.1]
# A drag: 20 width steps 16 ms apart from a timer, then 0.6 s for the layout that follows.
# (Wider than ~1050 px the line-length margins take up the change and nothing wraps anew.)
# Read as a user does: with English beside the German (the German stands in for it).
view.set_translations({s.id: s.text for s in sentences})
view.resize(700, 800)
deadline = time.perf_counter() + 0.5
while time.perf_counter() < deadline:
    app.processEvents()
drag_top = top_sentence()
steps = [700 + 16 * (i + 1) for i in range(20)]  # below the line-length cap
def step():
    view.resize(steps.pop(0), 800)
    if not steps:
        stepper.stop()
stepper = QTimer(); stepper.setInterval(16); stepper.timeout.connect(step)
gaps.clear()
last[0] = time.perf_counter()
stepper.start()
while steps:
    app.processEvents()
deadline = time.perf_counter() + 0.6
while time.perf_counter() < deadline:
    app.processEvents()
beat()  # a layout that began in the last turn counts too
drag_stalls = [gap for gap in gaps if gap > 0.1]
drag_kept = top_sentence() == drag_top
gaps.clear()
rng = random.Random(18)
jumps = []
for _ in range(10):
    last[0] = time.perf_counter()
    began = time.perf_counter()
    bar.setValue(rng.randint(0, bar.maximum()))
    app.processEvents()
    jumps.append(time.perf_counter() - began)
last[0] = time.perf_counter()
began = time.perf_counter()
view.setFocus()
ctrl = Qt.KeyboardModifier.ControlModifier
app.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_End, ctrl))
app.processEvents()
end_time = time.perf_counter() - began
ids = view.sentence_ids()
visible = view.visible_sentence_ids()
reached_end = bool(ids) and bool(visible) and ids[-1] in visible
scroll_stall = max(gaps) if gaps else 0.0
scroll_stalls = [gap for gap in gaps if gap > 0.1]
# Reading on: from the middle, 150 pages down and 150 back up, one page per event-loop
# turn (PageDown held), with the heartbeat running; a windowed view moves its window.
inner = view.verticalScrollBar()
bar.setValue(bar.maximum() // 2)
app.processEvents()
gaps.clear()
down, up = inner.SliderAction.SliderPageStepAdd, inner.SliderAction.SliderPageStepSub
page_steps = [down] * 150 + [up] * 150
last[0] = time.perf_counter()
for action in page_steps:
    inner.triggerAction(action)
    app.processEvents()
    app.processEvents()
beat()
page_stall = max(gaps) if gaps else 0.0
page_stalls = [gap for gap in gaps if gap > 0.1]
print(json.dumps(dict(
    sentences=len(sentences), first_paint_s=first_paint, built_s=built,
    resize_stall_ms=resize_stall * 1000, scroll_stall_ms=scroll_stall * 1000,
    resize_stalls=len(resize_stalls), scroll_stalls=len(scroll_stalls),
    page_stall_ms=page_stall * 1000, page_stalls=len(page_stalls),
    longest_jump_ms=max(jumps) * 1000, ctrl_end_ms=end_time * 1000, ctrl_end_reached=reached_end,
    place_lost=sum(not k for k in kept), resizes=len(kept),
    drag_stalls=len(drag_stalls), drag_stalled_ms=sum(drag_stalls) * 1000,
    drag_place_kept=drag_kept,
)))
"""


def run_child(checkout: Path, file: Path, resizes: int) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(checkout))
    result = subprocess.run(
        [sys.executable, "-c", CHILD % (WIDTHS,), str(checkout), str(file), str(resizes)],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        return {"error": (result.stderr.strip().splitlines() or ["failed"])[-1]}
    return dict(json.loads(lines[-1]))


def export_main(folder: Path) -> Path:
    """``main`` as plain files (no worktree, nothing in the repository changes)."""
    target = folder / "main"
    target.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "main"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout (default: main)")
    parser.add_argument("--resizes", type=int, default=12)
    parser.add_argument("--only", choices=("small", "large"))
    args = parser.parse_args()
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        texts = write_texts(folder)
        baseline = args.baseline or export_main(folder)
        for name, path in texts.items():
            if args.only and name != args.only:
                continue
            size = path.stat().st_size
            for label, checkout in (("before", baseline), ("after", REPO)):
                began = time.perf_counter()
                outcome = run_child(checkout, path, args.resizes)
                outcome.update(file=name, bytes=size, code=label)
                outcome["wall_s"] = round(time.perf_counter() - began, 1)
                results[f"{name}/{label}"] = outcome
                print(f"{name}/{label}: {json.dumps(outcome)}", flush=True)
    print()
    print(
        f"{'file':<7}{'code':<8}{'sentences':>10}{'built s':>9}{'resize stall ms':>17}"
        f"{'>100ms':>8}{'scroll stall ms':>17}{'>100ms':>8}{'paging stall ms':>17}"
        f"{'>100ms':>8}{'jump ms':>9}{'Ctrl+End ms':>13}{'end?':>6}{'place lost':>12}"
        f"{'drag stalls':>13}{'drag stalled ms':>17}{'drag kept':>11}"
    )
    for outcome in results.values():
        if "error" in outcome:
            print(f"{outcome['file']:<7}{outcome['code']:<8} error: {outcome['error']}")
            continue
        print(
            f"{outcome['file']:<7}{outcome['code']:<8}{outcome['sentences']:>10}"
            f"{outcome['built_s']:>9.1f}{outcome['resize_stall_ms']:>17.0f}"
            f"{outcome['resize_stalls']:>8}{outcome['scroll_stall_ms']:>17.0f}"
            f"{outcome['scroll_stalls']:>8}{outcome['page_stall_ms']:>17.0f}"
            f"{outcome['page_stalls']:>8}{outcome['longest_jump_ms']:>9.0f}"
            f"{outcome['ctrl_end_ms']:>13.0f}{'yes' if outcome['ctrl_end_reached'] else 'no':>6}"
            f"{outcome['place_lost']:>6}/{outcome['resizes']}"
            f"{outcome['drag_stalls']:>13}{outcome['drag_stalled_ms']:>17.0f}"
            f"{'yes' if outcome['drag_place_kept'] else 'no':>11}"
        )
    out = REPO / "bench-results" / "view_bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nwrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
