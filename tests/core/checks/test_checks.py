"""The translation checks on hand-made pairs: one or more cases for every rule."""

from __future__ import annotations

import pytest

from reader.core.checks.model import CheckKind, Finding
from reader.core.checks.numbers import english_numbers, german_numbers
from reader.core.checks.pairs import check_pair


def _kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.kind.value, f.de) for f in findings]


def _span(text: str, part: str, label: str = "PER") -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), label


@pytest.mark.parametrize(
    ("german", "value"),
    [
        ("1.234,5", 1234.5),
        ("1.000", 1000.0),  # a thousand in German
        ("1,000", 1.0),  # one, with three decimals
        ("17 000", 17000.0),
        ("3,5 Mio.", 3.5e6),
        ("2,3 Milliarden", 2.3e9),
        ("zwölf", 12.0),
        ("einundzwanzig", 21.0),
        ("zehn Millionen", 1e7),
    ],
)
def test_german_number_forms(german: str, value: float) -> None:
    assert [m.value for m in german_numbers(f"Es waren {german} Leute.")] == [value]


def test_german_articles_and_fractions_are_not_checked() -> None:
    assert german_numbers("Ein Mann kam mit zwei Hunden, zwei Drittel blieben.") == []


def test_english_forms_give_every_value() -> None:
    values = {value for _text, value, _at in english_numbers("1,234.5 and 3.5 million, third")}
    assert {1234.5, 3.5, 3.5e6, 3.0} <= values


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es kostete 1.234,5 Euro.", "It cost 1,234.5 euros."),
        ("Es kostete 3,5 Mio. Euro.", "It cost €3.5 million."),
        ("Es kamen 17 000 Menschen.", "17,000 people came."),
        ("Es kamen zwölf Menschen.", "Twelve people came."),
        ("20 Prozent stimmten zu.", "20% agreed."),
        ("Die Zahl stieg um 20 %.", "The number rose by 20 percent."),
        ("Er wurde am 3. Oktober 2020 gewählt.", "He was elected on October 3, 2020."),
        ("Er wurde am 3. Oktober 2020 gewählt.", "He was elected on 3 October 2020."),
        ("Am Montag um 9:30 Uhr", "On Monday at 9:30 am"),
        ("Um 15 Uhr begann es.", "It began at 3 p.m."),
        ("gegen 02:30 UTC", "at around 0230 UTC"),
        ("Er ist der 3. in der Liste.", "He is third on the list."),
        ("Sie gab 50 US-Dollar aus.", "She spent $50."),
        ("Es kostete 10 Franken.", "It cost 10 Swiss francs."),
        ("Spiele zwischen 1995 und 2000", "games between 1995 and 2000"),
    ],
)
def test_faithful_pairs_pass(german: str, english: str) -> None:
    assert check_pair(german, english) == []


@pytest.mark.parametrize(
    ("german", "english", "kind", "de", "found"),
    [
        ("20 Prozent stimmten zu.", "2% agreed.", "number", "20 Prozent", "2%"),
        ("Es kostete 1.000 Euro.", "It cost 1.000 euros.", "number", "1.000", "1.000"),
        ("Es kostete 3,5 Mio. Euro.", "It cost €3.5 billion.", "number", "3,5 Mio.", "3.5"),
        ("Es kamen zwölf Menschen.", "Eleven people came.", "number", "zwölf", "11"),
        ("Es kostete 50 Euro.", "It cost 50 dollars.", "currency", "Euro", "dollars"),
        ("am 3. Oktober 2020", "on October 4, 2020", "date", "3", "4"),
        ("am 3. Oktober 2020", "on November 3, 2020", "date", "Oktober", "November"),
        ("am Montag", "on Tuesday", "date", "Montag", "Tuesday"),
        ("um 9:30 Uhr", "at 10:30 am", "date", "9:30 Uhr", "10:30 am"),
    ],
)
def test_changed_values_are_flagged(
    german: str, english: str, kind: str, de: str, found: str
) -> None:
    findings = check_pair(german, english)
    assert [(f.kind.value, f.de, f.found) for f in findings] == [(kind, de, found)]


def test_a_dropped_number_has_nothing_found() -> None:
    (finding,) = check_pair("Er hatte 49 Spiele.", "He had games.")
    assert finding.kind is CheckKind.NUMBER
    assert (finding.expected, finding.found) == ("49", None)


@pytest.mark.parametrize(
    ("german", "name", "english"),
    [
        ("Merkels Rede war kurz.", "Merkels", "Merkel's speech was short."),
        ("Er fuhr nach München.", "München", "He went to Munich."),
        ("Er fuhr nach Köln.", "Köln", "He went to Cologne."),
        ("Er traf Selenskyj.", "Selenskyj", "He met Zelensky."),
        ("Er traf Angela Merkel.", "Angela Merkel", "He met Merkel."),
        ("Sie zog nach Moskau.", "Moskau", "She moved to Moscow."),
        ("Er sprach mit Müller.", "Müller", "He spoke with Muller."),
    ],
)
def test_names_with_a_counterpart_pass(german: str, name: str, english: str) -> None:
    assert check_pair(german, english, [_span(german, name)]) == []


def test_a_dropped_name_is_flagged_with_its_english_form() -> None:
    german = "Er fuhr nach München und traf Merkel."
    entities = [_span(german, "München", "LOC"), _span(german, "Merkel")]
    (finding,) = check_pair(german, "He went there and met Merkel.", entities)
    assert (finding.kind, finding.de, finding.expected, finding.found) == (
        CheckKind.NAME,
        "München",
        "Munich",
        None,
    )


def test_a_swapped_name_names_the_replacement() -> None:
    german = "Die Dalhousie University in Halifax"
    findings = check_pair(
        german,
        "The Stanford University in Halifax",
        [_span(german, "Dalhousie University", "ORG")],
    )
    assert [(f.de, f.found) for f in findings] == [("Dalhousie University", "Stanford")]
    findings = check_pair(
        german, "Stanford in Halifax", [_span(german, "Dalhousie University", "ORG")]
    )
    assert [(f.de, f.found) for f in findings] == [("Dalhousie University", "Stanford")]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Saison 1995-96 war gut.", "The 1995-96 season was good."),
        ("Es waren 10 bis 12 Leute.", "There were 10 to 12 people."),
        ("Nimm dich in Acht.", "Take care."),  # a noun, not the number eight
        ("Das kostet 5 US-Dollar.", "That costs $5."),  # "US" inside the currency
        ("Um 11.00 Uhr begann es.", "It began at 11:00."),
        ("Am Mittwochnachmittag regnete es.", "On Wednesday afternoon it rained."),
        ("Zwei Drittel stimmten zu.", "Two-thirds agreed."),
        ("Die Zahl stieg um 3,5 %.", "The number rose by 3.5%."),
    ],
)
def test_more_faithful_pairs_pass(german: str, english: str) -> None:
    assert check_pair(german, english) == []


def test_a_compound_weekday_and_a_range_end_are_checked() -> None:
    assert _kinds(check_pair("Am Mittwochnachmittag", "On Thursday afternoon")) == [
        ("date", "Mittwoch")
    ]
    assert _kinds(check_pair("10 bis 12 Leute", "10 to 13 people")) == [("number", "12")]


def test_a_name_no_recognizer_found_is_still_checked_when_unknown_to_german() -> None:
    # "Noosa" is in no German word list and no compound: a name, dropped here.
    findings = check_pair("Dort gewann Noosa mit 11 Punkten.", "There they won by 11 points.")
    assert _kinds(findings) == [("name", "Noosa")]


def test_a_changed_figure_is_named_by_its_likeliest_replacement() -> None:
    (finding,) = check_pair(
        "Kahne und Truex belegen mit 2.200 und 2.207 Punkten den fünften und sechsten Platz.",
        "Kahne and Truex are fifth and sixth with 2,220 and 2,207 points.",
    )
    assert (finding.de, finding.found) == ("2.200", "2,220")
