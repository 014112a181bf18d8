"""Layout families: the shapes real government CMSs give their pages, one per sandbox site.

Real sites are not written by one hand: a TRS-WCM site, a 大汉 JCMS site and a site built in
2008 with nested tables say the same things (columns, dated lists, the footer identity) in
very different markup. Each sandbox site is rendered in one *family*, drawn from the seed on
its own stream (``f"{seed}:{platform.id}:family"``, so no earlier draw of the site moves):

- ``portal`` — the sandbox's original look (div blocks, ``<ul>`` lists, a ``<form>`` search);
- ``trs`` — TRS-WCM-like: the full guideline ``<meta>`` block, table-layout list blocks with
  year-less ``[MM-DD]`` dates, a PubDate meta that disagrees with the date an article shows,
  side lists (相关文章 / 热点) with dates on articles, a footer site-map block;
- ``jcms`` — 大汉-JCMS-like: GBK pages, div grids whose headings sit several levels above their
  lists, tabbed blocks, a ``<marquee>`` notice block, a directory page among the column pages,
  a script-rendered block;
- ``table`` — an old table layout: nested tables, a search box without ``<form>`` (a text input
  and a button with a JS handler), ``javascript:`` 无障碍 / 关怀版 entries, ``YYYY年MM月DD日`` dates,
  an iframe.

Every family writes the footer identity (网站标识码, ICP, 公安备案, 主办, 承办, 党政机关 badge,
contact) in its own words (:mod:`.identity`) and the guideline metas for each page's role
(:mod:`.meta`). The family is recorded in the ground truth; detectors never see it.
"""
from __future__ import annotations

import random

FAMILIES: tuple[str, ...] = ("portal", "trs", "jcms", "table")
WEIGHTS: tuple[float, ...] = (0.28, 0.26, 0.26, 0.20)


def draw_family(seed: int, platform_id: str) -> tuple[str, random.Random]:
    """The family of one site and the stream its other family decisions are drawn from."""
    rng = random.Random(f"{seed}:{platform_id}:family")
    return rng.choices(FAMILIES, WEIGHTS)[0], rng


def pages(family: str):
    """The module that renders a family's homepage, column pages and articles (``home``, ``column_page``, ``article``)."""
    from govlens.sandbox import render
    from govlens.sandbox.families import jcms, table, trs

    return {"portal": render, "trs": trs, "jcms": jcms, "table": table}[family]
