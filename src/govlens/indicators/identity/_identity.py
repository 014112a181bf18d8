"""Shared reading of the pages' ``site_identity`` block for the compliance indicators.

The national inspection of government websites (2017 guidelines) checks each of these on the homepage
footer (网站标识码, ICP 备案, 公安机关备案, 主办单位, 党政机关网站标识): one indicator per fact
(:func:`homepage_fact` of its field in the homepage's block), each 1 when the homepage shows it and 0 with
a site-level finding (``missing_<fact>``) when it does not. The finding's snippet is the footer text read.
"""
from __future__ import annotations

from typing import Any, Callable

from govlens.contract.observation import Observation
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, clip, page_url,
                                     site_finding)
from govlens.text import Messages

#: The facts by their field in the block (the 2019 national-check wording), then the sentences.
T = Messages("identity", {
    "icp": ("ICP备案编号", "ICP filing number (ICP 备案)"),
    "conac_badge": ("党政机关网站标识", "Party and government website badge (党政机关网站标识)"),
    "police_record": ("公安机关备案号", "public security filing number (公安机关备案号)"),
    "site_code": ("网站标识码", "site code (网站标识码)"),
    "sponsor": ("主办单位", "sponsor (主办单位)"),
    "no_extraction": ("首页读取时未提取网站标识信息", "the homepage was read without site-identity extraction"),
    "shown": ("{what}：{text}", "{what}: {text}"),
    "shown_link": ("{what}：已标注，链接{text}", "{what}: shown, linking to {text}"),
    "present": ("{what}：已标注", "{what}: present"),
    "shown_ev": ("首页标注了{what}", "{what} shown"),
    "missing": ("首页未标注{what}", "the homepage shows no {what}"),
    "missing_no_footer": ("首页未标注{what}（未找到页脚文字）", "the homepage shows no {what} (no footer text found)"),
})


def identity(o: Observation) -> dict[str, Any] | None:
    """The page's ``site_identity`` block, or None when the page was read before it existed."""
    block = (o.data or {}).get("site_identity")
    return block if isinstance(block, dict) else None


def with_identity(pages: list[Observation]) -> list[tuple[Observation, dict[str, Any]]]:
    """(page, its block) for the pages read with the extraction, in their order: guideline-meta, site-code-match."""
    blocks = [(o, identity(o)) for o in pages]
    return [(o, b) for o, b in blocks if b is not None]


def footer_snippet(block: dict[str, Any]) -> str:
    """The footer text the extraction read (bounded; empty when there was none: the detail says so)."""
    return clip(block.get("footer_text"))


def homepage_identity(obs: PlatformObservations) -> tuple[Observation | None, dict[str, Any] | None, str]:
    """(homepage, its block, why missing) — the block is None with a reason when it cannot be judged."""
    home = obs.homepage()
    if home is None:
        return None, None, R("home_not_loaded")
    block = identity(home)
    if block is None:
        return home, None, T("no_extraction")
    return home, block, ""


def shown_on_homepage(obs: PlatformObservations, field: str, kind: str) -> IndicatorResult:
    """1 when the homepage shows ``field`` (truthy in the block), else 0 with a ``kind`` finding."""
    what = T.ref(field)
    home, block, why = homepage_identity(obs)
    if home is None or block is None:
        return IndicatorResult.missing(why)
    url = page_url(home)
    value = block.get(field)
    shown = bool(value.get("present")) if isinstance(value, dict) else bool(value)
    if shown:
        text = (value.get("url") or "") if isinstance(value, dict) else str(value)
        if isinstance(value, dict):
            detail = T("shown_link", what=what, text=clip(text, 80)) if text else T("present", what=what)
        else:
            detail = T("shown", what=what, text=clip(text, 80))
        return IndicatorResult(value=1.0, detail=detail,
                               evidence=[Evidence(url=url, detail=T("shown_ev", what=what), snippet=clip(text))])
    snippet = footer_snippet(block)
    detail = T("missing", what=what) if snippet else T("missing_no_footer", what=what)
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=url, detail=detail, snippet=snippet)],
                           findings=[site_finding(obs, kind, detail, snippet=snippet, evidence_url=url)])


def homepage_fact(field: str, kind: str) -> Callable[[PlatformObservations, IndicatorContext], IndicatorResult]:
    """The yes/no page fact as an indicator's ``evaluate``: :func:`shown_on_homepage` of ``field``, its finding
    ``kind`` (site-code, icp-number, police-record, site-sponsor, conac-badge)."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        return shown_on_homepage(obs, field, kind)
    return evaluate
