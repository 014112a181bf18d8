"""Serious wording errors and harmful content on the pages fetched (严重错误)."""
