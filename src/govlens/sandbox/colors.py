"""Inline colours of sandbox pages and the WCAG contrast ratio that separates healthy from low-contrast text.

Healthy pages only use the pairs in :data:`GOOD_TEXT` / :data:`HEADER_BACKGROUNDS` (ratio >= 7);
a ``low_contrast`` page carries one pair of :data:`LOW_PAIRS` (ratio < 3).
"""
from __future__ import annotations

WHITE = "#ffffff"
# text colours used inline on white or on the light footer background
GOOD_TEXT = ("#333333", "#222222", "#1a1a1a", "#000000", "#003366", "#8b0000")
FOOTER_BACKGROUNDS = ("#f2f2f2", "#f5f5f5", "#eeeeee")
# dark header backgrounds that carry white text
HEADER_BACKGROUNDS = ("#0b3d91", "#003a70", "#1f3f6b", "#7a0000", "#8b0000", "#064e3b", "#113a6b")
# (text colour, background colour or None for "no inline background": white)
LOW_PAIRS = (
    ("#cccccc", None), ("#aaaaaa", WHITE), ("#999999", None), ("#777777", "#666666"), ("#ffcc00", WHITE),
    ("#ffffff", "#dddddd"), ("#b0b0b0", "#f2f2f2"),
)


def _lum(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    out = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = out
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str, bg: str | None) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (``None`` background = white)."""
    a, b = _lum(fg), _lum(bg or WHITE)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)
