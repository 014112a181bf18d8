"""Layout as rendered: element boxes on the desktop, fit and legibility on the phone, portal parts.

Desktop (1366×768), from the boxes of visible elements:

- **columns**: along horizontal scan lines every 16 px down the first two screens, the runs
  of text boxes separated by gaps of 24 px or more; the most frequent run count is the
  number of columns;
- **grid regularity**: the share of content blocks (visible boxes ≥ 120×40 px holding text)
  whose left edge lies on one of the six most used vertical lines (±4 px);
- **whitespace**: the share of the first screen's 8 px cells covered by no text, image or
  control;
- **first screen**: visible characters, links and images above the fold; navigation links
  (the widest row of ≥ 4 links in the top 320 px) and the path depths of the first screen's
  internal links (how deep the site is reachable without scrolling);
- **portal parts** (:func:`portal_parts`): the standard parts of a Chinese government portal,
  judged on what is *visible* (``innerText`` skips ``display:none``) — header with emblem or
  name, navigation, news, notices, open government, services, interaction, and the footer's
  sponsor, ICP number and 政府网站标识码; plus an accessible / elderly mode entry (适老化).

Phone (390×844, touch, mobile user agent): horizontal overflow (document wider than the
layout viewport), characters by font size in CSS px, and tap targets smaller than
24×24 px whose 24 px circle meets another target (WCAG 2.2 SC 2.5.8, the spacing exception).
Why by hand: these are box geometry over the live DOM; no library measures them for a page
we already hold open.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

DESKTOP = """(limit) => {
  const W = innerWidth, H = innerHeight, sx = scrollX, sy = scrollY;
  const vis = el => { const cs = getComputedStyle(el); return cs.visibility === 'visible' && cs.display !== 'none' && parseFloat(cs.opacity) > 0; };
  // text boxes (one per text-bearing element), images, controls
  const texts = [];
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let n, count = 0; const parents = new Set();
  while ((n = walker.nextNode()) && count < limit) {
    if (!n.nodeValue.trim()) continue;
    const el = n.parentElement; if (!el || parents.has(el)) continue; parents.add(el);
    if (!vis(el)) continue;
    const range = document.createRange(); range.selectNodeContents(n);
    for (const r of range.getClientRects()) { if (r.width >= 1 && r.height >= 1) texts.push([r.left + sx, r.top + sy, r.right + sx, r.bottom + sy, n.nodeValue.trim().length]); }
    count += 1;
  }
  const media = [];
  let seenMedia = 0;
  for (const el of document.querySelectorAll('img,svg,video,canvas,input,button,select,textarea,iframe')) {
    if (++seenMedia > limit) break;
    const r = el.getBoundingClientRect(); if (r.width < 2 || r.height < 2 || !vis(el)) continue;
    media.push([r.left + sx, r.top + sy, r.right + sx, r.bottom + sy, el.tagName.toLowerCase()]);
  }
  // whitespace of the first screen (8 px cells)
  const C = 8, cols = Math.ceil(W / C), rows = Math.ceil(H / C), cells = new Uint8Array(cols * rows);
  const mark = ([l, t, r, b]) => { const x0 = Math.max(0, Math.floor(l / C)), x1 = Math.min(cols - 1, Math.floor((r - 1) / C));
    const y0 = Math.max(0, Math.floor(t / C)), y1 = Math.min(rows - 1, Math.floor((b - 1) / C));
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) cells[y * cols + x] = 1; };
  let firstChars = 0;
  for (const t of texts) if (t[1] < H) { mark(t); firstChars += t[4]; }
  for (const m of media) if (m[1] < H) mark(m);
  let covered = 0; for (const c of cells) covered += c;
  // columns: runs of text along scan lines
  const runsHist = new Map(); const pageH = Math.min(document.documentElement.scrollHeight, 2 * H);
  for (let y = 8; y < pageH; y += 16) {
    const xs = texts.filter(t => t[1] <= y && t[3] >= y).map(t => [t[0], t[2]]).sort((a, b) => a[0] - b[0]);
    if (!xs.length) continue;
    let runs = 1, end = xs[0][1];
    for (const [l, r] of xs.slice(1)) { if (l - end >= 24) runs += 1; end = Math.max(end, r); }
    runsHist.set(runs, (runsHist.get(runs) || 0) + 1);
  }
  let columns = 0, best = -1; for (const [k, v] of runsHist) if (v > best || (v === best && k > columns)) { best = v; columns = k; }
  // grid regularity: left edges of content blocks
  const edges = new Map(); let blocks = 0, visited = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (blocks >= limit || ++visited > 8 * limit) break;
    const cs = getComputedStyle(el); if (cs.display === 'inline' || cs.display === 'none' || cs.display === 'contents') continue;
    const r = el.getBoundingClientRect(); if (r.width < 120 || r.height < 40 || r.top + sy > 3 * H) continue;
    if (!el.innerText || !el.innerText.trim()) continue;
    blocks += 1; const x = Math.round((r.left + sx) / 4) * 4; edges.set(x, (edges.get(x) || 0) + 1);
  }
  const lines = [...edges.entries()].sort((a, b) => b[1] - a[1]);
  const onLines = lines.slice(0, 6).reduce((s, [x, c]) => s + c, 0);
  // links: first screen, navigation row, internal depths
  const host = location.hostname.replace(/^www\\./, '');
  const links = []; let seenLinks = 0; for (const a of document.querySelectorAll('a[href]')) {
    if (++seenLinks > 4 * limit) break;
    const r = a.getBoundingClientRect(); if (r.width < 1 || r.height < 1 || !vis(a)) continue;
    links.push([r.left + sx, r.top + sy, r.right + sx, r.bottom + sy, a.href]);
    if (links.length >= 3000) break;
  }
  const rowsMap = new Map();
  for (const l of links) if (l[1] < 320) { const k = Math.round((l[1] + l[3]) / 12); if (!rowsMap.has(k)) rowsMap.set(k, []); rowsMap.get(k).push(l); }
  let navLinks = 0;
  for (const row of rowsMap.values()) { const span = Math.max(...row.map(l => l[2])) - Math.min(...row.map(l => l[0]));
    if (row.length >= 4 && span >= 400 && row.length > navLinks) navLinks = row.length; }
  const depths = new Set(); let firstLinks = 0;
  for (const l of links) if (l[1] < H) { firstLinks += 1;
    try { const u = new URL(l[4]); if (u.hostname.replace(/^www\\./, '') === host) depths.add(Math.min(5, u.pathname.split('/').filter(Boolean).length)); } catch (e) {} }
  // header: an emblem image or large text in the top 200 px
  let emblem = false, bigText = false;
  for (const el of Array.from(document.images).slice(0, 500)) { const r = el.getBoundingClientRect();
    if (r.top + sy < 200 && r.width >= 16 && r.height >= 16 && vis(el) && /国徽|徽|logo|标志|emblem|guohui/i.test((el.alt || '') + ' ' + el.src + ' ' + el.className)) emblem = true; }
  for (const t of texts) if (t[1] < 200) { const el = document.elementFromPoint(Math.min(W - 1, (t[0] + t[2]) / 2 - sx), (t[1] + t[3]) / 2 - sy);
    if (el && parseFloat(getComputedStyle(el).fontSize) >= 20) { bigText = true; break; } }
  const body = document.body ? document.body.innerText : '';
  return {page_height: document.documentElement.scrollHeight, page_width: document.documentElement.scrollWidth,
          columns, grid_blocks: blocks, grid_lines: lines.length, grid_regularity: blocks ? Math.round(onLines / blocks * 1000) / 1000 : null,
          whitespace: Math.round((1 - covered / cells.length) * 1000) / 1000,
          first_screen_chars: firstChars, first_screen_links: firstLinks,
          first_screen_images: media.filter(m => m[1] < H && (m[4] === 'img' || m[4] === 'svg')).length,
          nav_links: navLinks, link_depths: [...depths].sort(), links_visible: links.length,
          header_emblem: emblem, header_big_text: bigText, visible_text: body.slice(0, 200000)};
}"""

PHONE = """(limit) => {
  const de = document.documentElement;
  const vis = el => { const cs = getComputedStyle(el); return cs.visibility === 'visible' && cs.display !== 'none' && parseFloat(cs.opacity) > 0; };
  const sizes = new Map(); let chars = 0, count = 0;
  const walker = document.createTreeWalker(document.body || de, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode()) && count < limit) {
    const t = n.nodeValue.replace(/\\s+/g, ''); if (!t) continue;
    const el = n.parentElement; if (!el || !vis(el)) continue;
    const r = el.getBoundingClientRect(); if (r.width < 1 || r.height < 1) continue;
    count += 1; chars += t.length;
    const s = Math.round(parseFloat(getComputedStyle(el).fontSize) * 10) / 10;
    sizes.set(s, (sizes.get(s) || 0) + t.length);
  }
  const sx = scrollX, sy = scrollY, targets = [];
  let seenTargets = 0;
  for (const el of document.querySelectorAll('a[href],button,input:not([type=hidden]),select,textarea,[role=button],[onclick]')) {
    if (targets.length >= 1500 || ++seenTargets > 4 * limit) break;
    if (!vis(el)) continue;
    const r = el.getBoundingClientRect(); if (r.width < 1 || r.height < 1) continue;
    targets.push({l: r.left + sx, t: r.top + sy, r: r.right + sx, b: r.bottom + sy, small: r.width < 24 || r.height < 24,
                  label: (el.innerText || el.value || el.alt || el.getAttribute('aria-label') || '').trim().slice(0, 30)});
  }
  const dist = (cx, cy, q) => Math.hypot(Math.max(q.l - cx, 0, cx - q.r), Math.max(q.t - cy, 0, cy - q.b));
  let small = 0, crowded = 0; const examples = [];
  for (let i = 0; i < targets.length; i++) {
    const p = targets[i]; if (!p.small) continue; small += 1;
    const cx = (p.l + p.r) / 2, cy = (p.t + p.b) / 2;
    let bad = false;
    for (let j = 0; j < targets.length && !bad; j++) {
      if (i === j) continue; const q = targets[j];
      if (q.l > cx + 36 || q.r < cx - 36 || q.t > cy + 36 || q.b < cy - 36) continue;
      if (dist(cx, cy, q) < 12) bad = true;
      else if (q.small && Math.hypot((q.l + q.r) / 2 - cx, (q.t + q.b) / 2 - cy) < 24) bad = true;
    }
    if (bad) { crowded += 1; if (examples.length < 5) examples.push({label: p.label, width: Math.round(p.r - p.l), height: Math.round(p.b - p.t)}); }
  }
  return {viewport_width: innerWidth, layout_width: de.clientWidth, document_width: de.scrollWidth,
          page_height: de.scrollHeight, overflow_px: Math.max(0, de.scrollWidth - de.clientWidth),
          text_chars: chars, chars_by_size: [...sizes.entries()].sort((a, b) => a[0] - b[0]),
          tap_targets: targets.length, small_targets: small, crowded_targets: crowded, crowded_examples: examples,
          first_screen_chars: 0};
}"""

#: Bound on text nodes / blocks scanned per page.
MAX_NODES = 6000

#: Part → keywords searched in the visible text (the header, navigation and footer parts
#: are judged on boxes and their own words; see :func:`portal_parts`).
PART_WORDS: dict[str, tuple[str, ...]] = {
    "news": ("要闻", "新闻", "动态", "头条", "时政"),
    "notices": ("通知公告", "通知", "公告", "公示"),
    "open_government": ("政务公开", "信息公开", "政府信息公开", "政府公开"),
    "services": ("政务服务", "网上办事", "办事服务", "在线办事", "便民服务", "办事大厅"),
    "interaction": ("互动交流", "政民互动", "领导信箱", "留言", "咨询", "信箱", "投诉"),
    "footer_sponsor": ("主办单位", "主办：", "主办:", "主 办"),
    "footer_icp": ("ICP备", "ICP证", "icp备"),
    "footer_site_code": ("网站标识码",),
    "accessible_mode": ("无障碍", "长者模式", "关怀版", "适老", "老年模式", "大字版"),
}
#: Parts every government portal is expected to show (their absence is a finding); ``notices``
#: and ``accessible_mode`` are scored but not required.
REQUIRED_PARTS = ("header", "navigation", "news", "open_government", "services", "interaction",
                  "footer_sponsor", "footer_icp", "footer_site_code")
ALL_PARTS = REQUIRED_PARTS[:2] + ("news", "notices") + REQUIRED_PARTS[3:] + ("accessible_mode",)
MIN_NAV_LINKS = 4
_PATTERNS = {k: re.compile("|".join(map(re.escape, v))) for k, v in PART_WORDS.items()}


def portal_parts(desktop: dict[str, Any]) -> dict[str, bool]:
    """Which standard parts the rendered homepage shows (see the module docstring)."""
    text = str(desktop.get("visible_text") or "")
    found = {k: bool(p.search(text)) for k, p in _PATTERNS.items()}
    found["header"] = bool(desktop.get("header_emblem") or desktop.get("header_big_text"))
    found["navigation"] = int(desktop.get("nav_links") or 0) >= MIN_NAV_LINKS
    return {part: found[part] for part in ALL_PARTS}


def same_site(url: str, host: str) -> bool:
    h = (urlsplit(url).hostname or "").lower()
    return h.removeprefix("www.") == host.lower().removeprefix("www.")


async def desktop_layout(page: Any) -> dict[str, Any]:
    data = await page.evaluate(DESKTOP, MAX_NODES)
    data["parts"] = portal_parts(data)
    data.pop("visible_text", None)
    return data


async def phone_layout(page: Any) -> dict[str, Any]:
    return await page.evaluate(PHONE, MAX_NODES)
