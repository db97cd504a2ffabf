"""Property tests: any text in any format gives a sane Document or EmptyDocument, and marks
always cover exactly the characters they marked in the source."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import errors
from reader.core.document.html_blocks import html_to_blocks
from reader.core.document.loading import load_text
from reader.core.document.model import MarkKind
from tests.core.document.test_loading_bad_input import assert_sane

MARKUP = "<>[]()*_`#>-!=/\"'&;:.\n\r\t  \u00a0\u00adaäoöuüßAZ019"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(
    text=st.text(alphabet=st.sampled_from(list(MARKUP)) | st.characters(), max_size=300),
    fmt=st.sampled_from(["markdown", "text", "html"]),
)
def test_any_text_loads_sanely_or_is_empty(text: str, fmt: str) -> None:
    try:
        doc = load_text(text, format=fmt)
    except errors.EmptyDocument:
        return
    assert_sane(doc, literal_markup=True)


WORD = st.text(alphabet="abcdefghäöüßXYZ", min_size=1, max_size=8)
GAP = st.sampled_from([" ", "  ", "\n", " \n\t ", "\t", "\r\n"])


@FUZZ
@given(
    segments=st.lists(
        st.tuples(st.lists(WORD, min_size=1, max_size=4), st.booleans(), GAP, GAP),
        min_size=1,
        max_size=8,
    )
)
def test_marks_cover_exactly_what_was_marked(
    segments: list[tuple[list[str], bool, str, str]],
) -> None:
    parts = []
    expected = []
    for words, bold, inner_gap, outer_gap in segments:
        content = html.escape(inner_gap.join(words))
        parts.append(f"<b>{inner_gap}{content}{inner_gap}</b>" if bold else content)
        parts.append(outer_gap)
        if bold:
            expected.append(" ".join(words))
    (block,) = html_to_blocks("<p>" + "".join(parts) + "</p>")
    marked = [block.text[m.start : m.end] for m in block.marks if m.kind is MarkKind.BOLD]
    # Adjacent bold segments may touch; compare the marked characters, not the count.
    assert " ".join(marked).split() == " ".join(expected).split()
    for mark in block.marks:
        assert block.text[mark.start] != " " and block.text[mark.end - 1] != " "
