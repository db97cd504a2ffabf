"""How well the translation checks catch corrupted translations, and how often they cry wolf.

Usage: ``uv run python benchmarks/check_eval.py [--data DIR] [--seed N]``

On German sentences with human English references (default ``../shared/data/parallel``,
every ``*.de`` file with its ``*.en``), the English side is corrupted in controlled ways,
one corruption per pair and kind, wherever the pair allows it:

- number: a number stated the same in both (digits) has one digit changed in the English;
- currency: a currency word of the English is replaced by another currency;
- date: a month or weekday of the English becomes another one, or a day of a date changes;
- name drop: a name (capitalised words, not the first word) found in the German as it is
  written is deleted from the English;
- name swap: such a name is replaced by a name taken from another pair.

A corruption counts as caught when the corrupted pair gets a finding of its kind that the
untouched pair does not have. False alarms: untouched pairs with any finding (human
translators rephrase, so some flags there may be fair, but each counts against us).
Names of German sentences come from the shipped recognizer, as in the reader. The pairs are
split in two halves (consecutive lines, so an article stays in one half): rules are tuned on
the first, and the second shows whether they hold on text they were not tuned on. Prints a
table for each half and for all, and writes ``bench-results/check_eval.json``; ``--show N``
prints the first N misses of each kind and N false alarms.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.cli.check import message  # noqa: E402
from reader.core.checks.document import german_names  # noqa: E402
from reader.core.checks.model import CheckKind, Finding  # noqa: E402
from reader.core.checks.pairs import check_pair  # noqa: E402
from reader.core.entities.recognizer import EntityRecognizer  # noqa: E402
from reader.core.entities.rules import fold  # noqa: E402

# ../shared beside the checkout (or beside the worktrees' folder)
DATA = (
    next(
        (p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.is_dir()),
        ROOT.parent / "shared",
    )
    / "data"
    / "parallel"
)
RESULTS = ROOT / "bench-results"

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# "(Nov-Feb)" is a date, not a name
DATE_WORDS = frozenset(
    MONTHS
    + WEEKDAYS
    + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
)
CURRENCIES = {
    "euro": "dollar", "euros": "dollars", "€": "$", "dollar": "pound", "dollars": "pounds",
    "$": "£", "pound": "euro", "pounds": "euros", "£": "€", "yen": "yuan", "yuan": "yen",
    "francs": "euros", "franc": "euro", "rupees": "dollars", "rubles": "euros",
}  # fmt: skip
_NAME = re.compile(r"(?<![\w.])[A-Z][\w’'-]*[a-zA-Z](?:\s+(?:of\s+)?[A-Z][\w-]*[a-zA-Z])*")
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*\d|(?<![\w.,])\d(?![\w])")
_WORDS = re.compile(r"[^\W_]+")
_GERMAN_NUMBER = re.compile(r"\d[\d.,]*")


def read_pairs(folder: Path) -> list[tuple[str, str]]:
    pairs = []
    for german_file in sorted(folder.glob("*.de")):
        english_file = german_file.with_suffix(".en")
        if not english_file.is_file():
            continue
        german = german_file.read_text(encoding="utf-8").splitlines()
        english = english_file.read_text(encoding="utf-8").splitlines()
        pairs += [(d.strip(), e.strip()) for d, e in zip(german, english, strict=False)]
    return [(d, e) for d, e in pairs if d and e]


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def corrupt_number(german: str, english: str, rng: random.Random) -> str | None:
    german_digits = {re.sub(r"\D", "", m.group()) for m in _GERMAN_NUMBER.finditer(german)}
    shared = [m for m in _NUMBER.finditer(english) if re.sub(r"\D", "", m.group()) in german_digits]
    shared = [m for m in shared if not re.fullmatch(r"(1[89]|20)\d\d", m.group())]  # years: dates
    if not shared:
        return None
    match = rng.choice(shared)
    text = match.group()
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    at = rng.choice(positions)
    choices = [d for d in "0123456789" if d != text[at] and not (at == 0 and d == "0")]
    changed = text[:at] + rng.choice(choices) + text[at + 1 :]
    return english.replace(text, changed) if text in english else None


def corrupt_currency(german: str, english: str, rng: random.Random) -> str | None:
    found = [m for m in re.finditer(r"[€$£]|\b[a-z]+\b", english) if m.group() in CURRENCIES]
    if not found:
        return None
    match = rng.choice(found)
    return _replace(english, match.start(), match.end(), CURRENCIES[match.group()])


def corrupt_date(german: str, english: str, rng: random.Random) -> str | None:
    options: list[Callable[[], str]] = []
    for table in (MONTHS, WEEKDAYS):
        for match in re.finditer(r"\b(" + "|".join(table) + r")\b", english):
            other = rng.choice([name for name in table if name != match.group()])
            options.append(lambda m=match, o=other: _replace(english, m.start(), m.end(), o))
    month = "|".join(MONTHS)
    for match in re.finditer(rf"\b(?:({month}) (\d{{1,2}})|(\d{{1,2}}) ({month}))\b", english):
        day_start, day_end = match.span(2) if match.group(2) else match.span(3)
        day = int(english[day_start:day_end])
        new_day = str(day % 28 + 1)
        options.append(lambda s=day_start, e=day_end, d=new_day: _replace(english, s, e, d))
    return rng.choice(options)() if options else None


def _sentence_start(english: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence (after an opening quote or bracket)."""
    before = english[:start].rstrip().rstrip("\"'“‘([").rstrip()
    return not before or before[-1] in ".!?:"


def _common_word(word: str) -> bool:
    """An English word written in lower case ("Sand"), unless English also writes it as a
    name (simplemma's English lists keep the case: "Islam", "Hall")."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary("en")
    return word.lower() in table and word not in table


def shared_names(german: str, english: str) -> list[re.Match[str]]:
    """Capitalised English word runs written the same in German: not a date ("Nov") and not
    a common word capitalised because it starts a sentence ("wide. Sand, gravel …")."""
    folded_german = " " + " ".join(fold(w) for w in _WORDS.findall(german)) + " "
    found = []
    for match in _NAME.finditer(english):
        words = _WORDS.findall(match.group())
        if len(match.group()) < 3 or all(word in DATE_WORDS for word in words):
            continue
        if _sentence_start(english, match.start()) and (
            match.start() == 0 or (len(words) == 1 and _common_word(words[0]))
        ):
            continue
        if " " + " ".join(fold(w) for w in words) + " " in folded_german:
            found.append(match)
    return found


def corrupt_name_drop(german: str, english: str, rng: random.Random) -> str | None:
    names = shared_names(german, english)
    if not names:
        return None
    name = rng.choice(names).group()
    # whole words only: dropping "Expo" leaves "Exposition" alone
    dropped = re.sub(rf"(?:\s+(?:the|of))?\s*(?<!\w){re.escape(name)}(?:['’]s)?(?!\w)", "", english)
    return dropped if _whole(name).search(dropped) is None else None


def corrupt_name_swap(german: str, english: str, rng: random.Random, pool: list[str]) -> str | None:
    names = shared_names(german, english)
    if not names:
        return None
    name = rng.choice(names).group()
    folded = fold(german)
    others = [p for p in pool if fold(p) not in folded and fold(p) not in fold(english)]
    if not others:
        return None
    other = rng.choice(others)
    return _whole(name).sub(lambda _match: other, english)


def _whole(name: str) -> re.Pattern[str]:
    """``name`` as whole words ("Expo", not the start of "Exposition")."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def caught(clean: list[Finding], corrupted: list[Finding], kinds: set[CheckKind]) -> bool:
    before = {(f.kind, f.de_start, f.de_end) for f in clean}
    return any(f.kind in kinds and (f.kind, f.de_start, f.de_end) not in before for f in corrupted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--show", type=int, default=0, help="print N misses and false alarms")
    args = parser.parse_args()
    pairs = read_pairs(args.data)
    if not pairs:
        print(f"no *.de/*.en pairs in {args.data}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    recognizer = EntityRecognizer()
    started = time.perf_counter()
    names = german_names(recognizer, [german for german, _ in pairs])
    clean = [check_pair(d, e, n) for (d, e), n in zip(pairs, names, strict=True)]
    pool = sorted({m.group() for d, e in pairs for m in shared_names(d, e)})
    # A changed day or clock time is a changed number that the check reports as a date.
    numeric = {CheckKind.NUMBER, CheckKind.DATE}
    corruptions: dict[str, tuple[set[CheckKind], Callable[[str, str], str | None]]] = {
        "number": (numeric, lambda d, e: corrupt_number(d, e, rng)),
        "currency": ({CheckKind.CURRENCY}, lambda d, e: corrupt_currency(d, e, rng)),
        "date": ({CheckKind.DATE}, lambda d, e: corrupt_date(d, e, rng)),
        "name drop": ({CheckKind.NAME}, lambda d, e: corrupt_name_drop(d, e, rng)),
        "name swap": ({CheckKind.NAME}, lambda d, e: corrupt_name_swap(d, e, rng, pool)),
    }
    half = len(pairs) // 2
    splits = {"tune (1st half)": range(0, half), "held out (2nd half)": range(half, len(pairs))}
    splits["all"] = range(len(pairs))
    outcomes: dict[str, list[tuple[int, bool]]] = {}
    for label, (kind, corrupt) in corruptions.items():
        outcomes[label] = []
        shown = 0
        for i, ((german, english), entities, before) in enumerate(
            zip(pairs, names, clean, strict=True)
        ):
            corrupted = corrupt(german, english)
            if corrupted is None or corrupted == english:
                continue
            hit = caught(before, check_pair(german, corrupted, entities), kind)
            outcomes[label].append((i, hit))
            if not hit and shown < args.show:
                shown += 1
                print(f"MISS {label} (line {i + 1})\n  DE {german}\n  EN {corrupted}")
    flagged = [i for i, found in enumerate(clean) if found]
    for i in flagged[: args.show]:
        print(f"ALARM (line {i + 1})\n  DE {pairs[i][0]}\n  EN {pairs[i][1]}")
        print("  " + "; ".join(f"{f.kind}: {message(f)}" for f in clean[i]))
    seconds = time.perf_counter() - started
    summary: dict[str, object] = {"pairs": len(pairs), "seconds": seconds}
    summary.update(data=str(args.data), seed=args.seed, splits={})
    for split, lines in splits.items():
        summary["splits"][split] = row = _summarize(outcomes, flagged, lines)  # type: ignore[index]
        print(f"\n{split}: pairs {lines.start + 1}-{lines.stop} of {len(pairs)}")
        print(f"{'kind':<11} {'corrupted':>9} {'caught':>7} {'recall':>7}")
        for label, counts in row["by_kind"].items():
            made, hits = counts["corrupted"], counts["caught"]
            print(f"{label:<11} {made:>9} {hits:>7} {counts['recall']:>7.3f}")
        print(f"all corruptions: recall {row['recall_all']:.3f}")
        print(
            f"false alarms on untouched pairs: {row['false_alarm_pairs']} of {len(lines)} "
            f"({100 * row['false_alarm_rate']:.1f} %)"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "check_eval.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


def _summarize(
    outcomes: dict[str, list[tuple[int, bool]]], flagged: list[int], lines: range
) -> dict[str, Any]:
    """Recall of each kind and the false-alarm rate over the pairs in ``lines``."""
    by_kind = {}
    made_all = hits_all = 0
    for label, rows in outcomes.items():
        made = sum(1 for i, _hit in rows if i in lines)
        hits = sum(1 for i, hit in rows if i in lines and hit)
        by_kind[label] = {"corrupted": made, "caught": hits, "recall": hits / max(made, 1)}
        made_all += made
        hits_all += hits
    alarms = sum(1 for i in flagged if i in lines)
    return {
        "by_kind": by_kind,
        "recall_all": hits_all / max(made_all, 1),
        "false_alarm_pairs": alarms,
        "false_alarm_rate": alarms / max(len(lines), 1),
    }


if __name__ == "__main__":
    raise SystemExit(main())
