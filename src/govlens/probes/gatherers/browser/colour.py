"""Colour as rendered: the palette of the screenshot, and the contrast of every text on the page.

Two sources, each for what it is good at:

- the **screenshot** (first screen, desktop) gives the dominant colours a person sees,
  with their shares: Pillow's median-cut quantiser, on a downscaled copy;
- the **computed styles** give, for every visible text, its colour, size, weight and the
  nearest painted background behind it (the first ancestor with an opaque-enough
  ``background-color``; a background image makes the pair unknown), and so the WCAG 2.x
  contrast ratio of each text, weighted by its characters; the count of distinct text and
  background colours and of font families the page uses (inputs to 色彩搭配 and 网站设计).

axe-core's ``color-contrast`` rule (see :mod:`.axe`) is the standard verdict on contrast;
these statistics describe the whole page and feed the framework's curves.
"""
from __future__ import annotations

import io
from typing import Any

#: Computed-style statistics of the visible text (run in the page).
TEXT_STYLES = """(limit) => {
  const parse = c => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const hex = ([r, g, b]) => '#' + [r, g, b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  const bgCache = new Map();
  const background = el => {
    const stack = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (bgCache.has(e)) { const v = bgCache.get(e); stack.forEach(s => bgCache.set(s, v)); return v; }
      stack.push(e);
      const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') { stack.forEach(s => bgCache.set(s, null)); return null; }
      const c = parse(cs.backgroundColor);
      if (c && c[3] >= 0.9) { stack.forEach(s => bgCache.set(s, c)); return c; }
    }
    const white = [255, 255, 255, 1]; stack.forEach(s => bgCache.set(s, white)); return white;
  };
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const textColours = new Map(), bgColours = new Map(), fonts = new Map(), sizes = new Map();
  let chars = 0, judged = 0, passing = 0, unknown = 0, nodes = 0, worst = null;
  const buckets = [0, 0, 0, 0, 0];           // chars by ratio: <3, 3-4.5, 4.5-7, 7-12, >=12
  let n;
  while ((n = walker.nextNode()) && nodes < limit) {
    const text = n.nodeValue.replace(/\\s+/g, '');
    if (!text) continue;
    const el = n.parentElement;
    if (!el) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible' || cs.display === 'none' || parseFloat(cs.opacity) === 0) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    nodes += 1;
    const k = text.length;
    chars += k;
    const fg = parse(cs.color); const size = parseFloat(cs.fontSize); const weight = parseInt(cs.fontWeight) || 400;
    const family = (cs.fontFamily.split(',')[0] || '').replace(/["']/g, '').trim().toLowerCase();
    fonts.set(family, (fonts.get(family) || 0) + k);
    sizes.set(Math.round(size), (sizes.get(Math.round(size)) || 0) + k);
    if (!fg) { unknown += k; continue; }
    textColours.set(hex(fg), (textColours.get(hex(fg)) || 0) + k);
    const bg = background(el);
    if (!bg) { unknown += k; continue; }
    bgColours.set(hex(bg), (bgColours.get(hex(bg)) || 0) + k);
    const a = fg[3];
    const mixed = [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a));
    const l1 = lum(mixed), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const large = size >= 24 || (size >= 18.66 && weight >= 700);
    const need = large ? 3 : 4.5;
    judged += k;
    if (ratio >= need) passing += k;
    buckets[ratio < 3 ? 0 : ratio < 4.5 ? 1 : ratio < 7 ? 2 : ratio < 12 ? 3 : 4] += k;
    if (ratio < need && (!worst || ratio < worst.ratio))
      worst = {ratio: Math.round(ratio * 100) / 100, color: hex(mixed), background: hex(bg), size,
               text: n.nodeValue.trim().slice(0, 80)};
  }
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  return {text_chars: chars, judged_chars: judged, passing_chars: passing, unknown_chars: unknown,
          ratio_buckets: buckets, worst: worst, text_nodes: nodes,
          text_colours: top(textColours, 12), text_colour_count: textColours.size,
          background_colours: top(bgColours, 12), background_colour_count: bgColours.size,
          fonts: top(fonts, 8), font_family_count: fonts.size, font_sizes: top(sizes, 12), font_size_count: sizes.size};
}"""

#: Elements' computed-style scan bound (a hostile page may have millions of text nodes).
MAX_TEXT_NODES = 6000
PALETTE_COLOURS = 6
PALETTE_WIDTH = 160


async def text_styles(page: Any) -> dict[str, Any]:
    """Contrast, colours and fonts of the visible text (see :data:`TEXT_STYLES`)."""
    return await page.evaluate(TEXT_STYLES, MAX_TEXT_NODES)


def palette(png: bytes, colours: int = PALETTE_COLOURS) -> list[dict[str, Any]]:
    """Dominant colours of a screenshot with their shares of the pixels, largest first."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        im = im.convert("RGB")
        im.thumbnail((PALETTE_WIDTH, PALETTE_WIDTH * 4))
        q = im.quantize(colors=colours, method=Image.Quantize.MEDIANCUT)
        pal = q.getpalette() or []
        counts = sorted(q.getcolors() or [], reverse=True)
        total = sum(c for c, _ in counts) or 1
    out = []
    for count, index in counts:
        r, g, b = pal[index * 3: index * 3 + 3]
        out.append({"colour": f"#{r:02x}{g:02x}{b:02x}", "share": round(count / total, 4)})
    return out


def thumbnail(png: bytes, width: int, quality: int = 70) -> bytes:
    """A small JPEG of a screenshot (for the scorecard)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        im = im.convert("RGB")
        im.thumbnail((width, width * 4))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()
