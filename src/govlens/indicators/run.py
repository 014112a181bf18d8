"""The indicators stage: every indicator for every platform, from the stored observations.

Reads ``observations`` streamed from the store (one query per batch of platforms, its rows fetched a
few at a time and turned into one platform's observations at a time), computes the campaign facts,
evaluates each indicator on each platform, and rewrites ``indicator_values`` and ``findings`` in one
transaction, each batch's rows committed into staging tables as it goes (DuckDB holds a transaction's
appended rows in memory) and moved in at the end: neither the observations nor the values of more
than one batch of platforms are ever held as Python objects, so memory stays flat at national scale.
An indicator that raises is recorded as missing with the error in ``detail`` and logged;
the run goes on.
"""
from __future__ import annotations

import json
import logging
import math
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import ModuleType
from typing import Any

import pandas as pd

from govlens import messages
from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators import catalogue
from govlens.indicators.base import (MISSING, NOT_APPLICABLE, OK, STATUSES, CampaignFacts, IndicatorContext,
                                     IndicatorResult, PlatformObservations)
from govlens.indicators.links.campaign_facts import host_forms, host_key, inlinks_from_hosts
from govlens.registry.model import Platform
from govlens.store.campaign_store import CampaignStore, to_json
from govlens.store.queries import drop_staging, linked_hosts, observation_rows, staging_table, swap_staged
from govlens.text import Messages

log = logging.getLogger(__name__)

#: Platforms whose observations are read in one query, and whose values are written at once (bounds the
#: memory of DuckDB's sorted result and of the rows waiting to be written; fewer is more queries).
BATCH_PLATFORMS = 200
#: Evidence entries stored per indicator value.
MAX_EVIDENCE = 50
#: Failing (indicator, platform) pairs logged with a traceback, per indicator.
MAX_LOGGED_ERRORS = 5


#: What a user reads: the exception itself goes to the log, never into a detail.
T = Messages("indicators-run", {
    "error": ("指标计算出错，未得出结果（详见运行日志）", "the indicator failed on this platform (see the run log)"),
    "accounts_only": ("仅适用于微博、微信账号", "applies to Weibo and WeChat accounts"),
})


@dataclass
class IndicatorRunSummary:
    """What one indicators run did."""

    check_date: date
    platforms: int
    indicators: list[str]
    values: int = 0
    findings: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    findings_by_kind: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    errors_by_indicator: dict[str, int] = field(default_factory=dict)
    elapsed_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"check_date": self.check_date.isoformat(), "platforms": self.platforms,
                "indicators": list(self.indicators), "values": self.values, "findings": self.findings,
                "by_status": dict(self.by_status), "findings_by_kind": dict(self.findings_by_kind),
                "errors": self.errors, "errors_by_indicator": dict(self.errors_by_indicator),
                "elapsed_s": round(self.elapsed_s, 3)}


def run_indicators(store: CampaignStore, platforms: Sequence[Platform], *, indicator_ids: list[str] | None = None,
                   check_date: date, settings: Mapping[str, Any],
                   thresholds: Mapping[str, Mapping[str, Any]] | None = None) -> IndicatorRunSummary:
    """Evaluate the indicators (all when ``indicator_ids`` is None) for ``platforms`` and store the results.

    With ``indicator_ids`` given, only those indicators' rows are replaced; otherwise both
    tables are rewritten whole. ``thresholds`` (indicator id → {name: value}, e.g. a framework's published
    rules) override the defaults the indicators declare; a setting the campaign sets explicitly beats both.
    """
    started = time.monotonic()
    ids = catalogue.all_ids() if indicator_ids is None else list(dict.fromkeys(indicator_ids))
    modules = [catalogue.get(i) for i in ids]  # unknown id → FrameworkError naming it
    batch_modules = [m for m in modules if callable(getattr(m, "evaluate_batch", None))]
    modules = [m for m in modules if m not in batch_modules]
    platforms = list(platforms)
    by_id = {p.id: p for p in platforms}
    links = set(catalogue.with_role("campaign-links"))
    facts = campaign_facts_from_store(store, platforms) if links & set(ids) else CampaignFacts()
    limits = catalogue.thresholds(settings, thresholds, ids)
    ctx = IndicatorContext(check_date=check_date, settings=settings, campaign=facts, thresholds=limits)

    summary = IndicatorRunSummary(check_date=check_date, platforms=len(platforms), indicators=ids)
    status_count: Counter[str] = Counter()
    kind_count: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    n_values = n_found = 0
    # each batch's rows committed into staging tables, then moved in at once (indicator_ids given: only their
    # rows of these platforms are replaced, others stay): a crash never leaves half a run behind
    staged = {table: staging_table(store, table) for table in ("indicator_values", "findings")}
    try:
        values: list[dict[str, Any]] = []
        found: list[dict[str, Any]] = []
        for n, (pid, observations) in enumerate(iter_observations(store, list(by_id)) if modules else (), 1):
            _evaluate_platform(by_id[pid], observations, modules, ctx, (values, found),
                               (status_count, kind_count, errors))
            if n % BATCH_PLATFORMS == 0:     # one platform's observations at a time; a batch's rows at a time
                n_values, n_found = _write_values(store, staged, (values, found), n_values, n_found)
                values, found = [], []
        n_values, n_found = _write_values(store, staged, (values, found), n_values, n_found)
        if batch_modules:
            frames: list[pd.DataFrame] = []
            found = []
            n_batch = _run_batch(store, platforms, batch_modules, ctx, frames, found, status_count, kind_count,
                                 errors)
            for frame in frames:
                store.insert_frame(staged["indicator_values"], frame)
            n_values, n_found = _write_values(store, staged, ([], found), n_values + n_batch, n_found)
        swap_staged(store, staged, ids, None if indicator_ids is None else list(by_id))
    finally:
        drop_staging(store, list(staged.values()))
    summary.values, summary.findings = n_values, n_found
    summary.by_status = dict(sorted(status_count.items()))
    summary.findings_by_kind = dict(sorted(kind_count.items()))
    summary.errors = sum(errors.values())
    summary.errors_by_indicator = dict(sorted(errors.items()))
    summary.elapsed_s = time.monotonic() - started
    for ident, n in summary.errors_by_indicator.items():
        log.warning("%s", messages.t("indicator_run.failed_total", id=ident, n=n))
    log.info("indicators: %d platforms × %d indicators → %d values, %d findings in %.1f s",
             len(platforms), len(ids), summary.values, summary.findings, summary.elapsed_s)
    store.log_step("indicators", "evaluate", {
        "check_date": check_date.isoformat(), "indicator_ids": indicator_ids, "indicators": ids,
        "platforms": len(platforms), "values": summary.values, "findings": summary.findings,
        "by_status": summary.by_status, "findings_by_kind": summary.findings_by_kind,
        "errors_by_indicator": summary.errors_by_indicator,
        "settings": {k: settings[k] for k in settings if k.startswith(("FRESHNESS_", "HTTP_SLOW", "LINKS_"))},
        "thresholds": limits,
    })
    return summary


def _evaluate_platform(platform: Platform, observations: list[Observation], modules: list[ModuleType],
                       ctx: IndicatorContext, out: tuple[list[dict[str, Any]], list[dict[str, Any]]],
                       counts: tuple[Counter[str], Counter[str], Counter[str]]) -> None:
    """Every module on one platform: its value rows and finding rows appended to ``out``; ``counts`` (statuses,
    finding kinds, errors) counted."""
    values, found = out
    status_count, kind_count, errors = counts
    po = PlatformObservations(platform, observations)
    when = _observed_at_index(observations)
    pid = platform.id
    for module in modules:
        result = _evaluate(module, po, ctx, errors)
        status_count[result.status] += 1
        values.append({"platform_id": pid, "indicator_id": module.ID, "value": result.value,
                       "status": result.status, "detail": result.detail,
                       "evidence": to_json([e.as_dict() for e in result.evidence[:MAX_EVIDENCE]])})
        for f in result.findings:
            kind_count[f.kind] += 1
            found.append({"platform_id": pid, "kind": f.kind, "url": f.url, "detail": f.detail,
                          "indicator_id": module.ID, "evidence_url": f.evidence_url or f.url,
                          "snippet": f.snippet,
                          "observed_at": when.get(f.url) or when.get(f.evidence_url) or when.get("")})


def _write_values(store: CampaignStore, staged: Mapping[str, str],
                  rows: tuple[list[dict[str, Any]], list[dict[str, Any]]], n_values: int,
                  n_found: int) -> tuple[int, int]:
    """Insert one batch's value and finding rows into the staging tables; the running counts of both."""
    values, found = rows
    store.insert(staged["indicator_values"], values)
    store.insert(staged["findings"], found)
    return n_values + len(values), n_found + len(found)


def _evaluate(module: ModuleType, po: PlatformObservations, ctx: IndicatorContext,
              errors: Counter[str]) -> IndicatorResult:
    try:
        result = module.evaluate(po, ctx)
        _check(result)
        return result
    except Exception as exc:  # one indicator's bug must not stop a national run
        errors[module.ID] += 1
        text = f"{type(exc).__name__}: {exc}"
        if errors[module.ID] <= MAX_LOGGED_ERRORS:
            log.warning("%s", messages.t("indicator_run.failed", id=module.ID, platform=po.platform.id, error=text),
                        exc_info=True)
        return IndicatorResult(value=None, status=MISSING, detail=T("error"))


def _check(result: Any) -> None:
    """Refuse a malformed result (the indicator's bug, recorded as missing)."""
    if not isinstance(result, IndicatorResult):
        raise TypeError(messages.t("indicator_run.not_result", type=type(result).__name__))
    if result.status not in STATUSES:
        raise ValueError(messages.t("indicator_run.unknown_status", status=_shown(result.status),
                                    statuses=messages.join(list(STATUSES))))
    if result.status == OK:
        try:
            number = float(result.value)
        except (TypeError, ValueError):      # None, a text: not a number at all
            number = math.nan
        if not math.isfinite(number):
            raise ValueError(messages.t("indicator_run.not_finite", value=_shown(result.value)))
        result.value = number
    else:
        result.value = None
    for f in result.findings:
        if f.kind not in defects.ALL_KINDS:
            raise ValueError(messages.t("indicator_run.unknown_finding", kind=_shown(f.kind)))
        if not f.url:
            raise ValueError(messages.t("indicator_run.finding_no_url", kind=_shown(f.kind)))


def _shown(value: Any) -> str:
    """A value an indicator gave, quoted and bounded (never a repr: ``None`` reads as the catalogue's dash)."""
    return messages.quote(messages.t("format.none") if value is None else str(value)[:100])


def _observed_at_index(observations: list[Observation]) -> dict[str, datetime]:
    """URL (visited or final) → when it was observed; "" → the latest observation."""
    when: dict[str, datetime] = {}
    latest = None
    for o in observations:
        if o.url:
            when.setdefault(o.url, o.observed_at)
        final = (o.data or {}).get("final_url") if o.kind == "page" else None
        if final:
            when.setdefault(final, o.observed_at)
        if o.observed_at is not None and (latest is None or o.observed_at > latest):
            latest = o.observed_at
    if latest is not None:
        when[""] = latest
    return when


def iter_observations(store: CampaignStore, platform_ids: list[str],
                      batch: int = BATCH_PLATFORMS) -> Iterator[tuple[str, list[Observation]]]:
    """(platform id, its observations in the order observed) for every id, in sorted order, one platform at a
    time: the rows come streamed from the store (one query per ``batch`` of ids)."""
    rows = iter(observation_rows(store, platform_ids, batch))
    row = next(rows, None)
    for pid in sorted(platform_ids):
        observations: list[Observation] = []
        while row is not None and row[0] == pid:
            observations.append(_observation(row))
            row = next(rows, None)
        yield pid, observations


def _observation(row: tuple) -> Observation:
    pid, probe, kind, url, status, http_status, elapsed_ms, observed_at, data = row
    if isinstance(data, str):
        data = json.loads(data)
    return Observation(platform_id=pid, probe=probe, kind=kind, url=url, status=status, http_status=http_status,
                       elapsed_ms=elapsed_ms, observed_at=observed_at, data=data or {})


def campaign_facts_from_store(store: CampaignStore, platforms: Sequence[Platform]) -> CampaignFacts:
    """Campaign facts from the links of every stored page, extracted in SQL (one query).

    Only hosts that are some platform's host are brought back to Python, so the work is
    linear in the links crawled and the memory in the links between campaign platforms.
    """
    forms: dict[str, str] = {}
    for p in platforms:
        key = host_key(p.host)
        if key:
            for form in host_forms(key):
                forms[form] = key
    if not forms:
        return inlinks_from_hosts(platforms, [])
    pairs = linked_hosts(store, list(forms))
    return inlinks_from_hosts(platforms, ((pid, forms[form]) for pid, form in pairs))


def _run_batch(store: CampaignStore, platforms: Sequence[Platform], modules: list[ModuleType],
               ctx: IndicatorContext, frames: list[pd.DataFrame], found: list[dict[str, Any]],
               status_count: Counter[str], kind_count: Counter[str], errors: Counter[str]) -> int:
    """Batch indicators over the account facts (built once, in SQL); values go out as frames."""
    import numpy as np

    from govlens.contract.observation import utcnow
    from govlens.indicators.newmedia.newmedia_facts import build_facts

    others = [p.id for p in platforms if p.kind not in ("weibo", "wechat")]
    n = 0
    for module in modules:     # every indicator has a row for every platform: not applicable beyond accounts
        if others:
            frames.append(pd.DataFrame({"platform_id": others, "indicator_id": module.ID, "value": np.nan,
                                        "status": NOT_APPLICABLE, "detail": T("accounts_only"),
                                        "evidence": "[]"}))
            status_count[NOT_APPLICABLE] += len(others)
            n += len(others)
    if len(others) == len(platforms):
        return n
    facts = build_facts(store, platforms, ctx.check_date, ctx.settings)
    ids = facts.ids
    now = utcnow()
    for module in modules:
        try:
            result = module.evaluate_batch(facts, ctx)
            if list(result.platform_ids) != ids:
                raise ValueError(messages.t("indicator_run.other_platforms"))
            values = np.asarray(result.values, dtype=float)
            status = np.asarray(result.status, dtype=object)
            bad = (status == OK) & ~np.isfinite(values)
            if bad.any():
                raise ValueError(messages.t("indicator_run.batch_not_finite", n=int(bad.sum())))
            detail = np.asarray(result.detail, dtype=object)
            evidence = np.full(len(ids), "[]", dtype=object)
            pos = {pid: i for i, pid in enumerate(ids)}
            for pid, items in result.evidence.items():
                evidence[pos[pid]] = to_json([e.as_dict() for e in items[:MAX_EVIDENCE]])
            findings = list(result.findings)
            for pid, f in findings:
                if f.kind not in defects.ALL_KINDS or not f.url:
                    raise ValueError(messages.t("indicator_run.bad_finding", kind=_shown(f.kind), platform=pid))
        except Exception as exc:  # one indicator's bug must not stop a national run
            errors[module.ID] += 1
            log.warning("%s", messages.t("indicator_run.failed_batch", id=module.ID, error=exc), exc_info=True)
            values = np.full(len(ids), np.nan)
            status = np.full(len(ids), MISSING, dtype=object)
            detail = np.full(len(ids), T("error"), dtype=object)
            evidence = np.full(len(ids), "[]", dtype=object)
            findings = []
        frames.append(pd.DataFrame({"platform_id": ids, "indicator_id": module.ID,
                                    "value": np.where(status == OK, values, np.nan), "status": status,
                                    "detail": detail, "evidence": evidence}))
        for st, k in zip(*np.unique(status.astype(str), return_counts=True)):
            status_count[st] += int(k)
        for pid, f in findings:
            kind_count[f.kind] += 1
            found.append({"platform_id": pid, "kind": f.kind, "url": f.url, "detail": f.detail,
                          "indicator_id": module.ID, "evidence_url": f.evidence_url or f.url, "snippet": f.snippet,
                          "observed_at": now})
        n += len(ids)
    return n
