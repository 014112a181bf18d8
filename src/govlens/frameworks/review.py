"""A framework's ``review`` section: what the experts score, who is reviewed, how scores combine.

    review:
      candidates: all              # all: every platform the framework scores; materials: only those
                                   # with a self-nomination or recommendation (materials file)
      materials: [self_nomination, recommendation]   # material types shown to the experts
      experts_per_platform: 3
      outliers: exclude            # exclude | keep: outlier experts' scores in the blend or not
      items:
        - id: leading
          title: {zh-CN: 领先性, en: Leading}
          definition: {zh-CN: 栏目在同类栏目中的领先程度…, en: …}
          min: 0
          max: 10

The experts' item means (scaled to 0–100) enter the index through the framework's indicators
(``expert-review`` = the mean of every item, ``expert-<item>`` = one item): the blend of measured
and expert scores is the weights the framework gives them, like any other indicator.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govlens.errors import FrameworkError
from govlens.messages import did_you_mean, join, quote, t

MATERIAL_TYPES = ("self_nomination", "recommendation")


@dataclass(frozen=True)
class ReviewItem:
    id: str
    titles: dict[str, str]
    definitions: dict[str, str]
    min: float
    max: float

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)

    def definition(self, locale: str = "zh-CN") -> str:
        return self.definitions.get(locale) or next(iter(self.definitions.values()), "")


@dataclass(frozen=True)
class ReviewSpec:
    items: tuple[ReviewItem, ...]
    candidates: str = "all"
    materials: tuple[str, ...] = ()
    experts_per_platform: int = 3
    outliers: str = "exclude"

    def item(self, item_id: str) -> ReviewItem:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)


def _r(key: str, **values: Any) -> str:
    """A load error's reason in the process's language (``config.<key>``; load.py imports this module)."""
    return t(f"config.{key}", **values)


def parse_review(raw: Any, err: Callable[[str, str], FrameworkError]) -> ReviewSpec | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise err(_r("review_mapping"), "review")
    known = {"candidates", "materials", "experts_per_platform", "outliers", "items"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise err(t("config.unknown_key", key=unknown[0], hint=did_you_mean(str(unknown[0]), known)), f"review.{unknown[0]}")
    candidates = raw.get("candidates", "all")
    if candidates not in ("all", "materials"):
        raise err(_r("either", a=quote("all"), b=quote("materials")), "review.candidates")
    materials = raw.get("materials", [])
    if not isinstance(materials, list) or any(m not in MATERIAL_TYPES for m in materials):
        raise err(_r("list_of", names=join(list(MATERIAL_TYPES))), "review.materials")
    k = raw.get("experts_per_platform", 3)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise err(_r("whole_number_min", minimum=1), "review.experts_per_platform")
    outliers = raw.get("outliers", "exclude")
    if outliers not in ("exclude", "keep"):
        raise err(_r("either", a=quote("exclude"), b=quote("keep")), "review.outliers")
    items_raw = raw.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise err(_r("non_empty_list"), "review.items")
    items, seen = [], set()
    for i, it in enumerate(items_raw):
        path = f"review.items[{i}]"
        if not isinstance(it, dict):
            raise err(_r("mapping"), path)
        iid = it.get("id")
        if not isinstance(iid, str) or not iid.strip() or not iid.replace("-", "").replace("_", "").isalnum():
            raise err(_r("item_id"), f"{path}.id")
        if iid in seen:
            raise err(_r("duplicate_item", id=iid), f"{path}.id")
        seen.add(iid)
        lo, hi = it.get("min", 0), it.get("max", 10)
        if isinstance(lo, bool) or isinstance(hi, bool) or not isinstance(lo, (int, float)) \
                or not isinstance(hi, (int, float)) or not lo < hi:
            raise err(_r("min_below_max"), f"{path}.max")
        items.append(ReviewItem(id=iid, titles=_text(it.get("title"), iid, f"{path}.title", err),
                                definitions=_text(it.get("definition"), "", f"{path}.definition", err),
                                min=float(lo), max=float(hi)))
    return ReviewSpec(items=tuple(items), candidates=candidates, materials=tuple(materials),
                      experts_per_platform=k, outliers=outliers)


def _text(value: Any, default: str, path: str, err: Callable[[str, str], FrameworkError]) -> dict[str, str]:
    if value is None:
        return {"zh-CN": default} if default else {}
    if isinstance(value, str):
        return {"zh-CN": value}
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise err(_r("titles"), path)
