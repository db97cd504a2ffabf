"""Numbers: German forms (1.234,5 · 3,5 Mio. · 17 000 · zwölf · 20 Prozent) against English.

German digits use "." for thousands and "," for decimals ("1.000" is a thousand, "1,000" is
one); English the other way round. Number words are read with text2num (German cardinals
from "drei" up — "ein" and "zwei" are articles and "both" too often to be checked), English
number words and ordinals ("twenty-one", "third") with its ``alpha2digit``. A German number
is kept when its value appears anywhere among the English values; multipliers ("Mio.",
"Millionen", "million", "bn") multiply the number before them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from text_to_num import alpha2digit, text2num

from reader.core.checks.model import CheckKind, Finding

_GERMAN_MULTIPLIERS = {
    "tausend": 1e3, "tsd": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6,
    "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "billion": 1e12, "billionen": 1e12,
}  # fmt: skip
_ENGLISH_MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# Words after a number word that make it a fraction ("zwei Drittel"), which English says in
# too many ways ("two-thirds", "two in three") to compare.
_FRACTIONS = ("drittel", "viertel", "fünftel", "sechstel", "achtel", "zehntel", "hälfte")
_SMALLEST_GERMAN_WORD = 3

_GERMAN_DIGITS = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?![\d])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])"
    r"|\d+)(?:,\d+)?"
)
_ENGLISH_DIGITS = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?")
_WORD = re.compile(r"[^\W\d_]+")
# What a number is counted in, kept with it in messages: "20 Prozent → 2 %".
_GERMAN_UNIT = re.compile(r"\s?(?:%|Prozent\b|Prozentpunkte\b)")
_ENGLISH_UNIT = re.compile(r"\s?(?:%|percent\b|per cent\b|percentage points\b)")
_FOLLOWING_WORD = re.compile(r"\s*([^\W\d_]+)(\.?)")


@dataclass(frozen=True)
class NumberMention:
    """A number at ``text[start:end]`` with its value (multiplier applied)."""

    start: int
    end: int
    value: float


def _german_value(digits: str) -> float:
    plain = re.sub(r"[ .\u00a0\u202f]", "", digits)
    if re.fullmatch(r"\d+\.\d{1,2}", digits):  # "1.5" written the English way
        return float(digits)
    return float(plain.replace(",", "."))


@lru_cache(maxsize=65536)
def _german_word_value(word: str) -> float | None:
    """The value of a German number word ("einundzwanzig" → 21), or None."""
    try:
        return float(text2num(word, "de"))
    except ValueError:
        return None


def _multiplier(text: str, end: int, table: dict[str, float]) -> tuple[float, int]:
    """The multiplier word right after ``end`` and where it ends, or (1, end)."""
    match = _FOLLOWING_WORD.match(text, end)
    if match:
        factor = table.get(match.group(1).lower())
        if factor is not None:
            return factor, match.end()
    return 1.0, end


def german_numbers(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[NumberMention]:
    """Numbers in a German sentence outside the ``skip`` spans."""

    def skipped(start: int, end: int) -> bool:
        return any(start < b and end > a for a, b in skip)

    found: list[NumberMention] = []
    for match in _GERMAN_DIGITS.finditer(text):
        if skipped(*match.span()):
            continue
        factor, end = _multiplier(text, match.end(), _GERMAN_MULTIPLIERS)
        unit = _GERMAN_UNIT.match(text, end)
        end = unit.end() if unit else end
        found.append(NumberMention(match.start(), end, _german_value(match.group()) * factor))
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word in _GERMAN_MULTIPLIERS or skipped(*match.span()):
            continue
        # Capitalised mid-sentence, a number word is a noun ("in Acht nehmen", "die Elf").
        if match.group()[0].isupper() and text[: match.start()].rstrip()[-1:].isalnum():
            continue
        value = _german_word_value(word)
        if value is None or value < _SMALLEST_GERMAN_WORD:
            continue
        following = _FOLLOWING_WORD.match(text, match.end())
        if following and following.group(1).lower() in _FRACTIONS:
            continue
        factor, end = _multiplier(text, match.end(), _GERMAN_MULTIPLIERS)
        found.append(NumberMention(match.start(), end, value * factor))
    found.sort(key=lambda mention: mention.start)
    return found


def english_numbers(text: str) -> list[tuple[str, float, float]]:
    """Every value an English sentence states, with the text that states it.

    "3.5 million" gives both 3.5 and 3,500,000, so that either German form finds it. The
    third item is where the number stands, as a share of the sentence's length.
    """
    spelled = alpha2digit(text, "en", threshold=0)
    length = max(len(spelled), 1)
    values: list[tuple[str, float, float]] = []
    for match in _ENGLISH_DIGITS.finditer(spelled):
        value = float(match.group().replace(",", ""))
        position = match.start() / length
        unit = _ENGLISH_UNIT.match(spelled, match.end())
        values.append(
            (spelled[match.start() : unit.end() if unit else match.end()], value, position)
        )
        factor, end = _multiplier(spelled, match.end(), _ENGLISH_MULTIPLIERS)
        if factor == 1.0:
            # alpha2digit turns "3.5 million" into "3.5 1000000".
            after = _ENGLISH_DIGITS.match(spelled, match.end() + 1)
            if after and after.group() in ("1000", "1000000", "1000000000"):
                factor, end = float(after.group()), after.end()
        if factor != 1.0:
            values.append((spelled[match.start() : end], value * factor, position))
    return values


def format_english(value: float) -> str:
    """``value`` as English writes it: 1,234.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0")


def _digit_likeness(german: str, mention: NumberMention, english: str) -> float:
    """How alike the digits of a German number and an English one are (0–100).

    A changed figure keeps most of its digits ("2.200" → "2,220"): that is the likelier
    replacement than another number of the sentence.
    """
    german_digits = re.sub(r"\D", "", german[mention.start : mention.end])
    english_digits = re.sub(r"\D", "", english)
    if not german_digits or not english_digits:
        return 0.0
    return float(fuzz.ratio(german_digits, english_digits))


def _percent(german: str, mention: NumberMention) -> bool:
    return bool(re.search(r"%|Prozent", german[mention.start : mention.end]))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def check_numbers(
    german: str,
    english: str,
    dates: Sequence[tuple[int, int]],
    times: Sequence[tuple[int, int]],
) -> list[Finding]:
    """Numbers of ``german`` whose value the English does not state.

    Numbers inside ``dates`` are reported as dates; ``times`` are left out (see ``dates``).
    """
    english_values = english_numbers(english)
    german_values = german_numbers(german, times)
    unmatched = [
        (text, position)
        for text, value, position in english_values
        if not any(_same(value, mention.value) for mention in german_values)
    ]
    findings = []
    for mention in german_values:
        if any(_same(mention.value, value) for _text, value, _position in english_values):
            continue
        here = mention.start / max(len(german), 1)
        nearest = min(
            unmatched,
            key=lambda item: (-_digit_likeness(german, mention, item[0]), abs(item[1] - here)),
            default=None,
        )
        in_date = any(mention.start < b and mention.end > a for a, b in dates)
        kind = CheckKind.DATE if in_date else CheckKind.NUMBER
        findings.append(
            Finding(
                kind,
                mention.start,
                mention.end,
                german[mention.start : mention.end],
                format_english(mention.value) + ("%" if _percent(german, mention) else ""),
                nearest[0] if nearest else None,
            )
        )
    return findings
