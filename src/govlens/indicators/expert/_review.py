"""What the expert-review indicators share: reading the ``expert_review`` observation of a platform.

``govlens review import`` writes one ``expert_review`` observation per reviewed platform and
framework: every kept expert's item scores, each item's mean over the kept experts scaled to
0–100, and the experts left out as outliers (``docs/observations.md``); outlier experts are left out
when the framework's review section says so. Each expert indicator is :func:`review_item` of one item (or
of them all): missing when the platform was not reviewed.
"""
from __future__ import annotations

from typing import Callable

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages

T = Messages("review", {
    "mean": ("{n}位专家评分的平均值（{experts}，满分100）", "mean of {n} experts ({experts}) on 0–100"),
    "mean_left": ("{n}位专家评分的平均值（{experts}，满分100）；作为离群值剔除：{left}",
                  "mean of {n} experts ({experts}) on 0–100; left out as outliers: {left}"),
    "expert": ("{expert}：{mean}", "{expert}: {mean}"),
    "none": ("未经专家评审（govlens review）", "not reviewed by the experts (govlens review)"),
})


def item_score(obs: PlatformObservations, item: str | None) -> IndicatorResult:
    """The mean of the kept experts' scores of ``item`` (None: of every item), on 0–100."""
    for o in obs.of("expert_review"):
        data = o.data or {}
        means = data.get("items") or {}
        if item is None:
            value = data.get("overall")
        else:
            value = means.get(item)
        if value is None:
            continue
        kept = data.get("kept") or []
        left = data.get("excluded") or []
        detail = (T("mean_left", n=len(kept), experts=", ".join(kept), left=", ".join(left)) if left
                  else T("mean", n=len(kept), experts=", ".join(kept)))
        evidence = [Evidence(url=o.url, detail=T("expert", expert=e.get("expert"), mean=e.get("mean")),
                             snippet=str(e.get("source") or "")) for e in data.get("experts") or []]
        return IndicatorResult(value=float(value), detail=detail, evidence=evidence)
    return IndicatorResult.missing(T("none"))


def review_item(item: str | None) -> Callable[[PlatformObservations, IndicatorContext], IndicatorResult]:
    """An ``evaluate`` giving :func:`item_score` of ``item``: expert-design, -local, -management, -service
    (one item each) and expert-review (None: every item)."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        return item_score(obs, item)
    return evaluate
