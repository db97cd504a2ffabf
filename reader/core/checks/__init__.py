"""Checks that a translation kept what must survive it: numbers, currencies, dates, names."""
