"""Drawing one website's spec: its look, site-level defects, columns, URL-level defects, files and size.

:func:`build_site` draws every decision from ``random.Random(f"{seed}:{platform.id}")`` in a fixed
order (each ``_draw_*`` step below takes the stream where the previous left it), so a site depends
only on the seed, its platform and ``as_of``; adding platforms never changes another site's defects.

Defect rates (share of sites) are the ``RATE_*`` constants below.
"""
from __future__ import annotations

import datetime as dt
import random
from urllib.parse import urlsplit

from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox import colors
from govlens.sandbox.families import draw_family
from govlens.sandbox.families.identity import draw_identity
from govlens.sandbox.inspection import build_inspection
from govlens.sandbox.site import HOME, NATIONAL_SITES, NEWEST_DAYS, Column, Site
from govlens.sandbox.text import COLUMN_KINDS, NEWS, NOTICE, OTHER, ColumnKind, place_of

# --- defect rates (share of sites)
RATE_SITE_DOWN = 0.02
RATE_INTERMITTENT_OUTAGE = 0.07
RATE_SLOW_RESPONSE = 0.07
RATE_NO_HTTPS_REDIRECT = 0.10
RATE_STALE_HOMEPAGE = 0.07
RATE_NO_VIEWPORT = 0.12
RATE_MISSING_TITLE = 0.07
RATE_MISSING_DESCRIPTION = 0.12
RATE_NO_SITE_SEARCH = 0.08
RATE_STALE_COLUMNS = 0.15           # sites with 1–3 stale columns (besides stale_homepage sites)
RATE_EMPTY_COLUMNS = 0.10           # sites with 1–2 empty columns
RATE_BROKEN_INTERNAL = 0.12         # sites with 1–3 broken internal links
RATE_BROKEN_EXTERNAL = 0.12         # sites with 1–2 broken external links
RATE_IMAGE_WITHOUT_ALT = 0.12       # sites with 1–2 pages holding an <img> without alt
RATE_LOW_CONTRAST = 0.10            # sites with 1–2 pages holding low-contrast inline text
# Every rate is scaled by the site's region, so the sandbox shows the gap the 2013 notice reports
# ("east and coastal regions clearly above the centre and west").
# browser-visible defects (drawn from their own stream, so adding them changed no earlier decision)
RATE_CSS_LOW_CONTRAST = 0.08        # grey list text set by the stylesheet
RATE_PHONE_OVERFLOW = 0.10          # fixed 1200 px layout
RATE_TINY_TEXT = 0.08               # 10 px text
RATE_SMALL_TAP_TARGETS = 0.08       # links packed into 16 px lines
RATE_HEAVY_PAGE = 0.07              # a multi-megabyte banner image
RATE_LAYOUT_SHIFT = 0.08            # a bar inserted above the content after load
RATE_SLOW_SCRIPT = 0.07             # a 1.5 s busy task on the main thread
RATE_MISSING_PORTAL_PARTS = 0.08    # header, navigation or footer lines hidden
RATE_ACCESSIBLE_MODE = 0.35         # not a defect: the header offers 无障碍 / 长者模式 (elderly-friendly) links
HIDEABLE_PARTS = ("header", "nav", "footer")
REGION_CARE = {"national": 0.6, "east": 0.7, "sar": 0.8, "northeast": 1.2, "central": 1.3, "west": 1.6}
SERVICE_COLUMNS = frozenset({"bszn", "bmfw", "hdjl", "ldxx"})   # service / interaction columns: never empty
DATE_STYLES = ("iso", "short", "slash", "cn", "paren")


def build_site(platform: Platform, seed: int, as_of: dt.date, icp_abbr: str) -> Site:
    """Draw every decision of one site from its own random stream."""
    rng = random.Random(f"{seed}:{platform.id}")
    parts = urlsplit(platform.url.strip())
    scheme = parts.scheme.lower() if parts.scheme.lower() in ("http", "https") else "http"
    home_path = parts.path or "/"
    place = place_of(platform.name)
    look = _draw_look(rng)
    care = REGION_CARE.get(platform.region, 1.0)
    flags, down = _draw_flags(rng, care)
    columns, art_base = _draw_columns(rng, care, stale_home=D.STALE_HOMEPAGE in flags)
    broken_internal, broken_external, noalt, low_contrast = _draw_page_defects(rng, care, columns, art_base, as_of)
    files = _draw_files_and_size(rng, platform.level, D.STALE_HOMEPAGE in flags, icp_abbr)
    inspection = build_inspection(
        seed=seed, platform_id=platform.id, as_of=as_of, flags=frozenset(flags), scheme=scheme,
        column_codes=[c.code for c in columns if c.state != "empty"],
        has_mailbox_column=any(c.kind.code in ("ldxx", "hdjl") for c in columns),
        broken_internal=bool(broken_internal), n_services=files["n_services"], care=care)
    visual = _draw_visual(platform, seed, care, down)
    family, frng = draw_family(seed, platform.id)
    if family == "jcms" and look["encoding"] != "gbk":     # 大汉 JCMS sites of the period publish GBK pages
        look["encoding"], look["charset_label"] = "gbk", "gbk"
        look["charset_decl"] = "meta" if look["charset_decl"] == "both" else look["charset_decl"]
    identity = draw_identity(frng, name=platform.name, place=place, host=platform.host, abbr=icp_abbr,
                             site_code=files["site_code"], n_columns=len(columns), empty_meta=family == "jcms"
                             and frng.random() < 0.3, down=down)
    return Site(
        platform=platform, seed=seed, as_of=as_of, scheme=scheme, host=platform.host, home_path=home_path,
        name=platform.name, place=place, **look, flags=frozenset(flags), columns=columns, art_base=art_base,
        broken_internal=broken_internal, broken_external=broken_external, noalt=noalt, low_contrast=low_contrast,
        **files, inspection=inspection, family=family, identity=identity, **visual,
    )


def _draw_look(rng: random.Random) -> dict:
    """Encoding and its declaration, date style, server banner and colours."""
    gbk = rng.random() < 0.35
    if gbk:
        encoding = "gbk"
        charset_label = rng.choice(("gbk", "GBK", "gb2312", "GB2312", "gb18030"))
        charset_decl = rng.choices(("meta", "http-equiv", "header", "none"), (0.3, 0.2, 0.3, 0.2))[0]
    else:
        encoding = "utf-8"
        charset_label = rng.choice(("utf-8", "UTF-8"))
        charset_decl = rng.choices(("header", "meta", "both", "http-equiv"), (0.35, 0.3, 0.25, 0.1))[0]
    date_style = rng.choices(DATE_STYLES, (0.35, 0.2, 0.15, 0.15, 0.15))[0]
    server = rng.choice(("nginx", "Apache", "Microsoft-IIS/7.5", "nginx/1.18.0", "JCMS", "Tengine"))
    header_bg = rng.choice(colors.HEADER_BACKGROUNDS)
    text_color = rng.choice(colors.GOOD_TEXT)
    footer_bg = rng.choice(colors.FOOTER_BACKGROUNDS)
    return {"encoding": encoding, "charset_label": charset_label, "charset_decl": charset_decl,
            "date_style": date_style, "server": server, "header_bg": header_bg, "text_color": text_color,
            "footer_bg": footer_bg}


def _draw_flags(rng: random.Random, care: float) -> tuple[set[str], bool]:
    """Site-level defects, and whether the site is down (a down site gets no other)."""
    flags: set[str] = set()
    down = rng.random() < RATE_SITE_DOWN * care
    r_avail = rng.random()
    r_https, r_stale_home = rng.random(), rng.random()
    r_vp, r_title, r_desc, r_search = rng.random(), rng.random(), rng.random(), rng.random()
    if down:
        flags.add(D.SITE_DOWN)
    else:
        if r_avail < RATE_INTERMITTENT_OUTAGE * care:
            flags.add(D.INTERMITTENT_OUTAGE)
        elif r_avail < (RATE_INTERMITTENT_OUTAGE + RATE_SLOW_RESPONSE) * care:
            flags.add(D.SLOW_RESPONSE)
        for r, rate, kind in ((r_https, RATE_NO_HTTPS_REDIRECT, D.NO_HTTPS_REDIRECT),
                              (r_stale_home, RATE_STALE_HOMEPAGE, D.STALE_HOMEPAGE),
                              (r_vp, RATE_NO_VIEWPORT, D.NO_VIEWPORT),
                              (r_title, RATE_MISSING_TITLE, D.MISSING_TITLE),
                              (r_desc, RATE_MISSING_DESCRIPTION, D.MISSING_DESCRIPTION),
                              (r_search, RATE_NO_SITE_SEARCH, D.NO_SITE_SEARCH)):
            if r < rate * care:
                flags.add(kind)
    return flags, down


def _draw_columns(rng: random.Random, care: float, *, stale_home: bool) -> tuple[list[Column], int]:
    """A news column first (always fresh unless the homepage is stale), then a mix; and the article base."""
    k = rng.randint(8, 12)
    news = [c for c in COLUMN_KINDS if c.ctype == NEWS]
    first = rng.choice(news[:2])
    rest = [c for c in COLUMN_KINDS if c is not first]
    picked: list[ColumnKind] = [first]
    picked.append(rng.choice([c for c in rest if c.ctype == NOTICE]))
    picked.append(rng.choice([c for c in rest if c.ctype == OTHER]))
    picked += rng.sample([c for c in rest if c not in picked], k - 3)
    picked = [picked[0]] + sorted(picked[1:], key=COLUMN_KINDS.index)
    numeric_codes = rng.random() < 0.4
    colnum = rng.randint(1000, 9000)
    columns: list[Column] = []
    for i, ck in enumerate(picked):
        colnum += rng.randint(1, 40)
        code = f"col{colnum}" if numeric_codes else ck.code
        columns.append(Column(i, ck, code, colnum, "ok", 0, rng.randint(15, 25)))
    _draw_column_states(rng, care, columns, stale_home=stale_home)
    for c in columns:
        healthy, stale = NEWEST_DAYS[c.kind.ctype]
        lo, hi = stale if c.state == "stale" else healthy
        c.newest = rng.randint(lo, hi)
    return columns, rng.randint(1000, 60000)


def _draw_column_states(rng: random.Random, care: float, columns: list[Column], *, stale_home: bool) -> None:
    """Mark stale and empty columns (a stale homepage makes every column stale)."""
    r_stale, n_stale = rng.random(), rng.randint(1, 3)
    r_empty, n_empty = rng.random(), rng.randint(1, 2)
    order = list(range(1, len(columns)))
    rng.shuffle(order)
    if stale_home:
        for c in columns:
            c.state = "stale"
    else:
        if r_stale < RATE_STALE_COLUMNS * care:
            for i in order[:n_stale]:
                columns[i].state = "stale"
        if r_empty < RATE_EMPTY_COLUMNS * care:
            # only information columns are left empty: an empty 办事指南 or 领导信箱 page is a service
            # entry rather than a column without information, and would make the truth ambiguous
            info = [i for i in order[n_stale:] if columns[i].kind.code not in SERVICE_COLUMNS]
            for i in info[:n_empty]:
                columns[i].state = "empty"


def _draw_page_defects(rng: random.Random, care: float, columns: list[Column], art_base: int, as_of: dt.date
                       ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], frozenset[str],
                                  dict[str, tuple[str, str | None]]]:
    """URL-level defects: broken internal and external links, images without alt, low-contrast text."""
    placements = [HOME] + [c.code for c in columns]
    r_bi, n_bi = rng.random(), rng.randint(1, 3)
    r_be, n_be = rng.random(), rng.randint(1, 2)
    r_alt, n_alt = rng.random(), rng.randint(1, 2)
    r_lc, n_lc = rng.random(), rng.randint(1, 2)
    broken_internal = (_draw_broken_internal(rng, n_bi, columns, placements, art_base, as_of)
                       if r_bi < RATE_BROKEN_INTERNAL * care else [])
    broken_external = _draw_broken_external(rng, n_be, placements, as_of) if r_be < RATE_BROKEN_EXTERNAL * care else []
    noalt = frozenset(rng.sample(placements, n_alt)) if r_alt < RATE_IMAGE_WITHOUT_ALT * care else frozenset()
    low_contrast: dict[str, tuple[str, str | None]] = {}
    if r_lc < RATE_LOW_CONTRAST * care:
        for where in rng.sample(placements, n_lc):
            low_contrast[where] = rng.choice(colors.LOW_PAIRS)
    return broken_internal, broken_external, noalt, low_contrast


def _draw_broken_internal(rng: random.Random, n: int, columns: list[Column], placements: list[str], art_base: int,
                          as_of: dt.date) -> list[tuple[str, str, str]]:
    """``n`` links to pages the site does not have: an article, an upload, a column (placement, path, text)."""
    out: list[tuple[str, str, str]] = []
    codes = {c.code for c in columns}
    for j in range(n):
        where = HOME if rng.random() < 0.5 else rng.choice(placements[1:])
        form = rng.randrange(3)
        y = as_of.year - rng.randint(0, 3)
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        if form == 0:
            path = f"/art/{y:04d}/{m:02d}/{d:02d}/art_{columns[0].colnum}_{art_base + 5000 + j * 7 + rng.randint(0, 6)}.html"
            text = "相关文件"
        elif form == 1:
            path = f"/uploadfiles/{y:04d}{m:02d}/{rng.randint(10**7, 10**8 - 1)}_{j}.doc"
            text = "附件下载"
        else:
            num = rng.randint(100, 999) * 10 + j
            while f"col{num}" in codes:
                num += 10
            path = f"/col/col{num}/index.html"
            text = "往期回顾"
        out.append((where, path, text))
    return out


def _draw_broken_external(rng: random.Random, n: int, placements: list[str], as_of: dt.date
                          ) -> list[tuple[str, str, str]]:
    """``n`` links to gone pages of national sites or to closed sites (placement, absolute url, text)."""
    out: list[tuple[str, str, str]] = []
    for j in range(n):
        where = HOME if rng.random() < 0.6 else rng.choice(placements[1:])
        if rng.random() < 0.5:
            nat_name, nat_host = rng.choice(NATIONAL_SITES)
            y = as_of.year - rng.randint(1, 4)
            url = (f"http://{nat_host}/zhengce/{y:04d}-{rng.randint(1, 12):02d}/"
                   f"content_{rng.randint(10**6, 10**7 - 1)}{j}.htm")
            text = f"{nat_name}政策专题"
        else:
            url = f"http://www.closed-site-{rng.randint(100, 999)}{j}.gov.cn/"
            text = rng.choice(("原合作网站", "专题网站（已停办）", "网上展厅"))
        out.append((where, url, text))
    return out


def _draw_files_and_size(rng: random.Random, level: str, stale_home: bool, icp_abbr: str) -> dict:
    """robots.txt and sitemap, how many services and topics, the ICP number and the site code."""
    robots = rng.random() < 0.7
    sitemap = rng.random() < 0.5
    robots_sitemap = robots and sitemap and rng.random() < 0.6
    big = level in ("central", "provincial")
    mid = level in ("sub_provincial", "prefecture")
    n_services = rng.randint(50, 90) if big else rng.randint(30, 50) if mid else rng.randint(12, 25)
    n_topics = rng.randint(6, 10) if big else rng.randint(4, 7) if mid else rng.randint(2, 4)
    if stale_home:
        n_topics = 0            # a neglected site has no current topics (topic pages list the newest news)
    icp = f"{icp_abbr}ICP备{rng.randint(10**7, 10**8 - 1)}号"
    site_code = f"{rng.randint(10**9, 10**10 - 1)}"
    if level == "central":          # central departments' codes are bm + 8 digits
        site_code = f"bm{site_code[-8:]}"
    return {"robots": robots, "robots_sitemap": robots_sitemap, "sitemap": sitemap, "n_services": n_services,
            "n_topics": n_topics, "icp": icp, "site_code": site_code}


def _draw_visual(platform: Platform, seed: int, care: float, down: bool) -> dict:
    """The browser-visible defects of a site, from their own stream ``f"{seed}:{id}:visual"``."""
    rng = random.Random(f"{seed}:{platform.id}:visual")
    draws = [rng.random() for _ in range(9)]
    n_hidden = rng.randint(1, 2)
    hidden = tuple(sorted(rng.sample(HIDEABLE_PARTS, n_hidden), key=HIDEABLE_PARTS.index))
    if down:
        return {}
    visual = {kind for r, rate, kind in zip(draws, (
        RATE_PHONE_OVERFLOW, RATE_TINY_TEXT, RATE_SMALL_TAP_TARGETS, RATE_HEAVY_PAGE, RATE_LAYOUT_SHIFT,
        RATE_SLOW_SCRIPT, RATE_MISSING_PORTAL_PARTS), (
        D.PHONE_OVERFLOW, D.TINY_TEXT, D.SMALL_TAP_TARGETS, D.HEAVY_PAGE, D.LAYOUT_SHIFT, D.SLOW_SCRIPT,
        D.MISSING_PORTAL_PARTS)) if r < rate * care}
    return {"visual": frozenset(visual), "css_low_contrast": draws[7] < RATE_CSS_LOW_CONTRAST * care,
            "hidden_parts": hidden if D.MISSING_PORTAL_PARTS in visual else (),
            "accessible_mode": draws[8] < RATE_ACCESSIBLE_MODE}
