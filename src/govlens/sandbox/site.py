"""The spec of one sandbox site: its look, its columns and the defects injected into it.

:func:`build_site` draws every decision from ``random.Random(f"{seed}:{platform.id}")`` in a fixed
order, so a site depends only on the seed, its platform and ``as_of``; adding platforms never
changes another site's defects. Column items are drawn lazily from their own streams
(``f"{seed}:{platform.id}:col:{i}"``) the first time a page needs them, so building hundreds of
sites is cheap.

Defect rates (share of sites) are the ``RATE_*`` constants below.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox import colors
from govlens.sandbox.families import draw_family
from govlens.sandbox.families.identity import Identity, compliance_truth, draw_identity
from govlens.sandbox.inspection import InspectionSpec, build_inspection
from govlens.sandbox.text import (
    COLUMN_KINDS,
    NEWS,
    NOTICE,
    OTHER,
    ColumnKind,
    item_title,
    place_of,
)

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

# --- newest item of a column, in days before as_of: (healthy range, stale range) by column type.
# Census windows: news 14 days, notices/policy 180 days, other columns 365 days.
NEWEST_DAYS = {
    NEWS: ((0, 7), (30, 200)),
    NOTICE: ((0, 60), (250, 600)),
    OTHER: ((0, 200), (450, 900)),
}
GAP_DAYS = {NEWS: (1, 5), NOTICE: (3, 30), OTHER: (10, 60)}

SERVICE_COLUMNS = frozenset({"bszn", "bmfw", "hdjl", "ldxx"})   # service / interaction columns: never empty
HOME = "home"                        # placement of a page defect on the homepage (else a column code)
UNHEALTHY = frozenset({D.SITE_DOWN, D.INTERMITTENT_OUTAGE, D.SLOW_RESPONSE})
DATE_STYLES = ("iso", "short", "slash", "cn", "paren")

# National hosts the sandbox also serves (homepage only); campaign sites link to them.
NATIONAL_SITES: tuple[tuple[str, str], ...] = (
    ("中国政府网", "www.gov.cn"), ("新华网", "www.xinhuanet.com"), ("人民网", "www.people.com.cn"),
    ("中国人大网", "www.npc.gov.cn"), ("中国政协网", "www.cppcc.gov.cn"), ("中国文明网", "www.wenming.cn"),
    ("违法和不良信息举报中心", "www.12377.cn"), ("中央纪委国家监委网站", "www.ccdi.gov.cn"),
)


@dataclass(frozen=True, slots=True)
class Item:
    title: str
    date: dt.date
    path: str


@dataclass(slots=True)
class Column:
    index: int
    kind: ColumnKind
    code: str
    colnum: int
    state: str                       # ok | stale | empty
    newest: int                      # days before as_of of the newest item
    count: int

    @property
    def name(self) -> str:
        return self.kind.name

    @property
    def path(self) -> str:
        return f"/col/{self.code}/index.html"


@dataclass(eq=False)
class Site:
    platform: Platform
    seed: int
    as_of: dt.date
    scheme: str
    host: str
    home_path: str
    name: str
    place: str
    encoding: str                    # utf-8 | gbk
    charset_label: str               # label used in declarations
    charset_decl: str                # header | meta | http-equiv | both | none
    date_style: str
    server: str
    header_bg: str
    text_color: str
    footer_bg: str
    flags: frozenset[str]            # site-level defect kinds
    columns: list[Column]
    art_base: int
    broken_internal: list[tuple[str, str, str]]   # (placement, path, link text)
    broken_external: list[tuple[str, str, str]]   # (placement, absolute url, link text)
    noalt: frozenset[str]                         # placements
    low_contrast: dict[str, tuple[str, str | None]]   # placement → (colour, background)
    robots: bool
    robots_sitemap: bool
    sitemap: bool
    n_services: int
    n_topics: int
    icp: str
    site_code: str
    inspection: InspectionSpec = field(default_factory=lambda: InspectionSpec(frozenset()))
    friends: list[tuple[str, str]] = field(default_factory=list)     # (name, url) of healthy campaign sites
    nationals: list[tuple[str, str]] = field(default_factory=list)   # (name, url)
    visual: frozenset[str] = frozenset()      # browser-visible site-level kinds (see sandbox.style)
    css_low_contrast: bool = False            # grey list text set by the stylesheet
    hidden_parts: tuple[str, ...] = ()        # portal parts hidden by the stylesheet (HIDEABLE_PARTS)
    accessible_mode: bool = False             # header links to 无障碍 / 长者模式
    civ_columns: dict[int, str] = field(default_factory=dict)   # 文明网: column index → 文明传播 topic
    civ_missing: tuple[str, ...] = ()         # 文明网: core topics with no column (sandbox.civilization)
    family: str = "portal"                    # layout family (sandbox.families); recorded in the truth only
    identity: Identity | None = None          # footer identity and compliance defects (sandbox.families.identity)

    # --- derived
    @property
    def base(self) -> str:
        return f"{self.scheme}://{self.host}"

    @property
    def home_url(self) -> str:
        return f"{self.base}{self.home_path}"

    @property
    def healthy(self) -> bool:
        return not (self.flags & UNHEALTHY) and not self.inspection.flaky_rate

    def has(self, kind: str) -> bool:
        return kind in self.flags or kind in self.inspection.flags

    def has_visual(self, kind: str) -> bool:
        return kind in self.visual

    def column_by_code(self, code: str) -> Column | None:
        return self._columns_by_code.get(code)

    @cached_property
    def _columns_by_code(self) -> dict[str, Column]:
        return {c.code: c for c in self.columns}

    def page_url(self, placement: str) -> str:
        if placement == HOME:
            return self.home_url
        return f"{self.base}{self._columns_by_code[placement].path}"

    def items(self, col: Column) -> list[Item]:
        return self._items[col.index]

    @cached_property
    def _items(self) -> list[list[Item]]:
        return [self._draw_items(c) for c in self.columns]

    def _draw_items(self, col: Column) -> list[Item]:
        if col.state == "empty":
            return []
        rng = random.Random(f"{self.seed}:{self.platform.id}:col:{col.index}")
        lo, hi = GAP_DAYS[col.kind.ctype]
        day = self.as_of - dt.timedelta(days=col.newest)
        out = []
        civ = self.civ_columns.get(col.index)
        for j in range(col.count):
            n = self.art_base + col.index * 100 + j
            if civ is not None:
                from govlens.sandbox.civilization import title as civ_title
                title = civ_title(rng, civ, self.place)
            else:
                title = item_title(rng, col.kind.ctype, self.place, day.year, day.month)
            path = f"/art/{day.year:04d}/{day.month:02d}/{day.day:02d}/art_{col.colnum}_{n}.html"
            out.append(Item(title, day, path))
            day -= dt.timedelta(days=rng.randint(lo, hi))
        return out

    @cached_property
    def articles(self) -> dict[str, tuple[Column, int]]:
        """Article path → (column, index in the column's items)."""
        out = {}
        for col in self.columns:
            for j, it in enumerate(self.items(col)):
                out[it.path] = (col, j)
        return out

    # --- ground truth
    def defects(self) -> list[dict[str, str]]:
        """Every injected defect, once: site-level ones at the homepage URL, URL-level at their URL."""
        found: set[tuple[str, str]] = set()
        spec = self.inspection
        for kind in self.flags | (spec.flags - D.URL_LEVEL_KINDS):
            found.add((kind, self.platform.url.strip()))
        if D.SITE_DOWN not in self.flags:
            for col in self.columns:
                if col.state == "stale":
                    found.add((D.STALE_COLUMN, f"{self.base}{col.path}"))
                elif col.state == "empty":
                    found.add((D.EMPTY_COLUMN, f"{self.base}{col.path}"))
            for _, path, _ in self.broken_internal:
                found.add((D.BROKEN_INTERNAL_LINK, f"{self.base}{path}"))
            for _, url, _ in self.broken_external:
                found.add((D.BROKEN_EXTERNAL_LINK, url))
            for placement in self.noalt:
                found.add((D.IMAGE_WITHOUT_ALT, self.page_url(placement)))
            for placement in self.low_contrast:
                found.add((D.LOW_CONTRAST, self.page_url(placement)))
            for letter in spec.letters:
                if letter.replied is None and (self.as_of - letter.asked).days > 90:
                    found.add((D.UNANSWERED_LETTER, f"{self.base}{letter.path}"))
            for i in spec.guide_missing:
                found.add((D.INCOMPLETE_SERVICE_GUIDE, f"{self.base}/fw/fw_{i}.html"))
            if spec.broken_attachment is not None:
                found.add((D.BROKEN_ATTACHMENT, f"{self.base}{attachment_path(spec.broken_attachment)}"))
            if spec.wrong_wording is not None:
                col = self._columns_by_code[spec.wrong_wording[0]]
                found.add((D.WRONG_WORDING, f"{self.base}{self.items(col)[0].path}"))
            if spec.harmful is not None:
                found.add((D.HARMFUL_CONTENT, self.home_url))
            home = self.platform.url.strip()
            for kind in self.visual:
                found.add((kind, home))
            if self.css_low_contrast or HOME in self.low_contrast:
                found.add((D.RENDERED_LOW_CONTRAST, home))
            if self.civ_missing:
                found.add((D.CIVILIZATION_TOPIC_MISSING, home))
            found |= compliance_truth(self, home)
        order = {k: i for i, k in enumerate(D.ALL_KINDS)}
        return [{"kind": k, "url": u} for k, u in sorted(found, key=lambda x: (order[x[0]], x[1]))]


def attachment_path(i: int) -> str:
    """The form download of service ``i`` (a broken one answers 404)."""
    return f"/fw/files/fw_{i}_sqb.doc"


def build_site(platform: Platform, seed: int, as_of: dt.date, icp_abbr: str) -> Site:
    """Draw every decision of one site from its own random stream."""
    rng = random.Random(f"{seed}:{platform.id}")
    parts = urlsplit(platform.url.strip())
    scheme = parts.scheme.lower() if parts.scheme.lower() in ("http", "https") else "http"
    home_path = parts.path or "/"
    place = place_of(platform.name)

    # --- look
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

    # --- site-level defects
    flags: set[str] = set()
    care = REGION_CARE.get(platform.region, 1.0)
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
    stale_home = D.STALE_HOMEPAGE in flags

    # --- columns: a news column first (always fresh unless the homepage is stale), then a mix
    k = rng.randint(8, 12)
    news = [c for c in COLUMN_KINDS if c.ctype == NEWS]
    first = rng.choice(news[:2])
    rest = [c for c in COLUMN_KINDS if c is not first]
    picked = [first]
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
    for c in columns:
        healthy, stale = NEWEST_DAYS[c.kind.ctype]
        lo, hi = stale if c.state == "stale" else healthy
        c.newest = rng.randint(lo, hi)
    art_base = rng.randint(1000, 60000)

    # --- URL-level defects
    placements = [HOME] + [c.code for c in columns]
    r_bi, n_bi = rng.random(), rng.randint(1, 3)
    r_be, n_be = rng.random(), rng.randint(1, 2)
    r_alt, n_alt = rng.random(), rng.randint(1, 2)
    r_lc, n_lc = rng.random(), rng.randint(1, 2)
    broken_internal: list[tuple[str, str, str]] = []
    if r_bi < RATE_BROKEN_INTERNAL * care:
        codes = {c.code for c in columns}
        for j in range(n_bi):
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
            broken_internal.append((where, path, text))
    broken_external: list[tuple[str, str, str]] = []
    if r_be < RATE_BROKEN_EXTERNAL * care:
        for j in range(n_be):
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
            broken_external.append((where, url, text))
    noalt = frozenset(rng.sample(placements, n_alt)) if r_alt < RATE_IMAGE_WITHOUT_ALT * care else frozenset()
    low_contrast: dict[str, tuple[str, str | None]] = {}
    if r_lc < RATE_LOW_CONTRAST * care:
        for where in rng.sample(placements, n_lc):
            low_contrast[where] = rng.choice(colors.LOW_PAIRS)

    # --- files and size
    robots = rng.random() < 0.7
    sitemap = rng.random() < 0.5
    robots_sitemap = robots and sitemap and rng.random() < 0.6
    big = platform.level in ("central", "provincial")
    mid = platform.level in ("sub_provincial", "prefecture")
    n_services = rng.randint(50, 90) if big else rng.randint(30, 50) if mid else rng.randint(12, 25)
    n_topics = rng.randint(6, 10) if big else rng.randint(4, 7) if mid else rng.randint(2, 4)
    if stale_home:
        n_topics = 0            # a neglected site has no current topics (topic pages list the newest news)
    icp = f"{icp_abbr}ICP备{rng.randint(10**7, 10**8 - 1)}号"
    site_code = f"{rng.randint(10**9, 10**10 - 1)}"
    if platform.level == "central":          # central departments' codes are bm + 8 digits
        site_code = f"bm{site_code[-8:]}"

    inspection = build_inspection(
        seed=seed, platform_id=platform.id, as_of=as_of, flags=frozenset(flags), scheme=scheme,
        column_codes=[c.code for c in columns if c.state != "empty"],
        has_mailbox_column=any(c.kind.code in ("ldxx", "hdjl") for c in columns),
        broken_internal=bool(broken_internal), n_services=n_services, care=care)
    visual = _draw_visual(platform, seed, care, down)
    family, frng = draw_family(seed, platform.id)
    if family == "jcms" and encoding != "gbk":     # 大汉 JCMS sites of the period publish GBK pages
        encoding, charset_label = "gbk", "gbk"
        charset_decl = "meta" if charset_decl == "both" else charset_decl
    identity = draw_identity(frng, name=platform.name, place=place, host=platform.host, abbr=icp_abbr,
                             site_code=site_code, n_columns=len(columns), empty_meta=family == "jcms"
                             and frng.random() < 0.3, down=down)
    return Site(
        platform=platform, seed=seed, as_of=as_of, scheme=scheme, host=platform.host, home_path=home_path,
        name=platform.name, place=place, encoding=encoding, charset_label=charset_label,
        charset_decl=charset_decl, date_style=date_style, server=server, header_bg=header_bg,
        text_color=text_color, footer_bg=footer_bg, flags=frozenset(flags), columns=columns, art_base=art_base,
        broken_internal=broken_internal, broken_external=broken_external, noalt=noalt, low_contrast=low_contrast,
        robots=robots, robots_sitemap=robots_sitemap, sitemap=sitemap, n_services=n_services, n_topics=n_topics,
        icp=icp, site_code=site_code, inspection=inspection, family=family, identity=identity, **visual,
    )


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
