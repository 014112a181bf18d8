"""Civilization-dissemination websites (文明网, series 6): topics and depth."""
