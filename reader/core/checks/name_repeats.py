"""Names the German says more often than the English: "Air Canada … aus Kanada" needs
"Canada" twice, so one "Canada" left in the English has lost a name.

Each name found kept on its own is counted by its words' English forms (the exonym of the
word or of it without a genitive -s, else the word itself); an English form the English
says at least once but fewer times than the German's names say it flags the last name with
it. A name the English lost entirely is the name check's own finding, not counted here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from reader.core.checks.lexicon import common_noun, fold
from reader.core.checks.model import CheckKind, Finding

_WORD = re.compile(r"[^\W_]+")
# Shorter words are too often parts of other names or English words ("Air", "Los")
_SHORTEST = 4
# Longer forms count the English words they begin with: "Belgian" is said of "Belgium"
_SHARED_PREFIX = 5


def _english_forms(name: str, exonyms: Mapping[str, str]) -> set[str]:
    """The folded English words a German name's own words stand for."""
    forms = set()
    for word in _WORD.findall(name):
        if len(word) < _SHORTEST or not word[0].isupper() or common_noun(word):
            continue
        bare = word[:-1] if word.endswith("s") and len(word) > _SHORTEST else word
        english = exonyms.get(fold(word)) or exonyms.get(fold(bare))
        if english is not None:
            forms.add(fold(_WORD.findall(english)[-1]))
        else:
            forms.update({fold(word), fold(bare)})
    return forms


def _phrase(name: str, exonyms: Mapping[str, str]) -> str:
    """A name as the folded English words it should appear as."""
    words = [exonyms.get(fold(word), word) for word in _WORD.findall(name)]
    return f" {' '.join(fold(word) for word in _WORD.findall(' '.join(words)))} "


def _said(form: str, english_words: Sequence[str]) -> int:
    """How often the English says ``form``, or a word made from it ("Belgium", "Belgian")."""
    if len(form) <= _SHARED_PREFIX:
        return sum(word == form for word in english_words)
    head = form[:_SHARED_PREFIX]
    return sum(word == form or word.startswith(head) for word in english_words)


def repeated_names(
    english_folded: str, kept: Sequence[tuple[int, int, str]], exonyms: Mapping[str, str]
) -> list[Finding]:
    """Findings for names (``(start, end, text)`` in the German, each kept by the English)
    whose English form ``english_folded`` (folded words between spaces) says too seldom."""
    if len(kept) < 2:
        return []
    forms_of = [_english_forms(name, exonyms) for _start, _end, name in kept]
    needed = Counter(form for forms in forms_of for form in forms)
    findings: list[Finding] = []
    for form, count in needed.items():
        if count < 2:
            continue
        said = _said(form, english_folded.split())
        if 0 < said < count:
            with_form = [span for span, forms in zip(kept, forms_of, strict=True) if form in forms]
            # the one the English does not have as it is ("Air Canada", not "Kanada"), else
            # the last
            missing = [
                span for span in with_form if _phrase(span[2], exonyms) not in english_folded
            ]
            start, end, name = (missing or with_form)[-1]
            if all(finding.de_start != start for finding in findings):
                expected = " ".join(exonyms.get(fold(w), w) for w in name.split())
                findings.append(Finding(CheckKind.NAME, start, end, name, expected))
    return findings
