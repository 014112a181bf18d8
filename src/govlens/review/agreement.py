"""How far the experts agree, and which of them are outliers.

*Agreement*: the intraclass correlation of a one-way random-effects model, ICC(1) for one
expert and ICC(1,k) for the mean of k, with 95 % confidence intervals, computed by pingouin
(``intraclass_corr``). One-way because each platform is scored by its own experts (a balanced
incomplete design): the raters of a platform are relabelled 1…k, which is what ICC(1) assumes.
Per item and for each platform's mean over items; on every expert, and on the kept ones.

*Outliers*: for each expert, over the platforms they scored, the Spearman correlation (scipy) of
their mean score with the other experts' mean for the same platform (leave-one-out consensus),
and their mean offset and mean distance from it. An expert is an outlier when the correlation is below
``min_agreement`` (they rank platforms unlike everyone else) or the offset is more than
``outlier_z`` robust z-scores (median and MAD over experts, the scale floored at 5 % of the
range) from the other experts' offsets (they are systematically harsher or kinder), or their
distance from the others is that far above the experts' usual distance (they score at random).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

MIN_SHARED = 3          # platforms an expert shares with others before a correlation means anything
MIN_SCALE = 0.05        # floor of the offsets' robust scale (5 % of an item's range): when the experts agree
                        # closely, a few tenths of a point is taste, not an outlier


def expert_stats(scores: pd.DataFrame, *, min_agreement: float, outlier_z: float) -> pd.DataFrame:
    """One row per expert: ratings, correlation, offset, offset_z, outlier, reason (``share`` in 0–1)."""
    from scipy.stats import spearmanr

    mean = scores.groupby(["platform_id", "expert_id"])["share"].mean().rename("m").reset_index()
    tot = mean.groupby("platform_id")["m"].agg(["sum", "count"])
    mean = mean.join(tot, on="platform_id")
    mean = mean[mean["count"] > 1]
    mean["others"] = (mean["sum"] - mean["m"]) / (mean["count"] - 1)
    rows = []
    for eid, g in mean.groupby("expert_id"):
        corr = float("nan")
        if len(g) >= MIN_SHARED and g["m"].nunique() > 1 and g["others"].nunique() > 1:
            corr = float(spearmanr(g["m"], g["others"]).statistic)
        rows.append({"expert_id": eid, "ratings": int(len(g)), "correlation": corr,
                     "offset": float((g["m"] - g["others"]).mean()),
                     "distance": float((g["m"] - g["others"]).abs().mean())})
    stats = pd.DataFrame(rows, columns=["expert_id", "ratings", "correlation", "offset", "distance"])
    if stats.empty:
        return stats.assign(offset_z=[], outlier=[], reason=[])
    med = float(stats["offset"].median())
    mad = float((stats["offset"] - med).abs().median()) * 1.4826
    scale = max(mad, MIN_SCALE)
    stats["offset_z"] = (stats["offset"] - med) / scale
    dmed = float(stats["distance"].median())
    dscale = max(float((stats["distance"] - dmed).abs().median()) * 1.4826, MIN_SCALE)
    stats["distance_z"] = (stats["distance"] - dmed) / dscale
    reasons = []
    for corr, z, dz in zip(stats["correlation"], stats["offset_z"], stats["distance_z"]):
        why = []
        if dz > outlier_z:
            why.append(f"scores {dz:+.1f} robust z further from the other experts' than usual (beyond {outlier_z:g})")
        if corr == corr and corr < min_agreement:
            why.append(f"correlation {corr:.2f} with the other experts (below {min_agreement:g})")
        if abs(z) > outlier_z:
            why.append(f"offset {z:+.1f} robust z from the other experts (beyond {outlier_z:g})")
        reasons.append("; ".join(why))
    stats["reason"] = reasons
    stats["outlier"] = [bool(r) for r in reasons]
    return stats


def find_outliers(scores: pd.DataFrame, *, min_agreement: float, outlier_z: float) -> pd.DataFrame:
    """:func:`expert_stats`, one outlier at a time: the worst is set aside and the rest judged again.

    An outlier pulls the consensus of every platform it scored, so its fellow experts look odd
    too and a second outlier can hide behind the first; judging again without it (the iterative
    outlier removal of inter-rater studies) finds each in turn. The rows of the experts set aside
    are those of the round that flagged them.
    """
    aside: list[dict[str, Any]] = []
    while True:
        sub = scores[~scores["expert_id"].isin([r["expert_id"] for r in aside])]
        stats = expert_stats(sub, min_agreement=min_agreement, outlier_z=outlier_z)
        flagged = stats[stats["outlier"]] if not stats.empty else stats
        if flagged.empty or len(stats) <= 3:
            break
        corr = flagged["correlation"].fillna(1.0)
        severity = pd.concat([flagged["offset_z"].abs(), flagged["distance_z"],
                              (min_agreement - corr).clip(lower=0) * 10], axis=1).max(axis=1)
        aside.append(flagged.loc[severity.idxmax()].to_dict())
    if not aside:
        return stats
    return pd.concat([stats[stats["outlier"] == False] if not stats.empty else stats,  # noqa: E712
                      pd.DataFrame(aside)], ignore_index=True).sort_values("expert_id", ignore_index=True)


def agreement(scores: pd.DataFrame, k: int, kept: set[str]) -> list[dict[str, Any]]:
    """ICC(1) and ICC(1,k) per item and overall, on every expert and on the kept ones."""
    out = []
    for label, sub in (("all", scores), ("kept", scores[scores["expert_id"].isin(kept)])):
        per_item = [(item, g) for item, g in sub.groupby("item")]
        overall = sub.groupby(["platform_id", "expert_id"])["share"].mean().rename("share").reset_index()
        for item, g in per_item + [("overall", overall)]:
            out += _icc(g, item, label)
    return out


def _icc(g: pd.DataFrame, item: str, label: str) -> list[dict[str, Any]]:
    import pingouin as pg

    g = g.copy()
    counts = g.groupby("platform_id")["expert_id"].transform("count")
    raters = int(counts.mode().iloc[0]) if len(counts) else 0
    g = g[counts == raters]
    if raters < 2 or g["platform_id"].nunique() < 3:
        return []
    g["slot"] = g.groupby("platform_id").cumcount() + 1
    value = "share" if "share" in g else "score"
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")          # pingouin's own deprecation notices from pandas
            table = pg.intraclass_corr(data=g, targets="platform_id", raters="slot", ratings=value)
    except (AssertionError, ValueError):
        return []
    rows = []
    for name, label_ in (("ICC(1,1)", "ICC1"), ("ICC(1,k)", "ICC1k")):
        found = table[table["Type"].isin([name, label_])]
        if found.empty:
            continue
        r = found.iloc[0]
        ci = r["CI95"] if "CI95" in r else r["CI95%"]
        rows.append({"item": item, "method": f"{label_} ({label})", "value": float(r["ICC"]),
                     "ci_low": float(ci[0]), "ci_high": float(ci[1]), "n_platforms": int(g["platform_id"].nunique()),
                     "raters": raters})
    return rows
