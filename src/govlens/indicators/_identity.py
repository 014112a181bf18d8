"""Shared reading of the pages' ``site_identity`` block for the compliance indicators.

The national inspection checks each of these on the homepage footer (网站标识码, ICP 备案, 公安机关
备案, 主办单位, 党政机关网站标识): one indicator per fact, each 1 when the homepage shows it and 0
with a site-level finding when it does not. The finding's snippet is the footer text read.
"""
from __future__ import annotations

from typing import Any

from govlens.indicators.base import (Evidence, IndicatorResult, PlatformObservations, clip, page_url,
                                     site_finding)
from govlens.probes.observation import Observation


def identity(o: Observation) -> dict[str, Any] | None:
    """The page's ``site_identity`` block, or None when the page was read before it existed."""
    block = (o.data or {}).get("site_identity")
    return block if isinstance(block, dict) else None


def footer_snippet(block: dict[str, Any]) -> str:
    """The footer text the extraction read (bounded), or a plain "no footer text" when there was none."""
    return clip(block.get("footer_text")) or "(no footer text found)"


def homepage_identity(obs: PlatformObservations) -> tuple[Observation | None, dict[str, Any] | None, str]:
    """(homepage, its block, why missing) — the block is None with a reason when it cannot be judged."""
    home = obs.homepage()
    if home is None:
        return None, None, "the homepage never loaded"
    block = identity(home)
    if block is None:
        return home, None, "the homepage was read without site-identity extraction"
    return home, block, ""


def shown_on_homepage(obs: PlatformObservations, field: str, kind: str, what: str) -> IndicatorResult:
    """1 when the homepage shows ``field`` (truthy in the block), else 0 with a ``kind`` finding."""
    home, block, why = homepage_identity(obs)
    if home is None or block is None:
        return IndicatorResult.missing(why)
    url = page_url(home)
    value = block.get(field)
    shown = bool(value.get("present")) if isinstance(value, dict) else bool(value)
    if shown:
        text = (value.get("url") or "present") if isinstance(value, dict) else str(value)
        return IndicatorResult(value=1.0, detail=f"{what}: {clip(text, 80)}",
                               evidence=[Evidence(url=url, detail=f"{what} shown", snippet=clip(text))])
    snippet = footer_snippet(block)
    detail = f"the homepage shows no {what}"
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=url, detail=detail, snippet=snippet)],
                           findings=[site_finding(obs, kind, detail, snippet=snippet, evidence_url=url)])
