"""Citizen hotlines (12345, series 3), judged from test calls."""
