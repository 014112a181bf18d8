"""The spec of one sandbox site: its columns, items and injected defects, and the truth it reports.

A :class:`Site` is drawn by :func:`govlens.sandbox.site_build.build_site`; column items are drawn
lazily from their own streams (``f"{seed}:{platform.id}:col:{i}"``) the first time a page needs
them, so building hundreds of sites is cheap. :meth:`Site.defects` is the site's ground truth.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from functools import cached_property

from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox.families.identity import Identity, compliance_truth
from govlens.sandbox.inspection import InspectionSpec
from govlens.sandbox.text import NEWS, NOTICE, OTHER, ColumnKind, item_title

# --- newest item of a column, in days before as_of: (healthy range, stale range) by column type.
# Census windows: news 14 days, notices/policy 180 days, other columns 365 days.
NEWEST_DAYS = {
    NEWS: ((0, 7), (30, 200)),
    NOTICE: ((0, 60), (250, 600)),
    OTHER: ((0, 200), (450, 900)),
}
GAP_DAYS = {NEWS: (1, 5), NOTICE: (3, 30), OTHER: (10, 60)}

HOME = "home"                        # placement of a page defect on the homepage (else a column code)
UNHEALTHY = frozenset({D.SITE_DOWN, D.INTERMITTENT_OUTAGE, D.SLOW_RESPONSE})

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
class Hosted:
    """A platform served on a host of its own (a leader mailbox, a mobile portal): where it answers, the
    place its pages name, and its injected defects."""

    platform: Platform
    host: str
    scheme: str
    home_path: str
    place: str
    flags: frozenset[str]

    @property
    def base(self) -> str:
        return f"{self.scheme}://{self.host}"


def served_at(platform: Platform) -> dict[str, str]:
    """A :class:`Hosted`'s host, scheme and home path, as its platform's URL gives them."""
    scheme, rest = platform.url.strip().split("://", 1)
    home_path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    return {"host": platform.host, "scheme": scheme.lower(), "home_path": home_path or "/"}


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

