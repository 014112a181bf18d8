"""Text cells made safe for spreadsheets, shared by every stage that writes CSV or XLSX.

The report (:mod:`govlens.report.safety`) and the composite-indicator engine's exports
(:mod:`govlens.scoring.export`, ``govlens compare``) both write names and details that came
from a registry, a data table or a scanned page. A cell a spreadsheet would run as a formula
(``=HYPERLINK(…)``, ``+1+cmd|…``, ``@SUM``, also after spaces or as full-width ``＝``) gets a
leading apostrophe, and bidirectional controls (U+202E …) are dropped: they make a name read
one way and be another. The rules live here, below both stages, so they are the same everywhere.
"""
from __future__ import annotations

import math
from typing import Any

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional embedding, override and isolate controls (and LRM/RLM/ALM)."""
    return text.translate(_BIDI) if isinstance(text, str) else text


def neutralise_cell(value: Any) -> Any:
    """A string a spreadsheet would read as a formula gets a leading single quote; other values pass."""
    if isinstance(value, str):
        value = strip_bidi(value)
        if value.lstrip(" ").startswith(FORMULA_START):
            return "'" + value
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
