"""Multi-word geographic names: patterns for seas and straits, the shipped city list."""

from __future__ import annotations

from reader.core.entities.places import city_names, mark_places, place_matches
from reader.core.entities.rules import RawSpan


def _names(text: str) -> list[str]:
    return [text[a:b] for a, b in place_matches(text)]


def test_seas_straits_and_gulfs_in_any_case():
    text = "Tanker im Persischen Golf und in der Straße von Hormus, am Golf von Oman."
    assert _names(text) == ["Persischen Golf", "Straße von Hormus", "Golf von Oman"]
    assert _names("Der Persische Golf, das Rote Meer und die Kieler Bucht.") == [
        "Persische Golf",
        "Rote Meer",
        "Kieler Bucht",
    ]


def test_a_road_from_a_town_a_lake_compound_and_an_article_are_not_places():
    assert _names("Die Straße von Berlin nach Potsdam ist gesperrt.") == []
    assert _names("Beim Ausbruch des Laacher See-Vulkans.") == []
    assert _names("Der See ist kalt.") == []


def test_the_shipped_city_list_holds_multi_word_cities():
    assert ("Bandar", "Abbas") in city_names()
    assert all(len(name) >= 2 for name in city_names())
    assert _names("Der Hafen von Bandar Abbas liegt im Süden.") == ["Bandar Abbas"]


def test_a_place_replaces_the_name_the_tagger_cut_out_of_it():
    text = "Der Hafen von Bandar Abbas liegt im Süden."
    start = text.index("Abbas")
    spans = mark_places(text, [RawSpan(start, start + len("Abbas"), "PER")])
    assert [(text[s.start : s.end], s.label) for s in spans] == [("Bandar Abbas", "LOC")]


def test_a_longer_name_around_a_place_and_a_person_of_the_same_words_stay():
    text = "Die Bulls schlugen die San Antonio Spurs."
    start = text.index("San")
    team = RawSpan(start, start + len("San Antonio Spurs"), "ORG")
    assert mark_places(text, [team]) == [team]
    text = "Dort sprach Francisco Morato."
    start = text.index("Francisco")
    person = RawSpan(start, len(text) - 1, "PER")
    # "Francisco Morato" is also a district of São Paulo in the city list.
    assert ("Francisco", "Morato") in city_names()
    assert mark_places(text, [person]) == [person]
