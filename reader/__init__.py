"""Offline bilingual reader for German texts."""

__version__ = "0.1.0"
