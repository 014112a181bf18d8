"""Apply an inspection scheme: vetoes, deductions from full marks, the portal bonus, pass or fail.

Reads ``platforms``, ``indicator_values``, ``findings`` and ``observations`` (for when a
problem was seen); writes ``inspection_results``, one row per platform with every problem
and its evidence, replacing an earlier run of the same scheme. The steps are logged with
their parameters, like the influence index's.

Per platform (see :mod:`govlens.frameworks.inspection` for the rules):

1. *variant*: a department (``org_type`` department) whose service-guide indicator (``services``) is not
   applicable (no 办事指南 found) has no external services: the deduction items marked
   ``service`` are dropped and full marks are ``services_full_marks`` (75), scaled to 100;
2. *vetoes*: any triggered veto rule fails the site, whatever its score;
3. *deductions*: each item's points from its indicator's raw value, capped; an item whose
   indicator is missing is listed as *unchecked* (it neither deducts nor passes);
4. *bonus*: portals (``org_type`` government) whose score is at least ``bonus.min_index``
   add the points of the bonus rules that hold, at most ``bonus.max``;
5. *qualified*: no veto and a score of at least ``pass_mark``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pandas as pd

from govlens.errors import ScoringError
from govlens.frameworks.inspection import InspectionScheme
from govlens.scoring.methods import no_platforms
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import last_observed

NO_SERVICES = "no_external_services"


@dataclass(frozen=True)
class InspectionSummary:
    scheme: str
    platforms: int
    qualified: int
    vetoed: int
    below_pass: int


def _evidence(values_row: dict[str, Any] | None) -> tuple[str, str]:
    """(URL, detail) of an indicator value's first evidence."""
    if not values_row:
        return "", ""
    ev = values_row.get("evidence")
    if isinstance(ev, str):
        try:
            ev = json.loads(ev)
        except ValueError:
            ev = None
    first = ev[0] if isinstance(ev, list) and ev and isinstance(ev[0], dict) else {}
    return str(first.get("url") or ""), str(first.get("detail") or values_row.get("detail") or "")


def _inputs(store: CampaignStore, scheme: InspectionScheme) -> tuple[dict[tuple[str, str], dict[str, Any]],
                                                                    dict[tuple[str, str], list[dict[str, Any]]],
                                                                    dict[str, Any]]:
    """The scheme's indicator values and findings by (platform, indicator), and when each platform was last seen."""
    store.require("indicator_values", "score")
    ids = scheme.indicator_ids()
    values = store.select("indicator_values", "platform_id", "indicator_id", "value", "status", "detail", "evidence",
                          indicator_id=ids)
    found = store.select("findings", "platform_id", "indicator_id", "kind", "url", "detail", "evidence_url",
                         "snippet", "observed_at", order_by=("platform_id", "indicator_id", "rowid"),
                         indicator_id=ids)
    seen_at = last_observed(store)
    by_value: dict[tuple[str, str], dict[str, Any]] = {
        (r["platform_id"], r["indicator_id"]): r for r in values.to_dict("records")}
    by_finding: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in found.to_dict("records"):
        by_finding.setdefault((r["platform_id"], r["indicator_id"]), []).append(r)
    last_seen = {r["platform_id"]: r["t"] for r in seen_at.to_dict("records")}
    return by_value, by_finding, last_seen


def _log_scheme(store: CampaignStore, scheme: InspectionScheme) -> None:
    """The scheme and its rules in the run log (a run is replayed from it)."""
    store.clear_log("inspection")
    store.log_step("inspection", "scheme", {"id": scheme.id, "full_marks": scheme.full_marks,
                                             "pass_mark": scheme.pass_mark, "bonus_cap": scheme.bonus.max,
                                             "bonus_requires_base": scheme.bonus.min_index,
                                             "services_full_marks": scheme.services_full_marks})
    store.log_step("inspection", "rules", {
        "vetoes": {v.id: {"indicator": v.indicator, "op": v.op, "value": v.value} for v in scheme.vetoes},
        "deductions": {d.id: {"indicator": d.indicator, "points": d.points, "cap": d.max, "per": d.per,
                              "above": d.above, "below": d.below,
                              "when": None if d.op is None else [d.op, d.value]}
                       for d in scheme.deductions},
        "bonus": {b.id: {"indicator": b.indicator, "when": [b.op, b.value], "points": b.points}
                  for b in scheme.bonus.items}})


def inspect_campaign(store: CampaignStore, scheme: InspectionScheme, locale: str = "zh-CN", *,
                     services: str | None) -> InspectionSummary:
    """``services``: the indicator whose "not applicable" says a department has no external services (the
    catalogue's ``ROLE = "services"``; the pipeline passes it, scoring knowing no indicator)."""
    platforms = store.select("platforms", "id", "name", "kind", "org_type", "url", order_by=("id",))
    platforms = platforms.rename(columns={"id": "platform_id"})
    platforms = platforms[platforms["kind"].isin(scheme.platform_kinds)]
    if platforms.empty:
        raise ScoringError(no_platforms(scheme.platform_kinds))
    inputs = _inputs(store, scheme)
    _log_scheme(store, scheme)
    rows = [_platform_row(scheme, p, inputs, locale, services) for p in platforms.to_dict("records")]
    store.log_step("inspection", "qualify", {"pass_mark": scheme.pass_mark, "vetoed": "unqualified"})
    store.replace("inspection_results", rows, scheme=scheme.id)
    return InspectionSummary(scheme=scheme.id, platforms=len(rows), qualified=sum(r["qualified"] for r in rows),
                             vetoed=sum(r["vetoed"] for r in rows),
                             below_pass=sum(1 for r in rows if not r["vetoed"] and not r["qualified"]))


def _platform_row(scheme: InspectionScheme, p: dict[str, Any], inputs: tuple[dict, dict, dict],
                  locale: str, services: str | None) -> dict[str, Any]:
    """One platform's check: the variant, its vetoes, deductions and bonus, its score, qualified or not."""
    by_value, by_finding, last_seen = inputs
    pid = p["platform_id"]

    def raw(iid: str) -> float | None:
        r = by_value.get((pid, iid))
        if r is None or r["status"] != "ok" or r["value"] is None or pd.isna(r["value"]):
            return None
        return float(r["value"])

    def problem(kind: str, rule: Any, value: float, points: float) -> dict:
        iid = rule.indicator
        evidence = by_finding.get((pid, iid)) or []
        url, detail = _evidence(by_value.get((pid, iid)))
        when = last_seen.get(pid)
        if evidence:
            url = evidence[0]["evidence_url"] or evidence[0]["url"] or url
            detail = evidence[0]["detail"] or detail
            when = evidence[0]["observed_at"] if evidence[0]["observed_at"] is not None else when
        return {"type": kind, "id": rule.id, "title": rule.title(locale), "indicator": iid, "raw": value,
                "points": points, "detail": detail, "evidence_url": url, "findings": len(evidence),
                "observed_at": None if when is None or pd.isna(when) else pd.Timestamp(when).isoformat()}

    service_row = by_value.get((pid, services)) if services else None
    variant = NO_SERVICES if p["org_type"] == "department" and (
        service_row is None or service_row["status"] == "not_applicable") else ""
    full = scheme.services_full_marks if variant else scheme.full_marks
    problems = [problem("veto", v, value, 0.0) for v in scheme.vetoes
                if (value := raw(v.indicator)) is not None and v.triggered(value)]
    lost, unchecked = 0.0, []
    for d in scheme.deductions:
        if variant and d.service:
            continue
        value = raw(d.indicator)
        if value is None:
            if (by_value.get((pid, d.indicator)) or {}).get("status", "missing") != "not_applicable":
                unchecked.append({"id": d.id, "title": d.title(locale), "indicator": d.indicator})
            continue
        points = d.points_for(value)
        if points > 0:
            lost += points
            problems.append(problem("deduction", d, value, points))
    base = max(0.0, full - lost) * (scheme.full_marks / full)
    bonus = 0.0
    if p["org_type"] == "government" or not scheme.bonus.portals_only:
        for b in scheme.bonus.items:
            value = raw(b.indicator)
            if base >= scheme.bonus.min_index_of(b) and value is not None and (points := b.points_for(value)) > 0:
                bonus += points
                problems.append(problem("bonus", b, value, points))
        bonus = min(scheme.bonus.max, bonus)
    vetoed = any(x["type"] == "veto" for x in problems)
    score = round(base + bonus, 2)
    return {"platform_id": pid, "scheme": scheme.id, "variant": variant, "full_marks": full,
            "deducted": round(lost, 2), "base": round(base, 2), "bonus": round(bonus, 2), "score": score,
            "vetoed": vetoed, "qualified": not vetoed and score >= scheme.pass_mark,
            "problems": problems, "unchecked": unchecked}
