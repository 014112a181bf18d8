"""What the expert-review indicators share: reading the ``expert_review`` observation of a platform.

``govlens review import`` writes one ``expert_review`` observation per reviewed platform and
framework: every kept expert's item scores, each item's mean over the kept experts scaled to
0–100, and the experts left out as outliers (``docs/observations.md``).
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorResult, PlatformObservations


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
        detail = (f"mean of {len(kept)} experts ({', '.join(kept)}) on 0–100"
                  + (f"; left out as outliers: {', '.join(left)}" if left else ""))
        evidence = [Evidence(url=o.url, detail=f"{e.get('expert')}: {e.get('mean')}",
                             snippet=f"{e.get('source')}") for e in data.get("experts") or []]
        return IndicatorResult(value=float(value), detail=detail, evidence=evidence)
    return IndicatorResult.missing("not reviewed by the experts (govlens review)")
