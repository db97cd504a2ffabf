"""Word level: lemma, noun gender and plural, compound parts, offline dictionary entries."""
