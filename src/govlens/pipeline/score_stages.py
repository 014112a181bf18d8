"""The stages that judge: score (indicators, then the frameworks), the improvement on the previous campaign
(快速发展), the expert review out and back, and the national inspection."""
from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlens.errors import CampaignFileError, FrameworkError, InputError
from govlens.frameworks import validate_references
from govlens.messages import t
from govlens.pipeline.campaign import Campaign, require_file
from govlens.progress import active
from govlens.store import CampaignStore
from govlens.store.queries import findings_per_kind
from govlens.text import LOCALES

from govlens.pipeline.stage import SPOOL_NAME, StageReport, _all_dimensions, campaign_frameworks

if TYPE_CHECKING:
    from govlens.scoring import ScoringSummary


def score(campaign: Campaign, store: CampaignStore, only: set[str] | None = None) -> StageReport:
    """Indicators, then scoring, for every framework of the campaign (or the ``only`` ones)."""
    from govlens.indicators.catalogue import all_ids
    from govlens.indicators.run import run_indicators
    from govlens.scoring import NORMALISATION_METHODS, score_campaign

    t0 = time.perf_counter()
    frameworks = [fw for fw in campaign_frameworks(campaign) if only is None or fw.id in only]
    known = set(all_ids())
    for framework in frameworks:
        validate_references(framework, known, set(NORMALISATION_METHODS))
    store.require("observations", "scan")
    platforms = store.platforms()
    # each indicator runs once, on the platforms every framework using it scores (kinds, and groups if it names some)
    users: dict[str, list[Any]] = {}
    for framework in frameworks:
        for iid in framework.indicator_ids():
            users.setdefault(iid, []).append(framework)
    groups: dict[frozenset[tuple[tuple[str, ...], tuple[str, ...]]], list[str]] = {}
    for iid, fws in users.items():
        groups.setdefault(frozenset((fw.platform_kinds, fw.platform_groups) for fw in fws), []).append(iid)
    bar = active().task("indicators", total=sum(len(ids) for ids in groups.values()))
    limits = rule_thresholds(frameworks)
    for selectors, ids in groups.items():
        run_indicators(store, [p for p in platforms
                               if any(p.kind in kinds and (not grp or p.group in grp) for kinds, grp in selectors)],
                       indicator_ids=ids, check_date=campaign.check_date, settings=campaign.settings,
                       thresholds=limits)
        bar.advance(len(ids))
    bar.finish()
    facts: dict[str, Any] = {}
    if campaign.settings.getbool("EVIDENCE_WARC"):
        from govlens.probes.warc.evidence import EVIDENCE_NAME, write_evidence
        kept = write_evidence(store, campaign.out / SPOOL_NAME, campaign.out / EVIDENCE_NAME, campaign.settings)
        facts["evidence_records"] = kept["evidence_records"]
    scored: dict[str, ScoringSummary] = {}
    reps = int(campaign.settings["SCORING_REPLICATIONS"])
    scoring = active().stage("score")
    bars = {fw.id: scoring.task(fw.id, sum(1 for p in platforms if fw.covers(p.kind, p.group))) for fw in frameworks}
    for framework in frameworks:
        if len(frameworks) > 1 and not any(framework.covers(p.kind, p.group) for p in platforms):
            facts[framework.id] = t("facts.no_platform")
            bars[framework.id].finish()
            continue
        summary: ScoringSummary = score_campaign(store, framework, replications=None if reps < 0 else reps)
        bars[framework.id].finish()
        scored[framework.id] = summary
        if len(frameworks) == 1:
            facts = {"framework": summary.framework, "platforms": summary.platforms, "scored": summary.scored,
                     "vetoed": summary.vetoed, "replications": summary.replications, **facts}
        else:
            facts[framework.id] = t("facts.framework_scored", scored=summary.scored, platforms=summary.platforms,
                                    vetoed=summary.vetoed)
    return StageReport("score", time.perf_counter() - t0, facts, kinds=findings_by_kind(store))


def rule_thresholds(rulebooks: list[Any]) -> dict[str, dict[str, Any]]:
    """The published thresholds the frameworks' (or a scheme's) rules files give the indicators, merged: one
    indicator is run once for every framework, so two rules files giving it two numbers are refused."""
    merged: dict[str, dict[str, Any]] = {}
    seen: dict[tuple[str, str], str] = {}
    for book in rulebooks:
        if book.thresholds is None:
            continue
        for iid, values in book.thresholds.overrides().items():
            for name, value in values.items():
                if merged.setdefault(iid, {}).setdefault(name, value) != value:
                    raise FrameworkError(t("campaign_rules.thresholds_disagree", indicator=iid, name=name,
                                           first=seen[(iid, name)], second=book.thresholds.source),
                                         file=book.source, field="rules")
                seen.setdefault((iid, name), book.thresholds.source)
    return merged


def findings_by_kind(store: CampaignStore) -> dict[str, dict[str, int]]:
    """Findings per platform kind (the summary table's column)."""
    try:
        frame = findings_per_kind(store)
    except Exception:  # noqa: BLE001 - no findings table yet: no column
        return {}
    return {str(k): {"findings": int(n)} for k, n in zip(frame["kind"], frame["n"])}


def improvement(campaign: Campaign, store: CampaignStore) -> StageReport | None:
    """快速发展: this campaign's first framework against the previous campaign's (``previous``), with the
    engine of ``govlens compare``; one ``improvement`` observation per platform in both, then the
    frameworks that use the indicator of ROLE "improvement" are scored again. None when the campaign names no previous
    one, or its first framework has no results yet."""
    from govlens.contract.observation import COMPLETED, Observation
    from govlens.indicators import catalogue
    from govlens.indicators.run import run_indicators
    from govlens.scoring import score_campaign
    from govlens.scoring.compare import compare, load_results

    if campaign.previous is None:
        return None
    t0 = time.perf_counter()
    require_file(campaign, "previous")
    frameworks = campaign_frameworks(campaign)
    first = frameworks[0]
    base = first.id                                  # the campaign's first framework (website-2013)
    if not store.count("results", framework=base):
        return None
    platforms = store.platforms()
    reps = int(campaign.settings["SCORING_REPLICATIONS"])
    titles = {d.id: {loc: d.title(loc) for loc in LOCALES} for d in _all_dimensions(first.dimensions)}
    # the previous store may hold the framework's results under a former id (foreign-2013 → foreign-site-2013)
    table = compare(load_results(campaign.previous, base, aliases=first.names()),
                    load_results(campaign.store_path, base))
    urls = {p.id: p.url for p in platforms}
    rows = []
    for pid, r in table.iterrows():
        change = r.get("index_change")
        if pid not in urls or change is None or change != change:
            continue
        rows.append(Observation(platform_id=str(pid), probe="previous_campaign", kind="improvement", url=urls[pid],
                                status=COMPLETED, data={
                                    "index_old": float(r["index_old"]), "index_new": float(r["index_new"]),
                                    "index_change": float(change), "rank_old": _int(r.get("rank_old")),
                                    "rank_new": _int(r.get("rank_new")), "main_driver": str(r.get("main_driver")),
                                    "main_driver_title": titles.get(str(r.get("main_driver")), {}),
                                    "previous": str(campaign.previous)}).as_row())
    store.replace("observations", rows, probe="previous_campaign")
    changes = catalogue.with_role("improvement")
    for fw in frameworks:
        used = [i for i in changes if i in fw.indicator_ids()]
        if not used:
            continue
        run_indicators(store, [p for p in platforms if p.kind in fw.platform_kinds],
                       indicator_ids=used, check_date=campaign.check_date,
                       settings=campaign.settings, thresholds=rule_thresholds([fw]))
        score_campaign(store, fw, replications=None if reps < 0 else reps)
    return StageReport("improvement", time.perf_counter() - t0,
                       {"improvement": t("facts.compared", n=len(rows), name=campaign.previous.name)})


def _int(v: Any) -> int | None:
    try:
        return None if v is None or v != v else int(v)
    except (TypeError, ValueError):
        return None


def review_export(campaign: Campaign, store: CampaignStore, out: Path | None = None) -> StageReport:
    """Expert sheets for every framework with a review section (campaign keys ``reviewers``, ``review_dir``)."""
    from govlens.review import export_review, load_experts

    t0 = time.perf_counter()
    if campaign.reviewers is None:
        raise CampaignFileError(t("campaign.no_reviewers"), file=str(campaign.path), field="campaign.reviewers")
    require_file(campaign, "reviewers")
    task = active().task("review export")
    experts, errors = load_experts(campaign.reviewers)
    folder = out or campaign.review_dir or campaign.out / "review"
    from govlens.report.locale import load_locale

    summary = export_review(store, campaign_frameworks(campaign), experts, folder,
                            exclude_own=str(campaign.settings["REVIEW_EXCLUDE_OWN"]), locale=campaign.locale,
                            labels=load_locale(campaign.locale))
    loads = sorted(summary.load.values())
    task.finish()
    return StageReport("review export", time.perf_counter() - t0,
                       {"folder": str(folder), "experts": len(summary.files), "platforms": summary.platforms,
                        "load": t("facts.per_expert", low=loads[0], high=loads[-1]) if loads else t("format.none")},
                       [str(e) for e in errors])


def review_import(campaign: Campaign, store: CampaignStore, files: list[Path] | None = None,
                  rescore: bool = True) -> list[StageReport]:
    """Read the filled sheets (``files``, else every workbook of the review folder), then score again."""
    from govlens.review import import_review

    t0 = time.perf_counter()
    if not files:
        folder = campaign.review_dir or campaign.out / "review"
        files = sorted(folder.glob("*.xlsx")) if folder.is_dir() else []
        if not files:
            raise InputError(t("campaign.no_review_workbook"), file=str(folder.resolve()))
    s = campaign.settings
    task = active().task("review import", total=len(files))
    result = import_review(store, files, campaign_frameworks(campaign),
                           min_agreement=float(s["REVIEW_MIN_AGREEMENT"]), outlier_z=float(s["REVIEW_OUTLIER_Z"]))
    task.finish()
    icc = t("format.list_sep").join(f"{fid} {k.removesuffix(':overall')} {round(v, 3)}"
                                    for fid, vals in result.agreement.items()
                                    for k, v in vals.items() if k.endswith(":overall")) or t("format.none")
    reports = [StageReport("review import", time.perf_counter() - t0,
                           {"files": result.files, "sheets": result.sheets, "scores": result.scores,
                            "platforms": result.platforms, "outliers": result.outliers, "agreement": icc},
                           [str(e) for e in result.errors]
                           + [t("problems.not_scored", item=x) for x in result.not_scored[:20]])]
    if rescore:       # the frameworks whose index takes the experts' scores
        only = {fw.id for fw in campaign_frameworks(campaign) if fw.review}
        reports.append(score(campaign, store, only=only))
        if campaign_frameworks(campaign)[0].id in only:      # the base framework moved: its improvement too
            again = improvement(campaign, store)
            reports += [again] if again is not None else []
    return reports


def inspect(campaign: Campaign, store: CampaignStore) -> StageReport:
    """The national check: the scheme's indicators, then vetoes, deductions, bonus, qualified or not."""
    from govlens.frameworks.inspection import (
        load_inspection_scheme,
        validate_scheme_references,
    )
    from govlens.indicators.catalogue import all_ids, with_role
    from govlens.indicators.run import run_indicators
    from govlens.scoring.inspection import inspect_campaign

    t0 = time.perf_counter()
    scheme = load_inspection_scheme(campaign.inspection)
    validate_scheme_references(scheme, set(all_ids()))
    store.require("observations", "scan")
    chosen = [p for p in store.platforms() if p.kind in scheme.platform_kinds]
    task = active().task("inspect", scheme.id, len(chosen))
    run_indicators(store, chosen, indicator_ids=scheme.indicator_ids(), check_date=campaign.check_date,
                   settings=campaign.settings, thresholds=rule_thresholds([scheme]))
    summary = inspect_campaign(store, scheme, campaign.locale, services=next(iter(with_role("services")), None))
    task.finish()
    return StageReport("inspect", time.perf_counter() - t0,
                       {"scheme": summary.scheme, "platforms": summary.platforms, "qualified": summary.qualified,
                        "vetoed": summary.vetoed, "below_pass": summary.below_pass})
