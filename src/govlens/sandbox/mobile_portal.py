"""Synthetic mobile portals (移动门户, series 3): small phone sites with injected defects, and their apps.

:func:`build_mobile_site` draws a portal from ``random.Random(f"{seed}:{platform.id}:mobile")``.
Served on the sandbox web by host like the websites (``SandboxWeb.respond``): a homepage with a
navigation, a banner, a news list and a footer, column and article pages, a stylesheet and
images whose sizes are real bytes. Defects (site-level unless said):

- ``no_viewport``: no ``<meta name="viewport">``;
- ``fixed_width_layout``: the page is laid out in a fixed width wider than a phone (a wrapper
  ``<div style="width:1000px">`` or a ``<table width="960">``);
- ``heavy_page``: banner images of several hundred KB make the homepage weigh over 1.5 MB;
- ``slow_response``: the homepage waits (the server's slow delay);
- ``broken_internal_link`` (URL-level, the target): news items pointing to pages that answer 404;
- ``stale_app``: the portal's app was last updated more than a year before the check.

App-store listings (``app_store_rows``) are written in the app-store importer's format.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox.site import Hosted, served_at

RATE = {D.NO_VIEWPORT: 0.25, D.FIXED_WIDTH_LAYOUT: 0.25, D.HEAVY_PAGE: 0.25, D.SLOW_RESPONSE: 0.15}
RATE_BROKEN = 0.3
RATE_APP = 0.75
RATE_STALE_APP = 0.3
STORES = ("App Store", "应用宝", "华为应用市场", "360手机助手")
_NEWS = ("{place}召开全市重点工作推进会", "{place}发布今冬明春保暖保供措施", "{place}政务服务中心新增自助服务区",
         "{place}开展冬季安全生产大检查", "{place}公布年度民生实事完成情况", "{place}启动网上办事大厅手机版",
         "{place}发布空气质量预报", "{place}公交线路优化调整公告", "{place}招聘事业单位工作人员公告",
         "{place}举办便民服务进社区活动")
_COLS = (("要闻", "yw"), ("公告", "gg"), ("办事", "bs"), ("互动", "hd"), ("便民", "bm"))
CSS = "body{margin:0;font:15px/1.5 sans-serif}header{background:#b22222;color:#fff;padding:8px}" \
      ".nav a{display:inline-block;padding:6px}img{max-width:100%}li{padding:4px 0}\n"


@dataclass(eq=False)
class MobileSite(Hosted):
    items: list[tuple[str, str]]                  # (title, path) of the news list
    broken: list[str]                             # paths of broken items
    images: dict[str, int]                        # path → bytes
    fixed: str                                    # "" | "div" | "table"
    apps: list[dict] = field(default_factory=list)

    def defects(self) -> list[dict[str, str]]:
        url = self.platform.url.strip()
        out = [{"kind": k, "url": url} for k in sorted(self.flags)]
        out += [{"kind": D.BROKEN_INTERNAL_LINK, "url": f"{self.base}{p}"} for p in self.broken]
        return out

    # ------------------------------------------------------------------ pages
    def home(self) -> str:
        vp = "" if D.NO_VIEWPORT in self.flags else \
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        nav = "".join(f'<a href="/m/col/{c}.html">{n}</a>' for n, c in _COLS)
        banners = "".join(f'<img src="{p}" alt="{self.place}风光">' for p in self.images if "banner" in p)
        items = "".join(f'<li><a href="{p}">{t}</a></li>' for t, p in self.items)
        body = (f'<header><h1>{self.platform.name}</h1></header>\n<nav class="nav">{nav}</nav>\n'
                f'<div class="banner">{banners}</div>\n<h2>要闻动态</h2>\n<ul class="list">{items}</ul>\n'
                f'<footer>主办：{self.place}人民政府办公室 · <a href="/m/about.html">关于我们</a></footer>')
        if self.fixed == "div":
            body = f'<div class="wrap" style="width:1000px;margin:0 auto">{body}</div>'
        elif self.fixed == "table":
            body = f'<table width="960" align="center"><tr><td>{body}</td></tr></table>'
        return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n{vp}'
                f'<title>{self.platform.name}</title>\n<link rel="stylesheet" href="/m/style.css">\n</head>\n'
                f"<body>\n{body}\n</body>\n</html>\n")

    def page(self, title: str) -> str:
        return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>'
                f'<body><h1>{title}</h1><p>{self.place}人民政府 发布。</p><a href="{self.home_path}">返回首页</a>'
                f"</body></html>\n")

    def pages(self) -> dict[str, str]:
        """Every served page path → its title (besides the homepage)."""
        out = {f"/m/col/{c}.html": n for n, c in _COLS}
        out["/m/about.html"] = "关于我们"
        out.update({p: t for t, p in self.items if p not in self.broken})
        return out


def build_mobile_site(platform: Platform, seed: int, as_of: dt.date) -> MobileSite:
    rng = random.Random(f"{seed}:{platform.id}:mobile")
    place = platform.province or "中国"
    if platform.name.startswith(("“", "中国", "移动", "数字", "无线")) is False:
        place = platform.name[:4].rstrip("区县市省") or place
    flags = {k for k, rate in RATE.items() if rng.random() < rate}
    fixed = rng.choice(("div", "table")) if D.FIXED_WIDTH_LAYOUT in flags else ""
    n_items = rng.randint(8, 12)
    items = []
    for j in range(n_items):
        day = as_of - dt.timedelta(days=j * rng.randint(1, 3))
        items.append((rng.choice(_NEWS).format(place=place), f"/m/art/{day:%Y%m%d}_{rng.randint(1000, 9999)}{j}.html"))
    broken: list[str] = []
    if rng.random() < RATE_BROKEN:
        for j in rng.sample(range(n_items), rng.randint(1, 2)):
            title, path = items[j]
            path = path.replace("/m/art/", "/m/old/")
            items[j] = (title, path)
            broken.append(path)
    heavy = D.HEAVY_PAGE in flags
    images = {f"/m/img/banner{k}.jpg": (rng.randint(520, 900) if heavy else rng.randint(25, 70)) * 1024
              for k in range(1, (rng.randint(2, 3) if heavy else rng.randint(1, 2)) + 1)}
    apps: list[dict] = []
    if rng.random() < RATE_APP:
        stale = rng.random() < RATE_STALE_APP
        updated = as_of - dt.timedelta(days=rng.randint(400, 900) if stale else rng.randint(3, 300))
        name = platform.name.replace("手机版", "").replace("门户", "")[:12] + "客户端"
        for store in rng.sample(STORES, rng.randint(1, 2)):
            apps.append({"platform_id": platform.id, "store": store, "app_name": name,
                         "rating": round(rng.uniform(2.5, 4.9), 1), "ratings": rng.randint(5, 5000),
                         "downloads": int(rng.lognormvariate(9.5, 1.4)), "last_update": updated.isoformat(),
                         "version": f"{rng.randint(1, 4)}.{rng.randint(0, 9)}.{rng.randint(0, 20)}"})
        if stale:
            flags.add(D.STALE_APP)
    return MobileSite(platform=platform, **served_at(platform), place=place, flags=frozenset(flags), items=items,
                      broken=broken, images=images, fixed=fixed, apps=apps)


def image_bytes(size: int, salt: str) -> bytes:
    """A JPEG-looking body of exactly ``size`` bytes (the scanner weighs, it never decodes)."""
    head = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + salt.encode()[:32]
    return (head + b"\x00" * max(0, size - len(head) - 2) + b"\xff\xd9")[:size]
