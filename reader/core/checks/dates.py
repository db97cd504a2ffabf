"""Dates and times: German month and weekday names, clock times, against their English forms.

Days and years are numbers and are compared by ``numbers``; this module finds which German
numbers belong to a date (so a changed day is reported as a date) and compares the words and
clock times that a number check cannot see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.checks.model import CheckKind, Finding

GERMAN_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
ENGLISH_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
GERMAN_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ENGLISH_WEEKDAYS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}

_GERMAN_MONTH = "|".join(sorted(GERMAN_MONTHS, key=len, reverse=True))
# "3. Oktober 2020", "3. Oktober", "Oktober 2020"
GERMAN_DATE = re.compile(
    rf"(?<![\w.])(?:\d{{1,2}}\.\s*)?(?:{_GERMAN_MONTH})\b(?:\s+\d{{4}}\b)?", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]+")
# 9:30 Uhr, 11.00 Uhr, 15 Uhr, 02:30 (UTC)
_GERMAN_TIME = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s*Uhr\b|(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])"
)
_ENGLISH_TIME = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock|h\b)"
    r"|(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])"
    r"|(?<![\d.,:])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:UTC|GMT|hours|hrs|h)\b)"
    r"|\b(noon|midday|midnight)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClockTime:
    start: int
    end: int
    hour: int
    minute: int


def german_times(text: str) -> list[ClockTime]:
    """Clock times in German text ("9:30 Uhr", "11.00 Uhr", "15 Uhr", "02:30")."""
    found = []
    for match in _GERMAN_TIME.finditer(text):
        hour = match.group(1) or match.group(3)
        minute = match.group(2) or match.group(4) or "0"
        if int(hour) <= 24 and int(minute) < 60:
            found.append(ClockTime(match.start(), match.end(), int(hour), int(minute)))
    return found


def english_times(text: str) -> list[ClockTime]:
    """Clock times in English text ("9:30 am", "3 p.m.", "09:30", "0230 UTC", "noon")."""
    found = []
    for match in _ENGLISH_TIME.finditer(text):
        groups = match.groups()
        if groups[7]:
            hour, minute = (0, 0) if groups[7].lower() == "midnight" else (12, 0)
        else:
            hour_text = groups[0] or groups[3] or groups[5]
            minute_text = groups[1] or groups[4] or groups[6] or "0"
            hour, minute = int(hour_text), int(minute_text)
            if groups[2] and groups[2].lower().startswith("p") and hour < 12:
                hour += 12
        found.append(ClockTime(match.start(), match.end(), hour, minute))
    return found


def _same_time(german: ClockTime, english: ClockTime) -> bool:
    # "9 Uhr" may be "9 am" or "9 o'clock"; "21 Uhr" may be "9 pm" or "9 o'clock".
    return german.minute == english.minute and german.hour % 12 == english.hour % 12


def _format_time(time: ClockTime) -> str:
    return f"{time.hour}:{time.minute:02d}"


def date_spans(german: str) -> list[tuple[int, int]]:
    """Spans of German dates ("3. Oktober 2020") whose numbers count as dates."""
    return [match.span() for match in GERMAN_DATE.finditer(german)]


def time_spans(german: str) -> list[tuple[int, int]]:
    """Spans of German clock times, which the number check leaves to this module."""
    return [(time.start, time.end) for time in german_times(german)]


def _compound_prefix(table: dict[str, int]) -> re.Pattern[str]:
    names = sorted((name for name in table if len(name) >= 4), key=len, reverse=True)
    return re.compile(rf"({'|'.join(names)})\w{{4,}}")


# "Mittwochnachmittag", "Oktobertagung": the name in front of a noun
_COMPOUNDS = {id(t): _compound_prefix(t) for t in (GERMAN_MONTHS, GERMAN_WEEKDAYS)}


def _words(
    text: str, table: dict[str, int], *, compounds: bool = False
) -> list[tuple[int, int, int]]:
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        value = table.get(word)
        if value is not None:
            out.append((match.start(), match.end(), value))
        elif compounds and (head := _COMPOUNDS[id(table)].fullmatch(word)):
            name = head.group(1)
            out.append((match.start(), match.start() + len(name), table[name]))
    return out


def check_dates(german: str, english: str) -> list[Finding]:
    """Months, weekdays and clock times of ``german`` missing or changed in ``english``."""
    findings: list[Finding] = []
    english_months = _words(english, ENGLISH_MONTHS)
    # "May" and "March" are also ordinary English words; a capital marks the month.
    english_months = [m for m in english_months if english[m[0]].isupper()]
    month_values = {value for _s, _e, value in english_months}
    for start, end, value in _words(german, GERMAN_MONTHS, compounds=True):
        if not german[start].isupper() or value in month_values:
            continue
        other = english[english_months[0][0] : english_months[0][1]] if english_months else None
        findings.append(
            Finding(CheckKind.DATE, start, end, german[start:end], MONTH_NAMES[value - 1], other)
        )
    english_days = _words(english, _ENGLISH_WEEKDAYS)
    day_values = {value for _s, _e, value in english_days}
    for start, end, value in _words(german, GERMAN_WEEKDAYS, compounds=True):
        if value in day_values:
            continue
        other = english[english_days[0][0] : english_days[0][1]] if english_days else None
        findings.append(
            Finding(CheckKind.DATE, start, end, german[start:end], WEEKDAY_NAMES[value], other)
        )
    times = english_times(english)
    for time in german_times(german):
        if any(_same_time(time, other) for other in times):
            continue
        found = english[times[0].start : times[0].end] if times else None
        findings.append(
            Finding(
                CheckKind.DATE,
                time.start,
                time.end,
                german[time.start : time.end],
                _format_time(time),
                found,
            )
        )
    return findings
