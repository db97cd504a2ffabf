"""German-specific NER rules: genitive, declension, hyphen compounds, abbreviations."""

from __future__ import annotations

from reader.core.entities.rules import RawSpan, entity_key, fold, known_names, refine_spans


def _surfaces(text: str, spans: list[RawSpan]) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in spans]


def test_genitive_s_of_a_person_is_dropped_in_the_key():
    assert entity_key("Merkels", "PER") == "Merkel"
    assert entity_key("Angela Merkels", "PER") == "Angela Merkel"


def test_names_ending_in_s_keep_it():
    assert entity_key("Klaus", "PER") == "Klaus"
    assert entity_key("Thomas", "PER") == "Thomas"
    assert entity_key("Paris", "LOC") == "Paris"
    assert entity_key("Siemens", "ORG") == "Siemens"


def test_genitive_of_places_and_known_forms():
    assert entity_key("Deutschlands", "LOC") == "Deutschland"
    assert entity_key("Frankreichs", "LOC") == "Frankreich"
    # "Chinas" cannot be told from a name by its ending; a known "China" decides.
    assert entity_key("Chinas", "LOC", {"China"}) == "China"
    assert entity_key("Chinas", "LOC") == "Chinas"


def test_declined_multiword_names_come_back_to_one_key():
    assert entity_key("Deutschen Bank", "ORG") == "Deutsche Bank"
    assert entity_key("Deutsche Bank", "ORG") == "Deutsche Bank"
    assert entity_key("Deutschen Bundestages", "ORG") == "Deutsche Bundestag"
    assert entity_key("Europäischen Zentralbank", "ORG") == "Europäische Zentralbank"
    assert entity_key("Weißen Hauses", "LOC") == "Weiße Haus"
    assert entity_key("Weiße Haus", "LOC") == "Weiße Haus"


def test_plural_names_and_city_adjectives_are_left_alone():
    assert entity_key("Vereinigten Staaten", "LOC") == "Vereinigten Staaten"
    assert entity_key("Frankfurter Allgemeinen Zeitung", "ORG") == (
        "Frankfurter Allgemeine Zeitung"
    )
    assert entity_key("Johannes Gutenberg", "PER") == "Johannes Gutenberg"


def test_compound_from_the_model_is_cut_to_its_name_part():
    text = "Der Konzern verkauft Nvidia-Chips nach China."
    start = text.index("Nvidia-Chips")
    spans = refine_spans(text, [RawSpan(start, start + len("Nvidia-Chips"), "ORG")])
    assert ("Nvidia", "ORG") in _surfaces(text, spans)
    assert all(text[s.start : s.end] != "Nvidia-Chips" for s in spans)


def test_known_name_starting_a_compound_becomes_an_entity():
    text = "Die US-Exportkontrollen treffen auch SPD-Politiker."
    spans = refine_spans(text, [])
    assert _surfaces(text, spans) == [("US", "LOC"), ("SPD", "ORG")]
    assert text[spans[0].start : spans[0].end] == "US"


def test_name_found_elsewhere_in_the_document_counts_for_compounds():
    text = "Die Acmewerk-Aktie fiel."
    assert refine_spans(text, []) == []
    spans = refine_spans(text, [], {"Acmewerk": "ORG"})
    assert _surfaces(text, spans) == [("Acmewerk", "ORG")]


def test_compound_names_that_are_names_themselves_stay_whole():
    text = "Sie wohnt in Baden-Württemberg."
    start = text.index("Baden")
    spans = refine_spans(text, [RawSpan(start, start + len("Baden-Württemberg"), "LOC")])
    assert _surfaces(text, spans) == [("Baden-Württemberg", "LOC")]


def test_lowercase_tail_of_a_compound_is_cut():
    text = "Das gilt EU-weit."
    spans = refine_spans(text, [RawSpan(9, 16, "ORG")])
    assert _surfaces(text, spans) == [("EU", "ORG")]


def test_abbreviations_missed_by_the_model_are_added():
    text = "Laut WSJ wollen die USA und die EU reden."
    spans = refine_spans(text, [])
    assert _surfaces(text, spans) == [("WSJ", "ORG"), ("USA", "LOC"), ("EU", "ORG")]


def test_abbreviation_inside_a_model_entity_is_not_doubled():
    text = "Die CDU Hessen tagt."
    spans = refine_spans(text, [RawSpan(4, 14, "ORG")])
    assert _surfaces(text, spans) == [("CDU Hessen", "ORG")]


def test_quotes_and_punctuation_are_trimmed_from_spans():
    text = 'Er sagte: "Merkel," und ging.'
    spans = refine_spans(text, [RawSpan(10, 18, "PER")])
    assert _surfaces(text, spans) == [("Merkel", "PER")]
    assert refine_spans(text, [RawSpan(8, 9, "PER")]) == []


def test_known_names_table_is_compact_and_labelled():
    table = known_names()
    assert 50 < len(table) < 1000
    assert table["WSJ"] == "ORG"
    assert table["USA"] == "LOC"


def test_fold_ignores_case_and_diacritics():
    assert fold("Österreich") == fold("osterreich")
    assert fold("Straße") == "strasse"


def test_leading_article_is_not_part_of_the_name():
    text = "Er sprach mit der Deutschen Bank."
    start = text.index("der")
    spans = refine_spans(text, [RawSpan(start, len(text) - 1, "ORG")])
    assert _surfaces(text, spans) == [("Deutschen Bank", "ORG")]
    # A capitalised "Der" at the start of a title stays ("Der Spiegel").
    assert _surfaces("Der Spiegel", refine_spans("Der Spiegel", [RawSpan(0, 11, "ORG")])) == [
        ("Der Spiegel", "ORG")
    ]


def test_roles_and_titles_are_not_people():
    text = "Bahnchefin Petra Hoffmann und Kanzlerin Merkel trafen den Außenminister."
    spans = [
        RawSpan(0, text.index(" und"), "PER"),
        RawSpan(text.index("Kanzlerin"), text.index(" trafen"), "PER"),
        RawSpan(text.index("Außenminister"), len(text) - 1, "PER"),
    ]
    assert _surfaces(text, refine_spans(text, spans)) == [
        ("Petra Hoffmann", "PER"),
        ("Merkel", "PER"),
    ]


def test_district_tagged_whole_by_the_model_stays_whole():
    text = "Das Büro liegt in Berlin-Mitte, die Reise begann in Berlin-Tegel."
    spans = [
        RawSpan(text.index("Berlin-Mitte"), text.index("Berlin-Mitte") + 12, "LOC"),
        RawSpan(text.index("Berlin-Tegel"), text.index("Berlin-Tegel") + 12, "LOC"),
    ]
    assert _surfaces(text, refine_spans(text, spans)) == [
        ("Berlin-Mitte", "LOC"),
        ("Berlin-Tegel", "LOC"),
    ]
    # A place in front of a common noun is still only the place: "Berlin-Reise".
    text = "Die Berlin-Reise fiel aus."
    assert _surfaces(text, refine_spans(text, [])) == [("Berlin", "LOC")]


def test_role_in_front_of_a_name_makes_it_a_person():
    text = "Der Grünen-Politiker Hans-Christian Ströbele traf Snowden."
    start = text.index("Grünen")
    span = RawSpan(start, text.index(" traf"), "LOC")
    assert _surfaces(text, refine_spans(text, [span])) == [("Hans-Christian Ströbele", "PER")]
    # A title is not a role noun: the model's place stays a place.
    text = "Sie besuchten den Kaiser Wilhelm Turm."
    span = RawSpan(text.index("Kaiser"), text.index("."), "LOC")
    assert _surfaces(text, refine_spans(text, [span])) == [("Kaiser Wilhelm Turm", "LOC")]
