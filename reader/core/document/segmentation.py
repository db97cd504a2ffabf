"""German sentence segmentation: character spans of the sentences in a text.

A rule-based splitter, pure Python. Candidate ends are runs of ``. ! ? …`` (with closing
quotes or brackets attached) followed by whitespace; each candidate is judged from the word
before it and the word after it: abbreviations, ordinals and dates, initials, quotes. A
blank line always ends a sentence. Splitting inside a sentence hurts a translation more
than missing a split, so ambiguous cases lean towards keeping text together.
"""

from __future__ import annotations

import re
from enum import Enum

from reader.core.document.abbreviations import (
    ABBREVIATIONS,
    COMPANY_FORMS,
    MONTHS,
    ORDINAL_DETERMINERS,
    ORDINAL_NAMES,
    ORDINAL_NOUNS,
    ORDINAL_PREPOSITIONS,
    SENTENCE_STARTERS,
    VOWELLESS_WORDS,
    AbbreviationKind,
)
from reader.core.document.model import Block, BlockKind, Document, Sentence

# Quotes and brackets that may close a sentence ("… gesagt.“") or open the next one.
_CLOSERS = "\"'“”»«’‘›‹)]}"
_OPENERS = "\"'„“”»«‚‘’›‹([{"
_DASHES = "-–—"
_BREAK = r"(?>\r\n|[\r\n\u2028\u2029])"
# Candidate ends and blank lines are two patterns, not one alternation: each starts with a
# character class, which the regex engine scans for quickly. A quote standing alone after a
# sentence end closes that sentence ('so war es. " Dann'). Of the guillemets only » counts:
# set apart by spaces it closes a quote in the spaced « … » style; « there opens one.
_CANDIDATE = re.compile(
    rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?:[^\S\r\n\u2028\u2029]+[\"“”»]+)?(?=\s|\Z)"
)
_BLANK_LINE = re.compile(rf"\u2029|{_BREAK}(?:[^\S\r\n\u2028\u2029]*{_BREAK})+")
_NONSPACE = re.compile(r"\S")
_ANONYMIZED = re.compile(r"(?:^|[\s(])[A-Z]\s?\Z")  # "Firma B …", "Herr M..."
_NUMBERING = re.compile(r"(?:(?:[IVX]{1,4}|\d{1,3}|[a-z])[.)]\s+)+")  # "II. 1. "
_ENUMERATION = re.compile(r"\(?(?:([a-z])\1{0,2}|[ivx]{1,4})\)")  # "a)", "bb)", "(iv)"
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SHORT_PART = re.compile(r"[^\W\d_]{1,2}\.")
_DIGITS = re.compile(r"\d+")
_DAY_MONTH = re.compile(r"\d{1,2}\.(?:\d{1,2}|/\d{1,2})")  # "04.05.", "2./3."
_DATE_PART = re.compile(r"\d{1,2}\.")
_YEAR = re.compile(r"(?:\d{2}|\d{4})(?!\w)")
_THOUSANDS = re.compile(r"\d{3}(?!\w)")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# Matched at the end of a word: "Jahrhunderts", "Bundesliga", "Schuljahr".
_ORDINAL_NOUN = re.compile(
    "(?:" + "|".join(sorted(ORDINAL_NOUNS, key=len, reverse=True)) + r")(?:es|en|er|e|n|s)?\Z"
)
_VOWELS = set("aeiouyäöüAEIOUYÄÖÜéèàáâ")
_WINDOW = 64  # longest word we look at around a candidate; longer ones are not abbreviations


class _Next(Enum):
    """What follows a candidate end."""

    LOWER = "lower"  # a lower-case word: the sentence goes on
    PUNCT = "punct"  # , ; : ) and the like: the sentence goes on
    UPPER = "upper"
    DIGIT = "digit"
    OPENER = "opener"  # an opening quote or bracket before a word
    OTHER = "other"  # emoji, symbols


class _Prev(Enum):
    """What the word before a period is."""

    WORD = "word"
    NUMBER = "number"  # could be an ordinal: "3.", "19.", "04.05."
    INITIAL = "initial"  # "J.", "D.", "XIV."
    LOWER_LETTER = "lower-letter"  # "z." of "z. B.", "a." of "u. a."


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text``.

    Spans are in order, never overlap, carry no surrounding whitespace, and together with
    the whitespace between them cover the whole text. Text without any sentence end is one
    sentence; blank text has none.
    """
    cuts: list[int] = []
    blank_lines = [match.start() for match in _BLANK_LINE.finditer(text)]
    blank_lines.reverse()  # popped from the end, in text order
    sentence_first = _first_nonspace(text, 0)
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        while blank_lines and blank_lines[-1] < start:
            cuts.append(blank_lines.pop())
            sentence_first = _first_nonspace(text, cuts[-1])
        if _ends_sentence(text, start, end, sentence_first):
            cuts.append(end)
            sentence_first = _first_nonspace(text, end)
    cuts.extend(reversed(blank_lines))
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        span = _strip(text, start, cut)
        if span is not None:
            spans.append(span)
        start = cut
    return spans


def segment_document(document: Document) -> tuple[Sentence, ...]:
    """Every sentence of every translatable block, in document order, ids from 0."""
    sentences: list[Sentence] = []
    for block in document.blocks:
        if not block.translatable:
            continue
        for start, end in _block_spans(block):
            sentences.append(
                Sentence(
                    id=len(sentences),
                    block=block.index,
                    start=start,
                    end=end,
                    text=block.text[start:end],
                )
            )
    return tuple(sentences)


def _block_spans(block: Block) -> list[tuple[int, int]]:
    """Sentence spans of a block; a table row's sentences never cross a cell's edge."""
    if block.kind is not BlockKind.TABLE_ROW or not block.cells:
        return split_sentences(block.text)
    spans: list[tuple[int, int]] = []
    for start, end in block.cell_spans():
        spans.extend((start + a, start + b) for a, b in split_sentences(block.text[start:end]))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _first_nonspace(text: str, position: int) -> int:
    match = _NONSPACE.search(text, position)
    return match.start() if match else len(text)


def _ends_sentence(text: str, start: int, end: int, sentence_first: int) -> bool:
    """Whether the punctuation ``text[start:end]`` (followed by whitespace) ends a sentence."""
    following = _first_nonspace(text, end)
    if following == len(text):
        return False  # the end of the text ends the last sentence anyway
    punct_end = start
    while punct_end < end and text[punct_end] in ".!?…":
        punct_end += 1
    punct = text[start:punct_end]
    closed = punct_end < end  # a quote or bracket after the punctuation
    kind, next_word, next_start = _next_token(text, following)
    if kind in (_Next.LOWER, _Next.PUNCT):
        return False
    if "…" in punct or ".." in punct:
        # "[…]" and "(...)" mark an omission inside a sentence, "Firma B… GmbH" a name left
        # out. Otherwise a capital after an ellipsis starts a new sentence more often than
        # not ("wer es kann ... Übrigens").
        if kind is _Next.OTHER or start == 0 or text[start - 1] in "([{":
            return False
        return not _ANONYMIZED.search(text, max(0, start - 3), start)
    if closed and text[punct_end] == ")" and _inside_parenthesis(text, start, sentence_first):
        return False  # "500 (verunsicherte?) Kunden"
    if "!" in punct or "?" in punct or closed:
        return True
    return _period_ends_sentence(text, start, kind, next_word, next_start, sentence_first)


def _inside_parenthesis(text: str, position: int, sentence_first: int) -> bool:
    """Whether the bracket closing after ``position`` opened inside the current sentence."""
    opening = text.rfind("(", max(sentence_first, position - _WINDOW * 4), position)
    if opening <= sentence_first or ")" in text[opening:position]:
        return False
    before = text[max(0, opening - _WINDOW) : opening].rstrip()
    return bool(before) and before[-1] not in ".!?…:"


def _next_token(text: str, index: int) -> tuple[_Next, str, int]:
    """Classify the text from ``index`` on; also return the next word and where it starts."""
    # Skip a free-standing dash: "?“ – fragte er" goes on, ". – Dann" does not.
    if index < len(text) and text[index] in _DASHES:
        after = index
        while after < len(text) and text[after] in _DASHES:
            after += 1
        if after < len(text) and text[after].isspace():
            index = _first_nonspace(text, after)
    if _ENUMERATION.match(text, index):
        return _Next.OPENER, "", index  # "a)", "bb)", "(c)": a list item starts
    opened = False  # by a quote; a bracket is looked through: "(Das war gut.)"
    while index < len(text) and text[index] in _OPENERS:
        opened = opened or text[index] not in "([{"
        index += 1
    if index >= len(text):
        return _Next.OTHER, "", index
    char = text[index]
    word_match = _WORD.match(text, index)
    word = word_match.group() if word_match else ""
    if char.islower() and not (len(word) > 1 and word[1].isupper()):
        return _Next.LOWER, word, index  # but "iPhone", "eBay" may start a sentence
    if char.isalpha():
        return (_Next.OPENER if opened else _Next.UPPER), word, index
    if char.isdigit():
        return (_Next.OPENER if opened else _Next.DIGIT), word, index
    if not opened and (char in ",;:.…!?%/)]}-" or char in _CLOSERS):
        return _Next.PUNCT, word, index
    return (_Next.OPENER if opened else _Next.OTHER), word, index


def _words_before(text: str, position: int, count: int) -> list[str]:
    """Up to ``count`` whitespace-separated words before ``position``, nearest last.

    A word longer than the look-back window is returned cut off, which is harmless: no
    abbreviation or determiner is that long.
    """
    window = text[max(0, position - _WINDOW * count) : position]
    if window and window[-1].isspace():
        return [*window.rsplit(None, count - 1)[1 - count :], ""][-count:]
    return window.rsplit(None, count)[-count:]


def _period_ends_sentence(
    text: str, start: int, kind: _Next, next_word: str, next_start: int, sentence_first: int
) -> bool:
    before = _words_before(text, start, 4)
    raw = before[-1] if before else ""
    word = raw.lstrip(_OPENERS)
    if not word or word[-1] in _CLOSERS or word[-1] in ".!?…":
        return True  # '"Ja".', '(siehe oben).': the period follows a finished phrase
    word_start = start - len(word)
    abbreviation = _abbreviation_kind(word, before[:-1], word_start == sentence_first)
    if abbreviation is not None:
        return _abbreviation_ends_sentence(abbreviation, word, kind, next_word)
    prev_kind = _classify(word)
    if prev_kind is _Prev.LOWER_LETTER:
        return False
    numbering = _is_numbering(text, sentence_first, word_start)
    if prev_kind is _Prev.INITIAL:
        if numbering:
            return False  # "II. Die Klage …": numbering
        return kind is _Next.OPENER or (kind is _Next.UPPER and next_word in SENTENCE_STARTERS)
    if prev_kind is _Prev.NUMBER:
        previous = before[-2] if len(before) >= 2 else ""
        return _number_ends_sentence(text, word, kind, next_word, next_start, numbering, previous)
    return kind is not _Next.PUNCT


def _is_numbering(text: str, sentence_first: int, word_start: int) -> bool:
    """Whether only list numbers precede ``word_start`` in its sentence ("II. 1. Die …")."""
    if word_start == sentence_first:
        return True
    if word_start - sentence_first > 12:
        return False
    return bool(_NUMBERING.fullmatch(text, sentence_first, word_start))


def _abbreviation_kind(
    word: str, earlier: list[str], at_sentence_start: bool
) -> AbbreviationKind | None:
    """The abbreviation the period after ``word`` belongs to, if any ("z. B." → "z.B")."""
    keys = [word]
    if "-" in word[1:-1]:
        keys.append(word.rsplit("-", 1)[1])  # "BT-Drs.", "Max-Planck-Str."
    if _LETTERS.fullmatch(word) and len(word) <= 4:
        # Join spaced parts: "z. B.", "i. d. R.", "v. Chr.".
        joined = word
        for part in reversed(earlier):
            if not _SHORT_PART.fullmatch(part):
                break
            joined = part + joined
            keys.append(joined)
        keys.reverse()
    for key in keys:
        kind = ABBREVIATIONS.get(key)
        if kind is None and (at_sentence_start or "." in key):
            # "Vgl." and "Z. B." open sentences; elsewhere "Pol." is not "pol.".
            kind = ABBREVIATIONS.get(key[:1].lower() + key[1:])
        if kind is not None:
            return kind
    if word.endswith(("str", "Bl")) and _LETTERS.fullmatch(word):
        # "Goethestr. 5", "BGBl. I S. 2553": no German word ends like that.
        return AbbreviationKind.NEVER_FINAL
    if _DOTTED.fullmatch(word):
        # Unknown dotted abbreviations: "i.d.R", "U.S", "J.D".
        if word[-1].islower():
            return AbbreviationKind.NEVER_FINAL
        return AbbreviationKind.SOMETIMES_FINAL
    if (
        _LETTERS.fullmatch(word)
        and 1 < len(word) <= 5
        and word[0].isupper()
        and not any(char.isupper() for char in word[1:])
        and not _VOWELS.intersection(word)
        and word not in VOWELLESS_WORDS
    ):
        # "Tsd", "Hbf": no vowel, so no word. Lower-case ones are units ("cm", "kg").
        return AbbreviationKind.SOMETIMES_FINAL
    return None


def _abbreviation_ends_sentence(
    abbreviation: AbbreviationKind, word: str, kind: _Next, next_word: str
) -> bool:
    match abbreviation:
        case AbbreviationKind.NEVER_FINAL:
            return False
        case AbbreviationKind.BEFORE_NUMBER:
            return kind is not _Next.DIGIT
        case AbbreviationKind.SOMETIMES_FINAL:
            return kind is _Next.OPENER or (kind is _Next.UPPER and next_word in SENTENCE_STARTERS)
        case AbbreviationKind.OFTEN_FINAL:
            return not (word == "Co" and next_word in COMPANY_FORMS)
    return True


def _classify(word: str) -> _Prev:
    if _DIGITS.fullmatch(word) or _DAY_MONTH.fullmatch(word):
        return _Prev.NUMBER
    if len(word) == 1 and word.isalpha():
        return _Prev.LOWER_LETTER if word.islower() else _Prev.INITIAL
    if _ROMAN.fullmatch(word):
        return _Prev.INITIAL
    return _Prev.WORD


def _number_ends_sentence(
    text: str,
    number: str,
    kind: _Next,
    next_word: str,
    next_start: int,
    at_sentence_start: bool,
    previous: str,
) -> bool:
    """After "3." / "2023." / "04.05.": an ordinal or date goes on, a number at an end ends."""
    if kind is _Next.OPENER or kind is _Next.OTHER:
        return not at_sentence_start
    if kind is _Next.DIGIT:
        # "am 3. 10. 2019" is a date, "77. 000" a misplaced space; "im Jahr 2019. 2020
        # wird …" is a sentence end.
        if len(number) <= 2 and _DATE_PART.match(text, next_start):
            return False
        if len(number) <= 2 and _DATE_PART.fullmatch(previous) and _YEAR.match(text, next_start):
            return False
        return not (len(number) <= 3 and _THOUSANDS.match(text, next_start))
    if next_word in MONTHS or next_word in ORDINAL_NAMES or _ORDINAL_NOUN.search(next_word.lower()):
        return False
    if at_sentence_start:
        return False  # "1. Einleitung", "2. Nach diesen Maßstäben …": numbering
    if next_word in SENTENCE_STARTERS:
        return True
    determiner = previous.lower()
    if len(number) == 4 and determiner in ORDINAL_PREPOSITIONS:
        return True  # "bis 2025. Bayern …": after a bare preposition a year, not an ordinal
    return determiner not in ORDINAL_DETERMINERS  # "der 5. Versuch", "ab 2. Runde"
