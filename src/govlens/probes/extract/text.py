"""Text clean-up shared by the page extractors (``html_extract`` and its helpers).

Lives apart so the helper modules can use it without importing ``html_extract``.
"""
from __future__ import annotations

MAX_TEXT = 80                    # characters kept from one piece of page text


def clean(text: str | None, limit: int = MAX_TEXT) -> str:
    """Whitespace collapsed, trimmed to ``limit`` characters."""
    if not text:
        return ""
    return " ".join(text.split())[:limit]
